import type { Features } from './features.ts';

/**
 * Distributional word association: a word no theme model knows ("financieringssystemen",
 * "moeite getroosten") takes a little of the meaning of the known words it keeps company with, on
 * the other cards of the study and on the labelled examples. "Company" is pointwise mutual
 * information over co-occurrence on one card: how much more often two words meet than chance.
 * Pure and deterministic; the corpus is the study's own cards plus the examples, nothing fetched.
 */

/** A model weight above this makes a feature "known": it needs no borrowed meaning. */
export const KNOWN_WEIGHT = 0.5;

/** What borrowed meaning counts, relative to the unknown word's own weight (chosen leave-one-set-out; README). */
export const ASSOCIATION_WEIGHT = 0.3;

/** The known words an unknown word borrows from: its strongest associates only. */
export const ASSOCIATES = 5;

/** A word must occur on at least this many cards, and meet an associate at least this often, to count. */
export const MIN_OCCURRENCES = 2;

/** Co-occurrence statistics of a corpus: per unknown word, how often it meets each known word. */
export interface Associations {
  cards: number;
  /** Cards each feature occurs on. */
  frequency: Map<string, number>;
  /** Unknown word -> known word -> cards they share. */
  together: Map<string, Map<string, number>>;
  /** Worked out on demand: per unknown word, its associates and their share of the strongest. */
  associates: Map<string, [string, number][]>;
}

const words = (features: Features): string[] => [...features.weights.keys()].filter((f) => !f.includes('_'));

/** Counts, over the corpus's cards with at least one known word, how unknown words meet known ones (`known(f)`: a theme model knows f). */
export function associations(corpus: Iterable<Features>, known: (feature: string) => boolean): Associations {
  const frequency = new Map<string, number>();
  const together = new Map<string, Map<string, number>>();
  let cards = 0;
  for (const card of corpus) {
    const present = words(card);
    const knownHere = present.filter(known);
    // A card without a word any theme knows teaches nothing about meaning (and off-topic or
    // garbage cards then change nothing for the others).
    if (knownHere.length === 0) continue;
    cards++;
    for (const word of present) {
      frequency.set(word, (frequency.get(word) ?? 0) + 1);
      if (known(word)) continue;
      let met = together.get(word);
      if (!met) together.set(word, (met = new Map()));
      for (const k of knownHere) met.set(k, (met.get(k) ?? 0) + 1);
    }
  }
  return { cards, frequency, together, associates: new Map() };
}

/** Per unknown word its strongest known associates, with their share of the strongest: worked out once per word. */
function associatesOf(word: string, stats: Associations): [string, number][] {
  let found = stats.associates.get(word);
  if (found) return found;
  found = [];
  const met = stats.together.get(word);
  const n = stats.frequency.get(word) ?? 0;
  if (met && n >= MIN_OCCURRENCES) {
    const scored: [string, number][] = [];
    for (const [k, c] of met) {
      if (c < MIN_OCCURRENCES) continue;
      const pmi = Math.log((c * stats.cards) / (n * stats.frequency.get(k)!));
      if (pmi > 0) scored.push([k, pmi]);
    }
    scored.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const top = scored.slice(0, ASSOCIATES);
    found = top.map(([k, pmi]) => [k, pmi / top[0]![1]]);
  }
  stats.associates.set(word, found);
  return found;
}

/**
 * The card's features plus, for each word no model knows, its strongest known associates, each
 * at `ASSOCIATION_WEIGHT` × the word's weight × its association relative to the strongest, shared
 * over the associates. Words the card already has are not added again.
 */
export function withAssociates(card: Features, stats: Associations): Features {
  let weights: Map<string, number> | null = null;
  for (const [word, x] of card.weights) {
    const top = associatesOf(word, stats);
    if (top.length === 0) continue;
    weights ??= new Map(card.weights);
    for (const [k, share] of top) {
      if (card.weights.has(k)) continue;
      weights.set(k, (weights.get(k) ?? 0) + (ASSOCIATION_WEIGHT * x * share) / ASSOCIATES);
    }
  }
  return weights ? { weights, surfaces: card.surfaces } : card;
}
