import type { Ref, ShallowRef } from 'vue';
import type { CardAdd } from '@shared/schemas/commands.ts';
import type { Profile } from '@shared/schemas/session.ts';
import { newId } from '../../lib/ids.ts';
import type { useSessionStore } from '../session/index.ts';
import type { OutboxItem } from './items.ts';

export type NewCard = Pick<CardAdd, 'columnId' | 'domain' | 'text' | 'anonymous' | 'attribution'>;
export type CardPatch = { text?: string; columnId?: string; domain?: string | null };

interface Queue {
  items: ShallowRef<OutboxItem[]>;
  inFlight: Ref<string | null>;
  session: ReturnType<typeof useSessionStore>;
  enqueue: (item: OutboxItem) => void;
  replace: (items: OutboxItem[]) => void;
}

/**
 * The content commands, as outbox operations. A change to something still queued edits or
 * cancels the queued item instead of sending a second command after it.
 */
export function useContentActions({ items, inFlight, session, enqueue, replace }: Queue) {
  const sessionId = (): string => {
    if (!session.sessionId) throw new Error('No session open');
    return session.sessionId;
  };
  const queued = (key: string, event: OutboxItem['event']): OutboxItem | undefined =>
    items.value.find((x) => x.key === key && x.event === event && x.key !== inFlight.value);
  const without = (entry: OutboxItem): OutboxItem[] => items.value.filter((x) => x !== entry);
  const now = (): number => Date.now();

  /** Queues a new card; returns its id. */
  function addCard(card: NewCard): string {
    const id = newId();
    const payload = { sessionId: sessionId(), id, ...card, domain: card.domain ?? null };
    enqueue({ key: id, event: 'card:add', payload, queuedAt: now() });
    return id;
  }

  function editCard(id: string, patch: CardPatch): void {
    const add = queued(id, 'card:add');
    if (add?.event === 'card:add') {
      replace(items.value.map((x) => (x === add ? { ...add, payload: { ...add.payload, ...patch } } : x)));
      return;
    }
    enqueue({ key: newId(), event: 'card:edit', payload: { sessionId: sessionId(), id, ...patch }, queuedAt: now() });
  }

  function deleteCard(id: string): void {
    const add = queued(id, 'card:add');
    if (add) {
      replace(without(add));
      return;
    }
    enqueue({ key: `delete-${id}`, event: 'card:delete', payload: { sessionId: sessionId(), id }, queuedAt: now() });
  }

  /** Undo of a delete: cancels it while still queued. */
  function restoreCard(id: string): void {
    const pendingDelete = queued(`delete-${id}`, 'card:delete');
    if (pendingDelete) {
      replace(without(pendingDelete));
      return;
    }
    enqueue({ key: newId(), event: 'card:restore', payload: { sessionId: sessionId(), id }, queuedAt: now() });
  }

  function castVote(cardId: string): void {
    const id = newId();
    enqueue({ key: id, event: 'vote:cast', payload: { sessionId: sessionId(), id, cardId }, queuedAt: now() });
  }

  /** Takes back the most recent of my votes on the card. */
  function retractVote(cardId: string): void {
    const pendingCast = [...items.value]
      .reverse()
      .find((x) => x.event === 'vote:cast' && x.payload.cardId === cardId && x.key !== inFlight.value);
    if (pendingCast) {
      replace(without(pendingCast));
      return;
    }
    const retracting = new Set(items.value.flatMap((x) => (x.event === 'vote:retract' ? [x.payload.id] : [])));
    const vote = [...session.myVotes].reverse().find((v) => v.cardId === cardId && !retracting.has(v.id));
    if (!vote) return;
    enqueue({ key: `retract-${vote.id}`, event: 'vote:retract', payload: { sessionId: sessionId(), id: vote.id }, queuedAt: now() });
  }

  function updateProfile(profile: Profile): void {
    const earlier = items.value.filter((x) => x.event === 'profile:update' && x.key !== inFlight.value);
    if (earlier.length) replace(items.value.filter((x) => !earlier.includes(x)));
    enqueue({ key: newId(), event: 'profile:update', payload: { sessionId: sessionId(), profile }, queuedAt: now() });
  }

  return { addCard, editCard, deleteCard, restoreCard, castVote, retractVote, updateProfile };
}
