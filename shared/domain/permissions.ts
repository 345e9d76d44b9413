import { fail, type ErrorCode } from '../protocol/errors.ts';
import type { Card, Session } from '../schemas/session.ts';
import type { Actor } from './context.ts';
import { isClosed, isCollecting } from './phases.ts';

type Denial = { ok: false; error: ErrorCode; message: string };

/** Whether the actor wrote the card (cards by the room or the facilitator have no participant author). */
export const isAuthor = (actor: Actor, card: Card): boolean =>
  actor.role === 'participant' && card.author.kind === 'participant' && card.author.participantId === actor.participantId;

/**
 * Who may add a card now: participants while collecting on an unlocked board, the facilitator
 * (as scribe or moderator) in every phase but closed. Returns a denial or null.
 */
export function denyAddCard(session: Session, actor: Actor): Denial | null {
  if (isClosed(session.phase)) return fail('wrong_phase', 'The session is closed');
  if (actor.role === 'facilitator') return null;
  if (!isCollecting(session.phase)) return fail('wrong_phase', 'Cards can only be added while collecting');
  if (session.locked) return fail('locked', 'The board is locked');
  return null;
}

/** Who may edit, delete or restore a card: its author while collecting, or the facilitator. */
export function denyChangeCard(session: Session, actor: Actor, card: Card): Denial | null {
  if (isClosed(session.phase)) return fail('wrong_phase', 'The session is closed');
  if (actor.role === 'facilitator') return null;
  if (!isAuthor(actor, card)) return fail('forbidden', 'Only the author or the facilitator may change this card');
  if (!isCollecting(session.phase)) return fail('wrong_phase', 'Cards can only be changed while collecting');
  if (session.locked) return fail('locked', 'The board is locked');
  return null;
}

/** Facilitator-only moderation (merge, hand-counted votes) outside a closed session. */
export function denyModerate(session: Session, actor: Actor): Denial | null {
  if (actor.role !== 'facilitator') return fail('forbidden', 'Only the facilitator may do this');
  if (isClosed(session.phase)) return fail('wrong_phase', 'The session is closed');
  return null;
}

/**
 * Facilitator-only work that goes on after the session (findings, quotes, follow-up calls): the
 * report is written once the session is closed, so every phase allows it.
 */
export function denyFacilitator(actor: Actor): Denial | null {
  return actor.role === 'facilitator' ? null : fail('forbidden', 'Only the facilitator may do this');
}
