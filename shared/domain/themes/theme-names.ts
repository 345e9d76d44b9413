import { DEFAULT_CODEBOOK, UNSORTED_THEME_ID, UNSORTED_THEME_NAME } from './default-codebook.ts';

/** The languages theme names are shown in: the interface's and the report's. */
export type ThemeLanguage = 'nl' | 'en';

/**
 * The built-in themes in English. The Dutch names are the codebook's own (`DEFAULT_CODEBOOK`): the
 * engine reads those, so they stay as they are and only what people see is translated.
 */
const ENGLISH_NAMES: ReadonlyMap<string, string> = new Map([
  ['uniformering', 'Consistency and standardisation'],
  ['dialoog', 'Dialogue, trust and cooperation'],
  ['administratieve_lasten', 'Administrative burden and time spent'],
  ['tarieven', 'Rates and cost price'],
  ['meerzorg', 'Additional and complex care'],
  ['contractduur', 'Contract length and continuity'],
  ['bekostiging', 'Funding systems'],
  ['innovatie', 'Innovation'],
  ['kwaliteit', 'Quality of care'],
  ['domeinoverstijgend', 'Cross-domain working and access'],
  ['onderaanneming', 'Main contractors and subcontractors'],
  ['doelgroep', 'Understanding of the client group'],
  [UNSORTED_THEME_ID, 'Other'],
]);

const DUTCH_NAMES: ReadonlyMap<string, string> = new Map([
  ...DEFAULT_CODEBOOK.themes.map((t): [string, string] => [t.id, t.name]),
  [UNSORTED_THEME_ID, UNSORTED_THEME_NAME],
]);

/**
 * Whether a theme is a built-in one as it came: a built-in id that still has its built-in (Dutch)
 * name. A built-in the facilitator renamed, and any theme the facilitator added, is theirs: its
 * name is shown as they wrote it, in either language.
 */
export const isBuiltinTheme = (theme: { id: string; label: string }): boolean => DUTCH_NAMES.get(theme.id) === theme.label.trim();

/** A theme's name in `language`: the built-in themes translated, every other name as the facilitator wrote it. */
export function themeLabel(theme: { id: string; label: string }, language: ThemeLanguage): string {
  if (language === 'nl' || !isBuiltinTheme(theme)) return theme.label;
  return ENGLISH_NAMES.get(theme.id) ?? theme.label;
}

/** The themes with their names in `language` (new objects; the rest of each theme as it was). */
export const withThemeLabels = <T extends { id: string; label: string }>(themes: readonly T[], language: ThemeLanguage): T[] =>
  themes.map((theme) => {
    const label = themeLabel(theme, language);
    return label === theme.label ? theme : { ...theme, label };
  });
