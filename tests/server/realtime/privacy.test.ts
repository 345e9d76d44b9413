import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Settings } from '../../../shared/schemas/session.ts';
import { connectClient, createStudy, recordTraffic, sendOk, startServer, uid, type ClientSocket, type TestServer } from '../helpers.ts';
import { closeAll, sync } from '../session-helpers.ts';

let server: TestServer;
const opened: ClientSocket[] = [];
beforeAll(async () => {
  server = await startServer();
});
afterEach(() => closeAll(...opened.splice(0)));
afterAll(() => server.close());

type Traffic = ReturnType<typeof recordTraffic>;

/** A session with a console, a projection and three participants, every socket recorded from its start. */
async function room(settings: Partial<Settings>) {
  const auth = await createStudy(server.url);
  const consoleSocket = await connectClient(server.url, auth);
  const projectionSocket = await connectClient(server.url, auth);
  opened.push(consoleSocket, projectionSocket);
  const consoleTraffic = recordTraffic(consoleSocket);
  const projectionTraffic = recordTraffic(projectionSocket);
  const summary = await sendOk(consoleSocket, 'session:create', { title: 'Werksessie GZSP', date: '2025-12-01', mode: 'digitaal', domains: ['GZSP'], settings });
  const sessionId = summary.id;
  const opening = await sendOk(consoleSocket, 'session:open', { sessionId, view: 'console' });
  await sendOk(projectionSocket, 'session:open', { sessionId, view: 'projection' });
  const column = opening.session.columns[0]!.id;
  const join = async (name: string) => {
    const socket = await connectClient(server.url);
    opened.push(socket);
    const traffic = recordTraffic(socket);
    const joined = await sendOk(socket, 'session:join', { code: summary.joinCode, profile: { name, consent: true } });
    return { socket, traffic, name, participantId: joined.participantId, token: joined.token, sessionId };
  };
  const ann = await join('Annemarie Zwartkop');
  const bob = await join('Bartholomeus Vink');
  const cat = await join('Catharina Merel');
  const all = () => [consoleSocket, projectionSocket, ann.socket, bob.socket, cat.socket];
  return { sessionId, column, consoleSocket, consoleTraffic, projectionSocket, projectionTraffic, ann, bob, cat, all, joinCode: summary.joinCode };
}

/** Every object in a value, at any depth. */
function* objects(value: unknown): Generator<Record<string, unknown>> {
  if (Array.isArray(value)) for (const v of value) yield* objects(v);
  else if (value && typeof value === 'object') {
    yield value as Record<string, unknown>;
    for (const v of Object.values(value)) yield* objects(v);
  }
}

/** An event without the facilitator's participant list, which may name everybody (but links nobody to a card). */
function withoutParticipantList(event: { event: string; args: unknown[] }): unknown[] | null {
  if (event.event === 'participants:updated') return null;
  return event.args.map((a) => (a && typeof a === 'object' && 'participants' in a ? { ...a, participants: null } : a));
}

describe('hidden cards (hideUntilReveal)', () => {
  it('their text reaches nobody but the author and the facilitator until reveal', async () => {
    const r = await room({ hideUntilReveal: true, showTotalsWhileVoting: true });
    const { sessionId, column, consoleSocket, ann } = r;
    await sendOk(consoleSocket, 'session:phase', { sessionId, phase: 'collecting' });
    const annCard = uid();
    await sendOk(ann.socket, 'card:add', { sessionId, id: annCard, columnId: column, text: 'GEHEIM-A1 van Ann' });
    await sendOk(ann.socket, 'card:edit', { sessionId, id: annCard, text: 'GEHEIM-A2 van Ann' });
    await sendOk(ann.socket, 'card:add', { sessionId, id: uid(), columnId: column, text: 'GEHEIM-A3 anoniem', anonymous: true });
    const gone = uid();
    await sendOk(ann.socket, 'card:add', { sessionId, id: gone, columnId: column, text: 'GEHEIM-A4 verwijderd' });
    await sendOk(ann.socket, 'card:delete', { sessionId, id: gone });
    await sendOk(ann.socket, 'card:restore', { sessionId, id: gone });
    await sendOk(consoleSocket, 'card:add', { sessionId, id: uid(), columnId: column, text: 'GEHEIM-F1 uit de zaal', attribution: { kind: 'room' } });
    await sendOk(consoleSocket, 'card:add', {
      sessionId,
      id: uid(),
      columnId: column,
      text: 'GEHEIM-F2 voor Ann genoteerd',
      attribution: { kind: 'participant', participantId: ann.participantId },
    });
    await sendOk(consoleSocket, 'card:hand-votes', { sessionId, id: annCard, count: 3 });
    const merged = uid();
    await sendOk(ann.socket, 'card:add', { sessionId, id: merged, columnId: column, text: 'GEHEIM-A5 samengevoegd' });
    await sendOk(consoleSocket, 'card:merge', { sessionId, targetId: annCard, sourceIds: [merged], text: 'GEHEIM-M1 samen' });
    await sendOk(ann.socket, 'profile:update', { sessionId, profile: { name: 'Annemarie Zwartkop', organisation: 'GEHEIM-ORG', consent: true } });
    // Everybody gets new snapshots, a timer and a lock; still nothing hidden may travel.
    await sendOk(consoleSocket, 'session:update', { sessionId, settings: { votesPerParticipant: 4 } });
    await sendOk(consoleSocket, 'session:lock', { sessionId, locked: true });
    await sendOk(consoleSocket, 'session:lock', { sessionId, locked: false });
    await sendOk(consoleSocket, 'timer:control', { sessionId, action: 'start', ms: 60_000 });
    // Someone who joins late gets a snapshot without the hidden cards.
    const late = await connectClient(server.url);
    opened.push(late);
    const lateTraffic = recordTraffic(late);
    const lateJoin = await sendOk(late, 'session:join', { code: r.joinCode, profile: { name: 'Laatkomer', consent: false } });
    const reload = await connectClient(server.url);
    opened.push(reload);
    const resumed = await sendOk(reload, 'session:resume', { sessionId, participantId: r.bob.participantId, token: r.bob.token });
    await sync(...r.all(), late);

    const hiddenTexts = ['GEHEIM-A1', 'GEHEIM-A2', 'GEHEIM-A3', 'GEHEIM-A4', 'GEHEIM-A5', 'GEHEIM-F1', 'GEHEIM-F2', 'GEHEIM-M1'];
    const outsiders: [string, string][] = [
      ['bob', r.bob.traffic.text()],
      ['cat', r.cat.traffic.text()],
      ['projection', r.projectionTraffic.text()],
      ['late', lateTraffic.text() + JSON.stringify(lateJoin)],
      ['bob reload', JSON.stringify(resumed)],
    ];
    for (const [who, text] of outsiders) {
      for (const secret of hiddenTexts) expect(text.includes(secret), `${secret} reached ${who}`).toBe(false);
    }
    // The recording works: the author and the console did get them.
    for (const secret of ['GEHEIM-A3', 'GEHEIM-A4', 'GEHEIM-F2', 'GEHEIM-M1']) expect(ann.traffic.text()).toContain(secret);
    for (const secret of hiddenTexts) expect(r.consoleTraffic.text()).toContain(secret);
    // Others still see that cards are being written.
    expect(resumed.cardCount).toBe(5);

    await sendOk(consoleSocket, 'session:reveal', { sessionId, revealed: true });
    await sync(...r.all());
    for (const secret of ['GEHEIM-A3', 'GEHEIM-A4', 'GEHEIM-F1', 'GEHEIM-F2', 'GEHEIM-M1']) {
      expect(r.bob.traffic.text()).toContain(secret);
      expect(r.projectionTraffic.text()).toContain(secret);
    }
  });
});

describe('anonymous cards', () => {
  it("never link the author's id or name to the card, on any socket but the author's", async () => {
    const r = await room({ hideUntilReveal: false, allowAnonymousCards: true, anonymousVotes: false, showTotalsWhileVoting: true });
    const { sessionId, column, consoleSocket, ann, bob, cat } = r;
    await sendOk(consoleSocket, 'session:phase', { sessionId, phase: 'collecting' });
    const anonymous = uid();
    await sendOk(ann.socket, 'card:add', { sessionId, id: anonymous, columnId: column, text: 'Anonieme zorg', anonymous: true });
    await sendOk(ann.socket, 'card:edit', { sessionId, id: anonymous, text: 'Anonieme zorg, aangevuld' });
    await sendOk(ann.socket, 'card:delete', { sessionId, id: anonymous });
    await sendOk(ann.socket, 'card:restore', { sessionId, id: anonymous });
    await sendOk(ann.socket, 'profile:update', { sessionId, profile: { name: ann.name, organisation: 'Zorgkantoor Noord', consent: true } });
    // The scribe notes an anonymous card for Ann too.
    const scribed = uid();
    await sendOk(consoleSocket, 'card:add', {
      sessionId,
      id: scribed,
      columnId: column,
      text: 'Voor Ann, anoniem',
      anonymous: true,
      attribution: { kind: 'participant', participantId: ann.participantId },
    });
    const bobCard = uid();
    await sendOk(bob.socket, 'card:add', { sessionId, id: bobCard, columnId: column, text: 'Bob met naam' });
    const duplicate = uid();
    await sendOk(cat.socket, 'card:add', { sessionId, id: duplicate, columnId: column, text: 'Dubbel' });
    await sendOk(consoleSocket, 'card:merge', { sessionId, targetId: anonymous, sourceIds: [duplicate] });
    await sendOk(consoleSocket, 'card:hand-votes', { sessionId, id: anonymous, count: 2 });
    await sendOk(consoleSocket, 'session:phase', { sessionId, phase: 'voting' });
    await sendOk(bob.socket, 'vote:cast', { sessionId, id: uid(), cardId: anonymous });
    await sendOk(cat.socket, 'vote:cast', { sessionId, id: uid(), cardId: scribed });
    await sendOk(consoleSocket, 'session:phase', { sessionId, phase: 'synthesis' });
    const reload = await connectClient(server.url);
    opened.push(reload);
    const resumed = await sendOk(reload, 'session:resume', { sessionId, participantId: bob.participantId, token: bob.token });
    await sync(...r.all());

    const others: [string, Traffic['events']][] = [
      ['console', r.consoleTraffic.events],
      ['projection', r.projectionTraffic.events],
      ['bob', bob.traffic.events],
      ['cat', cat.traffic.events],
      ['bob reload', [{ event: 'ack', args: [resumed] }]],
    ];
    let sightings = 0;
    for (const [who, events] of others) {
      for (const event of events) {
        const args = withoutParticipantList(event);
        if (!args) continue;
        const text = JSON.stringify(args);
        for (const card of [anonymous, scribed]) {
          if (!text.includes(card)) continue;
          sightings++;
          expect(text.includes(ann.participantId), `${event.event} to ${who} links ${card} to Ann's id`).toBe(false);
          expect(text.includes(ann.name), `${event.event} to ${who} links ${card} to Ann's name`).toBe(false);
        }
        for (const obj of objects(args)) {
          if (obj.id === anonymous || obj.id === scribed) expect(obj.author).toEqual({ kind: 'anonymous' });
        }
      }
    }
    expect(sightings).toBeGreaterThan(20);
    // The participant list may name Ann; it just does not say which card is hers.
    expect(r.consoleTraffic.text()).toContain(ann.name);
    // Ann herself knows which cards are hers.
    const own = await sendOk(ann.socket, 'session:resume', { sessionId, participantId: ann.participantId, token: ann.token });
    expect(own.myCardIds.sort()).toEqual([anonymous, scribed].sort());
  });
});

describe('votes', () => {
  it('anonymous votes: no voter id, name or vote id reaches any other socket', async () => {
    const r = await room({ anonymousVotes: true, showTotalsWhileVoting: true });
    const { sessionId, column, consoleSocket, ann, bob, cat } = r;
    await sendOk(consoleSocket, 'session:phase', { sessionId, phase: 'collecting' });
    const card = uid();
    const other = uid();
    await sendOk(consoleSocket, 'card:add', { sessionId, id: card, columnId: column, text: 'Stelling 1', attribution: { kind: 'room' } });
    await sendOk(consoleSocket, 'card:add', { sessionId, id: other, columnId: column, text: 'Stelling 2', attribution: { kind: 'facilitator' } });
    await sendOk(consoleSocket, 'session:phase', { sessionId, phase: 'voting' });
    const annVotes = [uid(), uid()];
    await sendOk(ann.socket, 'vote:cast', { sessionId, id: annVotes[0]!, cardId: card });
    await sendOk(ann.socket, 'vote:cast', { sessionId, id: annVotes[1]!, cardId: other });
    await sendOk(ann.socket, 'vote:retract', { sessionId, id: annVotes[1]! });
    const bobVote = uid();
    await sendOk(bob.socket, 'vote:cast', { sessionId, id: bobVote, cardId: card });
    await sendOk(consoleSocket, 'card:hand-votes', { sessionId, id: card, count: 1 });
    await sendOk(consoleSocket, 'session:phase', { sessionId, phase: 'synthesis' });
    await sync(...r.all());

    const everyone = [r.consoleTraffic, r.projectionTraffic, ann.traffic, bob.traffic, cat.traffic];
    for (const traffic of everyone) {
      expect(traffic.text()).not.toContain('"voters"');
      for (const event of traffic.events) {
        if (event.event !== 'votes:updated' && event.event !== 'session:snapshot') continue;
        const votes = event.event === 'votes:updated' ? event.args : [(event.args[0] as { votes: unknown }).votes];
        const text = JSON.stringify(votes);
        for (const voter of [ann, bob]) {
          expect(text).not.toContain(voter.participantId);
          expect(text).not.toContain(voter.name);
        }
      }
    }
    // Totals did travel, so the check above looked at something.
    expect(r.projectionTraffic.events.some((e) => e.event === 'votes:updated')).toBe(true);
    expect(cat.traffic.events.some((e) => e.event === 'votes:updated')).toBe(true);
    // One's own votes go to oneself only.
    for (const traffic of [r.consoleTraffic, r.projectionTraffic, bob.traffic, cat.traffic]) {
      for (const id of annVotes) expect(traffic.text()).not.toContain(id);
    }
    for (const traffic of [r.consoleTraffic, r.projectionTraffic, ann.traffic, cat.traffic]) expect(traffic.text()).not.toContain(bobVote);
    expect(ann.traffic.text()).toContain(annVotes[0]);
  });

  it('named votes: the projection never gets voters, the console and boards do', async () => {
    const r = await room({ anonymousVotes: false, showTotalsWhileVoting: true });
    const { sessionId, column, consoleSocket, ann, bob, cat } = r;
    await sendOk(consoleSocket, 'session:phase', { sessionId, phase: 'collecting' });
    const card = uid();
    await sendOk(cat.socket, 'card:add', { sessionId, id: card, columnId: column, text: 'Kaart van Cat' });
    await sendOk(consoleSocket, 'session:phase', { sessionId, phase: 'voting' });
    await sendOk(ann.socket, 'vote:cast', { sessionId, id: uid(), cardId: card });
    await sendOk(bob.socket, 'vote:cast', { sessionId, id: uid(), cardId: card });
    await sendOk(consoleSocket, 'card:hand-votes', { sessionId, id: card, count: 4 });
    await sendOk(consoleSocket, 'session:phase', { sessionId, phase: 'synthesis' });
    await sendOk(consoleSocket, 'session:update', { sessionId, settings: { showTotalsWhileVoting: false } });
    await sync(...r.all());

    const projection = r.projectionTraffic;
    expect(projection.text()).not.toContain('"voters"');
    for (const voter of [ann, bob]) {
      expect(projection.text()).not.toContain(voter.name);
      expect(projection.text()).not.toContain(voter.participantId);
    }
    expect(projection.events.filter((e) => e.event === 'votes:updated').map((e) => e.args[0])).toContainEqual({ cardId: card, total: 2 });
    const voters = [ann.name, bob.name].sort();
    expect(r.consoleTraffic.events.map((e) => e.args[0])).toContainEqual({ cardId: card, total: 2, voters });
    expect(cat.traffic.events.map((e) => e.args[0])).toContainEqual({ cardId: card, total: 2, voters });
    expect(cat.traffic.events.map((e) => e.args[0])).toContainEqual({ cardId: card, total: 6, voters });
  });
});
