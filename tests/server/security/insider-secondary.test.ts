import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readStoredSession } from '../../../server/storage/repository.ts';
import type { SynthesisView } from '../../../shared/domain/synthesis-view.ts';
import { nextEvent, send, sendOk, startServer, tempDataDir, uid, type ClientSocket, type TestServer } from '../helpers.ts';
import { closeAll, stored, sync } from '../session-helpers.ts';
import { expectAbsent, expectWordsAbsent, since, studyRoom, textOf, type Person, type StudyRoom } from './insider-helpers.ts';

/**
 * A card's second theme (`synthesis:secondary`) between two studies on one server: what the
 * facilitator of study A decides reaches A's room and nothing of study B, and nobody but A's own
 * console may decide it.
 */

let server: TestServer;
let data: Awaited<ReturnType<typeof tempDataDir>>;
const opened: ClientSocket[] = [];
beforeAll(async () => {
  data = await tempDataDir();
  server = await startServer({ dataDir: data.dir });
});
afterEach(() => closeAll(...opened.splice(0)));
afterAll(async () => {
  await server.close();
  await data.remove();
});

/** Words only study A's cards and theme hold. */
const A_WORDS = ['Zwanenburgtarief', 'Noordkwartier', 'taxivervoer'];
const A_THEME = 'Taxivervoer Noordkwartier';

/** Both studies in synthesis: A with two cards and a theme of its own, B with people and a card of its own. */
async function twoStudies() {
  const a = await studyRoom(server, opened, { title: 'Zorginkoop Noord' });
  const b = await studyRoom(server, opened, { title: 'Zorginkoop Zuid' });
  const ann = await a.join('Annemarie Zwartkop');
  const bea = await b.join('Beatrix Oudeland');
  const bram = await b.join('Bram Velthuis');
  for (const room of [a, b]) await room.phase('collecting');
  const cards = { first: uid(), second: uid() };
  await sendOk(ann.socket, 'card:add', { sessionId: a.sessionId, id: cards.first, columnId: a.column, text: 'Het Zwanenburgtarief dekt de kostprijs niet' });
  await sendOk(a.consoleSocket, 'card:add', { sessionId: a.sessionId, id: cards.second, columnId: a.column, text: 'Het taxivervoer in het Noordkwartier is slecht geregeld', attribution: { kind: 'room' } });
  const bCard = uid();
  await sendOk(bea.socket, 'card:add', { sessionId: b.sessionId, id: bCard, columnId: b.column, text: 'De tarieven dekken de kostprijs niet, de indexering is te laag' });
  for (const room of [a, b]) {
    await room.phase('voting');
    await room.phase('synthesis');
  }
  // A theme of A's codebook alone, so that a decision for it is A's and nobody else's.
  const added = await sendOk(a.consoleSocket, 'theme:add', { sessionId: a.sessionId, name: A_THEME, cardIds: [] });
  const aTheme = added.themes.find((t) => t.label === A_THEME)!.id;
  // First themes decided, so that no second theme below hangs on what the engine suggests.
  await sendOk(a.consoleSocket, 'synthesis:decide', { sessionId: a.sessionId, cardId: cards.first, themeId: 'tarieven', pinned: false });
  await sendOk(a.consoleSocket, 'synthesis:decide', { sessionId: a.sessionId, cardId: cards.second, themeId: 'dialoog', pinned: false });
  await sync(a.consoleSocket, a.projectionSocket, ann.socket, b.consoleSocket, b.projectionSocket, bea.socket, bram.socket);
  return { a, b, ann, bea, bram, cards, bCard, aTheme };
}

/** Every socket of study B, with its recording. */
const socketsOf = (b: StudyRoom, people: Person[]) => [
  { who: 'B console', socket: b.consoleSocket, traffic: b.consoleTraffic },
  { who: 'B projection', socket: b.projectionSocket, traffic: b.projectionTraffic },
  ...people.map((p) => ({ who: `B participant ${p.name}`, socket: p.socket, traffic: p.traffic })),
];

const secondOf = (view: SynthesisView, cardId: string) => view.assignments[cardId]?.secondary;

describe('synthesis:secondary between two studies', () => {
  it("reaches study A's room, and nothing of A reaches any socket of study B", async () => {
    const { a, b, ann, bea, bram, cards, aTheme } = await twoStudies();
    const outsiders = socketsOf(b, [bea, bram]);
    const marks = outsiders.map((o) => o.traffic.events.length);
    const { sessionId } = a;
    const decided = (themeId: string) => (v: SynthesisView) => secondOf(v, cards.first)?.themeId === themeId && secondOf(v, cards.first)?.decided === true;

    // Confirmed: A's console, projection and participant all get it.
    let seen = Promise.all([ann.socket, a.projectionSocket].map((s) => nextEvent(s, 'synthesis:updated', decided(aTheme))));
    const confirmed = await sendOk(a.consoleSocket, 'synthesis:secondary', { sessionId, cardId: cards.first, themeId: aTheme });
    expect(secondOf(confirmed, cards.first)).toEqual({ themeId: aTheme, confidence: 1, decided: true });
    for (const [view] of await seen) expect(secondOf(view, cards.first)).toEqual({ themeId: aTheme, confidence: 1, decided: true });
    expect(stored(server, sessionId).synthesis.secondary).toEqual({ [cards.first]: aTheme });

    // Removed, confirmed as another theme, handed back to the engine: each reaches A's room too.
    seen = Promise.all([ann.socket, a.projectionSocket].map((s) => nextEvent(s, 'synthesis:updated', (v) => v.noSecondary.includes(cards.first))));
    expect((await sendOk(a.consoleSocket, 'synthesis:secondary', { sessionId, cardId: cards.first, themeId: null })).noSecondary).toEqual([cards.first]);
    await seen;
    seen = Promise.all([ann.socket, a.projectionSocket].map((s) => nextEvent(s, 'synthesis:updated', decided('kwaliteit'))));
    await sendOk(a.consoleSocket, 'synthesis:secondary', { sessionId, cardId: cards.first, themeId: 'kwaliteit' });
    await sendOk(a.consoleSocket, 'synthesis:secondary', { sessionId, cardId: cards.second, themeId: aTheme });
    await seen;
    await sendOk(a.consoleSocket, 'synthesis:secondary', { sessionId, cardId: cards.first });
    expect(stored(server, sessionId).synthesis.secondary).toEqual({ [cards.second]: aTheme });
    await sync(...outsiders.map((o) => o.socket), a.consoleSocket, a.projectionSocket, ann.socket);

    const secrets = [sessionId, a.joinCode, a.auth.studyId, cards.first, cards.second, aTheme, A_THEME, ann.name, ann.participantId];
    outsiders.forEach(({ who, traffic }, i) => {
      // B's room was not even told that something changed.
      expect(since(traffic, marks[i]!).filter((e) => e.event.startsWith('synthesis:')), who).toEqual([]);
      // And from its first packet on, nothing of A: no id, no word of a card, no theme of A.
      const text = traffic.text();
      expectAbsent(text, secrets, who);
      expectWordsAbsent(text, A_WORDS, who);
    });
    // The recording works: B's sockets did get B's own themes.
    for (const { who, traffic } of outsiders) expect(traffic.events.some((e) => e.event === 'synthesis:updated'), who).toBe(true);
    expect(textOf(a.projectionTraffic.events)).toContain(aTheme);
  });

  it("is forbidden to study B's facilitator with A's session and card, and changes nothing of A", async () => {
    const { a, b, ann, bea, cards, bCard, aTheme } = await twoStudies();
    const { sessionId } = a;
    await sendOk(a.consoleSocket, 'synthesis:secondary', { sessionId, cardId: cards.first, themeId: aTheme });
    await sync(a.consoleSocket, a.projectionSocket, ann.socket);
    const before = stored(server, sessionId);
    const onDisk = await readStoredSession(data.dir, sessionId);
    expect(onDisk?.synthesis.secondary).toEqual({ [cards.first]: aTheme });
    const marks = [a.consoleTraffic, a.projectionTraffic, ann.traffic].map((t) => t.events.length);

    const foreign = [
      { sessionId, cardId: cards.first, themeId: 'kwaliteit' },
      { sessionId, cardId: cards.first, themeId: null },
      { sessionId, cardId: cards.first },
      { sessionId, cardId: cards.second, themeId: 'kwaliteit' },
    ];
    for (const payload of foreign) {
      expect(await send(b.consoleSocket, 'synthesis:secondary', payload), JSON.stringify(payload)).toMatchObject({ ok: false, error: 'forbidden' });
      // Nor B's projection or participants, who are not A's either.
      expect(await send(b.projectionSocket, 'synthesis:secondary', payload)).toMatchObject({ ok: false, error: 'forbidden' });
      expect(await send(bea.socket, 'synthesis:secondary', payload)).toMatchObject({ ok: false, error: 'forbidden' });
    }
    // Opening A's session is refused too, so the console stays B's, and forbidden stays forbidden.
    expect(await send(b.consoleSocket, 'session:open', { sessionId, view: 'console' })).toMatchObject({ ok: false });
    expect(await send(b.consoleSocket, 'synthesis:secondary', foreign[0]!)).toMatchObject({ ok: false, error: 'forbidden' });
    // A's card in B's own session: no such card there.
    expect(await send(b.consoleSocket, 'synthesis:secondary', { sessionId: b.sessionId, cardId: cards.first, themeId: 'kwaliteit' })).toMatchObject({ ok: false, error: 'not_found' });
    // A's own theme is not in B's codebook.
    expect(await send(b.consoleSocket, 'synthesis:secondary', { sessionId: b.sessionId, cardId: bCard, themeId: aTheme })).toMatchObject({ ok: false, error: 'not_found' });

    await sync(a.consoleSocket, a.projectionSocket, ann.socket);
    expect(stored(server, sessionId)).toEqual(before);
    expect(await readStoredSession(data.dir, sessionId)).toEqual(onDisk);
    [a.consoleTraffic, a.projectionTraffic, ann.traffic].forEach((t, i) => expect(since(t, marks[i]!).filter((e) => e.event.startsWith('synthesis:'))).toEqual([]));
    // B's console still works on B's own session.
    expect(secondOf(await sendOk(b.consoleSocket, 'synthesis:secondary', { sessionId: b.sessionId, cardId: bCard, themeId: 'kwaliteit' }), bCard)?.decided).toBe(true);
  });

  it("is forbidden to a participant of A, on A's own cards, changing nothing", async () => {
    const { a, ann, cards } = await twoStudies();
    const { sessionId } = a;
    const before = stored(server, sessionId);
    const onDisk = await readStoredSession(data.dir, sessionId);
    const mark = a.consoleTraffic.events.length;
    for (const cardId of [cards.first, cards.second]) {
      for (const themeId of ['kwaliteit', null, undefined]) {
        const payload = { sessionId, cardId, ...(themeId === undefined ? {} : { themeId }) };
        expect(await send(ann.socket, 'synthesis:secondary', payload), JSON.stringify(payload)).toMatchObject({ ok: false, error: 'forbidden' });
      }
    }
    await sync(a.consoleSocket);
    expect(stored(server, sessionId)).toEqual(before);
    expect(await readStoredSession(data.dir, sessionId)).toEqual(onDisk);
    expect(since(a.consoleTraffic, mark).filter((e) => e.event.startsWith('synthesis:'))).toEqual([]);
  });
});
