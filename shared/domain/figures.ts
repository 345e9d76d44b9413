/**
 * Figures of polls and surveys: counts per category with percentages, and mean, min and max of
 * numbers. Pure; used by the live poll results, the survey view and the report.
 *
 * Rounding rule (documented in the README): percentages of a single-answer question are whole
 * numbers that add up to exactly 100, by the largest-remainder method: every share is rounded down,
 * then the points still missing go one by one to the categories with the largest remainders (on
 * equal remainders, the larger count first, then the earlier category). Multiple-answer questions
 * give each category's share of the respondents, rounded half up; those do not add up to 100.
 */

export interface Category {
  key: string;
  label: string;
  /** "Niet van toepassing", "weet niet" and the like: shown, but excludable from the percentages. */
  missing?: boolean;
}

export interface CategoryFigure extends Category {
  count: number;
  /** Share of the base in whole percents; null for a missing category left out of the base. */
  percent: number | null;
}

export interface ChoiceFigures {
  kind: 'choice';
  /** Respondents counted in the percentages (answers in excluded categories left out). */
  n: number;
  /** Respondents who answered at all, excluded categories included. */
  answered: number;
  multiple: boolean;
  categories: CategoryFigure[];
  /** Mean of a scale question (1..5) over the base; null otherwise. */
  mean: number | null;
}

export interface NumberFigures {
  kind: 'number';
  n: number;
  mean: number | null;
  min: number | null;
  max: number | null;
}

export type Figures = ChoiceFigures | NumberFigures;

/**
 * How a single-answer question's percentages are rounded: so that they add up to 100 (largest
 * remainder, the default), or each on its own, half up, as many published reports do (60 / 28 / 13).
 */
export type Rounding = 'largest-remainder' | 'plain';
export const ROUNDINGS = ['largest-remainder', 'plain'] as const satisfies readonly Rounding[];

/** Whole percentages of `counts`, each rounded half up on its own; all zeros when the total is 0. */
export function plainPercentages(counts: readonly number[]): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  // Half up in whole numbers: floor((200c + t) / 2t), so 12.5 gives 13 without floating point noise.
  return counts.map((c) => (total === 0 ? 0 : Math.floor((200 * c + total) / (2 * total))));
}

/** Whole percentages of `counts` that add up to 100 (largest remainder); all zeros when the total is 0. */
export function percentages(counts: readonly number[]): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return counts.map(() => 0);
  // Whole-number remainders, so equal remainders really are equal (floating point would break ties by noise).
  const floors = counts.map((c) => Math.floor((c * 100) / total));
  let missing = 100 - floors.reduce((a, b) => a + b, 0);
  const order = counts
    .map((count, index) => ({ index, count, remainder: (count * 100) % total }))
    .sort((a, b) => b.remainder - a.remainder || b.count - a.count || a.index - b.index);
  for (const { index } of order) {
    if (missing <= 0) break;
    floors[index]!++;
    missing--;
  }
  return floors;
}

/** Rounds half up to `digits` decimals (for means). */
export const roundTo = (value: number, digits = 1): number => Math.round(value * 10 ** digits + Number.EPSILON) / 10 ** digits;

/**
 * Figures of a choice question from each respondent's chosen category keys (one for single choice,
 * any for multiple). Answers outside `categories` are ignored. With `excludeMissing`, respondents
 * who only chose missing categories are left out of the base and those categories get no percentage.
 */
export function choiceFigures(
  categories: readonly Category[],
  answers: readonly (readonly string[])[],
  options: { multiple: boolean; excludeMissing: boolean; scale?: boolean; rounding?: Rounding },
): ChoiceFigures {
  const known = new Map(categories.map((c) => [c.key, c]));
  const counts = new Map(categories.map((c) => [c.key, 0]));
  let answered = 0;
  let base = 0;
  for (const answer of answers) {
    const chosen = [...new Set(answer)].filter((key) => known.has(key));
    if (chosen.length === 0) continue;
    answered++;
    const counted = options.excludeMissing ? chosen.filter((key) => !known.get(key)!.missing) : chosen;
    if (counted.length > 0) base++;
    for (const key of chosen) counts.set(key, counts.get(key)! + 1);
  }
  const inBase = (c: Category) => !(options.excludeMissing && c.missing);
  const shares = options.multiple
    ? categories.map((c) => (base === 0 ? 0 : Math.round((counts.get(c.key)! * 100) / base)))
    : percentagesFor(categories, counts, inBase, options.rounding ?? 'largest-remainder');
  let mean: number | null = null;
  if (options.scale) {
    const scored = categories.filter((c) => inBase(c) && !c.missing && Number.isFinite(Number(c.key)));
    const n = scored.reduce((sum, c) => sum + counts.get(c.key)!, 0);
    mean = n === 0 ? null : roundTo(scored.reduce((sum, c) => sum + Number(c.key) * counts.get(c.key)!, 0) / n);
  }
  return {
    kind: 'choice',
    n: base,
    answered,
    multiple: options.multiple,
    categories: categories.map((c, i) => ({ ...c, count: counts.get(c.key)!, percent: inBase(c) ? shares[i]! : null })),
    mean,
  };
}

function percentagesFor(categories: readonly Category[], counts: Map<string, number>, inBase: (c: Category) => boolean, rounding: Rounding): number[] {
  const included = categories.filter(inBase);
  const shares = (rounding === 'plain' ? plainPercentages : percentages)(included.map((c) => counts.get(c.key)!));
  const byKey = new Map(included.map((c, i) => [c.key, shares[i]!]));
  return categories.map((c) => byKey.get(c.key) ?? 0);
}

/** n, mean (one decimal), min and max of numeric answers. */
export function numberFigures(values: readonly number[]): NumberFigures {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return { kind: 'number', n: 0, mean: null, min: null, max: null };
  return {
    kind: 'number',
    n: finite.length,
    mean: roundTo(finite.reduce((a, b) => a + b, 0) / finite.length),
    min: Math.min(...finite),
    max: Math.max(...finite),
  };
}
