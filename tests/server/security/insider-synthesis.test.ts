import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SynthesisView } from '../../../shared/domain/synthesis-view.ts';
import { nextEvent, sendOk, startServer, uid, type ClientSocket, type TestServer } from '../helpers.ts';
import { closeAll, sync } from '../session-helpers.ts';
import { expectAbsent, expectWordsAbsent, since, studyRoom, textOf } from './insider-helpers.ts';

/**
 * Hole 5 of issue 10: the themes view was computed from every card, so hidden cards reached
 * boards and projections through `synthesis:updated` (card ids, and their words as theme terms).
 */

let server: TestServer;
const opened: ClientSocket[] = [];
beforeAll(async () => {
  server = await startServer();
});
afterEach(() => closeAll(...opened.splice(0)));
afterAll(() => server.close());

/** Words of the hidden cards the theme engine picks as terms (checked on the console below). */
const HIDDEN_WORDS = ['zwanenburg', 'wachtlijstbemiddeling', 'blokkeert'];

describe('hole 5: hidden cards stay out of the synthesis view of boards and projections', () => {
  it('no hidden card id and no word of a hidden card reaches a board or projection, the console keeps everything', async () => {
    const room = await studyRoom(server, opened, { title: 'Synthese verborgen', settings: { hideUntilReveal: true, showTotalsWhileVoting: true } });
    const { sessionId, consoleSocket, projectionSocket } = room;
    const ann = await room.join('Annemarie Zwartkop');
    const bob = await room.join('Bartholomeus Vink');
    await room.phase('collecting');
    const seen = uid();
    await sendOk(ann.socket, 'card:add', { sessionId, id: seen, columnId: room.column, text: 'De tarieven dekken de kostprijs niet' });
    await room.phase('voting');
    await room.phase('synthesis');
    await sync(bob.socket, projectionSocket);
    // Before hiding again, boards did see the revealed card in the themes.
    expect(textOf(bob.traffic.events.filter((e) => e.event === 'synthesis:updated'))).toContain(seen);

    await sendOk(consoleSocket, 'session:reveal', { sessionId, revealed: false });
    await sync(bob.socket, ann.socket, projectionSocket);
    const marks = { bob: bob.traffic.events.length, projection: room.projectionTraffic.events.length };

    const first = uid();
    const second = uid();
    await sendOk(consoleSocket, 'card:add', { sessionId, id: first, columnId: room.column, text: 'Het Zwanenburgprotocol blokkeert de wachtlijstbemiddeling volledig', attribution: { kind: 'facilitator' } });
    await sendOk(consoleSocket, 'card:add', { sessionId, id: second, columnId: room.column, text: 'Zwanenburgprotocol en wachtlijstbemiddeling kosten ons dagen', attribution: { kind: 'room' } });
    await sendOk(consoleSocket, 'synthesis:decide', { sessionId, cardId: first, themeId: 'tarieven', pinned: true });
    await sendOk(consoleSocket, 'synthesis:quote', { sessionId, cardId: second, quote: true });
    await sendOk(consoleSocket, 'synthesis:decide', { sessionId, cardId: seen, themeId: 'kwaliteit', pinned: false });
    await sendOk(consoleSocket, 'theme:add', { sessionId, name: 'Wachtlijsten', cardIds: [second] });
    await sendOk(consoleSocket, 'synthesis:finding', { sessionId, themeId: 'tarieven', text: 'De tarieven volgen de kostprijs niet.' });
    const consoleView = await sendOk(consoleSocket, 'synthesis:open', { sessionId });
    const bobView = await sendOk(bob.socket, 'synthesis:open', { sessionId });
    const projectionView = await sendOk(projectionSocket, 'synthesis:open', { sessionId });
    await sync(bob.socket, ann.socket, projectionSocket, consoleSocket);

    const outsiders: [string, string, SynthesisView[]][] = [
      ['bob', textOf(since(bob.traffic, marks.bob)), [bobView]],
      ['projection', textOf(since(room.projectionTraffic, marks.projection)), [projectionView]],
    ];
    for (const [who, traffic, acks] of outsiders) {
      const text = traffic + JSON.stringify(acks);
      expectAbsent(text, [first, second], who);
      expectWordsAbsent(text, HIDDEN_WORDS, who);
      // The card seen before is hidden now too: the themes do not name it any more.
      const synthesis = JSON.stringify([...acks, ...JSON.parse(traffic).filter((e: { event: string }) => e.event === 'synthesis:updated')]);
      expectAbsent(synthesis, [seen], `${who} (synthesis)`);
    }
    // The facilitator's own findings and themes do travel (nothing of a card in them).
    expect(JSON.stringify(bobView)).toContain('De tarieven volgen de kostprijs niet.');
    // The console keeps the full view: every card, and the words the outsiders did not get.
    for (const id of [first, second, seen]) expect(consoleView.assignments[id], id).toBeDefined();
    expect(consoleView.quotes).toContain(second);
    expect(JSON.stringify(consoleView).toLowerCase()).toContain('wachtlijstbemiddeling');
    expect(textOf(room.consoleTraffic.events.filter((e) => e.event === 'synthesis:updated'))).toContain(first);

    // Revealed again, the boards and the projection get the cards in their themes: the recording works.
    const boardSees = nextEvent(bob.socket, 'synthesis:updated', (v) => v.assignments[first] !== undefined);
    const projectionSees = nextEvent(projectionSocket, 'synthesis:updated', (v) => v.quotes.includes(second));
    await sendOk(consoleSocket, 'session:reveal', { sessionId, revealed: true });
    const [[board]] = await Promise.all([boardSees, projectionSees]);
    expect(board.assignments[first]?.themeId).toBe('tarieven');
    expect((await sendOk(projectionSocket, 'synthesis:open', { sessionId })).assignments[second]).toBeDefined();
  });

  it('a participant who is the author of a hidden card gets no other hidden card through the themes', async () => {
    const room = await studyRoom(server, opened, { title: 'Synthese auteur', settings: { hideUntilReveal: true } });
    const { sessionId, consoleSocket } = room;
    const ann = await room.join('Annemarie Zwartkop');
    await room.phase('collecting');
    await room.phase('voting');
    await room.phase('synthesis');
    await sendOk(consoleSocket, 'session:reveal', { sessionId, revealed: false });
    await sync(ann.socket);
    const mark = ann.traffic.events.length;
    const other = uid();
    await sendOk(consoleSocket, 'card:add', { sessionId, id: other, columnId: room.column, text: 'Het Zwanenburgprotocol blokkeert de wachtlijstbemiddeling volledig', attribution: { kind: 'room' } });
    // A card the scribe notes for Ann: she may see it, but it does not open the themes to the others.
    const hers = uid();
    await sendOk(consoleSocket, 'card:add', { sessionId, id: hers, columnId: room.column, text: 'Genoteerd voor Ann over de tarieven', attribution: { kind: 'participant', participantId: ann.participantId } });
    await sendOk(consoleSocket, 'synthesis:decide', { sessionId, cardId: other, themeId: 'tarieven', pinned: true });
    const view = await sendOk(ann.socket, 'synthesis:open', { sessionId });
    await sync(ann.socket);
    const text = textOf(since(ann.traffic, mark)) + JSON.stringify(view);
    expectAbsent(text, [other], 'ann');
    expectWordsAbsent(text, HIDDEN_WORDS, 'ann');
    // She did get her own card as a card.
    expect(textOf(since(ann.traffic, mark))).toContain('Genoteerd voor Ann');
  });
});
