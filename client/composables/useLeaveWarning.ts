import { onScopeDispose } from 'vue';

/**
 * While `active()` holds, the browser asks before the page is closed, reloaded or left for
 * another address (its own wording; pages cannot set the text). Navigation inside the app is
 * not affected. Removed when the calling scope is disposed.
 */
export function useLeaveWarning(active: () => boolean): void {
  const onBeforeUnload = (event: BeforeUnloadEvent): void => {
    if (!active()) return;
    event.preventDefault();
    // Older browsers show the dialog only when returnValue is set.
    event.returnValue = '';
  };
  window.addEventListener('beforeunload', onBeforeUnload);
  onScopeDispose(() => window.removeEventListener('beforeunload', onBeforeUnload));
}
