import { afterEach, describe, expect, it } from 'vitest';
import { connectClient, facilitatorWithSession, joinAs, nextEvent, recordTraffic, send, sendOk, startServer, uid, type ClientSocket, type TestServer } from '../helpers.ts';
import { rawSend, sync } from '../session-helpers.ts';

let server: TestServer;
const sockets: ClientSocket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.disconnect();
  await server?.close();
});

/** A session in synthesis with a card the facilitator put in `meerzorg`, a finding there, and a card the engine sorts. */
async function mergedSession() {
  server = await startServer();
  const f = await facilitatorWithSession(server.url);
  const sessionId = f.session.id;
  const ann = await joinAs(server.url, f.session.joinCode, 'Ann Jansen');
  sockets.push(f.socket, ann.socket);
  const columnId = f.snapshot.session.columns[1]!.id;
  await sendOk(f.socket, 'session:phase', { sessionId, phase: 'collecting' });
  const decided = uid();
  const suggested = uid();
  await sendOk(ann.socket, 'card:add', { sessionId, id: decided, columnId, text: 'De tarieven dekken de kostprijs niet' });
  await sendOk(ann.socket, 'card:add', { sessionId, id: suggested, columnId, text: 'Meerzorgaanvragen voor VG7 worden traag afgehandeld' });
  await sendOk(f.socket, 'session:phase', { sessionId, phase: 'voting' });
  await sendOk(f.socket, 'session:phase', { sessionId, phase: 'synthesis' });
  await sendOk(f.socket, 'synthesis:decide', { sessionId, cardId: decided, themeId: 'meerzorg', pinned: true });
  const before = await sendOk(f.socket, 'synthesis:finding', { sessionId, themeId: 'meerzorg', text: 'Meerzorg gaat traag' });
  const codebook = () => server.repo.studies.get(f.studyId)!.data.codebook;
  const original = structuredClone(codebook());
  const merged = await sendOk(f.socket, 'theme:merge', { sessionId, sourceId: 'meerzorg', targetId: 'tarieven' });
  return { f, ann, sessionId, decided, suggested, before, merged, codebook, original };
}

describe('undoing a theme merge (theme:unmerge)', () => {
  it('brings the theme back study-wide: id, name, seeds, its cards decisions and finding as they were', async () => {
    const { f, ann, sessionId, decided, suggested, before, merged, codebook, original } = await mergedSession();
    expect(merged.themes.some((t) => t.id === 'meerzorg')).toBe(false);
    expect(merged.assignments[decided]).toMatchObject({ themeId: 'tarieven', decided: true });
    expect(before.assignments[suggested]?.themeId).toBe('meerzorg');

    const roomSees = nextEvent(ann.socket, 'synthesis:updated', (v) => v.themes.some((t) => t.id === 'meerzorg'));
    const undone = await sendOk(f.socket, 'theme:unmerge', { sessionId, themeId: 'meerzorg' });
    await roomSees;
    expect(codebook()).toEqual(original);
    const theme = undone.themes.find((t) => t.id === 'meerzorg');
    expect(theme).toMatchObject({ label: before.themes.find((t) => t.id === 'meerzorg')!.label, finding: 'Meerzorg gaat traag' });
    expect(undone.assignments[decided]).toEqual(before.assignments[decided]);
    expect(undone.assignments[suggested]?.themeId).toBe('meerzorg');
    expect(undone.themes.find((t) => t.id === 'tarieven')).toEqual(before.themes.find((t) => t.id === 'tarieven'));

    // Once undone, there is no merge left to undo; a theme that never was merged has none either.
    expect(await send(f.socket, 'theme:unmerge', { sessionId, themeId: 'meerzorg' })).toMatchObject({ ok: false, error: 'conflict' });
    expect(await send(f.socket, 'theme:unmerge', { sessionId, themeId: 'tarieven' })).toMatchObject({ ok: false, error: 'conflict' });
    expect(await send(f.socket, 'theme:unmerge', { sessionId, themeId: 'bestaat-niet' })).toMatchObject({ ok: false, error: 'not_found' });
    expect(codebook()).toEqual(original);
  });

  it('is refused to participants, projections and other studies facilitators, and for bad input, changing nothing', async () => {
    const { f, ann, sessionId, codebook } = await mergedSession();
    const projection = await connectClient(server.url, { studyId: f.studyId, key: f.key });
    sockets.push(projection);
    await sendOk(projection, 'session:open', { sessionId, view: 'projection' });
    const other = await facilitatorWithSession(server.url);
    sockets.push(other.socket);
    const stored = structuredClone(codebook());
    const session = structuredClone(server.repo.sessions.get(sessionId)!.data);
    const traffic = recordTraffic(ann.socket);

    const valid = { sessionId, themeId: 'meerzorg' };
    expect(await send(ann.socket, 'theme:unmerge', valid)).toMatchObject({ ok: false, error: 'forbidden' });
    expect(await send(projection, 'theme:unmerge', valid)).toMatchObject({ ok: false, error: 'forbidden' });
    // Another study's facilitator, with a session of their own open, and after trying to open this one.
    expect(await send(other.socket, 'theme:unmerge', valid)).toMatchObject({ ok: false, error: 'forbidden' });
    expect(await send(other.socket, 'session:open', { sessionId, view: 'console' })).toMatchObject({ ok: false });
    expect(await send(other.socket, 'theme:unmerge', valid)).toMatchObject({ ok: false, error: 'forbidden' });
    // Their own session's codebook has no such merge.
    expect(await send(other.socket, 'theme:unmerge', { sessionId: other.session.id, themeId: 'meerzorg' })).toMatchObject({ ok: false, error: 'conflict' });

    const refusals: [string, unknown][] = [
      ['theme missing', { sessionId }],
      ['theme as number', { sessionId, themeId: 42 }],
      ['theme named like a built-in', { sessionId, themeId: '__proto__' }],
      ['theme in capitals', { sessionId, themeId: 'Meerzorg' }],
      ['no payload', null],
    ];
    for (const [what, payload] of refusals) {
      expect(await rawSend(f.socket, 'theme:unmerge', payload), what).toMatchObject({ ok: false, error: 'invalid_payload' });
    }
    await sync(ann.socket, f.socket);
    expect(codebook()).toEqual(stored);
    expect(server.repo.sessions.get(sessionId)!.data).toEqual(session);
    expect(traffic.events.some((e) => e.event === 'synthesis:updated')).toBe(false);
    // Still works for the one allowed to.
    expect(await send(f.socket, 'theme:unmerge', valid)).toMatchObject({ ok: true });
  });
});
