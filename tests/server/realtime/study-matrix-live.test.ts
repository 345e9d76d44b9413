import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { StudyMatrix } from '../../../shared/domain/study-matrix.ts';
import { MATRIX_PUSH_MS } from '../../../server/realtime/study-matrix-feed.ts';
import { connectClient, createStudy, nextEvent, recordTraffic, sendOk, startServer, uid, type ClientSocket, type TestServer } from '../helpers.ts';
import { closeAll, sync } from '../session-helpers.ts';

/**
 * The study overview's matrix follows every session of the study live: the server pushes it to
 * the study's overview room, coalesced, with counts and texts only.
 */

let server: TestServer;
const opened: ClientSocket[] = [];
beforeAll(async () => {
  server = await startServer();
});
afterEach(() => closeAll(...opened.splice(0)));
afterAll(() => server.close());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const TARIFF = 'De tarieven dekken de kostprijs niet, de indexering is te laag';

/** A study with its overview open (recorded) and one Wlz session on a console, Ann and Bob in it. */
async function liveStudy() {
  const auth = await createStudy(server.url, 'Evaluatie live');
  const overview = await connectClient(server.url, auth);
  const consoleSocket = await connectClient(server.url, auth);
  opened.push(overview, consoleSocket);
  const traffic = { overview: recordTraffic(overview), console: recordTraffic(consoleSocket) };
  await sendOk(overview, 'study:open', {});
  const summary = await sendOk(consoleSocket, 'session:create', {
    title: 'Werksessie Wlz',
    date: '2025-11-20',
    mode: 'digitaal',
    domains: ['Wlz'],
    settings: { allowAnonymousCards: true, anonymousVotes: false },
  });
  const sessionId = summary.id;
  const snapshot = await sendOk(consoleSocket, 'session:open', { sessionId, view: 'console' });
  await sendOk(consoleSocket, 'session:phase', { sessionId, phase: 'collecting' });
  const join = async (name: string) => {
    const socket = await connectClient(server.url);
    opened.push(socket);
    const joined = await sendOk(socket, 'session:join', { code: summary.joinCode, profile: { name, consent: false } });
    return { socket, traffic: recordTraffic(socket), ...joined };
  };
  const ann = await join('Ann Jansen');
  const bob = await join('Bob de Vries');
  const column = snapshot.session.columns[0]!.id;
  const matrix = (test: (m: StudyMatrix) => boolean) => nextEvent(overview, 'study:matrix-updated', (u) => test(u.matrix)).then(([u]) => u);
  return { auth, overview, consoleSocket, traffic, sessionId, column, ann, bob, matrix };
}

const cell = (m: StudyMatrix, themeId: string, domain: string) => m.cells[themeId]?.[domain];
const pushes = (events: { event: string }[]) => events.filter((e) => e.event === 'study:matrix-updated').length;

describe('the live study matrix', () => {
  it('follows cards, votes, hand counts, theme decisions and new sessions, without a reload', async () => {
    const s = await liveStudy();
    const { sessionId, consoleSocket } = s;
    const cardId = uid();

    const added = s.matrix((m) => cell(m, 'tarieven', 'Wlz')?.cards === 1);
    await sendOk(s.ann.socket, 'card:add', { sessionId, id: cardId, columnId: s.column, text: TARIFF, anonymous: true });
    const first = await added;
    expect(first.studyId).toBe(s.auth.studyId);
    expect(first.matrix.texts[`${sessionId}:${cardId}`]).toBe(TARIFF);

    await sendOk(consoleSocket, 'session:phase', { sessionId, phase: 'voting' });
    const voted = s.matrix((m) => cell(m, 'tarieven', 'Wlz')?.votes === 1);
    await sendOk(s.bob.socket, 'vote:cast', { sessionId, id: uid(), cardId });
    await voted;

    const counted = s.matrix((m) => cell(m, 'tarieven', 'Wlz')?.votes === 6);
    await sendOk(consoleSocket, 'card:hand-votes', { sessionId, id: cardId, count: 5 });
    await counted;

    await sendOk(consoleSocket, 'session:phase', { sessionId, phase: 'synthesis' });
    const moved = s.matrix((m) => cell(m, 'meerzorg', 'Wlz')?.cards === 1 && (cell(m, 'tarieven', 'Wlz')?.cards ?? 0) === 0);
    await sendOk(consoleSocket, 'synthesis:decide', { sessionId, cardId, themeId: 'meerzorg', pinned: false });
    expect(cell((await moved).matrix, 'meerzorg', 'Wlz')).toMatchObject({ cards: 1, votes: 6 });

    // A new session of the study, in another domain: its first card adds a column.
    const created = nextEvent(s.overview, 'study:matrix-updated');
    const other = await sendOk(consoleSocket, 'session:create', { title: 'Werksessie Wmo', date: '2025-11-21', mode: 'fysiek', domains: ['Wmo'] });
    await created;
    await sendOk(consoleSocket, 'session:open', { sessionId: other.id, view: 'console' });
    await sendOk(consoleSocket, 'session:phase', { sessionId: other.id, phase: 'collecting' });
    const column = (await sendOk(consoleSocket, 'session:open', { sessionId: other.id, view: 'console' })).session.columns[0]!.id;
    const wmo = s.matrix((m) => m.domains.includes('Wmo') && cell(m, 'tarieven', 'Wmo')?.cards === 1);
    await sendOk(consoleSocket, 'card:add', { sessionId: other.id, id: uid(), columnId: column, text: 'Het tarief voor begeleiding is te laag', attribution: { kind: 'facilitator' } });
    expect(cell((await wmo).matrix, 'meerzorg', 'Wlz')).toMatchObject({ cards: 1, votes: 6 });

    // Counts and texts only: no author (Ann wrote anonymously), no voter, no participant id.
    await sync(s.overview, consoleSocket, s.ann.socket, s.bob.socket);
    const said = JSON.stringify(s.traffic.overview.events.filter((e) => e.event === 'study:matrix-updated'));
    for (const secret of ['Ann Jansen', 'Bob de Vries', s.ann.participantId, s.bob.participantId, 'author', 'voter']) expect(said, secret).not.toContain(secret);
    // The overview room only: the console (no overview open) and the participants heard nothing of it.
    expect(pushes(s.traffic.console.events)).toBe(0);
    expect(pushes(s.ann.traffic.events) + pushes(s.bob.traffic.events)).toBe(0);
  });

  it('coalesces a burst of votes and hand counts into a few pushes that end on the final counts', async () => {
    const s = await liveStudy();
    const { sessionId, consoleSocket } = s;
    const cards = [uid(), uid()];
    for (const id of cards) await sendOk(consoleSocket, 'card:add', { sessionId, id, columnId: s.column, text: TARIFF, attribution: { kind: 'facilitator' } });
    await sendOk(consoleSocket, 'session:phase', { sessionId, phase: 'voting' });
    await s.matrix((m) => cell(m, 'tarieven', 'Wlz')?.cards === 2);
    await sleep(MATRIX_PUSH_MS * 2);

    const times: number[] = [];
    s.overview.on('study:matrix-updated', () => times.push(Date.now()));
    const started = Date.now();
    const changes: Promise<unknown>[] = [];
    for (let count = 1; count <= 30; count++) changes.push(sendOk(consoleSocket, 'card:hand-votes', { sessionId, id: cards[count % 2]!, count }));
    for (const who of [s.ann, s.bob]) for (const cardId of cards) changes.push(sendOk(who.socket, 'vote:cast', { sessionId, id: uid(), cardId }));
    await Promise.all(changes);
    const elapsed = Date.now() - started;
    // 29 + 30 hand votes and 4 votes.
    const last = await s.matrix((m) => cell(m, 'tarieven', 'Wlz')?.votes === 63);
    await sleep(MATRIX_PUSH_MS * 2);

    expect(last.matrix.cells.tarieven!.Wlz!.votes).toBe(63);
    // 34 changes; at most one push per window, plus the one closing it.
    expect(times.length).toBeLessThanOrEqual(Math.ceil(elapsed / MATRIX_PUSH_MS) + 1);
    expect(times.length).toBeLessThan(10);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(MATRIX_PUSH_MS - 50);
  });

  it('pushes nothing for changes the matrix does not count: a join, a phase, a timer', async () => {
    const s = await liveStudy();
    await sleep(MATRIX_PUSH_MS * 2);
    const mark = pushes(s.traffic.overview.events);
    // A join, a phase change and a timer: no card, vote or theme moved.
    const cat = await connectClient(server.url);
    opened.push(cat);
    const lastCode = (await sendOk(s.overview, 'study:open', {})).sessions[0]!.joinCode;
    await sendOk(cat, 'session:join', { code: lastCode, profile: { name: 'Cat', consent: false } });
    await sendOk(s.consoleSocket, 'session:phase', { sessionId: s.sessionId, phase: 'voting' });
    await sendOk(s.consoleSocket, 'timer:control', { sessionId: s.sessionId, action: 'start', ms: 60_000 });
    await sleep(MATRIX_PUSH_MS * 2);
    await sync(s.overview);
    expect(pushes(s.traffic.overview.events)).toBe(mark);
  });
});
