import { studyMatrix, type StudyMatrix } from '../../shared/domain/study-matrix.ts';
import type { Study } from '../../shared/schemas/study.ts';
import type { IoServer } from '../plugins/socket-io.ts';
import type { Repository } from '../storage/repository.ts';
import { rooms } from './rooms.ts';

/**
 * How long changes to a study gather before its matrix goes out: a burst of votes in a full room
 * is one push, and the overview still follows within a quarter of a second.
 */
export const MATRIX_PUSH_MS = 250;

/** Keeps the study overviews' theme-by-domain matrix live. */
export interface StudyMatrixFeed {
  /** Something the matrix counts changed in a session of this study: its cards, votes, themes or domains. */
  changed(studyId: string): void;
  /**
   * The study itself was saved or its overview told of a change: pushes only if the matrix can
   * have moved, i.e. its codebook (theme names, merges) or its list of sessions is another one.
   */
  studyChanged(study: Study): void;
  /** Drops pending pushes: the server is closing. */
  close(): void;
}

/** The matrix of a study's sessions as stored now (sessions that failed to load left out). */
export function matrixOf(repo: Repository, study: Study): StudyMatrix {
  const sessions = study.sessionIds.flatMap((id) => {
    const doc = repo.sessions.get(id);
    return doc ? [doc.data] : [];
  });
  return studyMatrix(sessions, study.codebook);
}

/**
 * Pushes `study:matrix-updated` to the study's own overview room only (facilitators of that study,
 * who opened it with its key), at most once per window per study, computed when it goes out so
 * that it holds every change of the window. The matrix carries counts and card texts, never an
 * author or a voter.
 */
export function createStudyMatrixFeed(deps: { io: IoServer; repo: Repository }, windowMs = MATRIX_PUSH_MS): StudyMatrixFeed {
  const pending = new Map<string, ReturnType<typeof setTimeout>>();
  // What the last look at each study saw; stored objects are replaced, never changed in place.
  const seen = new Map<string, Pick<Study, 'codebook' | 'sessionIds'>>();

  function push(studyId: string): void {
    pending.delete(studyId);
    const room = rooms.study(studyId);
    // Nobody looking: no matrix computed.
    if (!deps.io.sockets.adapter.rooms.get(room)?.size) return;
    const doc = deps.repo.studies.get(studyId);
    if (doc) deps.io.to(room).emit('study:matrix-updated', { studyId, matrix: matrixOf(deps.repo, doc.data) });
  }

  function changed(studyId: string): void {
    if (pending.has(studyId)) return;
    const timer = setTimeout(() => push(studyId), windowMs);
    // A push still waiting never keeps the process alive.
    timer.unref();
    pending.set(studyId, timer);
  }

  return {
    changed,
    studyChanged(study) {
      const before = seen.get(study.id);
      seen.set(study.id, { codebook: study.codebook, sessionIds: study.sessionIds });
      if (!before || before.codebook !== study.codebook || before.sessionIds !== study.sessionIds) changed(study.id);
    },
    close() {
      for (const timer of pending.values()) clearTimeout(timer);
      pending.clear();
    },
  };
}
