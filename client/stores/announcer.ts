import { defineStore } from 'pinia';
import { ref } from 'vue';

/** Messages that arrive this close together are read as one, so none cuts off another. */
const GATHER_MS = 150;

/**
 * What the one shared polite live region says. Components and composables call `announce`;
 * only LayoutAnnouncer renders it, so a screen reader hears one voice instead of many regions.
 */
export const useAnnouncerStore = defineStore('announcer', () => {
  const message = ref('');
  let gathered: string[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;

  function announce(text: string): void {
    gathered.push(text);
    if (timer) return;
    // Emptied first, so the same words said twice are still a change the reader picks up.
    message.value = '';
    timer = setTimeout(() => {
      message.value = gathered.join(' ');
      gathered = [];
      timer = null;
    }, GATHER_MS);
  }

  return { message, announce };
});
