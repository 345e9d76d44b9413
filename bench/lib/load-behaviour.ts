import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { ParticipantLedger, SessionRig } from './load-ledger.ts';
import type { Recorder, WireAck } from './load-record.ts';
import type { BenchSocket } from './targets.ts';

/** Share of commands sent a second time with the same id, as a client does after a lost ack. */
export const RETRY_SHARE = 0.02;

const WORDS = 'inkoop gemeente zorgkantoor tarief dialoog uitvraag meerzorg contract standaard administratie kostprijs indexering overleg regio'.split(' ');
const sentence = (n: number): string => Array.from({ length: n }, () => WORDS[Math.floor(Math.random() * WORDS.length)]).join(' ');

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
/** Exponential gaps: independent people acting at a mean rate. */
export const gap = (meanMs: number) => -Math.log(1 - Math.random()) * meanMs;

/**
 * Sends a command; now and then sends it again with the same payload, either at once (both in
 * flight together) or after the first ack (the client never saw it). Both must get ok.
 */
export async function sendMaybeTwice(rec: Recorder, socket: BenchSocket, event: string, payload: unknown): Promise<WireAck | null> {
  if (Math.random() >= RETRY_SHARE) return rec.send(socket, event, payload);
  rec.retries.sent++;
  const label = `${event} (re-sent)`;
  let first: WireAck | null;
  let second: WireAck | null;
  if (Math.random() < 0.5) {
    [first, second] = await Promise.all([rec.send(socket, event, payload), rec.send(socket, event, payload, label)]);
  } else {
    first = await rec.send(socket, event, payload);
    second = await rec.send(socket, event, payload, label);
  }
  if (first?.ok !== second?.ok) rec.retries.differed++;
  return first?.ok ? first : second?.ok ? second : (first ?? second);
}

/** Posts cards at a personal rate of 2-6 per minute until `until` (performance.now() time). */
export async function postCards(rec: Recorder, rig: SessionRig, p: ParticipantLedger, until: number): Promise<void> {
  const meanGap = 60_000 / (2 + 4 * Math.random());
  for (;;) {
    const wait = gap(meanGap);
    if (performance.now() + wait >= until) return;
    await sleep(wait);
    const id = randomUUID();
    // The tag makes each card recognisable by its text too: a card stored twice would show.
    const payload = { sessionId: rig.sessionId, id, text: `${sentence(8 + Math.floor(Math.random() * 10))} #${id.slice(0, 8)}`,
      columnId: rig.columnIds[Math.floor(Math.random() * rig.columnIds.length)]!, domain: 'Wlz', anonymous: Math.random() < 1 / 3 };
    rig.inFlight.set(id, { sentAt: performance.now(), sender: p.id, remaining: rig.participants.length - 1 });
    const ack = await sendMaybeTwice(rec, p.socket, 'card:add', payload);
    if (ack === null) p.cardsUnknown.add(id);
    else if (!ack.ok) p.cardsRefused.add(id);
    else {
      p.cards.add(id);
      rig.cardIds.push(id);
    }
  }
}

/** Spends the vote budget on random cards, a vote every few seconds, until `until`. */
export async function castVotes(rec: Recorder, rig: SessionRig, p: ParticipantLedger, until: number, budget: number, perCard: number): Promise<void> {
  const meanGap = Math.max(4000, (until - performance.now()) / (budget + 1));
  const mine = new Map<string, number>();
  let used = 0;
  while (used < budget) {
    const wait = gap(meanGap);
    if (performance.now() + wait >= until) return;
    await sleep(wait);
    const cardId = rig.cardIds[Math.floor(Math.random() * rig.cardIds.length)];
    if (cardId === undefined || (mine.get(cardId) ?? 0) >= perCard) continue;
    const id = randomUUID();
    const ack = await sendMaybeTwice(rec, p.socket, 'vote:cast', { sessionId: rig.sessionId, id, cardId });
    if (ack === null) p.votesUnknown.add(id);
    else if (!ack.ok) {
      p.votesRefused.add(id);
      if (ack.error === 'budget_exhausted') return;
    } else {
      p.votes.add(id);
      mine.set(cardId, (mine.get(cardId) ?? 0) + 1);
      used++;
    }
  }
}

/** Kinds of poll the sessions take turns with, and their option labels. */
export const POLL_SETUPS = [
  { kind: 'single', options: ['Ja', 'Nee', 'Weet ik niet'] },
  { kind: 'scale', options: [] },
  { kind: 'multiple', options: ['Tarief', 'Administratie', 'Contractduur', 'Overleg'] },
  { kind: 'bucket', options: ['0-25%', '25-50%', '50-75%', '75-100%'] },
  { kind: 'number', options: [] },
] as const;
type PollSetup = (typeof POLL_SETUPS)[number];

/** A random answer that fits the poll; option ids follow the labels' order (option-1, ...). */
function randomAnswer(setup: PollSetup): unknown {
  const pick = (n: number) => Math.floor(Math.random() * n);
  if (setup.kind === 'scale') return { value: 1 + pick(5) };
  if (setup.kind === 'number') return { value: pick(200) };
  const ids = setup.options.map((_, i) => `option-${i + 1}`);
  if (setup.kind !== 'multiple') return { optionIds: [ids[pick(ids.length)]!] };
  const chosen = ids.filter(() => Math.random() < 0.5);
  return { optionIds: chosen.length > 0 ? chosen : [ids[pick(ids.length)]!] };
}

/** Most participants answer the open poll after a while; a quarter change their mind later. */
export async function answerPoll(rec: Recorder, rig: SessionRig, p: ParticipantLedger, setup: PollSetup, spanMs: number, until: number): Promise<void> {
  if (Math.random() < 0.1 || rig.pollId === null) return;
  const answers = Math.random() < 0.25 ? 2 : 1;
  for (let k = 0; k < answers; k++) {
    // People take a while to read the question: seconds, not all in the same one.
    const wait = 1000 + gap(k === 0 ? Math.min(10_000, spanMs * 0.1) : Math.min(20_000, spanMs * 0.15));
    if (performance.now() + wait >= until) return;
    await sleep(wait);
    const answer = randomAnswer(setup);
    const ack = await sendMaybeTwice(rec, p.socket, 'poll:answer', { sessionId: rig.sessionId, pollId: rig.pollId, answer });
    if (ack === null) p.answerUnknown = true;
    else if (ack.ok) {
      p.answer = answer;
      p.answerUnknown = false;
    }
  }
}
