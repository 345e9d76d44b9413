import { afterEach, describe, expect, it } from 'vitest';
import type { SynthesisView } from '../../../shared/domain/synthesis-view.ts';
import { connectClient, createStudy, facilitatorWithSession, joinAs, nextEvent, recordTraffic, send, sendOk, startServer, uid, type ClientSocket, type TestServer } from '../helpers.ts';

let server: TestServer;
const sockets: ClientSocket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.disconnect();
  await server?.close();
});

const themeOf = (view: SynthesisView, cardId: string) => view.assignments[cardId]?.themeId;

async function sessionInSynthesis() {
  server = await startServer();
  const f = await facilitatorWithSession(server.url, { settings: { showTotalsWhileVoting: true } });
  const sessionId = f.session.id;
  const ann = await joinAs(server.url, f.session.joinCode, 'Ann Jansen');
  const bob = await joinAs(server.url, f.session.joinCode, 'Bob de Vries');
  const projection = await connectClient(server.url, { studyId: f.studyId, key: f.key });
  await sendOk(projection, 'session:open', { sessionId, view: 'projection' });
  sockets.push(f.socket, ann.socket, bob.socket, projection);
  const [good, better] = f.snapshot.session.columns;
  await sendOk(f.socket, 'session:phase', { sessionId, phase: 'collecting' });
  const cards = {
    tarief: uid(),
    meerzorg: uid(),
    dialoog: uid(),
  };
  await sendOk(ann.socket, 'card:add', { sessionId, id: cards.tarief, columnId: better!.id, text: 'De tarieven dekken de kostprijs niet, de indexering is te laag' });
  await sendOk(bob.socket, 'card:add', { sessionId, id: cards.meerzorg, columnId: better!.id, text: 'Meerzorgaanvragen voor VG7 worden traag afgehandeld', anonymous: true });
  await sendOk(ann.socket, 'card:add', { sessionId, id: cards.dialoog, columnId: good!.id, text: 'De gesprekstafels met het zorgkantoor waren een echte dialoog' });
  await sendOk(f.socket, 'session:phase', { sessionId, phase: 'voting' });
  const arrived = Promise.all([ann.socket, bob.socket, projection].map((s) => nextEvent(s, 'synthesis:updated')));
  await sendOk(f.socket, 'session:phase', { sessionId, phase: 'synthesis' });
  const annView = (await arrived)[0]![0];
  return { f, sessionId, ann, bob, projection, cards, annView };
}

describe('synthesis through the real server', () => {
  it('shows everyone the suggested themes on entering synthesis, without authors', async () => {
    const { cards, annView, bob, f, sessionId } = await sessionInSynthesis();
    expect(themeOf(annView, cards.tarief)).toBe('tarieven');
    expect(themeOf(annView, cards.meerzorg)).toBe('meerzorg');
    expect(themeOf(annView, cards.dialoog)).toBe('dialoog');
    const view = await sendOk(f.socket, 'synthesis:open', { sessionId });
    expect(JSON.stringify(view)).not.toContain(bob.participantId);
    expect(JSON.stringify(view)).not.toContain('Bob');
  });

  it('moves a card when the facilitator drags it, for every client; participants may not', async () => {
    const { f, sessionId, ann, bob, projection, cards } = await sessionInSynthesis();
    const seen = Promise.all([ann.socket, bob.socket, projection].map((s) => nextEvent(s, 'synthesis:updated', (v) => themeOf(v, cards.tarief) === 'kwaliteit')));
    const view = await sendOk(f.socket, 'synthesis:decide', { sessionId, cardId: cards.tarief, themeId: 'kwaliteit', pinned: true });
    expect(view.assignments[cards.tarief]).toMatchObject({ themeId: 'kwaliteit', decided: true });
    await seen;
    expect(view.assignments[cards.tarief]?.pinned).toBe(true);

    // A participant or projection that reloads fetches the themes (read-only).
    const fetched = await sendOk(ann.socket, 'synthesis:open', { sessionId });
    expect(themeOf(fetched, cards.tarief)).toBe('kwaliteit');
    expect(themeOf(await sendOk(projection, 'synthesis:open', { sessionId }), cards.tarief)).toBe('kwaliteit');

    const before = structuredClone(server.repo.sessions.get(sessionId)!.data.synthesis);
    const denied = await send(ann.socket, 'synthesis:decide', { sessionId, cardId: cards.meerzorg, themeId: 'tarieven', pinned: false });
    expect(denied).toMatchObject({ ok: false, error: 'forbidden' });
    expect(await send(projection, 'synthesis:decide', { sessionId, cardId: cards.meerzorg, themeId: 'tarieven', pinned: false })).toMatchObject({ ok: false });
    expect(await send(f.socket, 'synthesis:decide', { sessionId, cardId: cards.meerzorg, themeId: 'bestaat-niet', pinned: false })).toMatchObject({ ok: false, error: 'not_found' });
    expect(server.repo.sessions.get(sessionId)!.data.synthesis).toEqual(before);
  });

  it('splits, renames and merges themes in the study codebook, with decisions following', async () => {
    const { f, sessionId, ann, cards } = await sessionInSynthesis();
    const split = await sendOk(f.socket, 'theme:add', { sessionId, name: 'Geld en gesprek', cardIds: [cards.tarief, cards.dialoog] });
    const added = split.themes.find((t) => t.label === 'Geld en gesprek')!;
    expect(added.id).toBe('geld-en-gesprek');
    expect(added.cardIds.sort()).toEqual([cards.tarief, cards.dialoog].sort());
    expect(server.repo.studies.get(f.studyId)!.data.codebook.themes.some((t) => t.id === 'geld-en-gesprek')).toBe(true);

    const renamed = nextEvent(ann.socket, 'synthesis:updated', (v) => v.themes.some((t) => t.label === 'Financiering en overleg'));
    // A facilitator with the study overview open hears of it too (its matrix reloads).
    const overview = await connectClient(server.url, { studyId: f.studyId, key: f.key });
    sockets.push(overview);
    await sendOk(overview, 'study:open', {});
    const studyNews = nextEvent(overview, 'study:updated');
    await sendOk(f.socket, 'theme:rename', { sessionId, themeId: 'geld-en-gesprek', name: 'Financiering en overleg' });
    await renamed;
    await studyNews;

    // The console of another session of the same study gets its themes again, with the new name.
    const other = await sendOk(f.socket, 'session:create', { title: 'Werksessie Wmo', date: '2025-11-21', mode: 'fysiek', domains: ['Wmo'] });
    const otherConsole = await connectClient(server.url, { studyId: f.studyId, key: f.key });
    sockets.push(otherConsole);
    await sendOk(otherConsole, 'session:open', { sessionId: other.id, view: 'console' });
    const otherNews = nextEvent(otherConsole, 'synthesis:updated', (v) => v.themes.some((t) => t.label === 'Geld en overleg'));
    await sendOk(f.socket, 'theme:rename', { sessionId, themeId: 'geld-en-gesprek', name: 'Geld en overleg' });
    await otherNews;

    const merged = await sendOk(f.socket, 'theme:merge', { sessionId, sourceId: 'geld-en-gesprek', targetId: 'tarieven' });
    expect(merged.themes.some((t) => t.id === 'geld-en-gesprek')).toBe(false);
    expect(themeOf(merged, cards.dialoog)).toBe('tarieven');
    expect(await send(f.socket, 'theme:merge', { sessionId, sourceId: 'geld-en-gesprek', targetId: 'tarieven' })).toMatchObject({ ok: false, error: 'not_found' });
  });

  it('keeps quotes and findings, and follows cards added during synthesis', async () => {
    const { f, sessionId, ann, cards } = await sessionInSynthesis();
    await sendOk(f.socket, 'synthesis:quote', { sessionId, cardId: cards.meerzorg, quote: true });
    const view = await sendOk(f.socket, 'synthesis:finding', { sessionId, themeId: 'meerzorg', text: 'Meerzorg wordt te traag toegekend' });
    expect(view.quotes).toEqual([cards.meerzorg]);
    expect(view.themes.find((t) => t.id === 'meerzorg')?.finding).toBe('Meerzorg wordt te traag toegekend');

    const late = uid();
    const arrives = nextEvent(ann.socket, 'synthesis:updated', (v) => themeOf(v, late) === 'contractduur');
    await sendOk(f.socket, 'card:add', { sessionId, id: late, columnId: f.snapshot.session.columns[1]!.id, text: 'Meerjarige contracten geven rust en continuiteit' });
    await arrives;
  });

  it('sends themes before the synthesis phase only to facilitator consoles', async () => {
    server = await startServer();
    const f = await facilitatorWithSession(server.url);
    const ann = await joinAs(server.url, f.session.joinCode, 'Ann');
    sockets.push(f.socket, ann.socket);
    const traffic = recordTraffic(ann.socket);
    await sendOk(f.socket, 'session:phase', { sessionId: f.session.id, phase: 'collecting' });
    const id = uid();
    await sendOk(ann.socket, 'card:add', { sessionId: f.session.id, id, columnId: f.snapshot.session.columns[0]!.id, text: 'Tarieven te laag' });
    await sendOk(f.socket, 'synthesis:quote', { sessionId: f.session.id, cardId: id, quote: true });
    await sendOk(f.socket, 'synthesis:open', { sessionId: f.session.id });
    expect(await send(ann.socket, 'synthesis:open', { sessionId: f.session.id })).toMatchObject({ ok: false, error: 'wrong_phase' });
    expect(traffic.events.some((e) => e.event === 'synthesis:updated')).toBe(false);
  });
});

describe('the study matrix', () => {
  it('without a codebook, finds candidate themes in the cards, which the facilitator adopts', async () => {
    server = await startServer();
    const { studyId, key } = await createStudy(server.url, 'Lege start', 'empty');
    const f = await connectClient(server.url, { studyId, key });
    sockets.push(f);
    const session = await sendOk(f, 'session:create', { title: 'Wmo', date: '2025-11-20', mode: 'fysiek', domains: ['Wmo'] });
    const snapshot = await sendOk(f, 'session:open', { sessionId: session.id, view: 'console' });
    await sendOk(f, 'session:phase', { sessionId: session.id, phase: 'collecting' });
    const texts = [
      'De tarieven dekken de kostprijs niet',
      'Het tarief ligt onder de kostprijs van de begeleiding',
      'Tarieven te laag, kostprijs stijgt',
      'Meerzorgaanvragen duren maanden',
      'De afhandeling van meerzorg duurt te lang',
      'Meerzorg aanvragen blijven liggen',
    ];
    const ids = texts.map(() => uid());
    for (const [i, text] of texts.entries()) await sendOk(f, 'card:add', { sessionId: session.id, id: ids[i]!, columnId: snapshot.session.columns[1]!.id, text });
    const view = await sendOk(f, 'synthesis:open', { sessionId: session.id });
    const candidates = view.themes.filter((t) => t.discovered);
    expect(candidates.length).toBeGreaterThanOrEqual(2);
    const tariffs = candidates.find((t) => t.cardIds.includes(ids[0]!))!;
    expect(tariffs.cardIds.sort()).toEqual(ids.slice(0, 3).sort());
    expect(tariffs.label).toMatch(/tarie|kostprijs/);

    // Adopting: a theme of the study's codebook with those cards, decided.
    const adopted = await sendOk(f, 'theme:add', { sessionId: session.id, name: tariffs.label, cardIds: tariffs.cardIds });
    const theme = adopted.themes.find((t) => t.label === tariffs.label && !t.discovered)!;
    expect(theme.cardIds.sort()).toEqual(ids.slice(0, 3).sort());
    for (const id of ids.slice(0, 3)) expect(adopted.assignments[id]).toMatchObject({ themeId: theme.id, decided: true });
    expect(server.repo.studies.get(studyId)!.data.codebook.themes.map((t) => t.id)).toEqual([theme.id]);
    // The rest are still candidates; a card cannot be decided into a candidate.
    expect(adopted.themes.some((t) => t.discovered && t.cardIds.includes(ids[3]!))).toBe(true);
    const candidate = adopted.themes.find((t) => t.discovered)!;
    expect(await send(f, 'synthesis:decide', { sessionId: session.id, cardId: ids[3]!, themeId: candidate.id, pinned: false })).toMatchObject({ ok: false, error: 'not_found' });
  });

  it('counts the cards of every session of the study per theme and domain, for the facilitator only', async () => {
    server = await startServer();
    const f = await facilitatorWithSession(server.url, { domains: ['Wlz'] });
    const ann = await joinAs(server.url, f.session.joinCode, 'Ann');
    sockets.push(f.socket, ann.socket);
    await sendOk(f.socket, 'session:phase', { sessionId: f.session.id, phase: 'collecting' });
    const id = uid();
    await sendOk(ann.socket, 'card:add', { sessionId: f.session.id, id, columnId: f.snapshot.session.columns[1]!.id, text: 'De tarieven dekken de kostprijs niet' });
    const matrix = await sendOk(f.socket, 'study:matrix', {});
    expect(matrix.cells.tarieven?.Wlz).toEqual({ cards: 1, votes: 0, cardRefs: [`${f.session.id}:${id}`] });
    expect(await send(ann.socket, 'study:matrix', {})).toMatchObject({ ok: false, error: 'unauthorised' });
  });
});
