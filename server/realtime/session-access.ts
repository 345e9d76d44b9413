import { fail, ok, type Result } from '../../shared/protocol/errors.ts';
import type { Actor, Change } from '../../shared/domain/context.ts';
import { matrixChanged } from '../../shared/domain/study-matrix.ts';
import type { Session } from '../../shared/schemas/session.ts';
import type { AppSocket } from './command.ts';
import type { RealtimeDeps } from './deps.ts';

/** The actor a socket stands for in the session it is bound to; never from the payload. */
export function actorFor(socket: AppSocket, sessionId: string): Result<Actor> {
  if (socket.data.sessionId !== sessionId) return fail('forbidden', 'Open or join this session first');
  if (socket.data.role === 'facilitator') {
    return socket.data.view === 'projection' ? fail('forbidden', 'The projection view is read-only') : ok({ role: 'facilitator' });
  }
  if (socket.data.role === 'participant' && socket.data.participantId) {
    return ok({ role: 'participant', participantId: socket.data.participantId });
  }
  return fail('unauthorised', 'Join the session first');
}

/** The session, when the socket is its facilitator console (read-only commands). */
export function facilitatorSession(deps: RealtimeDeps, socket: AppSocket, sessionId: string): Result<Session> {
  const actor = actorFor(socket, sessionId);
  if (!actor.ok) return actor;
  if (actor.data.role !== 'facilitator') return fail('forbidden', 'Only the facilitator may do this');
  const doc = deps.repo.sessions.get(sessionId);
  return doc ? ok(doc.data) : fail('not_found', 'No such session');
}

export interface Applied<T> {
  before: Session;
  after: Session;
  value: T;
  changed: boolean;
}

/**
 * Applies a pure change to a session and waits until it is on disk. An unchanged result (an
 * idempotent retry) still waits for any pending write, so its ack never precedes the write of
 * the original.
 */
export async function mutateSession<T>(
  deps: RealtimeDeps,
  sessionId: string,
  change: (session: Session) => Result<Change<T>>,
): Promise<Result<Applied<T>>> {
  const doc = deps.repo.sessions.get(sessionId);
  if (!doc) return fail('not_found', 'No such session');
  const before = doc.data;
  const result = change(before);
  if (!result.ok) return result;
  const { session: after, value } = result.data;
  if (after === before) {
    await doc.settled();
    return ok({ before, after, value, changed: false });
  }
  await doc.set(after);
  if (matrixChanged(before, after)) deps.studyMatrix.changed(after.studyId);
  return ok({ before, after, value, changed: true });
}

/** Runs `change` as the socket's actor on its session. */
export async function actOnSession<T>(
  deps: RealtimeDeps,
  socket: AppSocket,
  sessionId: string,
  change: (session: Session, actor: Actor, now: number) => Result<Change<T>>,
): Promise<Result<Applied<T>>> {
  const actor = actorFor(socket, sessionId);
  if (!actor.ok) return actor;
  const now = deps.clock();
  return mutateSession(deps, sessionId, (session) => change(session, actor.data, now));
}
