import { onScopeDispose, watch } from 'vue';
import { useI18n } from 'vue-i18n';
import { useAnnouncerStore } from '../stores/announcer.ts';
import { useBoardStore } from '../stores/board.ts';
import { useSessionStore } from '../stores/session/index.ts';

/** Cards from others that arrive within this window are announced as one count. */
export const NEW_CARDS_GATHER_MS = 1500;
/** Votes clicked in quick succession are announced once, with what is left after the last. */
export const VOTES_LEFT_SETTLE_MS = 600;

/**
 * What a participant who cannot see the board changing should hear: a new phase, cards that
 * others added (counted, never read out one by one), and the votes left once they settle.
 * Their own cards are not announced: they just wrote them.
 */
export function useBoardAnnouncements(): void {
  const session = useSessionStore();
  const board = useBoardStore();
  const announcer = useAnnouncerStore();
  const { t } = useI18n();
  let known: Set<string> | null = null;
  let arrived = 0;
  let cardsTimer: ReturnType<typeof setTimeout> | null = null;
  let votesTimer: ReturnType<typeof setTimeout> | null = null;

  watch(
    () => board.cards,
    (cards) => {
      // The first snapshot is the board as it is, not news.
      if (!session.meta) return void (known = null);
      if (known === null) return void (known = new Set(cards.map((c) => c.id)));
      for (const card of cards) {
        if (known.has(card.id)) continue;
        known.add(card.id);
        if (!card.mine) arrived++;
      }
      if (arrived === 0 || cardsTimer) return;
      cardsTimer = setTimeout(() => {
        announcer.announce(t('board.newCards', arrived));
        arrived = 0;
        cardsTimer = null;
      }, NEW_CARDS_GATHER_MS);
    },
    { immediate: true },
  );

  watch(
    () => session.meta?.phase,
    (phase, before) => {
      if (!phase || !before || phase === before) return;
      const parts = [t('board.phaseNow', { phase: t(`phase.${phase}`) })];
      if (phase === 'voting') parts.push(t('board.votesLeft', board.votesLeft));
      announcer.announce(parts.join('. '));
    },
  );

  watch(
    () => (board.phase === 'voting' ? board.votesLeft : null),
    (left, before) => {
      if (left === null || before === null || left === before) return;
      if (votesTimer) clearTimeout(votesTimer);
      votesTimer = setTimeout(() => {
        votesTimer = null;
        if (board.phase === 'voting') announcer.announce(t('board.votesLeft', board.votesLeft));
      }, VOTES_LEFT_SETTLE_MS);
    },
  );

  onScopeDispose(() => {
    if (cardsTimer) clearTimeout(cardsTimer);
    if (votesTimer) clearTimeout(votesTimer);
  });
}
