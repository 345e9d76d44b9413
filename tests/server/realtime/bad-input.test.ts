import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../../shared/schemas/common.ts';
import { connectClient, createStudy, nextEvent, send, sendOk, startServer, uid, type ClientSocket, type TestServer } from '../helpers.ts';
import { closeAll, rawSend, stored, sync, trackFacilitator, trackParticipant } from '../session-helpers.ts';

let server: TestServer;
const opened: ClientSocket[] = [];
beforeAll(async () => {
  server = await startServer();
});
afterEach(() => closeAll(...opened.splice(0)));
afterAll(() => server.close());

/** A session in collecting with a facilitator and two participants. */
async function scene() {
  const auth = await createStudy(server.url);
  const admin = await connectClient(server.url, auth);
  opened.push(admin);
  const summary = await sendOk(admin, 'session:create', { title: 'Sessie', date: '2025-11-20', mode: 'digitaal', domains: ['Wmo'] });
  const sessionId = summary.id;
  const facilitator = await trackFacilitator(server.url, auth, sessionId);
  const ann = await trackParticipant(server.url, summary.joinCode, { name: 'Ann' });
  const bob = await trackParticipant(server.url, summary.joinCode, { name: 'Bob' });
  opened.push(facilitator.socket, ann.socket, bob.socket);
  await sendOk(facilitator.socket, 'session:phase', { sessionId, phase: 'collecting' });
  const column = facilitator.current.session.columns[0]!.id;
  const card = uid();
  await sendOk(ann.socket, 'card:add', { sessionId, id: card, columnId: column, text: 'Bestaande kaart' });
  return { auth, sessionId, facilitator, ann, bob, column, card, joinCode: summary.joinCode };
}

/** Proof that the server still serves everybody: Bob posts a card and the facilitator sees it. */
async function othersStillServed(s: Awaited<ReturnType<typeof scene>>) {
  const id = uid();
  const seen = nextEvent(s.facilitator.socket, 'card:upserted', (c) => c.id === id);
  expect(await send(s.bob.socket, 'card:add', { sessionId: s.sessionId, id, columnId: s.column, text: 'Het werkt nog' })).toMatchObject({ ok: true });
  await seen;
}

describe('malformed commands', () => {
  it('each get invalid_payload and change nothing', async () => {
    const s = await scene();
    const { sessionId, column, card } = s;
    const valid = { sessionId, id: uid(), columnId: column, text: 'Geldig' };
    const payloads: [string, unknown][] = [
      ['string', 'card:add'],
      ['number', 42],
      ['null', null],
      ['boolean', true],
      ['array', [valid]],
      ['empty object', {}],
      ['missing text', { ...valid, text: undefined }],
      ['missing sessionId', { ...valid, sessionId: undefined }],
      ['text as number', { ...valid, text: 12 }],
      ['text as object', { ...valid, text: { toString: 'x' } }],
      ['blank text', { ...valid, text: '   ' }],
      ['id with a slash', { ...valid, id: '../../etc/passwd' }],
      ['id too short', { ...valid, id: 'abc' }],
      ['id as array', { ...valid, id: [valid.id] }],
      ['anonymous as string', { ...valid, anonymous: 'true' }],
      ['domain as number', { ...valid, domain: 5 }],
      ['attribution of unknown kind', { ...valid, attribution: { kind: 'admin' } }],
      ['text too long', { ...valid, text: 'x'.repeat(LIMITS.cardText + 1) }],
      ['binary', new Uint8Array([1, 2, 3])],
      ['deep nesting', JSON.parse('['.repeat(2000) + ']'.repeat(2000))],
    ];
    const before = stored(server, sessionId);
    for (const [name, payload] of payloads) {
      const ack = await rawSend(s.ann.socket, 'card:add', payload);
      expect({ name, ack }).toMatchObject({ name, ack: { ok: false, error: 'invalid_payload' } });
    }
    const others: [string, unknown][] = [
      ['vote:cast', { sessionId, id: uid(), cardId: 7 }],
      ['vote:retract', { sessionId }],
      ['card:edit', { sessionId, id: card, text: 'y'.repeat(LIMITS.cardText + 1) }],
      ['card:edit', { sessionId, id: card, columnId: null }],
      ['card:delete', { sessionId, id: { $ne: null } }],
      ['profile:update', { sessionId, profile: { name: '' } }],
      ['profile:update', { sessionId, profile: { name: 'Ann', scope: 'heel-groot' } }],
      ['session:join', { code: 'x'.repeat(100), profile: { name: 'Ann' } }],
      ['session:join', { code: s.joinCode }],
      ['session:resume', { sessionId, participantId: s.ann.participantId, token: 'short' }],
      ['session:resume', 'token'],
    ];
    for (const [event, payload] of others) {
      expect({ event, ack: await rawSend(s.ann.socket, event, payload) }).toMatchObject({ event, ack: { ok: false, error: 'invalid_payload' } });
    }
    const facilitatorPayloads: [string, unknown][] = [
      ['session:phase', { sessionId, phase: 'done' }],
      ['session:update', { sessionId, title: 'x'.repeat(LIMITS.title + 1) }],
      ['session:update', { sessionId, settings: { votesPerParticipant: 0 } }],
      ['session:update', { sessionId, settings: { votesPerParticipant: 1.5 } }],
      ['session:update', { sessionId, columns: [] }],
      ['session:update', { sessionId, date: '20-11-2025' }],
      ['timer:control', { sessionId, action: 'start', ms: -1 }],
      ['timer:control', { sessionId, action: 'start', ms: LIMITS.timerMs + 1 }],
      ['timer:control', { sessionId, action: 'explode' }],
      ['card:hand-votes', { sessionId, id: card, count: -3 }],
      ['card:hand-votes', { sessionId, id: card, count: LIMITS.handVotes + 1 }],
      ['card:merge', { sessionId, targetId: card, sourceIds: [] }],
      ['session:create', { title: 'x', date: '2025-11-20', mode: 'hybride', domains: ['Wmo'] }],
      ['session:create', { title: 'x', date: '2025-11-20', mode: 'digitaal', domains: [] }],
      ['study:rename', { title: 'x'.repeat(LIMITS.title + 1) }],
      ['session:open', { sessionId: '../' + sessionId }],
    ];
    for (const [event, payload] of facilitatorPayloads) {
      expect({ event, ack: await rawSend(s.facilitator.socket, event, payload) }).toMatchObject({ event, ack: { ok: false, error: 'invalid_payload' } });
    }
    // A payload missing entirely, or followed by extra arguments, is answered all the same.
    expect(await rawSend(s.ann.socket, 'card:add')).toMatchObject({ ok: false, error: 'invalid_payload' });
    expect(await rawSend(s.ann.socket, 'card:add', valid, 'extra')).toMatchObject({ ok: false, error: 'invalid_payload' });
    expect(stored(server, sessionId)).toEqual(before);
    await othersStillServed(s);
  });

  it('have their unknown keys stripped, never stored', async () => {
    const s = await scene();
    const { sessionId, column } = s;
    const id = uid();
    const ack = await rawSend(s.ann.socket, 'card:add', {
      sessionId,
      id,
      columnId: column,
      text: 'Met extra velden',
      author: { kind: 'facilitator' },
      handVotes: 999,
      deletedAt: 5,
      mergedInto: 'someone-else',
      createdAt: 1,
      evil: '<script>',
      __proto__: { polluted: true },
    });
    expect(ack).toMatchObject({ ok: true });
    const stash = stored(server, sessionId);
    expect(stash.cards[id]).toEqual({
      id,
      columnId: column,
      domain: null,
      text: 'Met extra velden',
      author: { kind: 'participant', participantId: s.ann.participantId },
      anonymous: false,
      handVotes: 0,
      createdAt: expect.any(Number),
      updatedAt: expect.any(Number),
      deletedAt: null,
      mergedInto: null,
      origin: { kind: 'session' },
    });
    expect(stash.cards[id]!.createdAt).not.toBe(1);

    // Someone joining cannot smuggle in a token hash, an id or facilitator status.
    const joiner = await connectClient(server.url);
    opened.push(joiner);
    const joined = await rawSend(joiner, 'session:join', {
      code: s.joinCode,
      extra: 1,
      profile: { name: 'Dirk', tokenHash: 'a'.repeat(64), id: 'chosen-id-123', addedByFacilitator: true, joinedAt: 0, role: 'facilitator' },
    });
    expect(joined).toMatchObject({ ok: true });
    const participantId = (joined as { data: { participantId: string } }).data.participantId;
    const person = stored(server, sessionId).participants[participantId]!;
    expect(Object.keys(person).sort()).toEqual(['addedByFacilitator', 'consent', 'id', 'joinedAt', 'name', 'tokenHash']);
    expect(person).toMatchObject({ id: participantId, name: 'Dirk', addedByFacilitator: false });
    expect(person.tokenHash).not.toBe('a'.repeat(64));
    expect(person.joinedAt).toBeGreaterThan(0);

    await sendOk(s.facilitator.socket, 'session:update', { sessionId, settings: { votesPerParticipant: 3, ...({ isAdmin: true } as object) } });
    expect(Object.keys(stored(server, sessionId).settings).sort()).toEqual(
      ['allowAnonymousCards', 'anonymousVotes', 'hideUntilReveal', 'maxVotesPerCard', 'showTotalsWhileVoting', 'votesPerParticipant'].sort(),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('with prototype names as ids do not reach the stored session', async () => {
    const s = await scene();
    const { sessionId, column, card } = s;
    const before = stored(server, sessionId);
    for (const id of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'isPrototypeOf', '__defineGetter__']) {
      const attempts: [ClientSocket, string, unknown][] = [
        [s.ann.socket, 'card:add', { sessionId, id, columnId: column, text: 'Prototype' }],
        [s.ann.socket, 'card:delete', { sessionId, id }],
        [s.ann.socket, 'card:edit', { sessionId, id, text: 'Prototype' }],
        [s.facilitator.socket, 'card:delete', { sessionId, id }],
        [s.facilitator.socket, 'card:restore', { sessionId, id }],
        [s.facilitator.socket, 'card:hand-votes', { sessionId, id, count: 1 }],
        [s.facilitator.socket, 'card:merge', { sessionId, targetId: card, sourceIds: [id] }],
        [s.facilitator.socket, 'participant:add', { sessionId, id, profile: { name: 'Proto', consent: false } }],
        [s.ann.socket, 'session:resume', { sessionId, participantId: id, token: 'A'.repeat(32) }],
      ];
      for (const [socket, event, payload] of attempts) {
        const ack = await rawSend(socket, event, payload);
        expect({ id, event, ok: ack.ok }).toEqual({ id, event, ok: false });
        expect({ id, event, error: !ack.ok && ack.error }).not.toEqual({ id, event, error: 'internal' });
      }
    }
    expect(stored(server, sessionId)).toEqual(before);
    await othersStillServed(s);
  });
});

describe('misbehaving clients', () => {
  it('get unknown_event for events that do not exist, including prototype names', async () => {
    const s = await scene();
    for (const event of ['card:explode', 'study:delete', 'toString', 'constructor', '__proto__', 'hasOwnProperty', 'x'.repeat(500)]) {
      const ack = await rawSend(s.ann.socket, event, { sessionId: s.sessionId });
      expect({ event: event.slice(0, 40), ack }).toMatchObject({ event: event.slice(0, 40), ack: { ok: false, error: 'unknown_event' } });
    }
    await othersStillServed(s);
  });

  it('sending commands without an ack callback changes nothing and crashes nothing', async () => {
    const s = await scene();
    const before = stored(server, s.sessionId);
    const raw = s.ann.socket as unknown as { emit: (event: string, ...args: unknown[]) => void };
    raw.emit('card:add', { sessionId: s.sessionId, id: uid(), columnId: s.column, text: 'Zonder ack' });
    raw.emit('card:delete', { sessionId: s.sessionId, id: s.card });
    raw.emit('vote:cast', null);
    raw.emit('nonsense');
    raw.emit('card:add');
    // Round trips after them prove they were all received and handled.
    await sync(s.ann.socket);
    expect(stored(server, s.sessionId)).toEqual(before);
    expect(await send(s.ann.socket, 'card:edit', { sessionId: s.sessionId, id: s.card, text: 'Ann is er nog' })).toMatchObject({ ok: true });
    await othersStillServed(s);
  });

  it('a message over 64 KiB closes only that connection; the others carry on', async () => {
    const s = await scene();
    const before = stored(server, s.sessionId);
    const dropped = nextEvent(s.ann.socket as never, 'disconnect' as never, undefined, 5000);
    (s.ann.socket as unknown as { emit: (e: string, p: unknown, ack: () => void) => void }).emit(
      'card:add',
      { sessionId: s.sessionId, id: uid(), columnId: s.column, text: 'x'.repeat(70 * 1024) },
      () => {},
    );
    await dropped;
    expect(s.ann.socket.connected).toBe(false);
    expect(stored(server, s.sessionId)).toEqual(before);
    await othersStillServed(s);
    // Ann can come back afterwards.
    const again = await connectClient(server.url);
    opened.push(again);
    expect(await send(again, 'session:resume', { sessionId: s.sessionId, participantId: s.ann.participantId, token: s.ann.token })).toMatchObject({ ok: true });
  });

  it('a handshake with hostile auth is refused without harm', async () => {
    const s = await scene();
    for (const auth of [{ studyId: ['a'] }, { studyId: 'x'.repeat(500), key: 'k' }, { key: { $gt: '' } }, { studyId: s.auth.studyId, key: 'k'.repeat(201) }]) {
      await expect(connectClient(server.url, auth), JSON.stringify(auth).slice(0, 60)).rejects.toThrow();
    }
    await othersStillServed(s);
  });
});
