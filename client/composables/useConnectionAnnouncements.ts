import { onScopeDispose, watch } from 'vue';
import { useI18n } from 'vue-i18n';
import { useAnnouncerStore } from '../stores/announcer.ts';
import { useConnectionStore } from '../stores/connection.ts';

/**
 * Online, every change sits in the outbox for the few milliseconds until its ack; saying
 * "1 change waiting" each time would drown everything else. Only a queue that stays is news.
 */
export const QUEUE_ANNOUNCE_MS = 3000;

/**
 * Announces losing and regaining the connection (not the first connect), and changes that
 * keep waiting for it. Lives as long as the connection indicator.
 */
export function useConnectionAnnouncements(): void {
  const connection = useConnectionStore();
  const announcer = useAnnouncerStore();
  const { t } = useI18n();
  let everConnected = connection.state === 'connected';
  let queueTimer: ReturnType<typeof setTimeout> | null = null;

  watch(
    () => connection.state,
    (state) => {
      if (state === 'connecting') return;
      if (state === 'connected' && !everConnected) {
        everConnected = true;
        return;
      }
      if (everConnected) announcer.announce(t(`connection.${state}`));
    },
  );

  watch(
    () => connection.pending,
    () => {
      if (queueTimer) clearTimeout(queueTimer);
      queueTimer = setTimeout(() => {
        queueTimer = null;
        if (connection.pending > 0) announcer.announce(t('connection.queued', connection.pending));
      }, QUEUE_ANNOUNCE_MS);
    },
  );

  onScopeDispose(() => {
    if (queueTimer) clearTimeout(queueTimer);
  });
}
