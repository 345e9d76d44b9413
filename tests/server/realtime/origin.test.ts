import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { io as connect } from 'socket.io-client';
import { originAllowed } from '../../../server/security/origin.ts';
import { send, startServer, type ClientSocket, type TestServer } from '../helpers.ts';
import { closeAll } from '../session-helpers.ts';

let server: TestServer;
const opened: ClientSocket[] = [];
beforeAll(async () => {
  server = await startServer({ allowedOrigins: ['https://werksessie.example.nl'] });
});
afterEach(() => closeAll(...opened.splice(0)));
afterAll(() => server.close());

/** A WebSocket handshake as a browser on `origin` would make it; resolves connected or with the refusal. */
function handshake(origin: string | undefined, transport: 'websocket' | 'polling' = 'websocket'): Promise<{ connected: true } | { connected: false; error: Error }> {
  const socket: ClientSocket = connect(server.url, {
    transports: [transport],
    reconnection: false,
    forceNew: true,
    extraHeaders: origin === undefined ? {} : { origin },
  });
  opened.push(socket);
  return new Promise((resolve) => {
    socket.once('connect', () => resolve({ connected: true }));
    socket.once('connect_error', (error) => resolve({ connected: false, error }));
  });
}

const pollingHandshake = (origin: string) => fetch(`${server.url}/socket.io/?EIO=4&transport=polling`, { headers: { origin } });

describe('the socket handshake origin check', () => {
  it('refuses a page on another origin, over WebSocket and polling', async () => {
    for (const transport of ['websocket', 'polling'] as const) {
      expect(await handshake('http://evil.example', transport), transport).toMatchObject({ connected: false });
    }
    const response = await pollingHandshake('http://evil.example');
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ code: 4, message: 'Origin not allowed: open the app from its own address' });
  });

  it('refuses look-alikes of the own origin', async () => {
    const port = new URL(server.url).port;
    for (const origin of ['null', `http://127.0.0.1.evil.example:${port}`, `http://127.0.0.1:${Number(port) + 1}`, 'file://', 'werksessie.example.nl', 'http://werksessie.example.nl']) {
      expect((await pollingHandshake(origin)).status, origin).toBe(403);
    }
  });

  it('accepts the own origin (the Host the page came from) and a configured origin', async () => {
    for (const origin of [server.url, server.url.toUpperCase(), 'https://werksessie.example.nl']) {
      expect(await handshake(origin), origin).toEqual({ connected: true });
      expect((await pollingHandshake(origin)).status, origin).toBe(200);
    }
    // And the socket works: a study can be opened.
    const socket = connect(server.url, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: { origin: server.url } }) as ClientSocket;
    opened.push(socket);
    await new Promise((resolve) => socket.once('connect', () => resolve(null)));
    expect(await send(socket, 'study:open', {})).toMatchObject({ ok: false, error: 'unauthorised' });
  });

  it('lets clients without an Origin header through (Node clients: tests, benchmarks, scripts)', async () => {
    expect(await handshake(undefined)).toEqual({ connected: true });
  });
});

describe('originAllowed', () => {
  const allowed = new Set(['https://werksessie.example.nl']);
  it.each([
    [undefined, 'localhost:3000', true],
    ['http://localhost:3000', 'localhost:3000', true],
    ['http://LOCALHOST:3000', 'localhost:3000', true],
    ['http://example.org', 'example.org:80', true],
    ['https://example.org', 'example.org:443', true],
    ['https://werksessie.example.nl', 'internal:3000', true],
    ['https://werksessie.example.nl:8443', 'internal:3000', false],
    ['http://evil.example', 'localhost:3000', false],
    ['http://localhost:3001', 'localhost:3000', false],
    ['null', 'localhost:3000', false],
    ['chrome-extension://abc', 'abc', false],
    ['http://localhost:3000', undefined, false],
    ['not a url', 'localhost:3000', false],
    ['http://localhost:3000', 'localhost:3000/../evil', false],
  ])('%s from host %s: %s', (origin, host, expected) => {
    expect(originAllowed(origin, host, allowed)).toBe(expected);
  });
});
