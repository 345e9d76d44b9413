import { nextTick, onScopeDispose } from 'vue';
import type { Router } from 'vue-router';

/** Pages that load their data first get this long to render their heading. */
export const HEADING_WAIT_MS = 5000;

function pageHeading(main: HTMLElement): HTMLElement | null {
  return main.querySelector('h1');
}

/** Focus the new page put somewhere itself (a field it opens on) is left alone. */
function pageTookFocus(main: HTMLElement): boolean {
  const active = document.activeElement;
  return active !== null && active !== main && main.contains(active);
}

function focusHeading(heading: HTMLElement): void {
  heading.setAttribute('tabindex', '-1');
  heading.focus({ preventScroll: false });
}

/**
 * After a client-side navigation to another page, moves focus to the new page's h1 (made
 * focusable with tabindex=-1), as a full page load would start a screen reader at the top:
 * otherwise focus stays on a link or button that no longer exists. The first load is left
 * alone so the skip link stays the first stop. Waits for pages that render their h1 late.
 */
export function useRouteFocus(router: Router, main: () => HTMLElement | null): void {
  let observer: MutationObserver | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  function stopWaiting(): void {
    observer?.disconnect();
    observer = null;
    if (timer) clearTimeout(timer);
    timer = null;
  }

  const remove = router.afterEach(async (to, from, failure) => {
    if (failure || from.matched.length === 0 || to.path === from.path) return;
    stopWaiting();
    await nextTick();
    const root = main();
    if (!root) return;
    const settle = (): boolean => {
      const heading = pageHeading(root);
      if (!heading) return false;
      stopWaiting();
      if (!pageTookFocus(root) || document.activeElement === heading) focusHeading(heading);
      return true;
    };
    if (settle()) return;
    observer = new MutationObserver(() => settle());
    observer.observe(root, { childList: true, subtree: true });
    timer = setTimeout(stopWaiting, HEADING_WAIT_MS);
  });

  onScopeDispose(() => {
    remove();
    stopWaiting();
  });
}
