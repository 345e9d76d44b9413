import { nextTick } from 'vue';

/**
 * Gives the focus to a control of a card or theme after the view regrouped: the component that
 * had it may be gone (a moved card is drawn again in its new theme), so look it up anew.
 */
export async function focusInPanel(selector: string): Promise<void> {
  await nextTick();
  document.querySelector<HTMLElement>(`[data-testid="synthesis-panel"] ${selector}`)?.focus();
}

export const cardControl = (cardId: string) => `[data-testid="synthesis-card"][data-card-id="${CSS.escape(cardId)}"] [data-testid="synthesis-move-pick"]`;
export const themeSection = (themeId: string) => `[data-testid="synthesis-theme"][data-theme-id="${CSS.escape(themeId)}"]`;
