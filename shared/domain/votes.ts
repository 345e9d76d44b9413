import { fail, ok, type Result } from '../protocol/errors.ts';
import type { Session, Vote } from '../schemas/session.ts';
import { touch, type Actor, type Change } from './context.ts';
import { isVoting } from './phases.ts';
import { cardVisibleTo, isLive } from './visibility.ts';

/** Votes a participant holds on live cards: the ones that count against the budget. */
export function votesUsed(session: Session, participantId: string): Vote[] {
  return Object.values(session.votes).filter((v) => {
    const card = session.cards[v.cardId];
    return v.voterId === participantId && card !== undefined && isLive(card);
  });
}

export const votesLeft = (session: Session, participantId: string): number =>
  Math.max(0, session.settings.votesPerParticipant - votesUsed(session, participantId).length);

/** The voter's id when the actor may vote now. */
function voterOf(session: Session, actor: Actor): Result<string> {
  if (actor.role !== 'participant') return fail('forbidden', 'Only participants vote; the facilitator enters hand counts');
  if (!isVoting(session.phase)) return fail('wrong_phase', 'Voting is not open');
  if (session.locked) return fail('locked', 'The board is locked');
  return ok(actor.participantId);
}

/**
 * Casts one vote (a dot) on a card. Idempotent by vote id. Checks the budget per participant
 * and the maximum per card.
 */
export function castVote(session: Session, actor: Actor, id: string, cardId: string, now: number): Result<Change<Vote>> {
  const voter = voterOf(session, actor);
  if (!voter.ok) return voter;
  const voterId = voter.data;
  const existing = session.votes[id];
  if (existing) {
    return existing.voterId === voterId && existing.cardId === cardId
      ? ok({ session, value: existing })
      : fail('conflict', 'A different vote has this id');
  }
  const card = session.cards[cardId];
  if (!card || !cardVisibleTo(session, card, { role: 'participant', participantId: voterId })) {
    return fail('not_found', 'No such card');
  }
  const used = votesUsed(session, voterId);
  if (used.length >= session.settings.votesPerParticipant) return fail('budget_exhausted', 'No votes left');
  if (used.filter((v) => v.cardId === cardId).length >= session.settings.maxVotesPerCard) {
    return fail('card_vote_limit', 'Maximum votes on this card reached');
  }
  const vote: Vote = { id, cardId, voterId, anonymous: session.settings.anonymousVotes, createdAt: now };
  return ok({ session: touch(session, now, { votes: { ...session.votes, [id]: vote } }), value: vote });
}

/**
 * Takes a vote back. Idempotent: a vote that is already gone is a success with nothing changed.
 * Somebody else's vote id gets the same answer as an unknown one, so the answer tells nobody
 * which vote ids exist.
 */
export function retractVote(session: Session, actor: Actor, id: string, now: number): Result<Change<Vote | null>> {
  const voter = voterOf(session, actor);
  if (!voter.ok) return voter;
  const vote = Object.hasOwn(session.votes, id) ? session.votes[id] : undefined;
  if (!vote || vote.voterId !== voter.data) return ok({ session, value: null });
  const { [id]: _removed, ...votes } = session.votes;
  return ok({ session: touch(session, now, { votes }), value: vote });
}
