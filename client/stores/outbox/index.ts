import { defineStore } from 'pinia';
import { computed, ref, shallowRef, watch } from 'vue';
import type { CardView, MyVote, ParticipantView } from '@shared/protocol/views.ts';
import { readStored, STORAGE_PREFIX, writeStored } from '../../lib/storage.ts';
import { isTransient, sendCommand, type CommandResult } from '../../socket.ts';
import { useSessionStore } from '../session/index.ts';
import { useUiStore } from '../ui.ts';
import { StoredOutboxSchema, type OutboxItem } from './items.ts';
import { useContentActions } from './actions.ts';

const RETRY_MS = 3000;

/**
 * Content changes on their way to the server, persisted per session and role. Each carries
 * ids made here, so sending it again after a lost ack changes nothing twice.
 */
export const useOutboxStore = defineStore('outbox', () => {
  const session = useSessionStore();
  const items = shallowRef<OutboxItem[]>([]);
  /** The key of the item whose ack we are waiting for: it must not be patched or cancelled. */
  const inFlight = ref<string | null>(null);
  const storageKey = computed(() => {
    const b = session.binding;
    return b ? `${STORAGE_PREFIX}outbox.${b.role}.${b.sessionId}` : null;
  });
  let flushing = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  watch(storageKey, (key) => (items.value = key ? (readStored(key, StoredOutboxSchema) as OutboxItem[] | null) ?? [] : []), {
    immediate: true,
  });
  watch(items, (list) => storageKey.value && writeStored(storageKey.value, list.length ? list : null));
  watch(
    () => session.bound,
    (bound) => bound && void flush(),
    { immediate: true },
  );

  function replace(list: OutboxItem[]): void {
    items.value = list;
  }

  function enqueue(entry: OutboxItem): void {
    items.value = [...items.value, entry];
    void flush();
  }

  /** Sends queued items in order; stops at the first that cannot get through and retries later. */
  async function flush(): Promise<void> {
    if (flushing || !session.bound) return;
    flushing = true;
    clearTimeout(retryTimer);
    try {
      while (session.bound && items.value.length > 0) {
        const head = items.value[0]!;
        inFlight.value = head.key;
        const result = await send(head);
        inFlight.value = null;
        if (!result.ok && isTransient(result)) {
          retryTimer = setTimeout(() => void flush(), RETRY_MS);
          return;
        }
        items.value = items.value.filter((x) => x !== head);
        if (result.ok) applyAck(head, result.data);
        else useUiStore().notifyFailure(result);
      }
    } finally {
      inFlight.value = null;
      flushing = false;
    }
  }

  function send(entry: OutboxItem): Promise<CommandResult<unknown>> {
    // Narrowed per event so the payload type matches its command.
    switch (entry.event) {
      case 'card:add': return sendCommand(entry.event, entry.payload);
      case 'card:edit': return sendCommand(entry.event, entry.payload);
      case 'card:delete': return sendCommand(entry.event, entry.payload);
      case 'card:restore': return sendCommand(entry.event, entry.payload);
      case 'vote:cast': return sendCommand(entry.event, entry.payload);
      case 'vote:retract': return sendCommand(entry.event, entry.payload);
      case 'profile:update': return sendCommand(entry.event, entry.payload);
    }
  }

  /** Applies what the ack returns at once, rather than waiting for the broadcast. */
  function applyAck(entry: OutboxItem, data: unknown): void {
    if (entry.event === 'card:delete') session.applyRemoved(entry.payload.id);
    else if (entry.event === 'vote:cast' || entry.event === 'vote:retract') session.myVotes = data as MyVote[];
    else if (entry.event === 'profile:update') session.me = data as ParticipantView;
    else {
      session.applyCard(data as CardView);
      if (entry.event === 'card:add' && session.binding?.role === 'participant') session.markMine(entry.payload.id);
    }
  }

  const actions = useContentActions({ items, inFlight, session, enqueue, replace });
  return { items, inFlight, flush, ...actions };
});
