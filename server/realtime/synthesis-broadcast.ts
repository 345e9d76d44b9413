import { roomSynthesisView, synthesisView, type SynthesisView } from '../../shared/domain/synthesis-view.ts';
import { DEFAULT_CODEBOOK } from '../../shared/domain/themes/default-codebook.ts';
import type { Codebook } from '../../shared/schemas/codebook.ts';
import type { Session } from '../../shared/schemas/session.ts';
import type { RealtimeDeps } from './deps.ts';
import { rooms } from './rooms.ts';

/** The codebook of the session's study. */
export const codebookOf = (deps: RealtimeDeps, session: Session): Codebook =>
  deps.repo.studies.get(session.studyId)?.data.codebook ?? DEFAULT_CODEBOOK;

/** The themes for a facilitator console: every card. */
export const viewOf = (deps: RealtimeDeps, session: Session): SynthesisView => synthesisView(session, codebookOf(deps, session));

/** The themes for boards and projections: only the cards the whole room may see. */
export const roomViewOf = (deps: RealtimeDeps, session: Session): SynthesisView => roomSynthesisView(session, codebookOf(deps, session));

/** Whether boards and projections see the themes: from the synthesis phase on. */
export const themesOpen = (session: Session): boolean => session.phase === 'synthesis' || session.phase === 'closed';

/**
 * Sends the themes to those who may see them, each audience its own view: consoles all cards;
 * from the synthesis phase on boards and projections too, built from what the room may see
 * (the view names no authors). Answers with the console's view.
 */
export function emitSynthesis(deps: RealtimeDeps, session: Session): SynthesisView {
  const view = viewOf(deps, session);
  deps.io.to(rooms.console(session.id)).emit('synthesis:updated', view);
  if (themesOpen(session)) deps.io.to([rooms.board(session.id), rooms.projection(session.id)]).emit('synthesis:updated', roomViewOf(deps, session));
  return view;
}
