import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../../shared/protocol/errors.ts';
import type { CommandName, CommandPayload } from '../../../shared/protocol/events.ts';
import { connectClient, createStudy, recordTraffic, send, sendOk, startServer, uid, type ClientSocket, type TestServer } from '../helpers.ts';
import { closeAll, stored, sync, trackParticipant } from '../session-helpers.ts';

let server: TestServer;
const opened: ClientSocket[] = [];
beforeAll(async () => {
  server = await startServer();
});
afterEach(() => closeAll(...opened.splice(0)));
afterAll(() => server.close());

async function facilitatorOf(auth: { studyId: string; key: string }) {
  const socket = await connectClient(server.url, auth);
  opened.push(socket);
  return socket;
}

async function newSession(facilitator: ClientSocket, settings = {}) {
  const summary = await sendOk(facilitator, 'session:create', { title: 'Werksessie Wlz', date: '2025-11-20', mode: 'fysiek', domains: ['Wlz'], settings });
  return summary;
}

/** A study with one session in collecting, two participants with a card each. */
async function scene(settings = {}) {
  const auth = await createStudy(server.url);
  const facilitator = await facilitatorOf(auth);
  const summary = await newSession(facilitator, settings);
  const sessionId = summary.id;
  const snapshot = await sendOk(facilitator, 'session:open', { sessionId, view: 'console' });
  const column = snapshot.session.columns[0]!.id;
  const ann = await trackParticipant(server.url, summary.joinCode, { name: 'Ann' });
  const bob = await trackParticipant(server.url, summary.joinCode, { name: 'Bob' });
  opened.push(ann.socket, bob.socket);
  await sendOk(facilitator, 'session:phase', { sessionId, phase: 'collecting' });
  const annCard = uid();
  const bobCard = uid();
  const thirdCard = uid();
  await sendOk(ann.socket, 'card:add', { sessionId, id: annCard, columnId: column, text: 'Kaart van Ann' });
  await sendOk(bob.socket, 'card:add', { sessionId, id: bobCard, columnId: column, text: 'Kaart van Bob' });
  await sendOk(bob.socket, 'card:add', { sessionId, id: thirdCard, columnId: column, text: 'Nog een van Bob' });
  return { auth, facilitator, summary, sessionId, column, ann, bob, annCard, bobCard, thirdCard };
}

type Attempt = { [E in CommandName]: [E, CommandPayload<E>, ErrorCode] }[CommandName];

/** Everything the server holds that a command could change. */
const everything = () => ({
  studies: [...server.repo.studies.values()].map((d) => structuredClone(d.data)),
  sessions: [...server.repo.sessions.values()].map((d) => structuredClone(d.data)),
});

describe('a participant', () => {
  it('cannot perform any facilitator action: an error ack each, and nothing changes for anyone', async () => {
    const { sessionId, column, ann, bob, annCard, bobCard, facilitator } = await scene();
    const attempts: Attempt[] = [
      ['session:phase', { sessionId, phase: 'voting' }, 'forbidden'],
      ['session:phase', { sessionId, phase: 'closed' }, 'forbidden'],
      ['session:update', { sessionId, title: 'Overgenomen' }, 'forbidden'],
      ['session:update', { sessionId, settings: { votesPerParticipant: 99 } }, 'forbidden'],
      ['session:reveal', { sessionId, revealed: true }, 'forbidden'],
      ['session:lock', { sessionId, locked: true }, 'forbidden'],
      ['timer:control', { sessionId, action: 'start', ms: 60_000 }, 'forbidden'],
      ['timer:control', { sessionId, action: 'reset' }, 'forbidden'],
      ['card:merge', { sessionId, targetId: annCard, sourceIds: [bobCard] }, 'forbidden'],
      ['card:hand-votes', { sessionId, id: annCard, count: 50 }, 'forbidden'],
      ['participant:add', { sessionId, id: uid(), profile: { name: 'Nepdeelnemer', consent: true } }, 'forbidden'],
      ['card:add', { sessionId, id: uid(), columnId: column, text: 'Namens de zaal', attribution: { kind: 'room' } }, 'forbidden'],
      ['session:open', { sessionId, view: 'console' }, 'unauthorised'],
      ['session:open', { sessionId, view: 'projection' }, 'unauthorised'],
      ['study:open', {}, 'unauthorised'],
      ['study:rename', { title: 'Gekaapt' }, 'unauthorised'],
      ['session:create', { title: 'Eigen sessie', date: '2025-11-20', mode: 'digitaal', domains: ['Wlz'] }, 'unauthorised'],
    ];
    const others = [recordTraffic(bob.socket), recordTraffic(facilitator)];
    const before = everything();
    for (const [event, payload, error] of attempts) {
      expect({ event, ack: await send(ann.socket, event as never, payload as never) }).toMatchObject({ event, ack: { ok: false, error } });
    }
    await sync(bob.socket, facilitator, ann.socket);
    expect(everything()).toEqual(before);
    expect(others.map((t) => t.events)).toEqual([[], []]);
    // Still a participant of this session: the failed open did not unbind her.
    expect(await send(ann.socket, 'card:edit', { sessionId, id: annCard, text: 'Nog steeds van Ann' })).toMatchObject({ ok: true });
  });

  it('cannot vote past the budget or past the maximum per card', async () => {
    const { sessionId, facilitator, ann, annCard, bobCard, thirdCard } = await scene({ votesPerParticipant: 2, maxVotesPerCard: 1 });
    await sendOk(facilitator, 'session:phase', { sessionId, phase: 'voting' });
    await sendOk(ann.socket, 'vote:cast', { sessionId, id: uid(), cardId: bobCard });
    expect(await send(ann.socket, 'vote:cast', { sessionId, id: uid(), cardId: bobCard })).toMatchObject({ ok: false, error: 'card_vote_limit' });
    await sendOk(ann.socket, 'vote:cast', { sessionId, id: uid(), cardId: annCard });
    const before = stored(server, sessionId);
    expect(await send(ann.socket, 'vote:cast', { sessionId, id: uid(), cardId: thirdCard })).toMatchObject({ ok: false, error: 'budget_exhausted' });
    // All at once does not squeeze an extra vote through either.
    const burst = await Promise.all([1, 2, 3].map(() => send(ann.socket, 'vote:cast', { sessionId, id: uid(), cardId: thirdCard })));
    expect(burst.map((a) => (a.ok ? 'ok' : a.error))).toEqual(['budget_exhausted', 'budget_exhausted', 'budget_exhausted']);
    expect(stored(server, sessionId)).toEqual(before);
    expect(Object.values(before.votes).map((v) => v.cardId).sort()).toEqual([annCard, bobCard].sort());
    // The facilitator enters hand counts; a digital vote is not theirs to cast.
    expect(await send(facilitator, 'vote:cast', { sessionId, id: uid(), cardId: thirdCard })).toMatchObject({ ok: false, error: 'forbidden' });
  });

  it("cannot change someone else's card or vote", async () => {
    const { sessionId, column, ann, bob, bobCard, facilitator } = await scene();
    const before = stored(server, sessionId);
    const attempts: Attempt[] = [
      ['card:edit', { sessionId, id: bobCard, text: 'Door Ann veranderd' }, 'forbidden'],
      ['card:edit', { sessionId, id: bobCard, columnId: column }, 'forbidden'],
      ['card:delete', { sessionId, id: bobCard }, 'forbidden'],
      ['card:restore', { sessionId, id: bobCard }, 'forbidden'],
      // Re-using the id of Bob's card is not a way to take it over.
      ['card:add', { sessionId, id: bobCard, columnId: column, text: 'Door Ann overgenomen' }, 'conflict'],
    ];
    for (const [event, payload, error] of attempts) {
      expect({ event, ack: await send(ann.socket, event as never, payload as never) }).toMatchObject({ event, ack: { ok: false, error } });
    }
    expect(stored(server, sessionId)).toEqual(before);

    await sendOk(facilitator, 'session:phase', { sessionId, phase: 'voting' });
    const bobVote = uid();
    await sendOk(bob.socket, 'vote:cast', { sessionId, id: bobVote, cardId: bobCard });
    const voting = stored(server, sessionId);
    // Bob's vote id gets the answer of an unknown id: nothing tells Ann that it exists.
    expect(await send(ann.socket, 'vote:retract', { sessionId, id: bobVote })).toEqual(await send(ann.socket, 'vote:retract', { sessionId, id: uid() }));
    expect(await send(ann.socket, 'vote:retract', { sessionId, id: bobVote })).toEqual({ ok: true, data: [] });
    expect(await send(ann.socket, 'vote:cast', { sessionId, id: bobVote, cardId: bobCard })).toMatchObject({ ok: false, error: 'conflict' });
    expect(stored(server, sessionId)).toEqual(voting);
  });

  it('cannot read or change another session', async () => {
    const { auth, facilitator, sessionId, column, ann, bob } = await scene();
    const other = await newSession(facilitator);
    const otherFacilitator = await facilitatorOf(auth);
    await sendOk(otherFacilitator, 'session:open', { sessionId: other.id, view: 'console' });
    await sendOk(otherFacilitator, 'session:phase', { sessionId: other.id, phase: 'collecting' });
    const before = stored(server, other.id);
    const annTraffic = recordTraffic(ann.socket);
    const otherSessionId = other.id;
    const attempts: Attempt[] = [
      ['card:add', { sessionId: otherSessionId, id: uid(), columnId: column, text: 'In de verkeerde sessie' }, 'forbidden'],
      ['card:edit', { sessionId: otherSessionId, id: uid(), text: 'x' }, 'forbidden'],
      ['card:delete', { sessionId: otherSessionId, id: uid() }, 'forbidden'],
      ['vote:cast', { sessionId: otherSessionId, id: uid(), cardId: uid() }, 'forbidden'],
      ['vote:retract', { sessionId: otherSessionId, id: uid() }, 'forbidden'],
      ['profile:update', { sessionId: otherSessionId, profile: { name: 'Ann', consent: true } }, 'forbidden'],
      // Her token belongs to her own session only.
      ['session:resume', { sessionId: otherSessionId, participantId: ann.participantId, token: ann.token }, 'unauthorised'],
      ['session:resume', { sessionId, participantId: ann.participantId, token: 'A'.repeat(32) }, 'unauthorised'],
      ['session:resume', { sessionId, participantId: bob.participantId, token: ann.token }, 'unauthorised'],
      ['session:resume', { sessionId: uid(), participantId: ann.participantId, token: ann.token }, 'unauthorised'],
    ];
    for (const [event, payload, error] of attempts) {
      expect({ event, ack: await send(ann.socket, event as never, payload as never) }).toMatchObject({ event, ack: { ok: false, error } });
    }
    expect(stored(server, otherSessionId)).toEqual(before);

    // Life goes on in the other session; none of it reaches Ann.
    const stranger = await trackParticipant(server.url, other.joinCode, { name: 'Vreemde' });
    opened.push(stranger.socket);
    const otherColumn = stranger.client.current.session.columns[0]!.id;
    await sendOk(stranger.socket, 'card:add', { sessionId: otherSessionId, id: uid(), columnId: otherColumn, text: 'Geheim van de andere sessie' });
    await sendOk(otherFacilitator, 'timer:control', { sessionId: otherSessionId, action: 'start', ms: 60_000 });
    await sendOk(otherFacilitator, 'session:phase', { sessionId: otherSessionId, phase: 'voting' });
    await sync(ann.socket);
    expect(annTraffic.text()).not.toContain(otherSessionId);
    expect(annTraffic.text()).not.toContain('Geheim van de andere sessie');
    expect(annTraffic.text()).not.toContain('Vreemde');
    expect(annTraffic.events).toEqual([]);
    // And she is still bound to her own session.
    expect(await send(ann.socket, 'card:add', { sessionId, id: uid(), columnId: column, text: 'Weer thuis' })).toMatchObject({ ok: true });
  });
});

describe('facilitators', () => {
  it('are refused at the handshake with a wrong key', async () => {
    const a = await createStudy(server.url, 'Studie A');
    const b = await createStudy(server.url, 'Studie B');
    const refusals = [
      { studyId: a.studyId, key: 'wrong-key' },
      { studyId: a.studyId, key: b.key },
      { studyId: a.studyId, key: '' },
      { studyId: a.studyId },
      { key: a.key },
      { studyId: uid(), key: a.key },
    ];
    for (const auth of refusals) {
      await expect(connectClient(server.url, auth), JSON.stringify(auth)).rejects.toThrow('unauthorised');
    }
    await expect(connectClient(server.url, { studyId: '../etc', key: a.key })).rejects.toThrow('invalid_payload');
    await expect(connectClient(server.url, { studyId: a.studyId, key: a.key.repeat(20) })).rejects.toThrow();
    // The right key still works.
    const socket = await facilitatorOf(a);
    expect(await sendOk(socket, 'study:open', {})).toMatchObject({ id: a.studyId, title: 'Studie A' });
  });

  it('of one study cannot open or change a session of another', async () => {
    const a = await createStudy(server.url, 'Studie A');
    const b = await createStudy(server.url, 'Studie B');
    const facilitatorA = await facilitatorOf(a);
    const facilitatorB = await facilitatorOf(b);
    const sessionB = await newSession(facilitatorB);
    await sendOk(facilitatorB, 'session:open', { sessionId: sessionB.id, view: 'console' });
    const trafficB = recordTraffic(facilitatorB);
    const trafficA = recordTraffic(facilitatorA);
    const before = everything();

    expect(await send(facilitatorA, 'session:open', { sessionId: sessionB.id, view: 'console' })).toMatchObject({ ok: false, error: 'not_found' });
    expect(await send(facilitatorA, 'session:open', { sessionId: sessionB.id, view: 'projection' })).toMatchObject({ ok: false, error: 'not_found' });
    expect(await send(facilitatorA, 'session:phase', { sessionId: sessionB.id, phase: 'collecting' })).toMatchObject({ ok: false, error: 'forbidden' });
    expect(await send(facilitatorA, 'session:update', { sessionId: sessionB.id, title: 'Van A' })).toMatchObject({ ok: false, error: 'forbidden' });
    expect(await send(facilitatorA, 'participant:add', { sessionId: sessionB.id, id: uid(), profile: { name: 'X', consent: false } })).toMatchObject({
      ok: false,
      error: 'forbidden',
    });
    // A facilitator connection is no participant either.
    expect(await send(facilitatorA, 'session:join', { code: sessionB.joinCode, profile: { name: 'A', consent: false } })).toMatchObject({ ok: false, error: 'forbidden' });
    const studyA = await sendOk(facilitatorA, 'study:open', {});
    expect(studyA.sessions).toEqual([]);

    await sync(facilitatorA, facilitatorB);
    expect(everything()).toEqual(before);
    expect(trafficB.events).toEqual([]);
    expect(trafficA.text()).not.toContain(sessionB.id);
  });

  it('on the projection view cannot change anything', async () => {
    const { auth, sessionId, column, annCard } = await scene();
    const projection = await facilitatorOf(auth);
    await sendOk(projection, 'session:open', { sessionId, view: 'projection' });
    const before = stored(server, sessionId);
    expect(await send(projection, 'card:add', { sessionId, id: uid(), columnId: column, text: 'Van de beamer' })).toMatchObject({ ok: false, error: 'forbidden' });
    expect(await send(projection, 'card:delete', { sessionId, id: annCard })).toMatchObject({ ok: false, error: 'forbidden' });
    expect(await send(projection, 'session:phase', { sessionId, phase: 'voting' })).toMatchObject({ ok: false, error: 'forbidden' });
    expect(stored(server, sessionId)).toEqual(before);
  });
});
