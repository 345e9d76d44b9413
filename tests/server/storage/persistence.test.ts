import { readFile, readdir, stat } from 'node:fs/promises';
import { readStoredSession } from '../../../server/storage/repository.ts';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SessionSchema } from '../../../shared/schemas/session.ts';
import { canonical } from '../client-state.ts';
import { connectClient, createStudy, send, sendOk, startServer, tempDataDir, uid, type ClientSocket, type TestServer } from '../helpers.ts';
import { closeAll, serverView, stored } from '../session-helpers.ts';

let data: { dir: string; remove: () => Promise<void> };
let server: TestServer | undefined;
const opened: ClientSocket[] = [];

beforeEach(async () => {
  data = await tempDataDir();
});
afterEach(async () => {
  closeAll(...opened.splice(0));
  await server?.close();
  server = undefined;
  await data.remove();
});

/** Stops the server (pending writes finish first) and starts a new one on the same folder. */
async function restart(): Promise<TestServer> {
  closeAll(...opened.splice(0));
  await server?.close();
  server = await startServer({ dataDir: data.dir });
  expect(server.broken).toEqual([]);
  return server;
}

async function connect(auth?: Record<string, unknown>) {
  const socket = await connectClient(server!.url, auth);
  opened.push(socket);
  return socket;
}

/** What is on disk now, read the way the server loads it: snapshot plus journal. */
const readSession = async (id: string) => SessionSchema.parse(await readStoredSession(data.dir, id));

describe('the file store across restarts', () => {
  it('loses nothing: study, sessions, participants, cards, votes, phase, settings, timer', async () => {
    await restart();
    const auth = await createStudy(server!.url, 'Evaluatie Wlz 2025');

    // Step 1: a study with two sessions, settings changed, people joined, cards written.
    let facilitator = await connect(auth);
    const summary = await sendOk(facilitator, 'session:create', {
      title: 'Werksessie Wlz',
      date: '2025-11-20',
      mode: 'fysiek',
      domains: ['Wlz', 'Wmo'],
      columns: ['Wat ging er goed?', 'Wat kan beter?', 'Tips'],
      settings: { votesPerParticipant: 4 },
    });
    const sessionId = summary.id;
    const second = await sendOk(facilitator, 'session:create', { title: 'Tweede sessie', date: '2025-11-21', mode: 'digitaal', domains: ['Jeugdwet'] });
    await sendOk(facilitator, 'study:rename', { title: 'Evaluatie Wlz 2025, definitief' });
    const opening = await sendOk(facilitator, 'session:open', { sessionId, view: 'console' });
    const [good, , tips] = opening.session.columns;
    await sendOk(facilitator, 'session:update', { sessionId, settings: { anonymousVotes: false, showTotalsWhileVoting: true, maxVotesPerCard: 2 } });
    const participant = await connect();
    const joined = await sendOk(participant, 'session:join', { code: summary.joinCode, profile: { name: 'Ann', organisation: 'Zorgkantoor', scope: 'regionaal', size: 'groot', consent: true } });
    const who = { sessionId, participantId: joined.participantId, token: joined.token };
    const roomPerson = uid();
    await sendOk(facilitator, 'participant:add', { sessionId, id: roomPerson, profile: { name: 'Piet in de zaal', consent: false } });
    await sendOk(facilitator, 'session:phase', { sessionId, phase: 'collecting' });
    const cards = [uid(), uid(), uid(), uid()];
    await sendOk(participant, 'card:add', { sessionId, id: cards[0]!, columnId: good!.id, domain: 'Wlz', text: 'Goede samenwerking' });
    await sendOk(participant, 'card:add', { sessionId, id: cards[1]!, columnId: tips!.id, text: 'Anoniem', anonymous: true });
    await sendOk(facilitator, 'card:add', { sessionId, id: cards[2]!, columnId: good!.id, text: 'Van Piet', attribution: { kind: 'participant', participantId: roomPerson } });
    await sendOk(participant, 'card:add', { sessionId, id: cards[3]!, columnId: good!.id, text: 'Wordt verwijderd' });
    await sendOk(participant, 'card:delete', { sessionId, id: cards[3]! });
    await sendOk(facilitator, 'card:hand-votes', { sessionId, id: cards[2]!, count: 7 });
    await sendOk(facilitator, 'timer:control', { sessionId, action: 'start', ms: 10 * 60_000 });
    await sendOk(facilitator, 'timer:control', { sessionId, action: 'pause' });
    await sendOk(facilitator, 'session:lock', { sessionId, locked: true });
    const afterStep1 = stored(server!, sessionId);
    const studyAfterStep1 = structuredClone(server!.repo.studies.get(auth.studyId)!.data);
    const facilitatorView1 = serverView(server!, sessionId, { role: 'facilitator' });
    const participantView1 = serverView(server!, sessionId, { role: 'participant', participantId: joined.participantId });

    await restart();
    expect(stored(server!, sessionId)).toEqual(afterStep1);
    expect(server!.repo.studies.get(auth.studyId)!.data).toEqual(studyAfterStep1);
    // The facilitator comes back with the same key, the participant with the same token.
    facilitator = await connect(auth);
    const study = await sendOk(facilitator, 'study:open', {});
    expect(study).toMatchObject({ id: auth.studyId, title: 'Evaluatie Wlz 2025, definitief', unavailable: [] });
    expect(study.sessions.map((s) => s.id)).toEqual([sessionId, second.id]);
    expect(canonical(await sendOk(facilitator, 'session:open', { sessionId, view: 'console' }))).toEqual(canonical(facilitatorView1));
    let resumed = await connect();
    expect(canonical(await sendOk(resumed, 'session:resume', who))).toEqual(canonical(participantView1));
    expect(facilitatorView1.session).toMatchObject({ phase: 'collecting', locked: true, participantCount: 2 });
    expect(facilitatorView1.cards).toHaveLength(3);
    expect(facilitatorView1.session.settings).toMatchObject({ votesPerParticipant: 4, maxVotesPerCard: 2, anonymousVotes: false });
    expect(facilitatorView1.session.timer).toMatchObject({ endsAt: null, durationMs: 600_000 });

    // Step 2: voting, after the restart; the join code still works.
    await sendOk(facilitator, 'session:lock', { sessionId, locked: false });
    await sendOk(facilitator, 'session:phase', { sessionId, phase: 'voting' });
    // The paused timer stopped with its phase; voting starts one of its own.
    await sendOk(facilitator, 'timer:control', { sessionId, action: 'start', ms: 5 * 60_000 });
    const late = await connect();
    const lateJoin = await sendOk(late, 'session:join', { code: summary.joinCode, profile: { name: 'Laatkomer', consent: false } });
    const votes = [uid(), uid(), uid()];
    await sendOk(resumed, 'vote:cast', { sessionId, id: votes[0]!, cardId: cards[2]! });
    await sendOk(resumed, 'vote:cast', { sessionId, id: votes[1]!, cardId: cards[2]! });
    await sendOk(late, 'vote:cast', { sessionId, id: votes[2]!, cardId: cards[0]! });
    const afterStep2 = stored(server!, sessionId);

    await restart();
    expect(stored(server!, sessionId)).toEqual(afterStep2);
    expect(Object.keys(afterStep2.votes).sort()).toEqual([...votes].sort());
    expect(afterStep2.phase).toBe('voting');
    expect(afterStep2.timer.endsAt).toEqual(expect.any(Number));
    resumed = await connect();
    const ann = await sendOk(resumed, 'session:resume', who);
    expect(ann.myVotes.map((v) => v.id).sort()).toEqual([votes[0], votes[1]].sort());
    expect(ann.votes).toContainEqual({ cardId: cards[2], total: 9, voters: ['Ann', 'Ann'] });
    const lateAgain = await connect();
    expect(await send(lateAgain, 'session:resume', { sessionId, participantId: lateJoin.participantId, token: lateJoin.token })).toMatchObject({ ok: true });
    // The budget counts the votes from before the restart.
    await sendOk(resumed, 'vote:cast', { sessionId, id: uid(), cardId: cards[0]! });
    await sendOk(resumed, 'vote:cast', { sessionId, id: uid(), cardId: cards[0]! });
    expect(await send(resumed, 'vote:cast', { sessionId, id: uid(), cardId: cards[1]! })).toMatchObject({ ok: false, error: 'budget_exhausted' });
    // An old key or token does not become valid by a restart.
    await expect(connectClient(server!.url, { studyId: auth.studyId, key: 'niet-de-sleutel' })).rejects.toThrow('unauthorised');

    // Step 3: close and reopen: the whole session to the end.
    facilitator = await connect(auth);
    await sendOk(facilitator, 'session:open', { sessionId, view: 'console' });
    await sendOk(facilitator, 'session:phase', { sessionId, phase: 'closed' });
    const afterStep3 = stored(server!, sessionId);
    await restart();
    expect(stored(server!, sessionId)).toEqual(afterStep3);
    expect(stored(server!, second.id)).toMatchObject({ title: 'Tweede sessie', phase: 'preparation' });
    const files = (await readdir(data.dir)).sort();
    expect(files.filter((f) => f.endsWith('.json'))).toEqual([`session-${second.id}.json`, `session-${sessionId}.json`, `study-${auth.studyId}.json`].sort());
    // A clean close folds every journal into its snapshot.
    for (const journal of files.filter((f) => f.endsWith('.journal'))) expect((await stat(join(data.dir, journal))).size).toBe(0);
  });

  it('an acked command is on disk when the ack arrives', async () => {
    await restart();
    const auth = await createStudy(server!.url);
    const studyFile = join(data.dir, `study-${auth.studyId}.json`);
    expect(JSON.parse(await readFile(studyFile, 'utf8'))).toMatchObject({ id: auth.studyId });
    const facilitator = await connect(auth);
    const summary = await sendOk(facilitator, 'session:create', { title: 'Sessie', date: '2025-11-20', mode: 'digitaal', domains: ['Wmo'] });
    // The session file and the study that lists it are both there.
    expect((await readSession(summary.id)).id).toBe(summary.id);
    expect(JSON.parse(await readFile(studyFile, 'utf8')).sessionIds).toEqual([summary.id]);
    const opening = await sendOk(facilitator, 'session:open', { sessionId: summary.id, view: 'console' });
    await sendOk(facilitator, 'session:phase', { sessionId: summary.id, phase: 'collecting' });
    expect((await readSession(summary.id)).phase).toBe('collecting');
    const participant = await connect();
    const joined = await sendOk(participant, 'session:join', { code: summary.joinCode, profile: { name: 'Ann', consent: false } });
    expect((await readSession(summary.id)).participants[joined.participantId]).toMatchObject({ name: 'Ann' });

    // Many cards at once: each one is in the file when its own ack arrives.
    const column = opening.session.columns[0]!.id;
    const ids = Array.from({ length: 20 }, () => uid());
    await Promise.all(
      ids.map(async (id, i) => {
        await sendOk(participant, 'card:add', { sessionId: summary.id, id, columnId: column, text: `Kaart ${i}` });
        const onDisk = await readSession(summary.id);
        expect(onDisk.cards[id], `card ${i} not on disk at its ack`).toMatchObject({ text: `Kaart ${i}` });
      }),
    );
    // A retried command is acked only once the original is written.
    const again = await Promise.all(ids.slice(0, 5).map((id, i) => sendOk(participant, 'card:add', { sessionId: summary.id, id, columnId: column, text: `Kaart ${i}` })));
    expect(again).toHaveLength(5);
    expect(Object.keys((await readSession(summary.id)).cards)).toHaveLength(20);
  });
});
