import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { io as connect, type Socket } from 'socket.io-client';
import { buildApp, type AppOptions, type BuiltApp } from '../../server/app.ts';
import type { LimitOverrides } from '../../server/security/limits.ts';
import type { Ack, ClientToServerEvents, CommandData, CommandName, CommandPayload, ServerToClientEvents } from '../../shared/protocol/events.ts';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface TestServer extends BuiltApp {
  url: string;
  dataDir: string | undefined;
  close(): Promise<void>;
}

/** A fresh temp data folder, removed by the returned cleanup. */
export async function tempDataDir(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'werksessie-test-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * Every test client connects from 127.0.0.1, as a whole venue behind one address would, and a
 * test file joins more people in a minute than a venue does. The per-address budgets for joins
 * and connections are therefore raised unless a test gives its own; all other limits are the defaults.
 */
const ONE_ADDRESS: LimitOverrides = { joinsPerAddress: { max: 1_000_000 }, connectionsPerAddress: 1_000_000 };

/** The real server on port 0; with `dataDir` it stores real files there. Abuse limits: see `ONE_ADDRESS`. */
export async function startServer(options: Pick<AppOptions, 'dataDir' | 'limits' | 'clientDir' | 'allowedOrigins' | 'trustProxy'> = {}): Promise<TestServer> {
  const built = await buildApp({ clientDir: '/nonexistent-client', ...options, limits: { ...ONE_ADDRESS, ...options.limits } });
  await built.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = built.app.server.address() as AddressInfo;
  return { ...built, url: `http://127.0.0.1:${port}`, dataDir: options.dataDir, close: () => built.app.close() };
}

/** Connects a socket.io client and waits until it is connected (or refused). */
export function connectClient(url: string, auth?: Record<string, unknown>): Promise<ClientSocket> {
  const socket: ClientSocket = connect(url, { transports: ['websocket'], auth: auth ?? {}, reconnection: false, forceNew: true });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

/** Sends a command and returns its ack. */
export async function send<E extends CommandName>(socket: ClientSocket, event: E, payload: CommandPayload<E>): Promise<Ack<CommandData<E>>> {
  return (socket.timeout(5000) as unknown as { emitWithAck: (e: string, p: unknown) => Promise<Ack<CommandData<E>>> }).emitWithAck(event, payload);
}

/** Sends a command that must succeed and returns its data. */
export async function sendOk<E extends CommandName>(socket: ClientSocket, event: E, payload: CommandPayload<E>): Promise<CommandData<E>> {
  const ack = await send(socket, event, payload);
  if (!ack.ok) throw new Error(`${event} failed: ${ack.error} ${ack.message}`);
  return ack.data;
}

/** Creates a study over HTTP. */
export async function createStudy(url: string, title = 'Evaluatie zorginkoop 2025', codebook: 'default' | 'empty' = 'default'): Promise<{ studyId: string; key: string }> {
  const response = await fetch(`${url}/api/studies`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title, codebook }),
  });
  if (response.status !== 201) throw new Error(`create study: ${response.status} ${await response.text()}`);
  return (await response.json()) as { studyId: string; key: string };
}

/** A facilitator connected to a new study with one session open. */
export async function facilitatorWithSession(url: string, session: Partial<CommandPayload<'session:create'>> = {}) {
  const { studyId, key } = await createStudy(url);
  const socket = await connectClient(url, { studyId, key });
  const summary = await sendOk(socket, 'session:create', {
    title: 'Werksessie Wlz',
    date: '2025-11-20',
    mode: 'digitaal',
    domains: ['Wlz'],
    ...session,
  });
  const snapshot = await sendOk(socket, 'session:open', { sessionId: summary.id, view: 'console' });
  return { studyId, key, socket, session: summary, snapshot };
}

/** A participant who joined by code. */
export async function joinAs(url: string, code: string, name: string) {
  const socket = await connectClient(url);
  const joined = await sendOk(socket, 'session:join', { code, profile: { name, consent: false } });
  return { socket, ...joined };
}

/** Resolves with the next `event` the socket receives matching `filter`. */
export function nextEvent<E extends keyof ServerToClientEvents>(
  socket: ClientSocket,
  event: E,
  filter: (...args: Parameters<ServerToClientEvents[E]>) => boolean = () => true,
  timeoutMs = 5000,
): Promise<Parameters<ServerToClientEvents[E]>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, listener as never);
      reject(new Error(`timed out waiting for ${event}`));
    }, timeoutMs);
    const listener = (...args: Parameters<ServerToClientEvents[E]>) => {
      if (!filter(...args)) return;
      clearTimeout(timer);
      socket.off(event, listener as never);
      resolve(args);
    };
    socket.on(event, listener as never);
  });
}

/** Records every event a socket receives, for leak checks. */
export function recordTraffic(socket: ClientSocket): { events: { event: string; args: unknown[] }[]; text: () => string } {
  const events: { event: string; args: unknown[] }[] = [];
  socket.onAny((event: string, ...args: unknown[]) => events.push({ event, args }));
  return { events, text: () => JSON.stringify(events) };
}

export const uid = (): string => crypto.randomUUID();
