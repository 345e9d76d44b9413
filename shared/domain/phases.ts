import { fail, ok, type Result } from '../protocol/errors.ts';
import { PHASES, type Phase, type Session } from '../schemas/session.ts';
import { touch, type Change } from './context.ts';

/**
 * Allowed moves: one step forward or back, and straight to `closed` from anywhere.
 * Reopening a closed session goes back to synthesis, one step like any other.
 */
export function canTransition(from: Phase, to: Phase): boolean {
  if (from === to) return false;
  if (to === 'closed') return true;
  const distance = PHASES.indexOf(to) - PHASES.indexOf(from);
  return distance === 1 || distance === -1;
}

/**
 * Moves the session to another phase. From voting on, everyone votes on and discusses all
 * cards, so hidden cards are revealed on the way there.
 */
export function setPhase(session: Session, to: Phase, now: number): Result<Change<Phase>> {
  if (!canTransition(session.phase, to)) {
    return fail('wrong_phase', `Cannot move from ${session.phase} to ${to}`);
  }
  const revealed = session.revealed || PHASES.indexOf(to) >= PHASES.indexOf('voting');
  return ok({ session: touch(session, now, { phase: to, revealed }), value: to });
}

/** Participants may post and change their own cards. */
export const isCollecting = (phase: Phase): boolean => phase === 'collecting';
/** Participants may vote. */
export const isVoting = (phase: Phase): boolean => phase === 'voting';
/** Nobody changes content any more; the facilitator can still reopen. */
export const isClosed = (phase: Phase): boolean => phase === 'closed';
