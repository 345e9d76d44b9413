import { afterEach, describe, expect, it } from 'vitest';
import { MAX_PARTICIPANTS } from '../../../shared/domain/participants.ts';
import { connectClient, nextEvent, send, sendOk, startServer, uid, type ClientSocket, type TestServer } from '../helpers.ts';
import { closeAll, serverView, stored, sync } from '../session-helpers.ts';
import { since, studyRoom, textOf } from './insider-helpers.ts';

/**
 * Hole 6 of issue 10, the way back: a session filled with participants (by a script) can be
 * emptied by its facilitator, without the answers telling anything of anonymous contributions.
 */

const servers: TestServer[] = [];
const opened: ClientSocket[] = [];
afterEach(async () => {
  closeAll(...opened.splice(0));
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const NO_RIGHTS = ['forbidden', 'unauthorised'];

/** Ann only wrote and voted anonymously and answered a poll; Bob wrote by name; Cat voted by name; Dan did nothing. */
async function scene() {
  const server = await startServer();
  servers.push(server);
  const room = await studyRoom(server, opened, {
    title: 'Deelnemers verwijderen',
    settings: { hideUntilReveal: false, allowAnonymousCards: true, anonymousVotes: true, showTotalsWhileVoting: true, votesPerParticipant: 5 },
  });
  const { sessionId, consoleSocket } = room;
  const ann = await room.join('Annemarie Zwartkop');
  const bob = await room.join('Bartholomeus Vink');
  const cat = await room.join('Catharina Merel');
  const dan = await room.join('Daan Roodborst');
  await room.phase('collecting');
  const anonymousCard = uid();
  const bobCard = uid();
  await sendOk(ann.socket, 'card:add', { sessionId, id: anonymousCard, columnId: room.column, text: 'Anoniem: het portaal werkt niet', anonymous: true });
  await sendOk(bob.socket, 'card:add', { sessionId, id: bobCard, columnId: room.column, text: 'Bob: de gesprekken waren goed' });
  const poll = uid();
  await sendOk(consoleSocket, 'poll:create', { sessionId, id: poll, question: 'Hoeveel aanbieders kent u?', kind: 'number', showLive: true });
  await sendOk(consoleSocket, 'poll:open', { sessionId, pollId: poll });
  await sendOk(ann.socket, 'poll:answer', { sessionId, pollId: poll, answer: { value: 42 } });
  await room.phase('voting');
  await sendOk(ann.socket, 'vote:cast', { sessionId, id: uid(), cardId: bobCard });
  await sendOk(ann.socket, 'vote:cast', { sessionId, id: uid(), cardId: anonymousCard });
  await sendOk(consoleSocket, 'session:update', { sessionId, settings: { anonymousVotes: false } });
  await sendOk(cat.socket, 'vote:cast', { sessionId, id: uid(), cardId: anonymousCard });
  return { server, room, sessionId, ann, bob, cat, dan, anonymousCard, bobCard, poll };
}

const totals = (server: TestServer, sessionId: string) => {
  const view = serverView(server, sessionId, { role: 'facilitator' });
  return { cards: view.cards.map((c) => [c.id, c.text]).sort(), votes: view.votes, polls: view.polls.map((p) => p.results) };
};

describe('hole 6: participant:remove', () => {
  it('removes who has nothing in their name, anonymous contributions untouched and unconsidered', async () => {
    const { server, room, sessionId, ann, bob, cat, dan, anonymousCard } = await scene();
    const before = totals(server, sessionId);
    await sync(room.consoleSocket, room.projectionSocket, bob.socket);
    const marks = { console: room.consoleTraffic.events.length, projection: room.projectionTraffic.events.length, bob: bob.traffic.events.length };

    expect(await send(room.consoleSocket, 'participant:remove', { sessionId, id: bob.participantId })).toMatchObject({ ok: false, error: 'conflict' });
    expect(await send(room.consoleSocket, 'participant:remove', { sessionId, id: cat.participantId })).toMatchObject({ ok: false, error: 'conflict' });
    expect(await send(room.consoleSocket, 'participant:remove', { sessionId, id: uid() })).toMatchObject({ ok: false, error: 'not_found' });
    // Ann (anonymous card, anonymous votes, a poll answer) gets the same answer as Dan (nothing).
    const removed = nextEvent(ann.socket, 'session:removed');
    const annAnswer = await send(room.consoleSocket, 'participant:remove', { sessionId, id: ann.participantId });
    const danAnswer = await send(room.consoleSocket, 'participant:remove', { sessionId, id: dan.participantId });
    expect(annAnswer).toEqual({ ok: true, data: { id: ann.participantId } });
    expect(danAnswer).toEqual({ ok: true, data: { id: dan.participantId } });
    expect(await removed).toEqual([sessionId]);
    expect(Object.keys(stored(server, sessionId).participants).sort()).toEqual([bob.participantId, cat.participantId].sort());
    // Totals, cards and poll results as they were.
    expect(totals(server, sessionId)).toEqual(before);
    expect(await send(room.consoleSocket, 'participant:remove', { sessionId, id: ann.participantId })).toMatchObject({ ok: false, error: 'not_found' });
    // The consoles' list no longer has them.
    await sync(room.consoleSocket);
    const lists = room.consoleTraffic.events.filter((e) => e.event === 'participants:updated');
    expect(JSON.stringify(lists.at(-1)?.args)).not.toContain(ann.participantId);
    expect(JSON.stringify(lists.at(-1)?.args)).toContain(bob.participantId);
    // No fact about Ann's anonymous card went out on her removal: that would tell whose it was.
    await sync(room.projectionSocket, bob.socket);
    expect(textOf(since(room.consoleTraffic, marks.console))).not.toContain(anonymousCard);
    expect(textOf(since(room.projectionTraffic, marks.projection))).not.toContain(anonymousCard);
    expect(textOf(since(bob.traffic, marks.bob))).not.toContain(anonymousCard);
  });

  it("a removed participant's sockets lose their rights and hear nothing more of the session", async () => {
    const { server, room, sessionId, ann, bobCard, poll } = await scene();
    const reload = await connectClient(server.url);
    opened.push(reload);
    await sendOk(reload, 'session:resume', { sessionId, participantId: ann.participantId, token: ann.token });
    const bothRemoved = Promise.all([nextEvent(ann.socket, 'session:removed'), nextEvent(reload, 'session:removed')]);
    await sendOk(room.consoleSocket, 'participant:remove', { sessionId, id: ann.participantId });
    await bothRemoved;
    const mark = ann.traffic.events.length;
    const before = stored(server, sessionId);

    for (const socket of [ann.socket, reload]) {
      const answers = [
        await send(socket, 'vote:cast', { sessionId, id: uid(), cardId: bobCard }),
        await send(socket, 'vote:retract', { sessionId, id: uid() }),
        await send(socket, 'poll:answer', { sessionId, pollId: poll, answer: { value: 7 } }),
        await send(socket, 'profile:update', { sessionId, profile: { name: 'Terug', consent: false } }),
        await send(socket, 'card:add', { sessionId, id: uid(), columnId: room.column, text: 'Nog een kaart' }),
      ];
      for (const answer of answers) {
        expect(answer.ok).toBe(false);
        expect(NO_RIGHTS).toContain(!answer.ok && answer.error);
      }
    }
    const resumed = await send(reload, 'session:resume', { sessionId, participantId: ann.participantId, token: ann.token });
    expect(resumed.ok).toBe(false);
    expect(['unauthorised', 'not_found']).toContain(!resumed.ok && resumed.error);
    expect(stored(server, sessionId)).toEqual(before);

    // The session goes on without them.
    await sendOk(room.consoleSocket, 'card:add', { sessionId, id: uid(), columnId: room.column, text: 'Na het verwijderen genoteerd', attribution: { kind: 'room' } });
    await sendOk(room.consoleSocket, 'timer:control', { sessionId, action: 'start', ms: 60_000 });
    await sync(ann.socket, room.consoleSocket);
    expect(textOf(since(ann.traffic, mark))).not.toContain('Na het verwijderen');
    expect(since(ann.traffic, mark).filter((e) => e.event !== 'session:removed')).toEqual([]);
    expect(room.consoleTraffic.text()).toContain('Na het verwijderen');
    // The device may join again with the code, as someone new.
    const again = await sendOk(ann.socket, 'session:join', { code: room.joinCode, profile: { name: 'Annemarie Zwartkop', consent: false } });
    expect(again.participantId).not.toBe(ann.participantId);
  });

  it("a facilitator of another study cannot remove the victim's participants", async () => {
    const { server, room, sessionId, dan } = await scene();
    const attacker = await studyRoom(server, opened, { title: 'Aanvaller' });
    expect(await send(attacker.consoleSocket, 'participant:remove', { sessionId, id: dan.participantId })).toMatchObject({ ok: false, error: 'forbidden' });
    expect(await send(attacker.consoleSocket, 'participants:prune', { sessionId })).toMatchObject({ ok: false, error: 'forbidden' });
    // Nor from its own session by naming the id.
    expect(await send(attacker.consoleSocket, 'participant:remove', { sessionId: attacker.sessionId, id: dan.participantId })).toMatchObject({ ok: false, error: 'not_found' });
    // Nor as a participant of the session itself.
    expect(await send(dan.socket, 'participant:remove', { sessionId, id: dan.participantId })).toMatchObject({ ok: false, error: 'forbidden' });
    expect(stored(server, sessionId).participants[dan.participantId]).toBeDefined();
    expect(room.sessionId).toBe(sessionId);
  });
});

describe('hole 6: participants:prune', () => {
  it('removes everyone without a named card or vote, whatever they did anonymously', async () => {
    const { server, room, sessionId, ann, bob, cat, dan, anonymousCard } = await scene();
    const before = totals(server, sessionId);
    await sync(room.consoleSocket);
    const mark = room.consoleTraffic.events.length;
    const told = Promise.all([nextEvent(ann.socket, 'session:removed'), nextEvent(dan.socket, 'session:removed')]);
    expect(await send(room.consoleSocket, 'participants:prune', { sessionId })).toEqual({ ok: true, data: { removed: 2 } });
    await told;
    expect(Object.keys(stored(server, sessionId).participants).sort()).toEqual([bob.participantId, cat.participantId].sort());
    expect(totals(server, sessionId)).toEqual(before);
    await sync(room.consoleSocket);
    expect(textOf(since(room.consoleTraffic, mark))).not.toContain(anonymousCard);
    // Nothing left to prune.
    expect(await send(room.consoleSocket, 'participants:prune', { sessionId })).toEqual({ ok: true, data: { removed: 0 } });
  });

  it(`frees a session a script filled to ${MAX_PARTICIPANTS}: joins are admitted again`, async () => {
    const server = await startServer({ limits: { joins: { max: 10_000 }, commands: { burst: 10_000, perSecond: 10_000 } } });
    servers.push(server);
    const room = await studyRoom(server, opened, { title: 'Volgelopen sessie', settings: { allowAnonymousCards: true, hideUntilReveal: false } });
    const { sessionId } = room;
    await room.phase('collecting');
    const bob = await room.join('Bartholomeus Vink');
    await sendOk(bob.socket, 'card:add', { sessionId, id: uid(), columnId: room.column, text: 'Bob schreef met naam' });
    const ann = await room.join('Annemarie Zwartkop');
    const anonymous = uid();
    await sendOk(ann.socket, 'card:add', { sessionId, id: anonymous, columnId: room.column, text: 'Ann schreef anoniem', anonymous: true });

    // A script joins from a handful of sockets until the session is full.
    const scripts = await Promise.all(Array.from({ length: 10 }, () => connectClient(server.url)));
    opened.push(...scripts);
    const missing = MAX_PARTICIPANTS - Object.keys(stored(server, sessionId).participants).length;
    const acks = await Promise.all(Array.from({ length: missing }, (_, i) => send(scripts[i % scripts.length]!, 'session:join', { code: room.joinCode, profile: { name: `Bot ${i}`, consent: false } })));
    expect(acks.filter((a) => !a.ok)).toEqual([]);
    const late = await connectClient(server.url);
    opened.push(late);
    expect(await send(late, 'session:join', { code: room.joinCode, profile: { name: 'Echte deelnemer', consent: false } })).toMatchObject({ ok: false, error: 'too_large' });

    expect(await send(room.consoleSocket, 'participants:prune', { sessionId })).toEqual({ ok: true, data: { removed: MAX_PARTICIPANTS - 1 } });
    expect(Object.keys(stored(server, sessionId).participants)).toEqual([bob.participantId]);
    expect(await send(late, 'session:join', { code: room.joinCode, profile: { name: 'Echte deelnemer', consent: false } })).toMatchObject({ ok: true });
    // Ann's anonymous card is still on the board, and names nobody.
    const card = serverView(server, sessionId, { role: 'facilitator' }).cards.find((c) => c.id === anonymous);
    expect(card).toMatchObject({ text: 'Ann schreef anoniem', author: { kind: 'anonymous' } });
  });
});
