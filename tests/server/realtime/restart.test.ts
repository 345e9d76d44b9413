import { afterEach, describe, expect, it } from 'vitest';
import { io as connect } from 'socket.io-client';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../../../server/app.ts';
import { createStudy, sendOk, tempDataDir, uid, type ClientSocket } from '../helpers.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function listen(dataDir: string, port = 0) {
  const built = await buildApp({ dataDir, clientDir: '/nonexistent' });
  await built.app.listen({ port, host: '127.0.0.1' });
  return { ...built, port: (built.app.server.address() as AddressInfo).port };
}

describe('a server restart during a session', () => {
  it('is survived by connected clients: they reconnect on their own, resume, and keep working', async () => {
    const data = await tempDataDir();
    cleanups.push(data.remove);
    let server = await listen(data.dir);
    const url = `http://127.0.0.1:${server.port}`;
    const auth = await createStudy(url);

    // Clients as the app makes them: reconnection on (socket.io's default).
    const facilitator: ClientSocket = connect(url, { transports: ['websocket'], auth, reconnectionDelay: 100, reconnectionDelayMax: 300 });
    const participant: ClientSocket = connect(url, { transports: ['websocket'], reconnectionDelay: 100, reconnectionDelayMax: 300 });
    cleanups.push(() => void facilitator.close(), () => void participant.close());
    await Promise.all([facilitator, participant].map((s) => new Promise<void>((r) => s.once('connect', () => r()))));

    const session = await sendOk(facilitator, 'session:create', { title: 'Wlz', date: '2025-11-20', mode: 'digitaal', domains: ['Wlz'] });
    const opened = await sendOk(facilitator, 'session:open', { sessionId: session.id, view: 'console' });
    await sendOk(facilitator, 'session:phase', { sessionId: session.id, phase: 'collecting' });
    const joined = await sendOk(participant, 'session:join', { code: session.joinCode, profile: { name: 'Anna', consent: false } });
    const columnId = opened.session.columns[0]!.id;
    const before = await sendOk(participant, 'card:add', { sessionId: session.id, id: uid(), columnId, text: 'Voor de herstart' });

    const reasons: string[] = [];
    participant.on('disconnect', (reason) => reasons.push(reason));
    await server.app.close();
    server = await listen(data.dir, server.port);
    cleanups.push(() => server.app.close());

    // Both reconnect without being told to (no reload, no new socket object).
    await Promise.all([facilitator, participant].map((s) => (s.connected ? Promise.resolve() : new Promise<void>((r) => s.once('connect', () => r())))));
    expect(reasons).not.toContain('io server disconnect');

    const resumed = await sendOk(participant, 'session:resume', { sessionId: session.id, participantId: joined.participantId, token: joined.token });
    expect(resumed.cards.map((c) => c.id)).toEqual([before.id]);
    await sendOk(facilitator, 'session:open', { sessionId: session.id, view: 'console' });
    const after = await sendOk(participant, 'card:add', { sessionId: session.id, id: uid(), columnId, text: 'Na de herstart' });
    expect(server.repo.sessions.get(session.id)!.data.cards[after.id]?.text).toBe('Na de herstart');
  });
});
