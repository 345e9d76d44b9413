import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { answerPoll, castVotes, POLL_SETUPS, postCards, sendMaybeTwice, sleep } from './load-behaviour.ts';
import type { SessionRig } from './load-ledger.ts';
import type { Recorder } from './load-record.ts';

/** The app's default vote settings (shared/domain/session-factory.ts), which the sessions keep. */
export const VOTE_BUDGET = 5;
export const VOTES_PER_CARD = 3;

/**
 * When things happen, as shares of the run: collecting from the start, a live poll opened at 30%
 * and closed at 90%, voting from 55% to the end. Each session's facilitator runs up to 10% of the
 * run (at most 10 s) behind the clock, as independent workshops do.
 */
const AT = { poll: 0.3, voting: 0.55, pollAnswersEnd: 0.85, pollClose: 0.9 } as const;
/** Participants stop starting commands this long before the phase they belong to ends. */
const MARGIN_MS = 1000;

/** Listens for cards reaching the other participants of the session. */
function watchFanout(rig: SessionRig, rec: Recorder): void {
  for (const p of rig.participants) {
    p.socket.on('card:upserted', (card: { id: string }) => {
      const sent = rig.inFlight.get(card.id);
      if (!sent || sent.sender === p.id || sent.remaining <= 0) return;
      const latency = performance.now() - sent.sentAt;
      rec.fanout.push(latency);
      if (--sent.remaining === 0) {
        rec.fanoutAll.push(latency);
        rig.inFlight.delete(card.id);
      }
    });
  }
}

async function facilitatorSays(rec: Recorder, rig: SessionRig, event: string, payload: Record<string, unknown>, retryable = true): Promise<boolean> {
  const body = { sessionId: rig.sessionId, ...payload };
  const ack = retryable ? await sendMaybeTwice(rec, rig.facilitator, event, body) : await rec.send(rig.facilitator, event, body);
  return ack?.ok === true;
}

/** One session over `spanMs`: the facilitator's timeline with the participants following it. */
async function driveSession(rec: Recorder, rig: SessionRig, spanMs: number): Promise<void> {
  const start = performance.now();
  const jitter = Math.random() * Math.min(10_000, spanMs * 0.1);
  const at = (share: number) => start + share * spanMs + jitter;
  const until = (t: number) => sleep(t - performance.now());
  const setup = POLL_SETUPS[rig.index % POLL_SETUPS.length]!;

  await until(start + jitter);
  // Phase changes are not idempotent (the same move twice is wrong_phase), so never re-sent.
  if (!(await facilitatorSays(rec, rig, 'session:phase', { phase: 'collecting' }, false))) return;
  const collecting = Promise.all(rig.participants.map((p) => postCards(rec, rig, p, at(AT.voting) - MARGIN_MS)));

  const poll = (async () => {
    await until(at(AT.poll));
    const id = randomUUID();
    const created = await facilitatorSays(rec, rig, 'poll:create', {
      id, question: 'Hoe kijkt u terug op de inkoopprocedure?', kind: setup.kind, options: [...setup.options], showLive: rig.index % 2 === 0,
    });
    if (!created || !(await facilitatorSays(rec, rig, 'poll:open', { pollId: id }))) return;
    rig.pollId = id;
    await Promise.all(rig.participants.map((p) => answerPoll(rec, rig, p, setup, spanMs, at(AT.pollAnswersEnd))));
    await until(at(AT.pollClose));
    await facilitatorSays(rec, rig, 'poll:close', { pollId: id });
  })();

  await until(at(AT.voting));
  await collecting;
  if (await facilitatorSays(rec, rig, 'session:phase', { phase: 'voting' }, false)) {
    const end = start + spanMs - MARGIN_MS;
    await Promise.all(rig.participants.map((p) => castVotes(rec, rig, p, end, VOTE_BUDGET, VOTES_PER_CARD)));
  }
  await poll;
}

/** Drives every session at once for `spanMs`, then waits for the last acks and facts. */
export async function runScenario(rigs: SessionRig[], spanMs: number, rec: Recorder): Promise<{ undelivered: number }> {
  for (const rig of rigs) watchFanout(rig, rec);
  await Promise.all(rigs.map((rig) => driveSession(rec, rig, spanMs)));
  await sleep(1000);
  let undelivered = 0;
  for (const rig of rigs) {
    for (const [id, card] of rig.inFlight) {
      const acked = rig.participants.some((p) => p.cards.has(id));
      if (acked) undelivered += card.remaining;
    }
  }
  return { undelivered };
}
