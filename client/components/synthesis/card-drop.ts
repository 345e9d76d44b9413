import { ref } from 'vue';
import type { SynthesisView, ThemeGroupView } from '@shared/domain/synthesis-view.ts';
import { useSynthesisStore } from '../../stores/synthesis.ts';
import { cardControl, focusInPanel } from './focus.ts';

/** The drag type of a synthesis card (its id); no other drag lands on a theme. */
export const CARD_TYPE = 'application/x-werksessie-card';

/** A theme as a drop target for cards dragged from another theme; candidates are none until adopted. */
export function useCardDrop(theme: () => ThemeGroupView, assignments: () => SynthesisView['assignments']) {
  const synthesis = useSynthesisStore();
  const dropping = ref(false);

  function onDragOver(event: DragEvent): void {
    if (theme().discovered || !event.dataTransfer?.types.includes(CARD_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    dropping.value = true;
  }

  function onDrop(event: DragEvent): void {
    dropping.value = false;
    const cardId = event.dataTransfer?.getData(CARD_TYPE);
    if (!cardId) return;
    event.preventDefault();
    const target = theme().id;
    if (assignments()[cardId]?.themeId !== target) void synthesis.moveCard(cardId, target, () => void focusInPanel(cardControl(cardId)));
  }

  return { dropping, onDragOver, onDrop };
}
