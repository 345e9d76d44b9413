import { fail, ok, type Result } from '../protocol/errors.ts';
import type { CardAdd, CardEdit, CardMerge } from '../schemas/commands.ts';
import { LIMITS } from '../schemas/common.ts';
import type { Author, Card, Session } from '../schemas/session.ts';
import { touch, type Actor, type Change } from './context.ts';
import { isClosed } from './phases.ts';
import { denyAddCard, denyChangeCard, denyModerate, isAuthor } from './permissions.ts';
import { cardVisibleTo, isLive } from './visibility.ts';

function authorFor(session: Session, actor: Actor, command: CardAdd): Result<Author> {
  if (actor.role === 'participant') {
    if (command.attribution) return fail('forbidden', 'Only the facilitator may attribute cards');
    return ok({ kind: 'participant', participantId: actor.participantId });
  }
  const attribution = command.attribution ?? { kind: 'facilitator' as const };
  if (attribution.kind === 'participant' && !session.participants[attribution.participantId]) {
    return fail('not_found', 'No such participant in this session');
  }
  return ok(attribution);
}

/**
 * Most cards one participant may write in a session, deleted ones included (they are stored too).
 * A busy session sees a few dozen per person; the cap stops a script from filling the file.
 */
export const MAX_CARDS_PER_PARTICIPANT = 200;

const cardsBy = (session: Session, participantId: string): number =>
  Object.values(session.cards).filter((c) => c.author.kind === 'participant' && c.author.participantId === participantId).length;

const sameAuthor = (a: Author, b: Author): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Whether a `card:add` for an existing id is a retry of the command that made it. Authorship is
 * compared last, and a facilitator never matches a participant's anonymous card whatever it
 * attributes: otherwise `ok` for one attribution and `conflict` for the others would name the author.
 * A retry after a delete is still one (the card is returned as it is now); after an edit of its
 * text, column or domain it no longer matches and is a conflict.
 */
function retry(existing: Card, candidate: Pick<Card, 'columnId' | 'domain' | 'text' | 'anonymous' | 'author'>, actor: Actor): boolean {
  const sameContent =
    existing.columnId === candidate.columnId &&
    existing.domain === candidate.domain &&
    existing.text === candidate.text &&
    existing.anonymous === candidate.anonymous;
  if (!sameContent) return false;
  if (actor.role === 'facilitator' && existing.anonymous && existing.author.kind === 'participant') return false;
  return sameAuthor(existing.author, candidate.author);
}

/**
 * Adds a card. Idempotent: the same command again returns the stored card unchanged, so a
 * client may retry after a lost ack. The same id with other content is a conflict.
 */
export function addCard(session: Session, actor: Actor, command: CardAdd, now: number): Result<Change<Card>> {
  const author = authorFor(session, actor, command);
  if (!author.ok) return author;
  const existing = session.cards[command.id];
  const candidate = {
    id: command.id,
    columnId: command.columnId,
    domain: command.domain,
    text: command.text,
    author: author.data,
    anonymous: command.anonymous,
    handVotes: 0,
    deletedAt: null,
    mergedInto: null,
    origin: { kind: 'session' } as const,
  };
  if (existing) return retry(existing, candidate, actor) ? ok({ session, value: existing }) : fail('conflict', 'A different card has this id');
  const denied = denyAddCard(session, actor);
  if (denied) return denied;
  if (!session.columns.some((c) => c.id === command.columnId)) return fail('not_found', 'No such column');
  if (command.domain !== null && !session.domains.includes(command.domain)) return fail('not_found', 'No such domain in this session');
  if (command.anonymous && actor.role === 'participant' && !session.settings.allowAnonymousCards) {
    return fail('forbidden', 'This session does not allow anonymous cards');
  }
  // The scribe attributing cards for the room is not capped: only what a participant sends.
  if (actor.role === 'participant' && cardsBy(session, actor.participantId) >= MAX_CARDS_PER_PARTICIPANT) {
    return fail('too_large', `You have written ${MAX_CARDS_PER_PARTICIPANT} cards in this session, the most one person can add`);
  }
  const card: Card = { ...candidate, createdAt: now, updatedAt: now };
  return ok({ session: touch(session, now, { cards: { ...session.cards, [card.id]: card } }), value: card });
}

/**
 * A card as the actor may address it. One they may not see (hidden, or deleted by someone else)
 * is `not_found` like an unknown id, so no answer tells which ids exist or whose they are.
 */
function cardFor(session: Session, actor: Actor, id: string): Result<Card> {
  // Checks that do not depend on the card come first, so that they answer alike for every id.
  if (isClosed(session.phase)) return fail('wrong_phase', 'The session is closed');
  const card = Object.hasOwn(session.cards, id) ? session.cards[id] : undefined;
  if (!card) return fail('not_found', 'No such card');
  if (actor.role === 'facilitator' || isAuthor(actor, card)) return ok(card);
  return isLive(card) && cardVisibleTo(session, card, actor) ? ok(card) : fail('not_found', 'No such card');
}

function liveCard(session: Session, actor: Actor, id: string): Result<Card> {
  const card = cardFor(session, actor, id);
  return card.ok && !isLive(card.data) ? fail('not_found', 'No such card') : card;
}

const withCard = (session: Session, card: Card, now: number): Session =>
  touch(session, now, { cards: { ...session.cards, [card.id]: card } });

/** Changes a card's text, column or domain. */
export function editCard(session: Session, actor: Actor, command: CardEdit, now: number): Result<Change<Card>> {
  const found = liveCard(session, actor, command.id);
  if (!found.ok) return found;
  const denied = denyChangeCard(session, actor, found.data);
  if (denied) return denied;
  if (command.columnId !== undefined && !session.columns.some((c) => c.id === command.columnId)) {
    return fail('not_found', 'No such column');
  }
  if (command.domain != null && !session.domains.includes(command.domain)) return fail('not_found', 'No such domain in this session');
  const card: Card = {
    ...found.data,
    text: command.text ?? found.data.text,
    columnId: command.columnId ?? found.data.columnId,
    domain: command.domain === undefined ? found.data.domain : command.domain,
    updatedAt: now,
  };
  return ok({ session: withCard(session, card, now), value: card });
}

/** Soft-deletes a card; deleting a deleted card succeeds (retries), votes on it stop counting. */
export function deleteCard(session: Session, actor: Actor, id: string, now: number): Result<Change<Card>> {
  const found = cardFor(session, actor, id);
  if (!found.ok) return found;
  const card = found.data;
  const denied = denyChangeCard(session, actor, card);
  if (denied) return denied;
  if (card.deletedAt !== null) return ok({ session, value: card });
  const deleted: Card = { ...card, deletedAt: now, updatedAt: now };
  return ok({ session: withCard(session, deleted, now), value: deleted });
}

/** Undoes a delete. Votes on the card count again. */
export function restoreCard(session: Session, actor: Actor, id: string, now: number): Result<Change<Card>> {
  const found = cardFor(session, actor, id);
  if (!found.ok) return found;
  if (found.data.mergedInto !== null) return fail('not_found', 'No such card');
  const card = found.data;
  const denied = denyChangeCard(session, actor, card);
  if (denied) return denied;
  if (card.deletedAt === null) return ok({ session, value: card });
  // Its column or domain may have been removed while it was deleted (only live cards block that).
  if (!session.columns.some((c) => c.id === card.columnId) || (card.domain !== null && !session.domains.includes(card.domain))) {
    return fail('conflict', 'The column or domain of this card no longer exists');
  }
  const restored: Card = { ...card, deletedAt: null, updatedAt: now };
  return ok({ session: withCard(session, restored, now), value: restored });
}

/**
 * Merges duplicate cards into a target. The sources' votes move to the target (a participant
 * may then hold more than the per-card maximum on it: votes are never thrown away) and their
 * hand-counted votes add up.
 */
export function mergeCards(session: Session, actor: Actor, command: CardMerge, now: number): Result<Change<Card>> {
  const denied = denyModerate(session, actor);
  if (denied) return denied;
  const target = liveCard(session, actor, command.targetId);
  if (!target.ok) return target;
  const sourceIds = [...new Set(command.sourceIds)];
  if (sourceIds.includes(command.targetId)) return fail('conflict', 'A card cannot be merged into itself');
  const sources: Card[] = [];
  for (const id of sourceIds) {
    const source = liveCard(session, actor, id);
    if (!source.ok) return source;
    sources.push(source.data);
  }
  const handVotes = sources.reduce((sum, s) => sum + s.handVotes, target.data.handVotes);
  // A stored card is bounded like the command (CardSchema); more would not load again.
  if (handVotes > LIMITS.handVotes) return fail('too_large', `More than ${LIMITS.handVotes} hand-counted votes on one card`);
  const cards = { ...session.cards };
  for (const source of sources) cards[source.id] = { ...source, mergedInto: target.data.id, updatedAt: now };
  const merged: Card = {
    ...target.data,
    text: command.text ?? target.data.text,
    handVotes,
    updatedAt: now,
  };
  cards[merged.id] = merged;
  const moved = new Set(sourceIds);
  const votes = Object.fromEntries(
    Object.entries(session.votes).map(([id, v]) => [id, moved.has(v.cardId) ? { ...v, cardId: merged.id } : v]),
  );
  return ok({ session: touch(session, now, { cards, votes }), value: merged });
}

/** Records votes counted by hand (sticky dots) for a card. */
export function setHandVotes(session: Session, actor: Actor, id: string, count: number, now: number): Result<Change<Card>> {
  const denied = denyModerate(session, actor);
  if (denied) return denied;
  const found = liveCard(session, actor, id);
  if (!found.ok) return found;
  const card: Card = { ...found.data, handVotes: count, updatedAt: now };
  return ok({ session: withCard(session, card, now), value: card });
}
