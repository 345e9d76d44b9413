import type { Codebook } from '../schemas/codebook.ts';
import type { Card, Session } from '../schemas/session.ts';
import { activeCodebook, resolveTheme } from './codebook-edits.ts';
import { UNSORTED_THEME_ID } from './themes/default-codebook.ts';
import { synthesize, type Assignment, type CardContext } from './themes/engine.ts';
import { cardVisibleTo, isLive, tallyVotes } from './visibility.ts';

/** One theme with its cards, as the synthesis view and the projection show it. */
export interface ThemeGroupView {
  id: string;
  label: string;
  terms: string[];
  discovered: boolean;
  cardIds: string[];
  /** Digital and hand-counted votes on its cards. */
  votes: number;
  /** Cards per column (e.g. went well / should improve). */
  byColumn: Record<string, number>;
  finding: string | null;
}

export interface SynthesisView {
  themes: ThemeGroupView[];
  assignments: Record<string, Assignment>;
  quotes: string[];
  /** Cards the facilitator said have no second theme: the console offers the engine's suggestion again. */
  noSecondary: string[];
}

/**
 * The session's cards grouped into themes: the facilitator's decisions (through merges) as they
 * are, the engine's suggestions for the rest. In discovery (the default) cards that fit no codebook
 * theme are grouped into candidate themes (`discovered`), which the facilitator may adopt; the study
 * matrix uses codebook mode, so that only the study's own themes are counted across sessions.
 */
export function synthesisView(session: Session, codebook: Codebook, mode: 'codebook' | 'discover' = 'discover'): SynthesisView {
  const cards = Object.values(session.cards).filter(isLive).sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  const decisions = Object.fromEntries(
    Object.entries(session.synthesis.decisions)
      .filter(([id]) => session.cards[id] && isLive(session.cards[id]!))
      .map(([id, d]) => [id, { themeId: resolveTheme(codebook, d.themeId), pinned: d.pinned }]),
  );
  const result = synthesize({
    cards: cards.map((c) => ({ id: c.id, text: c.text, context: contextOf(c) })),
    mode,
    codebook: activeCodebook(codebook),
    decisions,
    rejected: session.synthesis.rejected,
    secondary: Object.fromEntries(
      Object.entries(session.synthesis.secondary)
        .filter(([id]) => session.cards[id] && isLive(session.cards[id]!))
        .map(([id, themeId]) => [id, themeId === null ? null : resolveTheme(codebook, themeId)]),
    ),
  });
  const tally = tallyVotes(session);
  const themes = result.themes.map((theme) => {
    const members = cards.filter((c) => result.assignments[c.id]?.themeId === theme.id);
    const byColumn: Record<string, number> = {};
    for (const c of members) byColumn[c.columnId] = (byColumn[c.columnId] ?? 0) + 1;
    return {
      ...theme,
      cardIds: members.map((c) => c.id),
      votes: members.reduce((sum, c) => sum + (tally.get(c.id)?.length ?? 0) + c.handVotes, 0),
      byColumn,
      finding: session.synthesis.findings[theme.id] ?? null,
    };
  });
  const live = (id: string) => Boolean(session.cards[id] && isLive(session.cards[id]!));
  return {
    themes,
    assignments: result.assignments,
    quotes: Object.keys(session.synthesis.quotes).filter(live),
    noSecondary: Object.entries(session.synthesis.secondary).filter(([id, themeId]) => themeId === null && live(id)).map(([id]) => id),
  };
}

/**
 * The themes a card now in `themeId` may get as its second theme, in the view's order: what
 * `setSecondary` accepts. Candidates are not the study's themes yet and `overig` is no theme to
 * touch; merged themes are not in the view at all.
 */
export const secondaryChoices = (themes: readonly ThemeGroupView[], themeId: string): ThemeGroupView[] =>
  themes.filter((t) => !t.discovered && t.id !== UNSORTED_THEME_ID && t.id !== themeId);

/**
 * Whether a theme is one of the study's codebook, which the facilitator may rename and merge: not
 * a candidate (not adopted yet) and not `overig` (no theme, but where unsorted cards wait).
 */
export const isStudyTheme = (theme: Pick<ThemeGroupView, 'id' | 'discovered'>): boolean => !theme.discovered && theme.id !== UNSORTED_THEME_ID;

/** The themes `sourceId` may be merged into, in the view's order: what `theme:merge` accepts. */
export const mergeTargets = (themes: readonly ThemeGroupView[], sourceId: string): ThemeGroupView[] =>
  themes.filter((t) => isStudyTheme(t) && t.id !== sourceId);

/**
 * Where a card stands, for a card that refers back to the one before it. The author is used only
 * where everyone sees it anyway (a named card, a follow-up call); for an anonymous card the engine
 * gets column and time alone, so its suggestion never depends on who wrote it.
 */
function contextOf(card: Card): CardContext {
  const context: CardContext = { column: card.columnId, at: card.createdAt };
  if (card.origin.kind === 'followup') context.author = `call:${card.origin.callId}`;
  else if (!card.anonymous) context.author = card.author.kind === 'participant' ? `p:${card.author.participantId}` : card.author.kind;
  return context;
}

/**
 * The themes as boards and the projection may see them: built from the cards the whole room may
 * see, so that no hidden card adds an id, a word to the terms or a vote to the counts. A
 * participant's own hidden cards are left out too, so every board gets the same view.
 */
export function roomSynthesisView(session: Session, codebook: Codebook): SynthesisView {
  const cards = Object.fromEntries(Object.entries(session.cards).filter(([, c]) => cardVisibleTo(session, c, { role: 'projection' })));
  return synthesisView({ ...session, cards }, codebook);
}

/**
 * The themes in the order a room reads them: most votes first, then most cards, then by name;
 * "Overig" (cards that fit no theme) always last, since it is no finding. A new array; the view's
 * own order (which `secondaryChoices` follows) is left alone.
 */
export function rankThemes<T extends Pick<ThemeGroupView, 'id' | 'label' | 'votes' | 'cardIds'>>(themes: readonly T[], locale = 'nl'): T[] {
  const unsorted = (t: T) => (t.id === UNSORTED_THEME_ID ? 1 : 0);
  return [...themes].sort(
    (a, b) => unsorted(a) - unsorted(b) || b.votes - a.votes || b.cardIds.length - a.cardIds.length || a.label.localeCompare(b.label, locale),
  );
}
