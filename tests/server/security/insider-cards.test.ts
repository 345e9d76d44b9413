import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Ack } from '../../../shared/protocol/events.ts';
import type { CardView, VotesView } from '../../../shared/protocol/views.ts';
import { send, sendOk, startServer, uid, type ClientSocket, type TestServer } from '../helpers.ts';
import { closeAll, stored, sync } from '../session-helpers.ts';
import { objects, since, studyRoom, textOf, voteViews } from './insider-helpers.ts';

/**
 * Holes 2 and 3 of issue 10: the facilitator of a session is the insider. It may see a lot, but
 * never who wrote an anonymous card or who voted while votes were anonymous.
 */

let server: TestServer;
const opened: ClientSocket[] = [];
beforeAll(async () => {
  server = await startServer();
});
afterEach(() => closeAll(...opened.splice(0)));
afterAll(() => server.close());

describe('hole 2: card:add with an existing id tells nobody who wrote an anonymous card', () => {
  it('the facilitator gets the same conflict for every attribution it tries', async () => {
    const room = await studyRoom(server, opened, { title: 'Anoniem schrijven', settings: { hideUntilReveal: false, allowAnonymousCards: true } });
    const { sessionId, consoleSocket } = room;
    const ann = await room.join('Annemarie Zwartkop');
    const bob = await room.join('Bartholomeus Vink');
    const cat = await room.join('Catharina Merel');
    await room.phase('collecting');
    const id = uid();
    const content = { sessionId, id, columnId: room.column, text: 'Anoniem: de inkoopgesprekken waren eenzijdig', anonymous: true };
    await sendOk(ann.socket, 'card:add', content);
    // A card the scribe noted anonymously for Bob: the facilitator may not confirm that either.
    const scribed = uid();
    const scribedContent = { sessionId, id: scribed, columnId: room.column, text: 'Anoniem genoteerd: de termijnen zijn te kort', anonymous: true };
    await sendOk(consoleSocket, 'card:add', { ...scribedContent, attribution: { kind: 'participant', participantId: bob.participantId } });
    const before = stored(server, sessionId).cards;

    const attributions = [
      ...[ann, bob, cat].map((p) => ({ kind: 'participant' as const, participantId: p.participantId })),
      { kind: 'room' as const },
      { kind: 'facilitator' as const },
      undefined,
    ];
    for (const [card, base] of [[id, content], [scribed, scribedContent]] as const) {
      const answers: Ack<CardView>[] = [];
      for (const attribution of attributions) {
        for (const anonymous of [true, false]) {
          answers.push(await send(consoleSocket, 'card:add', { ...base, anonymous, ...(attribution ? { attribution } : {}) }));
        }
      }
      expect(answers[0], card).toMatchObject({ ok: false, error: 'conflict' });
      for (const answer of answers) expect(answer, card).toEqual(answers[0]);
    }
    // Nothing changed, and the console never saw an author of either card.
    expect(stored(server, sessionId).cards).toEqual(before);
    await sync(consoleSocket);
    let sightings = 0;
    for (const obj of objects(room.consoleTraffic.events.filter((e) => e.event !== 'participants:updated').map((e) => e.args))) {
      if (obj.id !== id && obj.id !== scribed) continue;
      sightings++;
      expect(obj.author).toEqual({ kind: 'anonymous' });
    }
    expect(sightings).toBeGreaterThanOrEqual(2);
    // A fresh id does work for the facilitator: the conflicts above were not a refusal of everything.
    expect(await send(consoleSocket, 'card:add', { ...content, id: uid(), anonymous: false, attribution: { kind: 'room' } })).toMatchObject({ ok: true });
  });

  it('other content or another author is a conflict; the author retrying the same card is not', async () => {
    const room = await studyRoom(server, opened, { title: 'Herhaald schrijven', settings: { hideUntilReveal: false, allowAnonymousCards: true } });
    const { sessionId } = room;
    expect(room.columns.length).toBeGreaterThanOrEqual(2);
    const ann = await room.join('Annemarie Zwartkop');
    const bob = await room.join('Bartholomeus Vink');
    await room.phase('collecting');
    const id = uid();
    const content = { sessionId, id, columnId: room.column, text: 'Te weinig tijd voor de offerte', anonymous: true };
    const first = await sendOk(ann.socket, 'card:add', content);
    const before = stored(server, sessionId).cards[id];

    const variants = [
      { ...content, text: 'Te weinig tijd voor de offerte!' },
      { ...content, columnId: room.columns[1]! },
      { ...content, domain: 'Wlz' },
      { ...content, anonymous: false },
    ];
    for (const variant of variants) expect(await send(ann.socket, 'card:add', variant), JSON.stringify(variant)).toMatchObject({ ok: false, error: 'conflict' });
    // Another participant sending exactly the same card.
    expect(await send(bob.socket, 'card:add', content)).toMatchObject({ ok: false, error: 'conflict' });
    // Ann's retry after a lost ack: the same card back, still anonymous.
    const retried = await send(ann.socket, 'card:add', content);
    expect(retried).toEqual({ ok: true, data: first });
    expect(first.author).toEqual({ kind: 'anonymous' });
    expect(stored(server, sessionId).cards[id]).toEqual(before);
    // A named card of Bob's, retried by Bob, is fine too.
    const named = { sessionId, id: uid(), columnId: room.column, text: 'De zorgkantoren luisterden goed' };
    const bobsCard = await sendOk(bob.socket, 'card:add', named);
    expect(await send(bob.socket, 'card:add', named)).toEqual({ ok: true, data: bobsCard });
    expect(await send(ann.socket, 'card:add', named)).toMatchObject({ ok: false, error: 'conflict' });
  });
});

describe('hole 3: switching a setting off reveals nobody from before', () => {
  it('votes cast while anonymous never show their voters, also after anonymousVotes is switched off', async () => {
    const room = await studyRoom(server, opened, {
      title: 'Stemmen wisselen',
      settings: { hideUntilReveal: false, allowAnonymousCards: true, anonymousVotes: true, showTotalsWhileVoting: true, votesPerParticipant: 5 },
    });
    const { sessionId, consoleSocket } = room;
    const ann = await room.join('Annemarie Zwartkop');
    const bob = await room.join('Bartholomeus Vink');
    const cat = await room.join('Catharina Merel');
    await room.phase('collecting');
    const card = uid();
    await sendOk(consoleSocket, 'card:add', { sessionId, id: card, columnId: room.column, text: 'Stelling: de indexering is te laag', attribution: { kind: 'room' } });
    const anonymousCard = uid();
    await sendOk(ann.socket, 'card:add', { sessionId, id: anonymousCard, columnId: room.column, text: 'Anoniem: de accountmanager wisselt steeds', anonymous: true });
    await room.phase('voting');
    await sendOk(ann.socket, 'vote:cast', { sessionId, id: uid(), cardId: card });
    await sendOk(bob.socket, 'vote:cast', { sessionId, id: uid(), cardId: card });
    await sendOk(bob.socket, 'vote:cast', { sessionId, id: uid(), cardId: anonymousCard });
    const everyone = [consoleSocket, room.projectionSocket, ann.socket, bob.socket, cat.socket];
    await sync(...everyone);
    const watchers = { console: room.consoleTraffic, projection: room.projectionTraffic, cat: cat.traffic, bob: bob.traffic };
    const marks = Object.fromEntries(Object.entries(watchers).map(([who, t]) => [who, t.events.length]));
    const after = (who: keyof typeof watchers) => since(watchers[who], marks[who]!);

    await sendOk(consoleSocket, 'session:update', { sessionId, settings: { anonymousVotes: false, allowAnonymousCards: false } });
    await sync(...everyone);
    const earlier = [ann.name, bob.name, ann.participantId, bob.participantId];
    for (const who of Object.keys(watchers) as (keyof typeof watchers)[]) {
      const views = voteViews(after(who));
      const text = JSON.stringify(views);
      for (const secret of earlier) expect(text.includes(secret), `${secret} named in votes to ${who} after the switch`).toBe(false);
    }
    // The switch did send fresh views: the console has the totals of both cards, naming nobody.
    const consoleViews = voteViews(after('console'));
    expect(consoleViews.find((v) => v.cardId === card)?.total).toBe(2);
    expect(consoleViews.find((v) => v.cardId === anonymousCard)?.total).toBe(1);
    for (const view of consoleViews) expect(view.voters ?? []).toEqual([]);
    // The anonymous card stays anonymous now that anonymous cards are no longer allowed.
    let sightings = 0;
    for (const who of Object.keys(watchers) as (keyof typeof watchers)[]) {
      for (const obj of objects(after(who).filter((e) => e.event !== 'participants:updated').map((e) => e.args))) {
        if (obj.id !== anonymousCard) continue;
        sightings++;
        expect(obj.author, who).toEqual({ kind: 'anonymous' });
      }
    }
    expect(sightings).toBeGreaterThan(0);

    // A vote cast now is named, to the console and boards; the earlier ones still are not.
    await sendOk(cat.socket, 'vote:cast', { sessionId, id: uid(), cardId: card });
    await sync(...everyone);
    const named: VotesView = { cardId: card, total: 3, voters: [cat.name] };
    expect(voteViews(after('console'))).toContainEqual(named);
    expect(voteViews(after('bob'))).toContainEqual(named);
    expect(textOf(after('projection'))).not.toContain(cat.name);
    for (const who of Object.keys(watchers) as (keyof typeof watchers)[]) {
      const text = JSON.stringify(voteViews(after(who)));
      for (const secret of earlier) expect(text.includes(secret), `${secret} named in votes to ${who}`).toBe(false);
    }

    // Anonymous again: nobody is named, not even Cat; off once more: Cat only.
    const onMark = room.consoleTraffic.events.length;
    await sendOk(consoleSocket, 'session:update', { sessionId, settings: { anonymousVotes: true } });
    await sync(...everyone);
    const whileOn = voteViews(since(room.consoleTraffic, onMark));
    expect(whileOn.find((v) => v.cardId === card)?.total).toBe(3);
    for (const view of whileOn) expect(view.voters ?? []).toEqual([]);
    const offMark = room.consoleTraffic.events.length;
    await sendOk(consoleSocket, 'session:update', { sessionId, settings: { anonymousVotes: false } });
    await sync(...everyone);
    expect(voteViews(since(room.consoleTraffic, offMark))).toContainEqual(named);
    // And the facilitator's own resume of the view (a fresh open) agrees.
    const reopened = await sendOk(consoleSocket, 'session:open', { sessionId, view: 'console' });
    expect(reopened.votes).toContainEqual(named);
    expect(JSON.stringify(reopened.votes)).not.toContain(ann.name);
    expect(JSON.stringify(reopened.votes)).not.toContain(bob.name);
  });

  it('anonymous votes stay anonymous when their card is merged into another after the switch', async () => {
    const room = await studyRoom(server, opened, { title: 'Samenvoegen', settings: { hideUntilReveal: false, anonymousVotes: true, showTotalsWhileVoting: true } });
    const { sessionId, consoleSocket } = room;
    const ann = await room.join('Annemarie Zwartkop');
    const bob = await room.join('Bartholomeus Vink');
    const cat = await room.join('Catharina Merel');
    await room.phase('collecting');
    const source = uid();
    const target = uid();
    await sendOk(consoleSocket, 'card:add', { sessionId, id: source, columnId: room.column, text: 'Dubbel: de tarieven', attribution: { kind: 'room' } });
    await sendOk(consoleSocket, 'card:add', { sessionId, id: target, columnId: room.column, text: 'De tarieven zijn te laag', attribution: { kind: 'room' } });
    await room.phase('voting');
    await sendOk(ann.socket, 'vote:cast', { sessionId, id: uid(), cardId: source });
    await sendOk(bob.socket, 'vote:cast', { sessionId, id: uid(), cardId: source });
    await sendOk(consoleSocket, 'session:update', { sessionId, settings: { anonymousVotes: false } });
    await sendOk(cat.socket, 'vote:cast', { sessionId, id: uid(), cardId: target });
    const mark = room.consoleTraffic.events.length;
    const catMark = cat.traffic.events.length;
    await sendOk(consoleSocket, 'card:merge', { sessionId, targetId: target, sourceIds: [source] });
    await sync(consoleSocket, cat.socket);
    const merged: VotesView = { cardId: target, total: 3, voters: [cat.name] };
    expect(voteViews(since(room.consoleTraffic, mark))).toContainEqual(merged);
    expect(voteViews(since(cat.traffic, catMark))).toContainEqual(merged);
    const reopened = await sendOk(consoleSocket, 'session:open', { sessionId, view: 'console' });
    expect(reopened.votes).toContainEqual(merged);
    for (const text of [JSON.stringify(reopened.votes), JSON.stringify(voteViews(room.consoleTraffic.events)), JSON.stringify(voteViews(cat.traffic.events))]) {
      for (const secret of [ann.name, bob.name, ann.participantId, bob.participantId]) expect(text).not.toContain(secret);
    }
  });
});
