import { defineStore } from 'pinia';
import { computed, shallowRef, watch } from 'vue';
import type { SynthesisView, ThemeGroupView } from '@shared/domain/synthesis-view.ts';
import { withThemeLabels } from '@shared/domain/themes/theme-names.ts';
import { i18n } from '../i18n/index.ts';
import { sendCommand, socket, type CommandResult } from '../socket.ts';
import { useSessionStore } from './session/index.ts';
import { useUiStore } from './ui.ts';

/**
 * The open session's themes: pushed to everyone from the synthesis phase on, fetched by the
 * console. Only the facilitator's console sends the commands; each ack carries the new view.
 */
export const useSynthesisStore = defineStore('synthesis', () => {
  const session = useSessionStore();
  const ui = useUiStore();
  const view = shallowRef<SynthesisView | null>(null);
  /** The themes with their names in the reader's language: built-in ones translated, the facilitator's own as written. */
  const themes = computed<ThemeGroupView[]>(() => withThemeLabels(view.value?.themes ?? [], ui.locale));
  const quotes = computed(() => new Set(view.value?.quotes ?? []));
  /** Cards the facilitator said have no second theme. */
  const noSecondary = computed<ReadonlySet<string>>(() => new Set(view.value?.noSecondary ?? []));
  /** Cards the facilitator pinned. */
  const pinned = computed<ReadonlySet<string>>(
    () => new Set(Object.entries(view.value?.assignments ?? {}).filter(([, a]) => a.pinned).map(([id]) => id)),
  );
  let listening = false;

  function listen(): void {
    if (listening) return;
    listening = true;
    // Like the session's facts: only while the socket is bound to the session this tab shows.
    socket.on('synthesis:updated', (v) => session.bound && (view.value = v));
  }

  // Another session's themes must never linger: forget them on leave or switch.
  watch(
    () => session.sessionId,
    () => {
      view.value = null;
    },
  );

  function sessionId(): string {
    if (!session.sessionId) throw new Error('No session open');
    return session.sessionId;
  }

  function apply(result: CommandResult<SynthesisView>): CommandResult<SynthesisView> {
    if (result.ok) view.value = result.data;
    else useUiStore().notifyFailure(result);
    return result;
  }

  /** Console: fetch the themes (also before the synthesis phase, as a preview). */
  async function open() {
    const id = sessionId();
    const result = await sendCommand('synthesis:open', { sessionId: id });
    // A slow answer for a session this tab has left since is dropped.
    if (id !== session.sessionId) return result;
    return apply(result);
  }

  /** Move a card into a theme, or accept its suggestion (same theme); pinned cards never move. */
  async function decide(cardId: string, themeId: string, pin = false) {
    const result = apply(await sendCommand('synthesis:decide', { sessionId: sessionId(), cardId, themeId, pinned: pin }));
    return result;
  }

  async function undecide(cardId: string) {
    const result = apply(await sendCommand('synthesis:undecide', { sessionId: sessionId(), cardId }));
    return result;
  }

  const reject = async (cardId: string, themeId: string) =>
    apply(await sendCommand('synthesis:reject', { sessionId: sessionId(), cardId, themeId }));

  /** A card's second theme: confirm one (theme id), none (null), or the engine's suggestion again (undefined). */
  const setSecondary = async (cardId: string, themeId: string | null | undefined) =>
    apply(await sendCommand('synthesis:secondary', { sessionId: sessionId(), cardId, ...(themeId === undefined ? {} : { themeId }) }));

  const setQuote = async (cardId: string, quote: boolean) =>
    apply(await sendCommand('synthesis:quote', { sessionId: sessionId(), cardId, quote }));

  const setFinding = async (themeId: string, text: string) =>
    apply(await sendCommand('synthesis:finding', { sessionId: sessionId(), themeId, text: text.trim() || null }));

  /** A new theme; with cards, a split: they move into it. */
  const addTheme = async (name: string, cardIds: string[] = []) =>
    apply(await sendCommand('theme:add', { sessionId: sessionId(), name, cardIds }));

  const renameTheme = async (themeId: string, name: string) =>
    apply(await sendCommand('theme:rename', { sessionId: sessionId(), themeId, name }));

  const unmergeTheme = async (themeId: string) =>
    apply(await sendCommand('theme:unmerge', { sessionId: sessionId(), themeId }));

  const t = i18n.global.t;
  const labelOf = (id: string) => themes.value.find((theme) => theme.id === id)?.label ?? id;
  const undo = (run: () => void) => ({ label: t('common.undo'), run });

  /**
   * Moves a card to another theme on the facilitator's explicit word, says where, and offers to put
   * it back: to the facilitator's previous decision, or to the engine's suggestion if there was none.
   * `whenBack` runs once the card is back (to give it the focus again).
   */
  async function moveCard(cardId: string, themeId: string, whenBack?: () => void) {
    const before = view.value?.assignments[cardId];
    const result = await decide(cardId, themeId, pinned.value.has(cardId));
    if (!result.ok || !before) return result;
    const putBack = async () => {
      const back = before.decided ? await decide(cardId, before.themeId, before.pinned === true) : await undecide(cardId);
      if (back.ok) whenBack?.();
    };
    useUiStore().notify('success', t('synthesis.moved', { theme: labelOf(themeId) }), undo(() => void putBack()));
    return result;
  }

  /** Merges a theme into another, study-wide, says so, and offers to undo it (`theme:unmerge`). */
  async function mergeThemes(sourceId: string, targetId: string, whenBack?: () => void) {
    const names = { source: labelOf(sourceId), target: labelOf(targetId) };
    const result = apply(await sendCommand('theme:merge', { sessionId: sessionId(), sourceId, targetId }));
    if (!result.ok) return result;
    const unmerge = async () => {
      const back = await unmergeTheme(sourceId);
      if (!back.ok) return;
      useUiStore().notify('success', t('synthesis.unmerged', { theme: names.source }));
      whenBack?.();
    };
    useUiStore().notify('success', t('synthesis.merged', names), undo(() => void unmerge()));
    return result;
  }

  return { view, themes, quotes, noSecondary, pinned, listen, open, decide, undecide, reject, setSecondary, setQuote, setFinding, addTheme, renameTheme, mergeThemes, unmergeTheme, moveCard };
});
