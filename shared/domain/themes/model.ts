import type { LearnedWeights } from './examples-model.ts';
import { extractFeatures, type Features, type Lexicon } from './features.ts';

/** The themes the engine sorts into: what a codebook says of each (merged themes left out). */
export interface EngineCodebook {
  themes: { id: string; name: string; description: string; seeds: string[] }[];
}

/** A theme as the engine scores it: a weight per feature. */
export interface ThemeModel {
  id: string;
  label: string;
  weights: Map<string, number>;
}

/** Vocabulary tiers per theme id (see lexicon.ts). */
export type Vocabulary = Record<string, { strong: string[]; medium: string[]; weak: string[] }>;

export const TIER_WEIGHT = { strong: 3, medium: 1.5, weak: 0.6, name: 1.5, description: 1, seed: 2.5, learned: 1.5 } as const;

/**
 * What the weights learned from labelled cards count beside the vocabulary (chosen by training on
 * two of the three labelled sets and scoring the third; see README, theme engine).
 */
export const EXAMPLE_WEIGHT = 0.25;

function raise(weights: Map<string, number>, features: Features, weight: number): void {
  for (const [feature, x] of features.weights) weights.set(feature, Math.max(weights.get(feature) ?? 0, x * weight));
}

/**
 * A vocabulary entry: a phrase counts as a whole, its single words only a little (otherwise
 * "administratieve lasten" would outweigh a strong word three times over).
 */
function raiseEntry(weights: Map<string, number>, features: Features, weight: number): void {
  const phrase = [...features.weights.keys()].some((f) => f.includes('_'));
  for (const [feature, x] of features.weights) {
    const w = !phrase || feature.includes('_') ? x * weight : x * weight * PHRASE_WORD_SHARE;
    weights.set(feature, Math.max(weights.get(feature) ?? 0, w));
  }
}

/** What a word of a phrase counts on its own, relative to the phrase. */
export const PHRASE_WORD_SHARE = 0.3;

/**
 * One model per codebook theme, from its vocabulary, name, description and seeds, plus what the
 * facilitator confirmed (cards moved or pinned there). Features shared by many themes weigh less,
 * and generic words weigh nothing. Weights learned from labelled cards (per theme id) are added.
 */
export function buildModels(
  codebook: EngineCodebook,
  vocabulary: Vocabulary,
  generic: Set<string>,
  lexicon: Lexicon,
  confirmed: Map<string, Features[]>,
  examples: LearnedWeights = new Map(),
): ThemeModel[] {
  const models = codebook.themes.map((theme) => {
    const weights = new Map<string, number>();
    const tiers = vocabulary[theme.id];
    if (tiers) {
      for (const tier of ['weak', 'medium', 'strong'] as const) {
        for (const entry of tiers[tier]) raiseEntry(weights, extractFeatures(entry, lexicon, { structure: false }), TIER_WEIGHT[tier]);
      }
    }
    raise(weights, extractFeatures(theme.name, lexicon), TIER_WEIGHT.name);
    raise(weights, extractFeatures(theme.description, lexicon), TIER_WEIGHT.description);
    for (const seed of theme.seeds) raise(weights, extractFeatures(seed, lexicon), TIER_WEIGHT.seed);
    const cards = confirmed.get(theme.id) ?? [];
    if (cards.length > 0) {
      // The prototype of the confirmed cards: features that recur count most.
      const sum = new Map<string, number>();
      for (const card of cards) for (const [f, x] of card.weights) sum.set(f, (sum.get(f) ?? 0) + x);
      for (const [f, total] of sum) {
        const share = total / cards.length;
        weights.set(f, Math.max(weights.get(f) ?? 0, TIER_WEIGHT.learned * Math.min(1, 0.5 + share)));
      }
    }
    for (const g of generic) weights.delete(g);
    return { id: theme.id, label: theme.name, weights };
  });

  const df = new Map<string, number>();
  for (const m of models) for (const f of m.weights.keys()) df.set(f, (df.get(f) ?? 0) + 1);
  const n = Math.max(1, models.length);
  const norm = Math.log(1 + n);
  for (const m of models) {
    for (const [f, w] of m.weights) m.weights.set(f, (w * Math.log(1 + n / df.get(f)!)) / norm);
    for (const [f, w] of examples.get(m.id) ?? []) m.weights.set(f, (m.weights.get(f) ?? 0) + EXAMPLE_WEIGHT * w);
  }
  return models;
}

/** Scores of a card against every model, best first (ties broken by theme id, for determinism). */
export function scoreCard(features: Features, models: ThemeModel[]): { id: string; score: number }[] {
  return models
    .map((m) => {
      let score = 0;
      for (const [f, x] of features.weights) score += x * (m.weights.get(f) ?? 0);
      return { id: m.id, score };
    })
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
}
