import type { Card, Participant, Session, Vote } from '../schemas/session.ts';
import type {
  AuthorView,
  CardView,
  MyVote,
  ParticipantView,
  SessionMeta,
  SessionSnapshot,
  Viewer,
  VotesView,
} from '../protocol/views.ts';
import { pollViews } from './poll-view.ts';

export { pollResultsVisibleTo, pollViews, pollVisibleTo, toPollView } from './poll-view.ts';

/** Not deleted and not merged into another card. */
export const isLive = (card: Card): boolean => card.deletedAt === null && card.mergedInto === null;

/** Cards are hidden from everybody but their author and the facilitator. */
export const cardsHidden = (session: Session): boolean => session.settings.hideUntilReveal && !session.revealed;

/**
 * Whether a viewer may see a card. Hidden cards reach only their author and the facilitator:
 * never other participants, never the projection.
 */
export function cardVisibleTo(session: Session, card: Card, viewer: Viewer): boolean {
  if (!isLive(card)) return false;
  if (viewer.role === 'facilitator' || !cardsHidden(session)) return true;
  return viewer.role === 'participant' && card.author.kind === 'participant' && card.author.participantId === viewer.participantId;
}

/** Vote totals are always shown to the facilitator; to others except while voting with totals hidden. */
export function totalsVisibleTo(session: Session, viewer: Viewer): boolean {
  if (viewer.role === 'facilitator') return true;
  return session.phase !== 'voting' || session.settings.showTotalsWhileVoting;
}

/**
 * Whether the viewer may see names of voters at all (votes not anonymous now; never on the
 * projection). Even then only votes cast while voting was not anonymous are named: see `votesView`.
 */
export const votersVisibleTo = (session: Session, viewer: Viewer): boolean =>
  !session.settings.anonymousVotes && viewer.role !== 'projection' && totalsVisibleTo(session, viewer);

/** The author as shown to others: an anonymous card names nobody. */
export function authorView(session: Session, card: Card): AuthorView {
  if (card.anonymous) return { kind: 'anonymous' };
  if (card.author.kind !== 'participant') return { kind: card.author.kind };
  const participant = session.participants[card.author.participantId];
  return { kind: 'participant', participantId: card.author.participantId, name: participant?.name ?? '?' };
}

/**
 * Card times as others get them: to the minute. Exact times would let a viewer line up an
 * anonymous card with a named card its author posted a moment before or after.
 */
export const coarseTime = (ms: number): number => ms - (ms % 60_000);

export function toCardView(session: Session, card: Card): CardView {
  return {
    id: card.id,
    columnId: card.columnId,
    domain: card.domain,
    text: card.text,
    author: authorView(session, card),
    handVotes: card.handVotes,
    createdAt: coarseTime(card.createdAt),
    updatedAt: coarseTime(card.updatedAt),
    origin: card.origin.kind,
  };
}

/** Digital votes on live cards, per card. */
export function tallyVotes(session: Session): Map<string, Vote[]> {
  const tally = new Map<string, Vote[]>();
  for (const vote of Object.values(session.votes)) {
    const card = session.cards[vote.cardId];
    if (!card || !isLive(card)) continue;
    const votes = tally.get(vote.cardId);
    if (votes) votes.push(vote);
    else tally.set(vote.cardId, [vote]);
  }
  return tally;
}

/**
 * Totals of one card for a viewer; hand-counted votes included. With `withVoters`, the names of
 * those who voted openly: a vote cast anonymously names nobody, whatever the setting is now.
 */
export function votesView(session: Session, cardId: string, votes: Vote[], withVoters: boolean): VotesView {
  const card = session.cards[cardId];
  const view: VotesView = { cardId, total: votes.length + (card?.handVotes ?? 0) };
  if (withVoters) {
    view.voters = votes
      .filter((v) => !v.anonymous && v.voterId !== null)
      .map((v) => session.participants[v.voterId!]?.name ?? '?')
      .sort();
  }
  return view;
}

/** One card's votes (for incremental updates). */
export const votesOn = (session: Session, cardId: string): Vote[] => Object.values(session.votes).filter((v) => v.cardId === cardId);

export function myVotes(session: Session, participantId: string): MyVote[] {
  return Object.values(session.votes)
    .filter((v) => v.voterId === participantId && session.cards[v.cardId] && isLive(session.cards[v.cardId]!))
    .map((v) => ({ id: v.id, cardId: v.cardId }));
}

export function participantView(p: Participant): ParticipantView {
  const { tokenHash: _hidden, ...rest } = p;
  return rest;
}

/** Live cards in all, including those some viewers cannot see. */
export const liveCardCount = (session: Session): number => Object.values(session.cards).filter(isLive).length;

export function sessionMeta(session: Session): SessionMeta {
  return {
    id: session.id,
    studyId: session.studyId,
    title: session.title,
    date: session.date,
    mode: session.mode,
    domains: session.domains,
    columns: session.columns,
    joinCode: session.joinCode,
    phase: session.phase,
    closedFrom: session.closedFrom?.phase ?? null,
    revealed: session.revealed,
    locked: session.locked,
    settings: session.settings,
    timer: session.timer,
    participantCount: Object.keys(session.participants).length,
  };
}

/** The complete view of a session for one viewer. The only way state leaves the server. */
export function snapshotFor(session: Session, viewer: Viewer, now: number): SessionSnapshot {
  const cards = Object.values(session.cards).filter((c) => cardVisibleTo(session, c, viewer));
  const tally = tallyVotes(session);
  const withVoters = votersVisibleTo(session, viewer);
  const me = viewer.role === 'participant' ? session.participants[viewer.participantId] : undefined;
  return {
    serverNow: now,
    viewer,
    session: sessionMeta(session),
    cards: cards.map((c) => toCardView(session, c)),
    votes: totalsVisibleTo(session, viewer)
      ? cards.map((c) => votesView(session, c.id, tally.get(c.id) ?? [], withVoters))
      : null,
    myVotes: viewer.role === 'participant' ? myVotes(session, viewer.participantId) : [],
    myCardIds:
      viewer.role === 'participant'
        ? cards.filter((c) => c.author.kind === 'participant' && c.author.participantId === viewer.participantId).map((c) => c.id)
        : [],
    me: me ? participantView(me) : null,
    participants: viewer.role === 'facilitator' ? Object.values(session.participants).map(participantView) : null,
    cardCount: cardsHidden(session) && viewer.role !== 'facilitator' ? liveCardCount(session) : null,
    polls: pollViews(session, viewer),
  };
}

const SAMPLE_VIEWERS: Viewer[] = [{ role: 'facilitator' }, { role: 'projection' }, { role: 'participant', participantId: '' }];

/**
 * Whether a change of phase, reveal or settings changes what any viewer may see beyond the
 * session properties. Only then does everyone need a fresh snapshot; otherwise the new
 * properties are enough (a snapshot for every socket of a large session is not free).
 */
export function viewsChanged(before: Session, after: Session): boolean {
  if (cardsHidden(before) !== cardsHidden(after)) return true;
  return SAMPLE_VIEWERS.some(
    (viewer) =>
      totalsVisibleTo(before, viewer) !== totalsVisibleTo(after, viewer) ||
      votersVisibleTo(before, viewer) !== votersVisibleTo(after, viewer),
  );
}
