import { afterEach, describe, expect, it } from 'vitest';
import { addressKey } from '../../../server/security/client-ip.ts';
import { DEFAULT_LIMITS, type LimitOverrides } from '../../../server/security/limits.ts';
import { connectClient, createStudy, send, sendOk, startServer, type ClientSocket, type TestServer } from '../helpers.ts';
import { closeAll, stored } from '../session-helpers.ts';
import { outcome, sleep, socketFrom } from './insider-helpers.ts';

/**
 * Hole 6 of issue 10, joins and connections: one socket or one network filling a session with
 * participants, or the server with sockets. Every client here is 127.0.0.1; other addresses
 * come through a trusted proxy's X-Forwarded-For.
 */

const servers: TestServer[] = [];
const opened: ClientSocket[] = [];
afterEach(async () => {
  closeAll(...opened.splice(0));
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const profile = { name: 'Gast', consent: false };

/** A server with these limits and one session in collecting. */
async function scene(limits: LimitOverrides, trustProxy = 0) {
  const server = await startServer({ limits, trustProxy });
  servers.push(server);
  const auth = await createStudy(server.url);
  const facilitator = await connectClient(server.url, auth);
  opened.push(facilitator);
  const session = await sendOk(facilitator, 'session:create', { title: 'Werksessie Jeugdwet', date: '2025-11-20', mode: 'digitaal', domains: ['Jeugdwet'] });
  await sendOk(facilitator, 'session:open', { sessionId: session.id, view: 'console' });
  await sendOk(facilitator, 'session:phase', { sessionId: session.id, phase: 'collecting' });
  const participants = () => Object.keys(stored(server, session.id).participants).length;
  return { server, auth, facilitator, sessionId: session.id, joinCode: session.joinCode, participants };
}

/** A connected socket from `address` (through the trusted proxy). */
async function from(server: TestServer, address: string): Promise<ClientSocket> {
  const socket = socketFrom(server.url, address);
  opened.push(socket);
  const result = await outcome(socket);
  if (!result.connected) throw new Error(`${address} could not connect: ${result.message}`);
  return socket;
}

describe('hole 6: joins per socket', () => {
  it('refuses the join past the limit on that socket, without making a participant; another socket joins', async () => {
    const s = await scene({ joins: { max: 3, windowMs: 60_000, blockMs: 60_000 } });
    const socket = await connectClient(s.server.url);
    opened.push(socket);
    for (let i = 0; i < 3; i++) expect(await send(socket, 'session:join', { code: s.joinCode, profile })).toMatchObject({ ok: true });
    const before = s.participants();
    const refused = await send(socket, 'session:join', { code: s.joinCode, profile });
    expect(refused).toMatchObject({ ok: false, error: 'rate_limited' });
    expect(!refused.ok && refused.message.length).toBeGreaterThan(0);
    expect(s.participants()).toBe(before);
    const other = await connectClient(s.server.url);
    opened.push(other);
    expect(await send(other, 'session:join', { code: s.joinCode, profile })).toMatchObject({ ok: true });
  });

  it(`defaults to ${DEFAULT_LIMITS.joins?.max ?? 5} joins a minute per socket`, async () => {
    expect(DEFAULT_LIMITS.joins).toMatchObject({ max: 5, windowMs: 60_000 });
    expect(DEFAULT_LIMITS.joinsPerAddress).toMatchObject({ max: 60, windowMs: 60_000 });
    expect(DEFAULT_LIMITS.connectionsPerAddress).toBe(200);
    const s = await scene({});
    const socket = await connectClient(s.server.url);
    opened.push(socket);
    for (let i = 0; i < 5; i++) expect(await send(socket, 'session:join', { code: s.joinCode, profile }), `join ${i + 1}`).toMatchObject({ ok: true });
    expect(await send(socket, 'session:join', { code: s.joinCode, profile })).toMatchObject({ ok: false, error: 'rate_limited' });
  });
});

describe('hole 6: joins per address, IPv6 counted per /64', () => {
  const limits: LimitOverrides = { joins: { max: 100 }, joinsPerAddress: { max: 4, windowMs: 60_000, blockMs: 60_000 } };

  it('refuses joins from an IPv4 address past the limit, on any socket; other addresses join', async () => {
    const s = await scene(limits, 1);
    for (let i = 0; i < 4; i++) expect(await send(await from(s.server, '203.0.113.10'), 'session:join', { code: s.joinCode, profile }), `join ${i + 1}`).toMatchObject({ ok: true });
    const before = s.participants();
    expect(await send(await from(s.server, '203.0.113.10'), 'session:join', { code: s.joinCode, profile })).toMatchObject({ ok: false, error: 'rate_limited' });
    expect(s.participants()).toBe(before);
    expect(await send(await from(s.server, '203.0.113.11'), 'session:join', { code: s.joinCode, profile })).toMatchObject({ ok: true });
  });

  it('counts every address of one IPv6 /64 together, and an IPv4-mapped address as its IPv4 address', async () => {
    const s = await scene(limits, 1);
    const sameNetwork = ['2001:db8:aa:bb::1', '2001:db8:aa:bb:1::2', '2001:db8:aa:bb:ffff:ffff:ffff:fffe', '2001:0DB8:00AA:00BB::7'];
    for (const address of sameNetwork) expect(await send(await from(s.server, address), 'session:join', { code: s.joinCode, profile }), address).toMatchObject({ ok: true });
    expect(await send(await from(s.server, '2001:db8:aa:bb:1234:5678:9abc:def0'), 'session:join', { code: s.joinCode, profile })).toMatchObject({ ok: false, error: 'rate_limited' });
    expect(await send(await from(s.server, '2001:db8:aa:bc::1'), 'session:join', { code: s.joinCode, profile })).toMatchObject({ ok: true });

    for (const address of ['::ffff:198.51.100.7', '198.51.100.7', '::ffff:198.51.100.7', '198.51.100.7']) {
      expect(await send(await from(s.server, address), 'session:join', { code: s.joinCode, profile }), address).toMatchObject({ ok: true });
    }
    expect(await send(await from(s.server, '198.51.100.7'), 'session:join', { code: s.joinCode, profile })).toMatchObject({ ok: false, error: 'rate_limited' });
    expect(await send(await from(s.server, '::ffff:198.51.100.7'), 'session:join', { code: s.joinCode, profile })).toMatchObject({ ok: false, error: 'rate_limited' });
  });

  it('counts wrong join codes per /64 too', async () => {
    const s = await scene({ failedJoins: { max: 3, windowMs: 60_000, blockMs: 60_000 } }, 1);
    for (const address of ['2001:db8:cc:dd::1', '2001:db8:cc:dd::2', '2001:db8:cc:dd:5::3']) {
      expect(await send(await from(s.server, address), 'session:join', { code: '3479CF', profile }), address).toMatchObject({ ok: false, error: 'not_found' });
    }
    expect(await send(await from(s.server, '2001:db8:cc:dd::4'), 'session:join', { code: s.joinCode, profile })).toMatchObject({ ok: false, error: 'rate_limited' });
    expect(await send(await from(s.server, '2001:db8:cc:de::1'), 'session:join', { code: s.joinCode, profile })).toMatchObject({ ok: true });
  });

  it('counts HTTP creates per /64 too', async () => {
    const server = await startServer({ limits: { creates: { max: 2, windowMs: 60_000, blockMs: 60_000 } }, trustProxy: 1 });
    servers.push(server);
    const create = (address: string) =>
      fetch(`${server.url}/api/studies`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': address }, body: JSON.stringify({ title: 'Onderzoek' }) });
    expect((await create('2001:db8:ee:ff::1')).status).toBe(201);
    expect((await create('2001:db8:ee:ff:abcd::2')).status).toBe(201);
    expect((await create('2001:db8:ee:ff::3')).status).toBe(429);
    expect((await create('2001:db8:ee:100::1')).status).toBe(201);
  });
});

describe('hole 6: open connections per address', () => {
  it('refuses the handshake past the limit with too_many_connections, and admits again once one closes', async () => {
    const s = await scene({ connectionsPerAddress: 3 }, 1);
    const first = [await from(s.server, '203.0.113.20'), await from(s.server, '203.0.113.20'), await from(s.server, '203.0.113.20')];
    const over = socketFrom(s.server.url, '203.0.113.20');
    opened.push(over);
    expect(await outcome(over)).toEqual({ connected: false, message: 'too_many_connections' });
    // Another address is not affected, nor are the sockets already open.
    await from(s.server, '203.0.113.21');
    expect(await send(first[0]!, 'session:join', { code: s.joinCode, profile })).toMatchObject({ ok: true });
    // One closes: a new one may open.
    first[2]!.disconnect();
    let again: { connected: boolean } = { connected: false };
    for (let attempt = 0; attempt < 20 && !again.connected; attempt++) {
      await sleep(50);
      const socket = socketFrom(s.server.url, '203.0.113.20');
      opened.push(socket);
      again = await outcome(socket);
    }
    expect(again).toEqual({ connected: true });
  });

  it('counts an IPv6 /64 as one address', async () => {
    const s = await scene({ connectionsPerAddress: 3 }, 1);
    for (const address of ['2001:db8:1:1::a', '2001:db8:1:1::b', '2001:db8:1:1:9::c']) await from(s.server, address);
    const over = socketFrom(s.server.url, '2001:db8:1:1:ffff::1');
    opened.push(over);
    expect(await outcome(over)).toEqual({ connected: false, message: 'too_many_connections' });
    await from(s.server, '2001:db8:1:2::1');
  });

  it('without a proxy, counts the socket address itself', async () => {
    // The facilitator of the scene holds one connection already.
    const s = await scene({ connectionsPerAddress: 3 });
    opened.push(await connectClient(s.server.url), await connectClient(s.server.url));
    await expect(connectClient(s.server.url)).rejects.toThrow('too_many_connections');
    // Plain HTTP is not affected.
    expect((await fetch(`${s.server.url}/api/health`)).status).toBe(200);
  });
});

describe('addressKey', () => {
  it('groups IPv6 by /64 in any spelling, and IPv4-mapped addresses with their IPv4 address', () => {
    expect(addressKey('2001:db8:1:2:3:4:5:6')).toBe(addressKey('2001:db8:1:2::9'));
    expect(addressKey('2001:0db8:0001:0002::1')).toBe(addressKey('2001:db8:1:2::1'));
    expect(addressKey('2001:DB8:1:2::1')).toBe(addressKey('2001:db8:1:2::1'));
    expect(addressKey('2001:db8:1:2::1')).not.toBe(addressKey('2001:db8:1:3::1'));
    expect(addressKey('2001:db8:1:2::1')).not.toBe(addressKey('2001:db9:1:2::1'));
    expect(addressKey('::ffff:203.0.113.5')).toBe(addressKey('203.0.113.5'));
    expect(addressKey('::ffff:127.0.0.1')).toBe(addressKey('127.0.0.1'));
    expect(addressKey('203.0.113.5')).not.toBe(addressKey('203.0.113.6'));
    // An IPv4 address is not confused with a /64 that happens to read alike.
    expect(addressKey('203.0.113.5')).not.toBe(addressKey('::ffff:203.0.113.6'));
  });
});
