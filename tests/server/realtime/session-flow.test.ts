import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Settings } from '../../../shared/schemas/session.ts';
import { canonical, type TrackedClient } from '../client-state.ts';
import { createStudy, connectClient, sendOk, startServer, uid, type ClientSocket, type TestServer } from '../helpers.ts';
import { closeAll, resumeOnNewSocket, serverView, stored, sync, trackFacilitator, trackParticipant } from '../session-helpers.ts';

const PARTICIPANTS = 10;

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

/** Deterministic choice, so a failure can be replayed. */
const pick = <T>(list: T[], n: number): T => list[n % list.length]!;

describe('a session from creation to voting', () => {
  it.each<{ name: string; settings: Partial<Settings> }>([
    { name: 'open cards, named votes', settings: { hideUntilReveal: false, anonymousVotes: false, showTotalsWhileVoting: true } },
    { name: 'hidden cards, anonymous votes', settings: { hideUntilReveal: true, anonymousVotes: true, showTotalsWhileVoting: true } },
  ])('every client ends with exactly the server view ($name)', async ({ settings }) => {
    const sockets: ClientSocket[] = [];
    try {
      const auth = await createStudy(server.url);
      const setup = await connectClient(server.url, auth);
      sockets.push(setup);
      const summary = await sendOk(setup, 'session:create', {
        title: 'Werksessie Wmo',
        date: '2025-11-20',
        mode: 'digitaal',
        domains: ['Wmo', 'Jeugdwet'],
        settings: { ...settings, votesPerParticipant: 5, maxVotesPerCard: 3 },
      });
      const sessionId = summary.id;

      const facilitator = await trackFacilitator(server.url, auth, sessionId);
      const projection = await trackFacilitator(server.url, auth, sessionId, 'projection');
      sockets.push(facilitator.socket, projection.socket);

      // Everybody joins at once, while the facilitator prepares.
      const people = await Promise.all(
        Array.from({ length: PARTICIPANTS }, (_, i) => trackParticipant(server.url, summary.joinCode, { name: `Deelnemer ${i}`, organisation: `Org ${i}` })),
      );
      sockets.push(...people.map((p) => p.socket));
      const [good, better] = facilitator.current.session.columns;

      /** Every client's state, once all facts so far have arrived, against the server's view. */
      const checkpoint = async () => {
        await sync(facilitator.socket, projection.socket, ...people.map((p) => p.socket));
        expect(canonical(facilitator.current)).toEqual(canonical(serverView(server, sessionId, { role: 'facilitator' })));
        expect(canonical(projection.current)).toEqual(canonical(serverView(server, sessionId, { role: 'projection' })));
        for (const p of people) {
          const viewer = { role: 'participant' as const, participantId: p.participantId };
          expect(canonical(p.client.current)).toEqual(canonical(serverView(server, sessionId, viewer)));
        }
      };
      await checkpoint();

      await sendOk(facilitator.socket, 'session:phase', { sessionId, phase: 'collecting' });
      await sendOk(facilitator.socket, 'timer:control', { sessionId, action: 'start', ms: 5 * 60_000 });

      // Collecting: two cards each, some anonymous, some edited, one deleted; all at once.
      const cardIds: string[] = [];
      await Promise.all(
        people.map(async (p, i) => {
          const named = uid();
          const anonymous = i % 3 === 0;
          const second = uid();
          cardIds.push(named, second);
          await sendOk(p.socket, 'card:add', { sessionId, id: named, columnId: good!.id, domain: pick(['Wmo', 'Jeugdwet'], i), text: `Goed ${i}` });
          await sendOk(p.socket, 'card:add', { sessionId, id: second, columnId: better!.id, domain: null, text: `Beter ${i}`, anonymous });
          p.client.markMine(second);
          if (i % 4 === 1) await sendOk(p.socket, 'card:edit', { sessionId, id: named, text: `Goed ${i}, aangevuld` });
          if (i === 2) {
            await sendOk(p.socket, 'card:delete', { sessionId, id: second });
            cardIds.splice(cardIds.indexOf(second), 1);
          }
        }),
      );
      const roomCard = uid();
      await sendOk(facilitator.socket, 'card:add', { sessionId, id: roomCard, columnId: good!.id, text: 'Uit de zaal', attribution: { kind: 'room' } });
      const scribed = uid();
      await sendOk(facilitator.socket, 'card:add', {
        sessionId,
        id: scribed,
        columnId: better!.id,
        text: 'Genoteerd voor deelnemer 5',
        attribution: { kind: 'participant', participantId: people[5]!.participantId },
      });
      cardIds.push(roomCard, scribed);
      await sendOk(facilitator.socket, 'card:hand-votes', { sessionId, id: roomCard, count: 2 });
      await checkpoint();

      // Voting: totals visible while voting; everybody votes within budget, at once. The
      // collecting timer stopped with its phase, so voting gets one of its own.
      await sendOk(facilitator.socket, 'session:phase', { sessionId, phase: 'voting' });
      await sendOk(facilitator.socket, 'timer:control', { sessionId, action: 'start', ms: 3 * 60_000 });
      await Promise.all(
        people.map(async (p, i) => {
          // Two votes on one card, one each on two others: within the budget (5) and the per-card maximum (3).
          const targets = [pick(cardIds, i * 7), pick(cardIds, i * 7), pick(cardIds, i * 7 + 1), pick(cardIds, i * 7 + 2)];
          const voteIds: string[] = [];
          for (const cardId of targets) {
            const id = uid();
            voteIds.push(id);
            await sendOk(p.socket, 'vote:cast', { sessionId, id, cardId });
          }
          if (i % 5 === 0) await sendOk(p.socket, 'vote:retract', { sessionId, id: voteIds[0]! });
        }),
      );
      await sendOk(facilitator.socket, 'timer:control', { sessionId, action: 'pause' });

      const clients: TrackedClient[] = [facilitator, projection, ...people.map((p) => p.client)];
      await sync(...clients.map((c) => c.socket));

      const session = stored(server, sessionId);
      expect(Object.keys(session.participants)).toHaveLength(PARTICIPANTS);
      expect(Object.values(session.cards).filter((c) => c.deletedAt === null)).toHaveLength(cardIds.length);
      expect(Object.keys(session.votes)).toHaveLength(PARTICIPANTS * 4 - 2);

      // The facilitator console and the projection, against the server and a fresh open.
      const freshConsole = await trackFacilitator(server.url, auth, sessionId);
      const freshProjection = await trackFacilitator(server.url, auth, sessionId, 'projection');
      sockets.push(freshConsole.socket, freshProjection.socket);
      expect(canonical(facilitator.current)).toEqual(canonical(serverView(server, sessionId, { role: 'facilitator' })));
      expect(canonical(facilitator.current)).toEqual(canonical(freshConsole.current));
      expect(canonical(projection.current)).toEqual(canonical(serverView(server, sessionId, { role: 'projection' })));
      expect(canonical(projection.current)).toEqual(canonical(freshProjection.current));

      // Every participant, against the server and what a reload would show.
      for (const p of people) {
        const viewer = { role: 'participant' as const, participantId: p.participantId };
        const reload = await resumeOnNewSocket(server.url, p);
        sockets.push(reload.socket);
        expect(canonical(p.client.current)).toEqual(canonical(serverView(server, sessionId, viewer)));
        expect(canonical(p.client.current)).toEqual(canonical(reload.snapshot));
      }
      // The comparison is not vacuous: votes and totals did travel.
      expect(people[0]!.client.current.votes?.size).toBeGreaterThan(0);
      expect(facilitator.current.session.timer.endsAt).toBeNull();
      expect(facilitator.current.session.timer.remainingMs).toBeGreaterThan(0);
    } finally {
      closeAll(...sockets);
    }
  });
});
