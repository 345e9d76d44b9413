import { onScopeDispose, toValue, type MaybeRefOrGetter } from 'vue';

export interface Shortcut {
  /** `KeyboardEvent.code` for letters and digits ("KeyD", "Digit1"), so Alt on a Mac still matches; else `key`. */
  key: string;
  alt?: boolean;
  ctrl?: boolean;
  handler: (event: KeyboardEvent) => void;
}

export interface UseShortcutsOptions {
  shortcuts: MaybeRefOrGetter<Shortcut[]>;
  enabled?: MaybeRefOrGetter<boolean>;
}

const usesCode = (key: string): boolean => /^(Key[A-Z]|Digit\d)$/.test(key);

/**
 * Keyboard shortcuts on the window for as long as the calling scope lives. Shortcuts without a
 * modifier are ignored while typing in a field; with Alt or Ctrl they work everywhere.
 */
export function useShortcuts({ shortcuts, enabled }: UseShortcutsOptions): void {
  function onKeydown(event: KeyboardEvent): void {
    if (event.defaultPrevented || event.isComposing || toValue(enabled) === false) return;
    const target = event.target as HTMLElement | null;
    const typing = !!target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
    const match = toValue(shortcuts).find(
      (s) =>
        (usesCode(s.key) ? event.code === s.key : event.key === s.key) &&
        !!s.alt === event.altKey &&
        !!s.ctrl === (event.ctrlKey || event.metaKey) &&
        (!typing || s.alt || s.ctrl),
    );
    if (!match) return;
    event.preventDefault();
    match.handler(event);
  }

  window.addEventListener('keydown', onKeydown);
  onScopeDispose(() => window.removeEventListener('keydown', onKeydown));
}
