import { io } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_CARDS_PER_PARTICIPANT } from '../../../shared/domain/cards.ts';
import { MAX_PARTICIPANTS } from '../../../shared/domain/participants.ts';
import { MAX_POLLS } from '../../../shared/domain/polls.ts';
import { LIMITS } from '../../../shared/schemas/common.ts';
import { DEFAULT_LIMITS, type LimitOverrides } from '../../../server/security/limits.ts';
import { connectClient, createStudy, joinAs, nextEvent, send, sendOk, startServer, uid, type ClientSocket, type TestServer } from '../helpers.ts';
import { closeAll, rawSend, stored } from '../session-helpers.ts';

const servers: TestServer[] = [];
const opened: ClientSocket[] = [];
afterEach(async () => {
  closeAll(...opened.splice(0));
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const RATE_LIMITED = { ok: false, error: 'rate_limited', message: 'Too many actions; wait a moment' };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A server with these limits, a session in collecting, its facilitator and two participants. */
async function scene(limits?: LimitOverrides) {
  const server = await startServer({ limits });
  servers.push(server);
  const auth = await createStudy(server.url);
  const facilitator = await connectClient(server.url, auth);
  opened.push(facilitator);
  const session = await sendOk(facilitator, 'session:create', { title: 'Sessie', date: '2025-11-20', mode: 'digitaal', domains: ['Wmo'] });
  const snapshot = await sendOk(facilitator, 'session:open', { sessionId: session.id, view: 'console' });
  await sendOk(facilitator, 'session:phase', { sessionId: session.id, phase: 'collecting' });
  const ann = await joinAs(server.url, session.joinCode, 'Ann');
  const bob = await joinAs(server.url, session.joinCode, 'Bob');
  opened.push(ann.socket, bob.socket);
  const column = snapshot.session.columns[0]!.id;
  const card = (text: string) => ({ sessionId: session.id, id: uid(), columnId: column, text });
  return { server, auth, facilitator, sessionId: session.id, joinCode: session.joinCode, ann, bob, column, card };
}

type Scene = Awaited<ReturnType<typeof scene>>;

/** Bob posts a card and the facilitator sees it: the server still serves everybody else. */
async function othersStillServed(s: Scene) {
  const card = s.card('Het werkt nog');
  const seen = nextEvent(s.facilitator, 'card:upserted', (c) => c.id === card.id);
  expect(await send(s.bob.socket, 'card:add', card)).toMatchObject({ ok: true });
  await seen;
}

const liveCardCount = (s: Scene) => Object.keys(stored(s.server, s.sessionId).cards).length;

describe('the per-socket rate limit', () => {
  it(`lets a burst of ${DEFAULT_LIMITS.commands.burst} through and refuses the rest without running them`, async () => {
    const s = await scene();
    const before = liveCardCount(s);
    const sent = DEFAULT_LIMITS.commands.burst + 20;
    const acks = await Promise.all(Array.from({ length: sent }, (_, i) => send(s.ann.socket, 'card:add', s.card(`Kaart ${i}`))));
    const accepted = acks.filter((a) => a.ok).length;
    const refused = acks.filter((a) => !a.ok);
    // Ann's join spent a token; the refill during the burst adds a few at most.
    expect(accepted).toBeGreaterThanOrEqual(DEFAULT_LIMITS.commands.burst - 1);
    expect(accepted).toBeLessThanOrEqual(DEFAULT_LIMITS.commands.burst + 3);
    expect(refused.length).toBe(sent - accepted);
    for (const ack of refused) expect(ack).toEqual(RATE_LIMITED);
    // Refused commands never ran: only the accepted cards are stored.
    expect(liveCardCount(s)).toBe(before + accepted);

    // Other sockets have their own bucket.
    await othersStillServed(s);
    // The bucket refills: a moment later Ann can act again.
    await sleep(1000 / DEFAULT_LIMITS.commands.perSecond + 100);
    expect(await send(s.ann.socket, 'card:add', s.card('Weer rustig'))).toMatchObject({ ok: true });
  });

  it('counts unknown events and commands without an ack too', async () => {
    const s = await scene({ commands: { burst: 6, perSecond: 0.1 } });
    const raw = s.ann.socket as unknown as { emit: (event: string, ...args: unknown[]) => void };
    // The join spent one token; these spend the other five.
    for (let i = 0; i < 3; i++) expect(await rawSend(s.ann.socket, 'card:explode', {})).toMatchObject({ ok: false, error: 'unknown_event' });
    raw.emit('nonsense');
    raw.emit('card:add', s.card('Zonder ack'));
    expect(await rawSend(s.ann.socket, 'card:explode', {})).toEqual(RATE_LIMITED);
    expect(await send(s.ann.socket, 'card:add', s.card('Te veel'))).toEqual(RATE_LIMITED);
    await othersStillServed(s);
  });

  it('disconnects a socket that keeps flooding far past the limit, and only that socket', async () => {
    const s = await scene({ commands: { burst: 5, perSecond: 1, disconnectAfter: 50 } });
    const before = stored(s.server, s.sessionId);
    const dropped = nextEvent(s.ann.socket as never, 'disconnect' as never, undefined, 5000);
    const raw = s.ann.socket as unknown as { emit: (event: string, ...args: unknown[]) => void };
    for (let i = 0; i < 200; i++) raw.emit(i % 2 ? 'flood' : 'card:add', s.card(`Spam ${i}`), () => {});
    const [reason] = (await dropped) as unknown as [string];
    expect(reason).toBe('io server disconnect');
    // At most the burst got through.
    expect(Object.keys(stored(s.server, s.sessionId).cards).length - Object.keys(before.cards).length).toBeLessThanOrEqual(5);
    await othersStillServed(s);
  });

  it('is not reached by a room of 30 people working at a human pace', async () => {
    const s = await scene();
    const room = await Promise.all(Array.from({ length: 30 }, (_, i) => joinAs(s.server.url, s.joinCode, `Deelnemer ${i + 1}`)));
    opened.push(...room.map((p) => p.socket));
    // Everyone posts five cards at once, and the facilitator moderates meanwhile.
    const acks = await Promise.all([
      ...room.flatMap((p) => Array.from({ length: 5 }, (_, i) => send(p.socket, 'card:add', s.card(`Punt ${i}`)))),
      ...Array.from({ length: 20 }, (_, i) => send(s.facilitator, 'card:add', s.card(`Notulist ${i}`))),
    ]);
    expect(acks.filter((a) => !a.ok)).toEqual([]);
  });
});

describe('limits with clear messages', () => {
  it(`card text: at most ${LIMITS.cardText} characters`, async () => {
    const s = await scene();
    expect(await send(s.ann.socket, 'card:add', s.card('x'.repeat(LIMITS.cardText)))).toMatchObject({ ok: true });
    expect(await send(s.ann.socket, 'card:add', s.card('x'.repeat(LIMITS.cardText + 1)))).toEqual({
      ok: false,
      error: 'invalid_payload',
      message: `text: must be at most ${LIMITS.cardText} characters`,
    });
  });

  it(`cards: at most ${MAX_CARDS_PER_PARTICIPANT} per participant per session; the scribe is not capped`, async () => {
    const s = await scene({ commands: { burst: 1000 } });
    const first = s.card('Eerste');
    await sendOk(s.ann.socket, 'card:add', first);
    const acks = await Promise.all(Array.from({ length: MAX_CARDS_PER_PARTICIPANT - 2 }, (_, i) => send(s.ann.socket, 'card:add', s.card(`Kaart ${i}`))));
    expect(acks.every((a) => a.ok)).toBe(true);
    // A deleted card still counts: it is stored.
    const last = s.card('Laatste');
    await sendOk(s.ann.socket, 'card:add', last);
    await sendOk(s.ann.socket, 'card:delete', { sessionId: s.sessionId, id: last.id });

    expect(await send(s.ann.socket, 'card:add', s.card('Een te veel'))).toEqual({
      ok: false,
      error: 'too_large',
      message: `You have written ${MAX_CARDS_PER_PARTICIPANT} cards in this session, the most one person can add`,
    });
    // A retry of a stored card is still answered, and editing goes on.
    expect(await send(s.ann.socket, 'card:add', first)).toMatchObject({ ok: true });
    expect(await send(s.ann.socket, 'card:edit', { sessionId: s.sessionId, id: first.id, text: 'Aangepast' })).toMatchObject({ ok: true });
    // The scribe may still attribute cards to Ann; Bob has his own allowance.
    expect(await send(s.facilitator, 'card:add', { ...s.card('Namens Ann'), attribution: { kind: 'participant', participantId: s.ann.participantId } })).toMatchObject({ ok: true });
    await othersStillServed(s);
  });

  it(`participants: at most ${MAX_PARTICIPANTS} per session; joining a full session is refused`, async () => {
    const s = await scene({ commands: { burst: 1000 } });
    const present = Object.keys(stored(s.server, s.sessionId).participants).length;
    const acks = await Promise.all(
      Array.from({ length: MAX_PARTICIPANTS - present }, (_, i) =>
        send(s.facilitator, 'participant:add', { sessionId: s.sessionId, id: uid(), profile: { name: `Persoon ${i}`, consent: false } })),
    );
    expect(acks.every((a) => a.ok)).toBe(true);
    const late = await connectClient(s.server.url);
    opened.push(late);
    expect(await send(late, 'session:join', { code: s.joinCode, profile: { name: 'Laatkomer', consent: false } })).toEqual({
      ok: false,
      error: 'too_large',
      message: `This session is full (${MAX_PARTICIPANTS} participants); the facilitator can remove those who never took part`,
    });
    expect(await send(s.facilitator, 'participant:add', { sessionId: s.sessionId, id: uid(), profile: { name: 'Nog een', consent: false } })).toMatchObject({
      ok: false,
      error: 'too_large',
    });
    expect(Object.keys(stored(s.server, s.sessionId).participants)).toHaveLength(MAX_PARTICIPANTS);
    // Those already in keep working.
    await othersStillServed(s);
  });

  it(`polls: at most ${MAX_POLLS} per session`, async () => {
    const s = await scene({ commands: { burst: 1000 } });
    const poll = (i: number) => ({ sessionId: s.sessionId, id: uid(), question: `Vraag ${i}`, kind: 'number' as const });
    const acks = await Promise.all(Array.from({ length: MAX_POLLS }, (_, i) => send(s.facilitator, 'poll:create', poll(i))));
    expect(acks.every((a) => a.ok)).toBe(true);
    expect(await send(s.facilitator, 'poll:create', poll(MAX_POLLS))).toEqual({ ok: false, error: 'too_large', message: `A session keeps at most ${MAX_POLLS} polls` });
  });
});

describe('oversized messages', () => {
  it('over the polling transport close only that connection; the server and the others carry on', async () => {
    const s = await scene();
    const before = stored(s.server, s.sessionId);
    const polling = io(s.server.url, { transports: ['polling'], reconnection: false, forceNew: true });
    opened.push(polling as ClientSocket);
    await new Promise<void>((resolve, reject) => {
      polling.once('connect', resolve);
      polling.once('connect_error', reject);
    });
    const dropped = new Promise<string>((resolve) => polling.once('disconnect', resolve));
    polling.emit('card:add', { ...s.card('x'.repeat(70 * 1024)) }, () => {});
    await dropped;
    expect(polling.connected).toBe(false);
    // A binary attachment over the limit on the WebSocket goes the same way.
    const big = await connectClient(s.server.url);
    opened.push(big);
    const bigDropped = nextEvent(big as never, 'disconnect' as never, undefined, 5000);
    (big as unknown as { emit: (e: string, p: unknown) => void }).emit('card:add', new Uint8Array(100 * 1024));
    await bigDropped;

    expect(stored(s.server, s.sessionId)).toEqual(before);
    expect((await fetch(`${s.server.url}/api/health`)).status).toBe(200);
    await othersStillServed(s);
  });
});

describe('join code guessing', () => {
  const limits = { failedJoins: { max: 4, windowMs: 60_000, blockMs: 1500 } };
  const profile = { name: 'Gast', consent: false };

  it('is refused per address after too many unknown codes, even with a right code, until the block ends', async () => {
    const s = await scene(limits);
    // Successful joins from the same address do not count.
    const room = await Promise.all(Array.from({ length: 10 }, (_, i) => joinAs(s.server.url, s.joinCode, `Deelnemer ${i}`)));
    opened.push(...room.map((p) => p.socket));

    const guesser = await connectClient(s.server.url);
    opened.push(guesser);
    const wrong = ['3479CF', '9CFHKM', 'TXY769', 'not-a-code'];
    for (const code of wrong) {
      expect(await send(guesser, 'session:join', { code, profile })).toEqual({ ok: false, error: 'not_found', message: 'No session with this code' });
    }
    // Blocked now: the right code gets the same answer as a wrong one, from any socket of this address.
    const blocked = await send(guesser, 'session:join', { code: s.joinCode, profile });
    expect(blocked).toMatchObject({ ok: false, error: 'rate_limited' });
    expect(!blocked.ok && blocked.message).toMatch(/^Too many wrong codes from this network; try again in \d+ seconds?$/);
    const other = await connectClient(s.server.url);
    opened.push(other);
    expect(await send(other, 'session:join', { code: s.joinCode, profile })).toMatchObject({ ok: false, error: 'rate_limited' });
    // People already in are not affected, nor is resuming.
    await othersStillServed(s);
    const back = await connectClient(s.server.url);
    opened.push(back);
    expect(await send(back, 'session:resume', { sessionId: s.sessionId, participantId: s.ann.participantId, token: s.ann.token })).toMatchObject({ ok: true });

    await sleep(limits.failedJoins.blockMs + 100);
    expect(await send(other, 'session:join', { code: s.joinCode, profile })).toMatchObject({ ok: true });
  });

  it('behind a trusted proxy is counted per forwarded address', async () => {
    const server = await startServer({ limits, trustProxy: 1 });
    servers.push(server);
    const auth = await createStudy(server.url);
    const facilitator = await connectClient(server.url, auth);
    opened.push(facilitator);
    const { joinCode } = await sendOk(facilitator, 'session:create', { title: 'Achter een proxy', date: '2025-11-20', mode: 'digitaal', domains: ['Wmo'] });
    const from = async (address: string) => {
      const socket = io(server.url, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: { 'x-forwarded-for': address } }) as ClientSocket;
      opened.push(socket);
      await new Promise((resolve) => socket.once('connect', () => resolve(null)));
      return socket;
    };
    const guesser = await from('203.0.113.1');
    for (let i = 0; i < limits.failedJoins.max; i++) expect(await send(guesser, 'session:join', { code: '3479CF', profile })).toMatchObject({ error: 'not_found' });
    expect(await send(guesser, 'session:join', { code: joinCode, profile })).toMatchObject({ error: 'rate_limited' });
    expect(await send(await from('203.0.113.2'), 'session:join', { code: joinCode, profile })).toMatchObject({ ok: true });
  });

  it(`defaults to ${DEFAULT_LIMITS.failedJoins.max} unknown codes a minute, then a wait of minutes`, async () => {
    const s = await scene();
    const guesser = await connectClient(s.server.url);
    opened.push(guesser);
    for (let i = 0; i < DEFAULT_LIMITS.failedJoins.max; i++) {
      expect(await send(guesser, 'session:join', { code: '3479CF', profile })).toMatchObject({ ok: false, error: 'not_found' });
    }
    const blocked = await send(guesser, 'session:join', { code: s.joinCode, profile });
    expect(blocked).toMatchObject({ ok: false, error: 'rate_limited', message: `Too many wrong codes from this network; try again in ${DEFAULT_LIMITS.failedJoins.blockMs / 60_000} minutes` });
  });
});
