import { customAlphabet } from 'nanoid';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '../../shared/domain/join-code.ts';
import { liveCardCount } from '../../shared/domain/visibility.ts';
import { fail, ok, type Result } from '../../shared/protocol/errors.ts';
import type { SessionSummary, StudyView } from '../../shared/protocol/views.ts';
import type { Session } from '../../shared/schemas/session.ts';
import type { Study } from '../../shared/schemas/study.ts';
import type { AppSocket } from './command.ts';
import type { RealtimeDeps } from './deps.ts';
import { rooms } from './rooms.ts';

/** Moves a socket into the audience of one session, out of any other. */
export function bindSocket(
  socket: AppSocket,
  sessionId: string,
  audience: { view: 'console' | 'projection' } | { view: 'board'; participantId: string },
): void {
  for (const room of socket.rooms) {
    if (room !== socket.id && !room.startsWith('study:')) socket.leave(room);
  }
  socket.data.sessionId = sessionId;
  if (audience.view === 'board') {
    socket.data.role = 'participant';
    socket.data.participantId = audience.participantId;
    socket.data.view = 'board';
    socket.join([rooms.board(sessionId), rooms.person(sessionId, audience.participantId)]);
  } else {
    socket.data.view = audience.view;
    socket.join(audience.view === 'console' ? rooms.console(sessionId) : rooms.projection(sessionId));
  }
}

/** Takes a participant's socket out of its session: it keeps its connection, with no rights. */
export function unbindSocket(socket: AppSocket): void {
  for (const room of socket.rooms) if (room !== socket.id) socket.leave(room);
  socket.data = { ...socket.data, role: 'none', sessionId: null, participantId: null, view: 'board' };
}

/** The study of a facilitator socket. */
export function studyOf(deps: RealtimeDeps, socket: AppSocket): Result<Study> {
  const studyId = socket.data.role === 'facilitator' ? socket.data.studyId : null;
  const doc = studyId ? deps.repo.studies.get(studyId) : undefined;
  return doc ? ok(doc.data) : fail('unauthorised', 'Facilitator key required');
}

/** A session of the facilitator's own study; sessions of other studies do not exist for them. */
export function ownSession(deps: RealtimeDeps, socket: AppSocket, sessionId: string): Result<Session> {
  const study = studyOf(deps, socket);
  if (!study.ok) return study;
  if (!study.data.sessionIds.includes(sessionId)) return fail('not_found', 'No such session in this study');
  const broken = deps.repo.broken.get(sessionId);
  if (broken) return fail('corrupt_file', `The session file could not be loaded: ${broken.message}`);
  const doc = deps.repo.sessions.get(sessionId);
  return doc ? ok(doc.data) : fail('not_found', 'No such session');
}

export function sessionSummary(session: Session): SessionSummary {
  return {
    id: session.id,
    title: session.title,
    date: session.date,
    mode: session.mode,
    domains: session.domains,
    phase: session.phase,
    joinCode: session.joinCode,
    cardCount: liveCardCount(session),
    participantCount: Object.keys(session.participants).length,
  };
}

export function studyView(deps: RealtimeDeps, study: Study): StudyView {
  const sessions = study.sessionIds.flatMap((id) => {
    const doc = deps.repo.sessions.get(id);
    return doc ? [sessionSummary(doc.data)] : [];
  });
  const unavailable = study.sessionIds.flatMap((id) => {
    const broken = deps.repo.broken.get(id);
    return broken ? [{ id, message: broken.message }] : [];
  });
  return { id: study.id, title: study.title, createdAt: study.createdAt, sessions, unavailable };
}

const randomCode = customAlphabet(JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH);

/** A join code no loaded session uses. */
export function uniqueJoinCode(joinCodes: ReadonlyMap<string, string>): string {
  for (;;) {
    const code = randomCode();
    if (!joinCodes.has(code)) return code;
  }
}

/** Tells the facilitators with the study overview open what changed. */
export function emitStudy(deps: RealtimeDeps, studyId: string): void {
  const doc = deps.repo.studies.get(studyId);
  if (!doc) return;
  deps.io.to(rooms.study(studyId)).emit('study:updated', studyView(deps, doc.data));
  // A codebook edit or a new session moves the matrix too; the feed tells which it was.
  deps.studyMatrix.studyChanged(doc.data);
}
