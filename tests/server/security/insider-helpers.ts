import { io as connect } from 'socket.io-client';
import { expect } from 'vitest';
import type { Settings } from '../../../shared/schemas/session.ts';
import type { SessionSnapshot, VotesView } from '../../../shared/protocol/views.ts';
import { connectClient, createStudy, recordTraffic, sendOk, type ClientSocket, type TestServer } from '../helpers.ts';

/**
 * Shared scenery of the insider tests: one server holding the victim's and the attacker's
 * studies, every socket recorded from its first packet.
 */

export type Traffic = ReturnType<typeof recordTraffic>;
export type Recorded = { event: string; args: unknown[] };

/** A recorded socket, registered for closing after the test. */
export interface Person {
  socket: ClientSocket;
  traffic: Traffic;
  name: string;
  participantId: string;
  token: string;
  sessionId: string;
}

/** A study with one session: its console (recorded), a projection (recorded) and a way to let people join. */
export async function studyRoom(server: TestServer, opened: ClientSocket[], options: { title: string; settings?: Partial<Settings>; codebook?: 'default' | 'empty' }) {
  const auth = await createStudy(server.url, options.title, options.codebook ?? 'default');
  const consoleSocket = await connectClient(server.url, auth);
  const projectionSocket = await connectClient(server.url, auth);
  opened.push(consoleSocket, projectionSocket);
  const consoleTraffic = recordTraffic(consoleSocket);
  const projectionTraffic = recordTraffic(projectionSocket);
  const summary = await sendOk(consoleSocket, 'session:create', {
    title: `Werksessie ${options.title}`,
    date: '2025-11-20',
    mode: 'digitaal',
    domains: ['Wlz'],
    ...(options.settings ? { settings: options.settings } : {}),
  });
  const sessionId = summary.id;
  const opening = await sendOk(consoleSocket, 'session:open', { sessionId, view: 'console' });
  await sendOk(projectionSocket, 'session:open', { sessionId, view: 'projection' });
  const columns = opening.session.columns.map((c) => c.id);
  const join = async (name: string, consent = true): Promise<Person> => {
    const socket = await connectClient(server.url);
    opened.push(socket);
    const traffic = recordTraffic(socket);
    const joined = await sendOk(socket, 'session:join', { code: summary.joinCode, profile: { name, consent } });
    return { socket, traffic, name, participantId: joined.participantId, token: joined.token, sessionId };
  };
  const phase = (phase: 'collecting' | 'voting' | 'synthesis' | 'closed' | 'preparation') => sendOk(consoleSocket, 'session:phase', { sessionId, phase });
  return { auth, sessionId, joinCode: summary.joinCode, column: columns[0]!, columns, consoleSocket, consoleTraffic, projectionSocket, projectionTraffic, join, phase };
}

export type StudyRoom = Awaited<ReturnType<typeof studyRoom>>;

/** Fails naming the secret and the socket it reached. */
export function expectAbsent(text: string, secrets: string[], who: string): void {
  for (const secret of secrets) expect(text.includes(secret), `${secret} reached ${who}`).toBe(false);
}

/** Like expectAbsent, ignoring case (words of a card may travel lowercased, as theme terms). */
export function expectWordsAbsent(text: string, words: string[], who: string): void {
  const lower = text.toLowerCase();
  for (const word of words) expect(lower.includes(word.toLowerCase()), `"${word}" reached ${who}`).toBe(false);
}

/** The events recorded after `mark` (an earlier `traffic.events.length`). */
export const since = (traffic: Traffic, mark: number): Recorded[] => traffic.events.slice(mark);
export const textOf = (events: Recorded[]): string => JSON.stringify(events);

/** Every object in a value, at any depth. */
export function* objects(value: unknown): Generator<Record<string, unknown>> {
  if (Array.isArray(value)) for (const v of value) yield* objects(v);
  else if (value && typeof value === 'object') {
    yield value as Record<string, unknown>;
    for (const v of Object.values(value)) yield* objects(v);
  }
}

/** Every vote view in some events: `votes:updated` facts and the votes of snapshots. */
export function voteViews(events: Recorded[]): VotesView[] {
  const views: VotesView[] = [];
  for (const e of events) {
    if (e.event === 'votes:updated') views.push(e.args[0] as VotesView);
    if (e.event === 'session:snapshot') views.push(...((e.args[0] as SessionSnapshot).votes ?? []));
  }
  return views;
}

/** A socket as seen through a trusted proxy from `address` (the server must run with trustProxy 1). */
export function socketFrom(url: string, address: string): ClientSocket {
  return connect(url, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: { 'x-forwarded-for': address } }) as ClientSocket;
}

/** Resolves connected, or with the handshake's refusal message. */
export function outcome(socket: ClientSocket): Promise<{ connected: true } | { connected: false; message: string }> {
  if (socket.connected) return Promise.resolve({ connected: true });
  return new Promise((resolve) => {
    socket.once('connect', () => resolve({ connected: true }));
    socket.once('connect_error', (error) => resolve({ connected: false, message: error.message }));
  });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
