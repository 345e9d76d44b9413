import { synthesisView, type SynthesisView } from '../../shared/domain/synthesis-view.ts';
import { DEFAULT_CODEBOOK } from '../../shared/domain/themes/default-codebook.ts';
import type { Codebook } from '../../shared/schemas/codebook.ts';
import type { Session } from '../../shared/schemas/session.ts';
import type { RealtimeDeps } from './deps.ts';
import { rooms, sessionRooms } from './rooms.ts';

/** The codebook of the session's study. */
export const codebookOf = (deps: RealtimeDeps, session: Session): Codebook =>
  deps.repo.studies.get(session.studyId)?.data.codebook ?? DEFAULT_CODEBOOK;

export const viewOf = (deps: RealtimeDeps, session: Session): SynthesisView => synthesisView(session, codebookOf(deps, session));

/**
 * Sends the themes to those who may see them: everyone from the synthesis phase on (cards are
 * revealed by then and the view names no authors), only facilitator consoles before that.
 */
export function emitSynthesis(deps: RealtimeDeps, session: Session): SynthesisView {
  const view = viewOf(deps, session);
  const open = session.phase === 'synthesis' || session.phase === 'closed';
  deps.io.to(open ? sessionRooms(session.id) : [rooms.console(session.id)]).emit('synthesis:updated', view);
  return view;
}
