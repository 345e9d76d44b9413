import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandName, CommandPayload } from '../../../shared/protocol/events.ts';
import { canonical, TrackedClient } from '../client-state.ts';
import { connectClient, createStudy, nextEvent, send, sendOk, startServer, uid, type ClientSocket, type TestServer } from '../helpers.ts';
import { closeAll, resumeOnNewSocket, serverView, stored, sync, trackFacilitator, trackParticipant } from '../session-helpers.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

type Queued = { [E in CommandName]: { event: E; payload: CommandPayload<E> } }[CommandName];

/** What the client's outbox does: commands made offline keep their client-made ids. */
async function flush(socket: ClientSocket, outbox: Queued[]) {
  const acks = [];
  for (const { event, payload } of outbox) acks.push(await send(socket, event as never, payload as never));
  return acks;
}

/** A participant that comes back: a new socket, resumed with its token, following facts again. */
async function reconnect(who: { sessionId: string; participantId: string; token: string }) {
  const socket = await connectClient(server.url);
  const client = new TrackedClient(socket);
  await client.bind(() => sendOk(socket, 'session:resume', { sessionId: who.sessionId, participantId: who.participantId, token: who.token }), (s) => s);
  return client;
}

async function setup(settings = {}) {
  const auth = await createStudy(server.url);
  const admin = await connectClient(server.url, auth);
  const summary = await sendOk(admin, 'session:create', { title: 'Werksessie Jeugdwet', date: '2025-11-21', mode: 'digitaal', domains: ['Jeugdwet'], settings });
  const sessionId = summary.id;
  const facilitator = await trackFacilitator(server.url, auth, sessionId);
  const ann = await trackParticipant(server.url, summary.joinCode, { name: 'Ann' });
  const bob = await trackParticipant(server.url, summary.joinCode, { name: 'Bob' });
  const column = facilitator.current.session.columns[0]!.id;
  return { auth, admin, sessionId, facilitator, ann, bob, column };
}

describe('a participant who goes offline', () => {
  it('sends what it queued offline on reconnect; a retry of the same commands is applied once', async () => {
    const { admin, sessionId, facilitator, ann, bob, column } = await setup({ showTotalsWhileVoting: true, anonymousVotes: false });
    let back: TrackedClient | undefined;
    let again: TrackedClient | undefined;
    try {
      await sendOk(facilitator.socket, 'session:phase', { sessionId, phase: 'collecting' });
      const target = uid();
      await sendOk(bob.socket, 'card:add', { sessionId, id: target, columnId: column, text: 'Bob zijn kaart' });

      // Offline while collecting: the card goes into the outbox.
      ann.socket.disconnect();
      const cardId = uid();
      const outbox: Queued[] = [{ event: 'card:add', payload: { sessionId, id: cardId, columnId: column, text: 'Offline geschreven' } }];
      // Meanwhile the others carry on.
      const missed = uid();
      await sendOk(bob.socket, 'card:add', { sessionId, id: missed, columnId: column, text: 'Gemist door Ann' });

      back = await reconnect(ann);
      expect(back.current.cards.has(missed)).toBe(true);
      const first = await flush(back.socket, outbox);
      // The ack was lost: the outbox sends it again, and once more at the same time as itself.
      const retried = await Promise.all([flush(back.socket, outbox), flush(back.socket, outbox)]);
      for (const ack of [...first, ...retried.flat()]) expect(ack).toMatchObject({ ok: true, data: { id: cardId, text: 'Offline geschreven' } });

      // Offline again while voting: the vote goes into the outbox.
      await sendOk(facilitator.socket, 'session:phase', { sessionId, phase: 'voting' });
      back.socket.disconnect();
      const voteId = uid();
      const votebox: Queued[] = [{ event: 'vote:cast', payload: { sessionId, id: voteId, cardId: target } }];
      again = await reconnect(ann);
      const firstVote = await flush(again.socket, votebox);
      const retriedVote = await Promise.all([flush(again.socket, votebox), flush(again.socket, votebox)]);
      for (const ack of [...firstVote, ...retriedVote.flat()]) expect(ack).toEqual({ ok: true, data: [{ id: voteId, cardId: target }] });

      await sync(facilitator.socket, bob.socket, again.socket);
      const session = stored(server, sessionId);
      expect(Object.values(session.cards).filter((c) => c.text === 'Offline geschreven')).toHaveLength(1);
      expect(Object.values(session.votes)).toEqual([expect.objectContaining({ id: voteId, cardId: target, voterId: ann.participantId })]);

      // The others saw the card once and one vote on Bob's card, not one per retry.
      for (const other of [facilitator, bob.client]) {
        expect(other.count('card:upserted', ([c]) => (c as { id: string }).id === cardId)).toBe(1);
        expect(other.count('votes:updated', ([v]) => (v as { cardId: string }).cardId === target)).toBe(1);
        expect(other.current.votes?.get(target)).toEqual({ cardId: target, total: 1, voters: ['Ann'] });
        expect([...other.current.cards.keys()].filter((id) => id === cardId)).toHaveLength(1);
      }
      expect(canonical(facilitator.current)).toEqual(canonical(serverView(server, sessionId, { role: 'facilitator' })));
      expect(canonical(bob.client.current)).toEqual(canonical(serverView(server, sessionId, { role: 'participant', participantId: bob.participantId })));
      expect(canonical(again.current)).toEqual(canonical(serverView(server, sessionId, { role: 'participant', participantId: ann.participantId })));
    } finally {
      closeAll(admin, facilitator.socket, ann.socket, bob.socket, back?.socket, again?.socket);
    }
  });

  it('a retried edit, delete and retract are applied once too', async () => {
    const { admin, sessionId, facilitator, ann, bob, column } = await setup();
    try {
      await sendOk(facilitator.socket, 'session:phase', { sessionId, phase: 'collecting' });
      const id = uid();
      await sendOk(ann.socket, 'card:add', { sessionId, id, columnId: column, text: 'Eerste versie' });
      const edit = await Promise.all([1, 2].map(() => send(ann.socket, 'card:edit', { sessionId, id, text: 'Tweede versie' })));
      expect(edit.map((a) => a.ok)).toEqual([true, true]);
      const deleted = await Promise.all([1, 2, 3].map(() => send(ann.socket, 'card:delete', { sessionId, id })));
      expect(deleted).toEqual(Array(3).fill({ ok: true, data: { id } }));
      // A late retry of the original add does not bring the card back; after the edit it no longer matches the card.
      expect(await send(ann.socket, 'card:add', { sessionId, id, columnId: column, text: 'Eerste versie' })).toMatchObject({ ok: false, error: 'conflict' });
      expect(stored(server, sessionId).cards[id]).toMatchObject({ text: 'Tweede versie', deletedAt: expect.any(Number) });

      const target = uid();
      await sendOk(bob.socket, 'card:add', { sessionId, id: target, columnId: column, text: 'Iets om op te stemmen' });
      await sendOk(facilitator.socket, 'session:phase', { sessionId, phase: 'voting' });
      const vote = uid();
      await sendOk(ann.socket, 'vote:cast', { sessionId, id: vote, cardId: target });
      const retract = await Promise.all([1, 2].map(() => send(ann.socket, 'vote:retract', { sessionId, id: vote })));
      expect(retract).toEqual([{ ok: true, data: [] }, { ok: true, data: [] }]);
      expect(stored(server, sessionId).votes).toEqual({});

      await sync(facilitator.socket, bob.socket, ann.socket);
      expect(facilitator.count('card:removed', ([cardId]) => cardId === id)).toBe(1);
      expect(canonical(facilitator.current)).toEqual(canonical(serverView(server, sessionId, { role: 'facilitator' })));
      expect(canonical(ann.client.current)).toEqual(canonical(serverView(server, sessionId, { role: 'participant', participantId: ann.participantId })));
    } finally {
      closeAll(admin, facilitator.socket, ann.socket, bob.socket);
    }
  });

  it('a reload restores the whole view with session:resume', async () => {
    const { admin, sessionId, facilitator, ann, bob, column } = await setup({ hideUntilReveal: true, showTotalsWhileVoting: true });
    const reloads: ClientSocket[] = [];
    try {
      await sendOk(facilitator.socket, 'session:phase', { sessionId, phase: 'collecting' });
      const own = uid();
      const anonymous = uid();
      await sendOk(ann.socket, 'card:add', { sessionId, id: own, columnId: column, text: 'Van Ann' });
      await sendOk(ann.socket, 'card:add', { sessionId, id: anonymous, columnId: column, text: 'Anoniem van Ann', anonymous: true });
      await sendOk(bob.socket, 'card:add', { sessionId, id: uid(), columnId: column, text: 'Verborgen voor Ann' });
      await sendOk(facilitator.socket, 'timer:control', { sessionId, action: 'start', ms: 120_000 });

      ann.socket.disconnect();
      const reload = await resumeOnNewSocket(server.url, ann);
      reloads.push(reload.socket);
      const viewer = { role: 'participant' as const, participantId: ann.participantId };
      expect(canonical(reload.snapshot)).toEqual(canonical(serverView(server, sessionId, viewer)));
      // Her own cards, the anonymous one included, and not Bob's hidden card.
      expect(reload.snapshot.myCardIds.sort()).toEqual([own, anonymous].sort());
      expect(reload.snapshot.cards.map((c) => c.text).sort()).toEqual(['Anoniem van Ann', 'Van Ann']);
      expect(reload.snapshot.me).toMatchObject({ id: ann.participantId, name: 'Ann' });
      expect(reload.snapshot.session).toMatchObject({ phase: 'collecting', participantCount: 2 });
      // Bob's card is hidden from her, but she knows it is there.
      expect(reload.snapshot.cardCount).toBe(3);
      expect(reload.snapshot.session.timer.endsAt).toEqual(expect.any(Number));

      // The resumed socket gets facts again.
      const revealed = nextEvent(reload.socket, 'session:snapshot');
      await sendOk(facilitator.socket, 'session:reveal', { sessionId, revealed: true });
      const [snapshot] = await revealed;
      expect(snapshot.cards).toHaveLength(3);

      // Two tabs of one person both follow the session.
      const second = await resumeOnNewSocket(server.url, ann);
      reloads.push(second.socket);
      const both = [nextEvent(reload.socket, 'card:upserted'), nextEvent(second.socket, 'card:upserted')];
      await sendOk(bob.socket, 'card:add', { sessionId, id: uid(), columnId: column, text: 'Na de reload' });
      expect((await Promise.all(both)).map(([c]) => c.text)).toEqual(['Na de reload', 'Na de reload']);
    } finally {
      closeAll(admin, facilitator.socket, ann.socket, bob.socket, ...reloads);
    }
  });
});
