import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { BenchSocket, Target } from './targets.ts';

export interface DriveResult {
  cardLatencies: number[];
  voteLatencies: number[];
  acked: { cards: string[]; votes: string[] };
  failed: number;
  undelivered: number;
}

const WORDS = 'inkoop gemeente zorgkantoor tarief dialoog uitvraag meerzorg contract standaard administratie kostprijs indexering overleg regio'.split(' ');
const sentence = (): string => Array.from({ length: 12 }, () => WORDS[Math.floor(Math.random() * WORDS.length)]).join(' ');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Exponential gaps: independent people acting at a mean rate. */
const gap = (meanMs: number) => -Math.log(1 - Math.random()) * meanMs;

interface Pending {
  sentAt: number;
  sender: number;
  remaining: number;
  latest: number;
}

/**
 * Drives one target: every participant posts cards during the first half and votes during the
 * second, at `perMinute` actions each. Latency of a command = time from its send until the last
 * other participant has received the resulting fact.
 */
export async function drive(target: Target, url: string, clients: number, seconds: number, perMinute: number): Promise<DriveResult> {
  const run = await target.prepare(url, clients);
  const { sockets } = run;
  const cards = new Map<string, Pending>();
  const cardIds: string[] = [];
  // Votes on a card are recognised by the total they bring it to.
  const votes = new Map<string, Pending[]>();
  const voteSeen = sockets.map(() => new Map<string, number>());
  const cardLatencies: number[] = [];
  const voteLatencies: number[] = [];
  const acked = { cards: [] as string[], votes: [] as string[] };
  let failed = 0;

  const settle = (p: Pending, now: number, into: number[]) => {
    p.latest = Math.max(p.latest, now);
    if (--p.remaining === 0) into.push(p.latest - p.sentAt);
  };
  sockets.forEach((socket: BenchSocket, r) => {
    socket.on('card:upserted', (card: { id: string }) => {
      const p = cards.get(card.id);
      if (p && p.sender !== r && p.remaining > 0) settle(p, performance.now(), cardLatencies);
    });
    socket.on('votes:updated', (v: { cardId: string; total: number }) => {
      const seen = voteSeen[r]!;
      const from = seen.get(v.cardId) ?? 0;
      if (v.total <= from) return;
      seen.set(v.cardId, v.total);
      const list = votes.get(v.cardId) ?? [];
      for (let k = from; k < Math.min(v.total, list.length); k++) {
        const p = list[k]!;
        if (p.sender !== r && p.remaining > 0) settle(p, performance.now(), voteLatencies);
      }
    });
  });

  // Each participant acts after exponential gaps until the deadline; a gap past it ends the loop
  // at the deadline rather than after the gap, so every phase lasts as long as asked.
  const loop = async (until: number, act: () => Promise<void>) => {
    for (;;) {
      const wait = gap(60_000 / perMinute);
      if (performance.now() + wait >= until) return sleep(Math.max(0, until - performance.now()));
      await sleep(wait);
      await act().catch(() => void failed++);
    }
  };
  const half = (seconds * 1000) / 2;

  let until = performance.now() + half;
  await Promise.all(sockets.map((socket, r) => loop(until, async () => {
    const id = randomUUID();
    cards.set(id, { sentAt: performance.now(), sender: r, remaining: sockets.length - 1, latest: 0 });
    const ack = await socket.timeout(15_000).emitWithAck('card:add', run.cardPayload(id, sentence()));
    if (!ack.ok) throw new Error(ack.message);
    acked.cards.push(id);
    cardIds.push(id);
  })));
  await sleep(500);
  await run.startVoting();

  until = performance.now() + half;
  const voted = sockets.map(() => new Set<string>());
  await Promise.all(sockets.map((socket, r) => loop(until, async () => {
    const cardId = cardIds[Math.floor(Math.random() * cardIds.length)];
    if (!cardId || voted[r]!.has(cardId)) return;
    voted[r]!.add(cardId);
    const id = randomUUID();
    const list = votes.get(cardId) ?? [];
    votes.set(cardId, list);
    list.push({ sentAt: performance.now(), sender: r, remaining: sockets.length - 1, latest: 0 });
    const ack = await socket.timeout(15_000).emitWithAck('vote:cast', run.votePayload(id, cardId));
    if (!ack.ok) throw new Error(ack.message);
    acked.votes.push(id);
  })));
  await sleep(2000);
  run.close();
  const undelivered = [...cards.values(), ...[...votes.values()].flat()].filter((p) => p.remaining > 0).length;
  return { cardLatencies, voteLatencies, acked, failed, undelivered };
}
