import { readFileSync } from 'node:fs';
import { activeCodebook } from '../../shared/domain/codebook-edits.ts';
import { calibrationInputs } from '../../shared/domain/themes/calibration.ts';
import { DEFAULT_CODEBOOK } from '../../shared/domain/themes/default-codebook.ts';
import { synthesize, type Assignment } from '../../shared/domain/themes/engine.ts';

/** A labelled item: a card or a longer statement, with its primary and optional second theme. */
export interface LabelledItem {
  id: string;
  theme: string;
  theme2: string | null;
  text: string;
}

/** The labelled sets the engine learns from (its examples), scored leave one set out. */
export const EXAMPLE_SETS = [
  'tests/fixtures/themes/cards-dev.tsv',
  'tests/fixtures/themes/cards-holdout.tsv',
  'tests/fixtures/themes/cards-holdout-2.tsv',
  'tests/fixtures/themes/long-dev.tsv',
];

export function readLabelled(path: string): LabelledItem[] {
  const [head, ...lines] = readFileSync(path, 'utf8').split(/\r?\n/).filter((l) => l.trim());
  const columns = head!.split('\t');
  const at = (name: string) => columns.indexOf(name);
  if (at('id') < 0 || at('theme') < 0 || at('text') < 0) throw new Error(`${path}: needs the columns id, theme and text`);
  return lines.map((line) => {
    const cells = line.split('\t');
    return { id: cells[at('id')]!, theme: cells[at('theme')]!, theme2: (at('theme2') >= 0 && cells[at('theme2')]) || null, text: cells[at('text')]! };
  });
}

export interface ScoredItem {
  item: LabelledItem;
  assignment: Assignment;
  /** The calibration model's inputs for this item (calibration.ts). */
  inputs: { logScore: number; lead: number };
}

/** Codebook-mode suggestions for one set, the engine learning from the given examples only. */
export function scoreSet(items: LabelledItem[], examples: readonly (readonly [string, string])[]): ScoredItem[] {
  const result = synthesize({ cards: items.map((i) => ({ id: i.id, text: i.text })), mode: 'codebook', codebook: activeCodebook(DEFAULT_CODEBOOK), examples, withScores: true });
  return items.map((item) => {
    const assignment = result.assignments[item.id]!;
    return { item, assignment, inputs: calibrationInputs(assignment.scores ?? []) };
  });
}

export interface CodebookMetrics {
  items: number;
  accuracy: number;
  macroF1: number;
  /** The gold primary theme is the engine's primary or second theme. */
  primaryOrSecondary: number;
  /** Share of items given a second theme, and how often that second theme is one of the gold themes. */
  withSecondary: number;
  secondaryPrecision: number | null;
  /** Share of items shown as a suggestion to check, and the accuracy of the rest. */
  tentative: number;
  accuracyConfident: number | null;
}

export function codebookMetrics(scored: readonly ScoredItem[]): CodebookMetrics {
  const labels = [...new Set(scored.map((s) => s.item.theme))];
  let f1 = 0;
  for (const label of labels) {
    const tp = scored.filter((s) => s.item.theme === label && s.assignment.themeId === label).length;
    const fp = scored.filter((s) => s.item.theme !== label && s.assignment.themeId === label).length;
    const fn = scored.filter((s) => s.item.theme === label && s.assignment.themeId !== label).length;
    f1 += tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  }
  const n = scored.length;
  const right = (s: ScoredItem) => s.assignment.themeId === s.item.theme;
  const secondary = scored.filter((s) => s.assignment.secondary);
  const confident = scored.filter((s) => !s.assignment.tentative);
  return {
    items: n,
    accuracy: scored.filter(right).length / n,
    macroF1: f1 / labels.length,
    primaryOrSecondary: scored.filter((s) => right(s) || s.assignment.secondary?.themeId === s.item.theme).length / n,
    withSecondary: secondary.length / n,
    secondaryPrecision: secondary.length
      ? secondary.filter((s) => [s.item.theme, s.item.theme2].includes(s.assignment.secondary!.themeId)).length / secondary.length
      : null,
    tentative: (n - confident.length) / n,
    accuracyConfident: confident.length ? confident.filter(right).length / confident.length : null,
  };
}

/** Every example set scored while the engine learns from the others. */
export function leaveOneSetOut(sets: readonly string[] = EXAMPLE_SETS): { set: string; scored: ScoredItem[] }[] {
  const loaded = sets.map((path) => ({ path, items: readLabelled(path) }));
  return loaded.map(({ path, items }) => {
    const examples = loaded.filter((s) => s.path !== path).flatMap((s) => s.items.map((i) => [i.theme, i.text] as const));
    return { set: path.replace(/^.*\//, ''), scored: scoreSet(items, examples) };
  });
}
