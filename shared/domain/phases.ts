import { fail, ok, type Result } from '../protocol/errors.ts';
import { PHASES, type Phase, type Session } from '../schemas/session.ts';
import type { Change } from './context.ts';
import { IDLE_TIMER } from './timer.ts';

/**
 * Allowed moves: one step forward or back, and straight to `closed` from anywhere. A closed
 * session reopens one step back to synthesis, or to `closedFrom`, the phase it was closed from.
 */
export function canTransition(from: Phase, to: Phase, closedFrom: Phase | null = null): boolean {
  if (from === to) return false;
  if (to === 'closed') return true;
  if (from === 'closed' && to === closedFrom) return true;
  const distance = PHASES.indexOf(to) - PHASES.indexOf(from);
  return distance === 1 || distance === -1;
}

/**
 * Moves the session to another phase. From voting on, everyone votes on and discusses all
 * cards, so hidden cards are revealed on the way there. Reopening to the phase a session was
 * closed from restores what was revealed then, so an accidental close undoes cleanly. The
 * timer belongs to the phase it was started in and stops on every move.
 */
export function setPhase(session: Session, to: Phase, now: number): Result<Change<Phase>> {
  const { closedFrom, ...rest } = session;
  if (!canTransition(session.phase, to, closedFrom?.phase ?? null)) {
    return fail('wrong_phase', `Cannot move from ${session.phase} to ${to}`);
  }
  const reopening = session.phase === 'closed' && closedFrom?.phase === to;
  const revealedBefore = reopening ? closedFrom.revealed : session.revealed;
  const revealed = revealedBefore || PHASES.indexOf(to) >= PHASES.indexOf('voting');
  const closing = to === 'closed' ? { closedFrom: { phase: session.phase as Exclude<Phase, 'closed'>, revealed: session.revealed } } : {};
  return ok({ session: { ...rest, ...closing, phase: to, revealed, timer: IDLE_TIMER, updatedAt: now }, value: to });
}

/** Participants may post and change their own cards. */
export const isCollecting = (phase: Phase): boolean => phase === 'collecting';
/** Participants may vote. */
export const isVoting = (phase: Phase): boolean => phase === 'voting';
/** Nobody changes content any more; the facilitator can still reopen. */
export const isClosed = (phase: Phase): boolean => phase === 'closed';
