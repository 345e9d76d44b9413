import { nextTick, ref } from 'vue';
import type { ThemeGroupView } from '@shared/domain/synthesis-view.ts';
import { useSaveStatus } from '../../composables/useSaveStatus.ts';
import { useSynthesisStore } from '../../stores/synthesis.ts';

/**
 * Renaming a theme in place: the name becomes a field (Enter or leaving it saves, Escape backs
 * out), and says whether the new name was stored. A name not stored comes back in the field,
 * as typed, to try again.
 */
export function useThemeRename(theme: () => ThemeGroupView) {
  const synthesis = useSynthesisStore();
  const renaming = ref(false);
  const name = ref('');
  const nameInput = ref<HTMLInputElement | null>(null);
  const { status, track } = useSaveStatus();

  async function start(): Promise<void> {
    name.value = theme().label;
    renaming.value = true;
    await nextTick();
    nameInput.value?.select();
  }

  async function finish(save: boolean): Promise<void> {
    if (!renaming.value) return;
    renaming.value = false;
    const next = name.value.trim();
    if (!save || !next || next === theme().label) return;
    const result = await track(synthesis.renameTheme(theme().id, next));
    if (result.ok) return;
    name.value = next;
    renaming.value = true;
    await nextTick();
    nameInput.value?.focus();
  }

  return { renaming, name, nameInput, status, start, finish };
}
