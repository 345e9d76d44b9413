import type { AuthorView, CardView, MyVote } from '@shared/protocol/views.ts';
import type { OutboxItem } from './outbox/items.ts';

export type OverlaidCard = CardView & { pending: boolean };

/**
 * The cards as they will be once the outbox is through: queued adds appear, queued edits show,
 * queued deletes vanish. Pure, so the optimistic view is easy to reason about.
 */
export function overlayCards(cards: readonly CardView[], items: readonly OutboxItem[], authorOf: (item: OutboxItem & { event: 'card:add' }) => AuthorView): OverlaidCard[] {
  const byId = new Map<string, OverlaidCard>(cards.map((c) => [c.id, { ...c, pending: false }]));
  for (const item of items) {
    if (item.event === 'card:add' && !byId.has(item.payload.id)) {
      const p = item.payload;
      byId.set(p.id, {
        id: p.id,
        columnId: p.columnId,
        domain: p.domain ?? null,
        text: p.text,
        author: authorOf(item),
        handVotes: 0,
        createdAt: item.queuedAt,
        updatedAt: item.queuedAt,
        origin: 'session',
        pending: true,
      });
    } else if (item.event === 'card:edit') {
      const card = byId.get(item.payload.id);
      const { text, columnId, domain } = item.payload;
      if (card) {
        byId.set(card.id, {
          ...card,
          ...(text !== undefined ? { text } : {}),
          ...(columnId !== undefined ? { columnId } : {}),
          ...(domain !== undefined ? { domain } : {}),
          pending: true,
        });
      }
    } else if (item.event === 'card:delete') {
      byId.delete(item.payload.id);
    }
  }
  return [...byId.values()];
}

/** My votes with queued casts added and queued retractions taken away. */
export function overlayMyVotes(votes: readonly MyVote[], items: readonly OutboxItem[]): MyVote[] {
  let list = [...votes];
  for (const item of items) {
    // Between the ack (which brings my votes back) and the item leaving the outbox, the same
    // vote is in both: counted twice, it briefly hit the card's limit and blurred the button.
    if (item.event === 'vote:cast' && !list.some((v) => v.id === item.payload.id)) list.push({ id: item.payload.id, cardId: item.payload.cardId });
    if (item.event === 'vote:retract') list = list.filter((v) => v.id !== item.payload.id);
  }
  return list;
}
