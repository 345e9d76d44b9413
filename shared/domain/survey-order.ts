/**
 * The order a survey question's categories are shown in: a recognised answer scale in its own
 * order, ranges by their numbers, anything else by size. Pure and deterministic.
 */
import { answerKey, leadingNumber, parseDutchNumber } from './survey-answers.ts';

/** The order categories are shown in (see `SurveyCategoryOrderSchema`). */
export type CategoryOrder = 'auto' | 'ascending' | 'descending' | 'size';

/**
 * Answer scales in their own order, as questionnaires list them (positive first); each step with
 * its spellings, compared by `scaleKey` ("Helemaal mee eens" is "helemaal eens").
 */
const SCALES: readonly (readonly string[])[][] = [
  [['ja', 'yes'], ['nee', 'no'], ['deels', 'gedeeltelijk', 'partly', 'partially']],
  [['ja', 'yes'], ['soms', 'sometimes'], ['nee', 'no']],
  [['ja, volledig', 'ja, helemaal'], ['ja, gedeeltelijk', 'ja, deels', 'deels', 'gedeeltelijk'], ['nee', 'nee, niet']],
  [['helemaal eens', 'zeer eens', 'strongly agree'], ['eens', 'agree'], ['neutraal', 'niet eens, niet oneens', 'niet eens niet oneens', 'eens noch oneens', 'neither agree nor disagree', 'neutral'], ['oneens', 'niet eens', 'disagree'], ['helemaal oneens', 'zeer oneens', 'helemaal niet eens', 'strongly disagree']],
  [['uitstekend', 'excellent'], ['zeer goed', 'heel goed', 'very good'], ['goed', 'good'], ['ruim voldoende'], ['voldoende', 'redelijk', 'fair', 'sufficient'], ['neutraal', 'neutral'], ['matig', 'mwah'], ['onvoldoende', 'insufficient'], ['slecht', 'poor', 'bad'], ['zeer slecht', 'heel slecht', 'very poor', 'very bad']],
  [['zeer tevreden', 'heel tevreden', 'very satisfied'], ['tevreden', 'satisfied'], ['neutraal', 'niet tevreden, niet ontevreden', 'niet tevreden niet ontevreden', 'neutral'], ['ontevreden', 'niet tevreden', 'dissatisfied'], ['zeer ontevreden', 'heel ontevreden', 'very dissatisfied']],
  [['zeer belangrijk', 'heel belangrijk', 'very important'], ['belangrijk', 'important'], ['neutraal', 'neutral'], ['onbelangrijk', 'niet belangrijk', 'not important'], ['zeer onbelangrijk', 'helemaal niet belangrijk']],
  [['altijd', 'always'], ['meestal', 'vaak', 'often', 'usually'], ['soms', 'sometimes'], ['zelden', 'rarely'], ['nooit', 'never']],
  [['veel beter', 'much better'], ['beter', 'better'], ['gelijk', 'hetzelfde', 'gelijk gebleven', 'same'], ['slechter', 'worse'], ['veel slechter', 'much worse']],
  [['veel meer', 'much more'], ['meer', 'more'], ['gelijk', 'evenveel', 'hetzelfde', 'same'], ['minder', 'less'], ['veel minder', 'much less']],
];

/** An answer as scales are compared: lower case, without "mee" and punctuation at the ends. */
const scaleKey = (label: string): string =>
  answerKey(label)
    .replace(/\bmee\s+/g, '')
    .replace(/^[\s.,;:!-]+|[\s.,;:!-]+$/g, '');

/** Each label's step on the first scale that holds all of them (at least two), or null. */
function scaleSteps(labels: readonly string[]): number[] | null {
  if (labels.length < 2) return null;
  const keys = labels.map(scaleKey);
  for (const scale of SCALES) {
    const steps = keys.map((key) => scale.findIndex((spellings) => spellings.includes(key)));
    if (steps.every((step) => step >= 0)) return steps;
  }
  return null;
}

const NUMBER = String.raw`([+-]?\d+(?:[.,]\d+)*)`;
const BELOW = new RegExp(String.raw`^(?:<|≤|=<|<=|minder dan|kleiner dan|lager dan|korter dan|onder|tot(?: en met)?|t/m|max(?:imaal|\.)?|hooguit|less than|fewer than|under|below|up to|at most)\s*${NUMBER}`);
const ABOVE = new RegExp(String.raw`^(?:>|≥|>=|=>|meer dan|groter dan|hoger dan|langer dan|boven|vanaf|min(?:imaal|\.)?|ten minste|minstens|more than|over|above|at least|from)\s*${NUMBER}`);
// Words between the number and "of meer" each end in a space, so a long label cannot make the match backtrack without end.
const ABOVE_AFTER = new RegExp(String.raw`^${NUMBER}\s*(?:[\p{L}%€.]+\s+)*[\p{L}%€.]*\s*(?:\+|of meer|en meer|of hoger|of langer|or more|and more|and over)\s*$`, 'u');
const NONE = /^(?:geen|nul|none|nil)\b/;

/**
 * Where a range label sits on its axis, as [number, side]: "10-25%" is [10, 0], "< 1 mln" is
 * [1, -1] (below 1, so before "1-5 mln"), "meer dan 5 mln", "> 25" and "25 of meer" are [n, 1];
 * "geen" is [0, -1]; a plain number is itself. Null when the label is no range.
 */
export function rangeKey(label: string): [number, -1 | 0 | 1] | null {
  const key = answerKey(label).replace(/^(?:ca\.?|circa|ongeveer)\s*/, '');
  if (NONE.test(key)) return [0, -1];
  for (const [pattern, side] of [[BELOW, -1], [ABOVE, 1], [ABOVE_AFTER, 1]] as const) {
    const match = pattern.exec(key);
    const value = match ? parseDutchNumber(match[1]!) : null;
    if (value !== null) return [value, side];
  }
  const value = leadingNumber(key);
  if (value === null) return null;
  return [value, /^\s*[>≥]/.test(key) ? 1 : /^\s*[<≤]/.test(key) ? -1 : 0];
}

/**
 * Categories in the order a report reads well, never as first seen in the file:
 *
 * - 'auto': a recognised answer scale in its own order (ja / nee / deels; helemaal eens ...
 *   helemaal oneens; goed / voldoende / onvoldoende; ...); ranges ("0-10%", "< 1 mln",
 *   "meer dan 5 mln") ascending; anything else (zorgkantoren, knelpunten) by size;
 * - 'ascending' / 'descending': ranges by their numbers, a scale in its own order or reversed;
 *   labels with no order of their own alphabetically;
 * - 'size': most answers first, ties alphabetically.
 *
 * Stable and deterministic: equal keys keep their given order.
 */
export function orderCategories<T extends { label: string; count: number }>(items: readonly T[], order: CategoryOrder = 'auto'): T[] {
  const alphabetical = (a: T, b: T) => a.label.localeCompare(b.label, 'nl', { sensitivity: 'base', numeric: true });
  const bySize = () => [...items].sort((a, b) => b.count - a.count || alphabetical(a, b));
  if (order === 'size') return bySize();
  const natural = naturalOrder(items);
  if (natural === null) return order === 'auto' ? bySize() : order === 'ascending' ? [...items].sort(alphabetical) : [...items].sort(alphabetical).reverse();
  return order === 'descending' ? natural.reverse() : natural;
}

/** A scale in its own order, or ranges ascending; null when the labels have no order of their own. */
function naturalOrder<T extends { label: string }>(items: readonly T[]): T[] | null {
  const indexed = items.map((item, index) => ({ item, index }));
  const steps = scaleSteps(items.map((item) => item.label));
  if (steps) return indexed.sort((a, b) => steps[a.index]! - steps[b.index]! || a.index - b.index).map((x) => x.item);
  const ranges = items.map((item) => rangeKey(item.label));
  if (ranges.some((r) => r === null)) return null;
  return indexed
    .sort((a, b) => {
      const [x, y] = [ranges[a.index]!, ranges[b.index]!];
      return x[0] - y[0] || x[1] - y[1] || a.index - b.index;
    })
    .map((x) => x.item);
}
