import { addCard, deleteCard, editCard, mergeCards, restoreCard, setHandVotes } from '../../shared/domain/cards.ts';
import { toCardView, votesOn, votesView } from '../../shared/domain/visibility.ts';
import { ok } from '../../shared/protocol/errors.ts';
import { CardAddSchema, CardEditSchema, CardMergeSchema, CardRefSchema, HandVotesSchema } from '../../shared/schemas/commands.ts';
import type { Card, Session } from '../../shared/schemas/session.ts';
import { emitCard, emitHiddenCount, emitMyVotes, emitVotes } from './broadcast.ts';
import { command, type Command } from './command.ts';
import type { RealtimeDeps } from './deps.ts';
import { actOnSession } from './session-access.ts';
import { emitSynthesis } from './synthesis-broadcast.ts';

/** Votes on the given cards changed meaning (delete, restore, merge): tell the totals and the voters. */
function emitVoteEffects(deps: RealtimeDeps, session: Session, cardIds: string[]): void {
  const voters = new Set(Object.values(session.votes).filter((v) => cardIds.includes(v.cardId)).flatMap((v) => v.voterId ?? []));
  for (const id of cardIds) emitVotes(deps.io, session, id);
  for (const voter of voters) emitMyVotes(deps.io, session, voter);
}

/** During synthesis the themes follow the cards live. */
function followThemes(deps: RealtimeDeps, session: Session): void {
  if (session.phase === 'synthesis') emitSynthesis(deps, session);
}

/** A card came or went (delete, restore): the card, the votes that now count or not, the count. */
function emitPresence(deps: RealtimeDeps, session: Session, card: Card): void {
  emitCard(deps.io, session, card);
  emitVoteEffects(deps, session, [card.id]);
  emitHiddenCount(deps.io, session);
  followThemes(deps, session);
}

export function cardCommands(deps: RealtimeDeps): Record<string, Command> {
  return {
    'card:add': command('card:add', CardAddSchema, async (input, socket) => {
      const result = await actOnSession(deps, socket, input.sessionId, (s, actor, now) => addCard(s, actor, input, now));
      if (!result.ok) return result;
      const { after, value, changed } = result.data;
      if (changed) {
        emitCard(deps.io, after, value);
        // While cards are hidden, the count is all the others see of it.
        emitHiddenCount(deps.io, after);
        followThemes(deps, after);
      }
      return ok(toCardView(after, value));
    }, deps),

    'card:edit': command('card:edit', CardEditSchema, async (input, socket) => {
      const result = await actOnSession(deps, socket, input.sessionId, (s, actor, now) => editCard(s, actor, input, now));
      if (!result.ok) return result;
      if (result.data.changed) {
        emitCard(deps.io, result.data.after, result.data.value);
        followThemes(deps, result.data.after);
      }
      return ok(toCardView(result.data.after, result.data.value));
    }, deps),

    'card:delete': command('card:delete', CardRefSchema, async (input, socket) => {
      const result = await actOnSession(deps, socket, input.sessionId, (s, actor, now) => deleteCard(s, actor, input.id, now));
      if (!result.ok) return result;
      const { after, value, changed } = result.data;
      if (changed) emitPresence(deps, after, value);
      return ok({ id: value.id });
    }, deps),

    'card:restore': command('card:restore', CardRefSchema, async (input, socket) => {
      const result = await actOnSession(deps, socket, input.sessionId, (s, actor, now) => restoreCard(s, actor, input.id, now));
      if (!result.ok) return result;
      const { after, value, changed } = result.data;
      if (changed) emitPresence(deps, after, value);
      return ok(toCardView(after, value));
    }, deps),

    'card:merge': command('card:merge', CardMergeSchema, async (input, socket) => {
      const result = await actOnSession(deps, socket, input.sessionId, (s, actor, now) => mergeCards(s, actor, input, now));
      if (!result.ok) return result;
      const { after, value } = result.data;
      for (const id of input.sourceIds) emitCard(deps.io, after, after.cards[id]!);
      emitCard(deps.io, after, value);
      emitVoteEffects(deps, after, [value.id]);
      emitHiddenCount(deps.io, after);
      followThemes(deps, after);
      return ok(toCardView(after, value));
    }, deps),

    'card:hand-votes': command('card:hand-votes', HandVotesSchema, async (input, socket) => {
      const result = await actOnSession(deps, socket, input.sessionId, (s, actor, now) => setHandVotes(s, actor, input.id, input.count, now));
      if (!result.ok) return result;
      const { after, value } = result.data;
      emitCard(deps.io, after, value);
      emitVotes(deps.io, after, value.id);
      // Hand votes count in the themes' totals too.
      followThemes(deps, after);
      return ok(votesView(after, value.id, votesOn(after, value.id), !after.settings.anonymousVotes));
    }, deps),
  };
}
