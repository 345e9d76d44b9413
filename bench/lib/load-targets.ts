import { participantLedger, sessionRig, type ParticipantLedger, type SessionRig } from './load-ledger.ts';
import { ask, open, type BenchSocket } from './targets.ts';

/** Sockets opened (and joined) at once while setting up: a room fills over seconds, not in one tick. */
const BATCH = 25;

async function inBatches<T>(jobs: (() => Promise<T>)[]): Promise<T[]> {
  const done: T[] = [];
  for (let i = 0; i < jobs.length; i += BATCH) done.push(...(await Promise.all(jobs.slice(i, i + BATCH).map((job) => job()))));
  return done;
}

/** The sessions' participants, opened in batches across all sessions. */
async function fill(rigs: SessionRig[], participants: number, make: (rig: SessionRig, k: number) => Promise<ParticipantLedger>): Promise<void> {
  const jobs = rigs.flatMap((rig) => Array.from({ length: participants }, (_, k) => async () => rig.participants.push(await make(rig, k))));
  await inBatches(jobs);
}

/**
 * Real sessions in the app, as tests/server/helpers.ts makes them: a study over HTTP, its
 * facilitator's socket creating and opening a session, participants joining it by code.
 */
export async function appRigs(url: string, sessions: number, participants: number): Promise<SessionRig[]> {
  const codes = new Map<SessionRig, string>();
  const rigs = await inBatches(Array.from({ length: sessions }, (_, index) => async () => {
    const response = await fetch(`${url}/api/studies`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: `Belastingtest ${index + 1}` }),
    });
    if (response.status !== 201) throw new Error(`POST /api/studies: ${response.status} ${await response.text()}`);
    const { studyId, key } = (await response.json()) as { studyId: string; key: string };
    const facilitator = await open(url, { studyId, key });
    const summary = await ask<{ id: string; joinCode: string }>(facilitator, 'session:create', {
      title: `Werksessie ${index + 1}`, date: '2026-11-20', mode: 'digitaal', domains: ['Wlz'],
    });
    const snapshot = await ask<{ session: { columns: { id: string }[] } }>(facilitator, 'session:open', { sessionId: summary.id, view: 'console' });
    const rig = sessionRig(index, summary.id, snapshot.session.columns.map((c) => c.id), facilitator, []);
    codes.set(rig, summary.joinCode);
    return rig;
  }));
  await fill(rigs, participants, async (rig, k) => {
    const socket = await open(url);
    const joined = await ask<{ participantId: string }>(socket, 'session:join', {
      code: codes.get(rig), profile: { name: `Deelnemer ${k + 1}`, organisation: `Zorgaanbieder ${(k % 7) + 1}`, consent: k % 2 === 0 },
    });
    return participantLedger(joined.participantId, socket);
  });
  return rigs;
}

/** The same sockets against the bare socket.io server: one room per session, nothing to join. */
export async function referenceRigs(url: string, sessions: number, participants: number): Promise<SessionRig[]> {
  const rigs = await inBatches(Array.from({ length: sessions }, (_, index) => async () => {
    const facilitator: BenchSocket = await open(url, { room: `session-${index}` });
    return sessionRig(index, `session-${index}`, ['column-1', 'column-2'], facilitator, []);
  }));
  await fill(rigs, participants, async (rig, k) =>
    participantLedger(`participant-${rig.index}-${k}`, await open(url, { room: rig.sessionId })));
  return rigs;
}
