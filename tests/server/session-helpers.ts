import { snapshotFor } from '../../shared/domain/visibility.ts';
import type { Ack } from '../../shared/protocol/events.ts';
import type { Viewer } from '../../shared/protocol/views.ts';
import type { Profile, Session } from '../../shared/schemas/session.ts';
import { TrackedClient } from './client-state.ts';
import { connectClient, sendOk, type ClientSocket, type TestServer } from './helpers.ts';

/** Emits any event, typed or not, and waits for its ack (for malformed and unknown commands). */
export function rawSend(socket: ClientSocket, event: string, ...args: unknown[]): Promise<Ack<unknown>> {
  const timed = socket.timeout(3000) as unknown as { emitWithAck: (event: string, ...args: unknown[]) => Promise<Ack<unknown>> };
  return timed.emitWithAck(event, ...args);
}

/**
 * Waits until every fact sent to these sockets so far has arrived: the server writes a socket's
 * packets in order, so the answer to a round trip comes after all of them. Changes nothing.
 */
export async function sync(...sockets: ClientSocket[]): Promise<void> {
  await Promise.all(sockets.map((s) => rawSend(s, 'test:sync', {})));
}

/** A deep copy of the session as the server holds it now. */
export function stored(server: TestServer, sessionId: string): Session {
  const doc = server.repo.sessions.get(sessionId);
  if (!doc) throw new Error(`no session ${sessionId}`);
  return structuredClone(doc.data);
}

/** The server's own view of a session for one viewer. */
export const serverView = (server: TestServer, sessionId: string, viewer: Viewer) => snapshotFor(stored(server, sessionId), viewer, 0);

/** A facilitator socket with the session open as console or projection, following its facts. */
export async function trackFacilitator(url: string, auth: { studyId: string; key: string }, sessionId: string, view: 'console' | 'projection' = 'console') {
  const socket = await connectClient(url, auth);
  const client = new TrackedClient(socket);
  await client.bind(() => sendOk(socket, 'session:open', { sessionId, view }), (s) => s);
  return client;
}

/** A participant who joined by code on a fresh socket, following its facts. */
export async function trackParticipant(url: string, code: string, profile: Partial<Profile> & { name: string }) {
  const socket = await connectClient(url);
  const client = new TrackedClient(socket);
  const joined = await client.bind(
    () => sendOk(socket, 'session:join', { code, profile: { consent: false, ...profile } }),
    (j) => j.snapshot,
  );
  return { client, socket, participantId: joined.participantId, token: joined.token, sessionId: joined.sessionId };
}

/** A fresh socket that resumes as the participant: what a reload shows. */
export async function resumeOnNewSocket(url: string, who: { sessionId: string; participantId: string; token: string }) {
  const socket = await connectClient(url);
  const snapshot = await sendOk(socket, 'session:resume', { sessionId: who.sessionId, participantId: who.participantId, token: who.token });
  return { socket, snapshot };
}

/** Disconnects every socket a test opened. */
export function closeAll(...sockets: (ClientSocket | undefined)[]): void {
  for (const s of sockets) s?.disconnect();
}
