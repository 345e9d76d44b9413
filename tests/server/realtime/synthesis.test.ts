import { afterEach, describe, expect, it } from 'vitest';
import { readStoredSession } from '../../../server/storage/repository.ts';
import type { SynthesisView } from '../../../shared/domain/synthesis-view.ts';
import { connectClient, createStudy, facilitatorWithSession, joinAs, nextEvent, recordTraffic, send, sendOk, startServer, tempDataDir, uid, type ClientSocket, type TestServer } from '../helpers.ts';
import { rawSend, stored, sync } from '../session-helpers.ts';

let server: TestServer;
const sockets: ClientSocket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.disconnect();
  await server?.close();
});

const themeOf = (view: SynthesisView, cardId: string) => view.assignments[cardId]?.themeId;

async function sessionInSynthesis(dataDir?: string) {
  server = await startServer(dataDir ? { dataDir } : {});
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

  it("refuses to merge 'overig' into a theme or a theme into it, with a clear error, and stores nothing", async () => {
    const { f, sessionId, cards } = await sessionInSynthesis();
    // Overig has a card, so it is a real group in the view and not just an empty name.
    await sendOk(f.socket, 'synthesis:decide', { sessionId, cardId: cards.dialoog, themeId: 'overig', pinned: false });
    const codebook = () => server.repo.studies.get(f.studyId)!.data.codebook;
    const before = { codebook: structuredClone(codebook()), session: stored(server, sessionId) };
    for (const [sourceId, targetId] of [['overig', 'tarieven'], ['tarieven', 'overig']] as const) {
      const ack = await send(f.socket, 'theme:merge', { sessionId, sourceId, targetId });
      expect(ack, `${sourceId} into ${targetId}`).toMatchObject({ ok: false, error: 'conflict', message: "'overig' cannot be merged" });
    }
    expect(codebook()).toEqual(before.codebook);
    expect(stored(server, sessionId)).toEqual(before.session);
    const view = await sendOk(f.socket, 'synthesis:open', { sessionId });
    expect(themeOf(view, cards.dialoog)).toBe('overig');
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
    expect(matrix.cells.tarieven?.Wlz).toMatchObject({ cards: 1, votes: 0, cardRefs: [`${f.session.id}:${id}`] });
    expect(await send(ann.socket, 'study:matrix', {})).toMatchObject({ ok: false, error: 'unauthorised' });
  });
});

describe("a card's second theme (synthesis:secondary)", () => {
  // The facilitator's word throughout: the first theme is decided, the second set by command, so
  // nothing here hangs on which second theme the engine would suggest.
  it('is confirmed, removed and handed back to the engine, on disk by the ack and for every client', async () => {
    const data = await tempDataDir();
    try {
      const { f, sessionId, ann, projection, cards } = await sessionInSynthesis(data.dir);
      await sendOk(f.socket, 'synthesis:decide', { sessionId, cardId: cards.tarief, themeId: 'tarieven', pinned: false });
      const secondOf = (v: SynthesisView) => v.assignments[cards.tarief]?.secondary;

      const seen = Promise.all([ann.socket, projection].map((s) => nextEvent(s, 'synthesis:updated', (v) => secondOf(v)?.decided === true)));
      const confirmed = await sendOk(f.socket, 'synthesis:secondary', { sessionId, cardId: cards.tarief, themeId: 'administratieve_lasten' });
      expect(secondOf(confirmed)).toEqual({ themeId: 'administratieve_lasten', confidence: 1, decided: true });
      expect(confirmed.assignments[cards.tarief]).toMatchObject({ themeId: 'tarieven', decided: true });
      expect((await readStoredSession(data.dir, sessionId))?.synthesis.secondary).toEqual({ [cards.tarief]: 'administratieve_lasten' });
      for (const [view] of await seen) expect(secondOf(view)).toEqual({ themeId: 'administratieve_lasten', confidence: 1, decided: true });
      // A retry changes nothing and still answers with the view.
      const updatedAt = stored(server, sessionId).updatedAt;
      expect(secondOf(await sendOk(f.socket, 'synthesis:secondary', { sessionId, cardId: cards.tarief, themeId: 'administratieve_lasten' }))?.decided).toBe(true);
      expect(stored(server, sessionId).updatedAt).toBe(updatedAt);

      const removed = await sendOk(f.socket, 'synthesis:secondary', { sessionId, cardId: cards.tarief, themeId: null });
      expect(secondOf(removed)).toBeUndefined();
      expect(removed.noSecondary).toEqual([cards.tarief]);
      expect((await readStoredSession(data.dir, sessionId))?.synthesis.secondary).toEqual({ [cards.tarief]: null });

      const back = await sendOk(f.socket, 'synthesis:secondary', { sessionId, cardId: cards.tarief });
      expect(back.noSecondary).toEqual([]);
      expect(secondOf(back)?.decided).toBeFalsy();
      expect((await readStoredSession(data.dir, sessionId))?.synthesis.secondary).toEqual({});

      // The study matrix counts it apart: the card stays one card of tarieven, and is a "+1" of the other theme.
      await sendOk(f.socket, 'synthesis:secondary', { sessionId, cardId: cards.tarief, themeId: 'kwaliteit' });
      const ref = `${sessionId}:${cards.tarief}`;
      const matrix = await sendOk(f.socket, 'study:matrix', {});
      expect(matrix.cells.tarieven?.Wlz?.cardRefs).toContain(ref);
      expect(matrix.cells.kwaliteit?.Wlz?.secondaryRefs).toEqual([ref]);
      expect(matrix.cells.kwaliteit?.Wlz?.cardRefs ?? []).not.toContain(ref);

      // A restart keeps it.
      for (const s of sockets.splice(0)) s.disconnect();
      await server.close();
      server = await startServer({ dataDir: data.dir });
      const again = await connectClient(server.url, { studyId: f.studyId, key: f.key });
      sockets.push(again);
      await sendOk(again, 'session:open', { sessionId, view: 'console' });
      const reopened = await sendOk(again, 'synthesis:open', { sessionId });
      expect(reopened.assignments[cards.tarief]?.secondary).toEqual({ themeId: 'kwaliteit', confidence: 1, decided: true });
      expect(stored(server, sessionId).synthesis.secondary).toEqual({ [cards.tarief]: 'kwaliteit' });
    } finally {
      await server?.close();
      await data.remove();
    }
  });

  it('is refused to participants, projections and other studies, and for bad input, changing nothing', async () => {
    const { f, sessionId, ann, projection, cards } = await sessionInSynthesis();
    await sendOk(f.socket, 'synthesis:decide', { sessionId, cardId: cards.tarief, themeId: 'tarieven', pinned: false });
    const gone = uid();
    await sendOk(f.socket, 'card:add', { sessionId, id: gone, columnId: f.snapshot.session.columns[0]!.id, text: 'Deze kaart wordt verwijderd' });
    await sendOk(f.socket, 'card:delete', { sessionId, id: gone });
    const other = await facilitatorWithSession(server.url);
    sockets.push(other.socket);
    await sync(ann.socket, projection, f.socket);
    const before = stored(server, sessionId);
    const annTraffic = recordTraffic(ann.socket);
    const consoleTraffic = recordTraffic(f.socket);

    const valid = { sessionId, cardId: cards.tarief, themeId: 'kwaliteit' };
    expect(await send(ann.socket, 'synthesis:secondary', valid)).toMatchObject({ ok: false, error: 'forbidden' });
    expect(await send(ann.socket, 'synthesis:secondary', { ...valid, themeId: null })).toMatchObject({ ok: false, error: 'forbidden' });
    expect(await send(projection, 'synthesis:secondary', valid)).toMatchObject({ ok: false, error: 'forbidden' });
    // Another study's facilitator, with a session of their own open.
    expect(await send(other.socket, 'synthesis:secondary', valid)).toMatchObject({ ok: false, error: 'forbidden' });
    expect(await send(other.socket, 'session:open', { sessionId, view: 'console' })).toMatchObject({ ok: false });
    expect(await send(other.socket, 'synthesis:secondary', valid)).toMatchObject({ ok: false, error: 'forbidden' });

    const refusals: [string, unknown, string][] = [
      ['unknown card', { ...valid, cardId: uid() }, 'not_found'],
      ['deleted card', { ...valid, cardId: gone }, 'not_found'],
      ['unknown theme', { ...valid, themeId: 'bestaat-niet' }, 'not_found'],
      ['overig', { ...valid, themeId: 'overig' }, 'conflict'],
      ['the card\'s own theme', { ...valid, themeId: 'tarieven' }, 'conflict'],
      ['theme as number', { ...valid, themeId: 42 }, 'invalid_payload'],
      ['theme as boolean', { ...valid, themeId: false }, 'invalid_payload'],
      ['theme as array', { ...valid, themeId: ['kwaliteit'] }, 'invalid_payload'],
      ['empty theme', { ...valid, themeId: '' }, 'invalid_payload'],
      ['theme in capitals', { ...valid, themeId: 'Kwaliteit' }, 'invalid_payload'],
      ['theme named like a built-in', { ...valid, themeId: 'constructor' }, 'invalid_payload'],
      ['card as number', { ...valid, cardId: 42 }, 'invalid_payload'],
      ['card missing', { sessionId, themeId: 'kwaliteit' }, 'invalid_payload'],
      ['card with a slash', { ...valid, cardId: '../../etc/passwd' }, 'invalid_payload'],
      ['no payload', null, 'invalid_payload'],
    ];
    for (const [what, payload, error] of refusals) {
      expect(await rawSend(f.socket, 'synthesis:secondary', payload), what).toMatchObject({ ok: false, error });
    }
    await sync(ann.socket, f.socket);
    expect(stored(server, sessionId)).toEqual(before);
    expect(annTraffic.events.some((e) => e.event === 'synthesis:updated')).toBe(false);
    expect(consoleTraffic.events.some((e) => e.event === 'synthesis:updated')).toBe(false);
    expect(await rawSend(f.socket, 'synthesis:secondary', valid)).toMatchObject({ ok: true });
  });

  it('set on a card that is deleted or merged later breaks neither the view nor the matrix', async () => {
    const { f, sessionId, cards } = await sessionInSynthesis();
    await sendOk(f.socket, 'synthesis:decide', { sessionId, cardId: cards.meerzorg, themeId: 'meerzorg', pinned: false });
    await sendOk(f.socket, 'synthesis:secondary', { sessionId, cardId: cards.meerzorg, themeId: 'tarieven' });
    await sendOk(f.socket, 'synthesis:secondary', { sessionId, cardId: cards.dialoog, themeId: null });
    await sendOk(f.socket, 'card:delete', { sessionId, id: cards.meerzorg });
    await sendOk(f.socket, 'card:merge', { sessionId, targetId: cards.tarief, sourceIds: [cards.dialoog] });

    const view = await sendOk(f.socket, 'synthesis:open', { sessionId });
    expect(view.assignments[cards.meerzorg]).toBeUndefined();
    expect(view.noSecondary).toEqual([]);
    const matrix = await sendOk(f.socket, 'study:matrix', {});
    expect(JSON.stringify(matrix)).not.toContain(cards.meerzorg);
    expect(await send(f.socket, 'synthesis:secondary', { sessionId, cardId: cards.meerzorg, themeId: 'kwaliteit' })).toMatchObject({ ok: false, error: 'not_found' });

    // Restored, the card has its second theme again.
    await sendOk(f.socket, 'card:restore', { sessionId, id: cards.meerzorg });
    const restored = await sendOk(f.socket, 'synthesis:open', { sessionId });
    expect(restored.assignments[cards.meerzorg]?.secondary).toEqual({ themeId: 'tarieven', confidence: 1, decided: true });
  });
});
