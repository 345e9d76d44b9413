import { defineStore } from 'pinia';
import { computed } from 'vue';
import type { AuthorView, CardView } from '@shared/protocol/views.ts';
import { overlayCards, overlayMyVotes } from './board-overlay.ts';
import type { OutboxItem } from './outbox/items.ts';
import { useOutboxStore } from './outbox/index.ts';
import { useSessionStore } from './session/index.ts';

/** A card as the board shows it: server state with this tab's queued changes laid over it. */
export interface BoardCardModel extends CardView {
  /** A change to it waits in the outbox. */
  pending: boolean;
  mine: boolean;
  /** Digital plus hand-counted votes, or null while totals are hidden (or all zero before voting). */
  total: number | null;
  voters: string[] | null;
  myVoteCount: number;
}

/** What the board shows and allows, derived from the session and the outbox. */
export const useBoardStore = defineStore('board', () => {
  const session = useSessionStore();
  const outbox = useOutboxStore();

  const phase = computed(() => session.meta?.phase ?? null);
  const locked = computed(() => session.meta?.locked ?? false);
  const settings = computed(() => session.meta?.settings ?? null);
  const canCollect = computed(() => phase.value === 'collecting' && !locked.value);
  const canVote = computed(() => phase.value === 'voting' && !locked.value);
  const cardsHidden = computed(() => !!settings.value?.hideUntilReveal && !session.meta?.revealed);
  const effectiveMyVotes = computed(() => overlayMyVotes(session.myVotes, outbox.items));

  function queuedAuthor(item: OutboxItem & { event: 'card:add' }): AuthorView {
    const { anonymous, attribution } = item.payload;
    if (anonymous) return { kind: 'anonymous' };
    if (!attribution) {
      const me = session.me;
      return me ? { kind: 'participant', participantId: me.id, name: me.name } : { kind: 'facilitator' };
    }
    if (attribution.kind !== 'participant') return attribution;
    const name = session.participants?.find((p) => p.id === attribution.participantId)?.name ?? '?';
    return { ...attribution, name };
  }

  const cards = computed<BoardCardModel[]>(() => {
    const mine = new Set(session.myCardIds);
    for (const item of outbox.items) if (item.event === 'card:add') mine.add(item.payload.id);
    const perCard = new Map<string, number>();
    for (const v of effectiveMyVotes.value) perCard.set(v.cardId, (perCard.get(v.cardId) ?? 0) + 1);
    // Before voting a row of zeros is noise; a total shows once there is something to count.
    const early = phase.value === 'preparation' || phase.value === 'collecting';
    const participant = session.binding?.role === 'participant';
    return overlayCards(session.cards, outbox.items, queuedAuthor).map((card) => {
      const votes = session.votes?.[card.id];
      const total = session.votes ? (votes?.total ?? card.handVotes) : null;
      return {
        ...card,
        mine: participant && mine.has(card.id),
        total: early && total === 0 ? null : total,
        voters: votes?.voters ?? null,
        myVoteCount: perCard.get(card.id) ?? 0,
      };
    });
  });

  /** Cards per column id; by votes once voting is over and totals are known, else by creation. */
  const byColumn = computed(() => {
    const ranked = (phase.value === 'synthesis' || phase.value === 'closed') && session.votes !== null;
    const sorted = [...cards.value].sort((a, b) => (ranked ? (b.total ?? 0) - (a.total ?? 0) : 0) || a.createdAt - b.createdAt);
    const map = new Map<string, BoardCardModel[]>();
    for (const column of session.meta?.columns ?? []) map.set(column.id, []);
    for (const card of sorted) map.get(card.columnId)?.push(card);
    return map;
  });

  /** Votes on cards that are gone no longer count against the budget. */
  const votesLeft = computed(() => {
    const live = new Set(cards.value.map((c) => c.id));
    const used = effectiveMyVotes.value.filter((v) => live.has(v.cardId)).length;
    return Math.max(0, (settings.value?.votesPerParticipant ?? 0) - used);
  });

  return { cards, byColumn, effectiveMyVotes, phase, locked, settings, canCollect, canVote, cardsHidden, votesLeft };
});
