import { extractFeatures, type Lexicon } from './features.ts';

/** Word weights learned per theme id from labelled cards: feature -> weight. */
export type LearnedWeights = Map<string, Map<string, number>>;

/** A feature must occur on at least this many cards of a theme to be learned for it. */
export const MIN_EXAMPLE_COUNT = 2;

/**
 * Naive Bayes log-likelihood ratios from labelled cards: how much more often a feature occurs on
 * cards of a theme than on cards of the other themes (smoothed; only features that favour the
 * theme are kept). They add to the vocabulary's weights, which stay the main evidence: the ratios
 * carry the everyday words people use for a theme that no vocabulary lists.
 */
export function learnFromExamples(examples: readonly (readonly [string, string])[], lexicon: Lexicon, generic: Set<string>): LearnedWeights {
  const perTheme = new Map<string, Map<string, number>>();
  const cardsPerTheme = new Map<string, number>();
  const total = new Map<string, number>();
  for (const [theme, text] of examples) {
    const counts = perTheme.get(theme) ?? new Map<string, number>();
    perTheme.set(theme, counts);
    cardsPerTheme.set(theme, (cardsPerTheme.get(theme) ?? 0) + 1);
    for (const feature of extractFeatures(text, lexicon).weights.keys()) {
      if (generic.has(feature)) continue;
      counts.set(feature, (counts.get(feature) ?? 0) + 1);
      total.set(feature, (total.get(feature) ?? 0) + 1);
    }
  }
  const learned: LearnedWeights = new Map();
  for (const [theme, counts] of perTheme) {
    const inTheme = cardsPerTheme.get(theme)!;
    const outside = examples.length - inTheme;
    const weights = new Map<string, number>();
    for (const [feature, n] of counts) {
      if (n < MIN_EXAMPLE_COUNT) continue;
      const elsewhere = total.get(feature)! - n;
      const ratio = Math.log((n + 0.5) / (inTheme + 1) / ((elsewhere + 0.5) / (outside + 1)));
      if (ratio > 0) weights.set(feature, ratio);
    }
    learned.set(theme, weights);
  }
  return learned;
}
