import { dot, kmeans, mergeSimilar, normalise, type Vector } from './cluster.ts';
import { UNSORTED_THEME_ID, UNSORTED_THEME_NAME } from './default-codebook.ts';
import { THEME_EXAMPLES } from './examples.ts';
import { learnFromExamples, type LearnedWeights } from './examples-model.ts';
import { addToLexicon, buildLexicon, extractFeatures, type Features, type Lexicon } from './features.ts';
import { calibratedConfidence, CONFIDENT } from './calibration.ts';
import { refersBack } from './clauses.ts';
import { associations, KNOWN_WEIGHT, withAssociates } from './distributional.ts';
import { distinctiveTerms } from './labels.ts';
import { ABBREVIATIONS, GENERIC_TERMS } from './lexicon.ts';
import { VOCABULARY } from './lexicon-field.ts';
import { buildModels, scoreCard, type EngineCodebook, type ThemeModel } from './model.ts';
import { normaliseText, stem, tokenize } from './text.ts';

/** A card as the engine sees it. */
export interface EngineCard {
  id: string;
  text: string;
  /**
   * Where the card stands in its session, for a card that refers back ("Dit kost ons veel tijd"):
   * the card before it in the same column, shortly before, informs it. Optional.
   */
  context?: CardContext;
}

export interface CardContext {
  /** Column (or list) the card was posted in. */
  column?: string;
  /** Posting time, ms. */
  at?: number;
  /**
   * Who it is from, when that is known to everyone anyway (a named author, a follow-up call). Left
   * out for anonymous cards: then the neighbour is found by column and time alone, so that the
   * engine's result never depends on, or reveals, who wrote the card.
   */
  author?: string;
}

/** What the facilitator decided for a card: it stays there; its words teach the theme. */
export interface Decision {
  themeId: string;
  /** Pinned cards never move, not even by later merges of suggestions. */
  pinned: boolean;
}

export interface SynthesisInput {
  cards: EngineCard[];
  mode: 'codebook' | 'discover';
  /** Null or no themes: everything is discovered. */
  codebook: EngineCodebook | null;
  decisions?: Record<string, Decision>;
  /** The facilitator's word on a card's second theme: confirmed (theme id) or none (null); otherwise the engine suggests one. */
  secondary?: Record<string, string | null>;
  /** Suggestions the facilitator turned down, per card: never suggested again for that card. */
  rejected?: Record<string, string[]>;
  /** Labelled cards to learn word weights from, [theme id, text]; the built-in ones when left out. */
  examples?: readonly (readonly [string, string])[];
  /** Also return every suggestion's scores per theme (for evaluation and calibration; not for the views). */
  withScores?: boolean;
}

export interface Assignment {
  themeId: string;
  /** The facilitator pinned the card here. */
  pinned?: boolean;
  /**
   * 0..1; 1 for the facilitator's own decisions. For suggestions a calibrated probability that the
   * theme is right (calibration.ts): of cards suggested at 0.7, about 7 in 10 are right.
   */
  confidence: number;
  decided: boolean;
  /** A suggestion below CONFIDENT: shown as one to check, not as decided. */
  tentative?: boolean;
  /**
   * A second theme the card clearly touches too (codebook mode), with its share of the two scores;
   * `decided` when the facilitator confirmed it (confidence 1).
   */
  secondary?: { themeId: string; confidence: number; decided?: boolean };
  /** Scores per theme, best first: only with `withScores`. */
  scores?: { id: string; score: number }[];
}

export interface ThemeSummary {
  id: string;
  label: string;
  terms: string[];
  /** Found by clustering, not in the codebook. */
  discovered: boolean;
}

export interface SynthesisResult {
  assignments: Record<string, Assignment>;
  themes: ThemeSummary[];
}

/** Below this score a card fits no theme well enough and stays unsorted. */
export const MIN_SCORE = 0.3;

/** Discovered clusters whose centroids are at least this alike are one theme (k is only an upper bound). */
export const MERGE_SIMILARITY = 0.5;

let sharedLexicon: Lexicon | null = null;
/** The built-in vocabulary's lookup structures, made once. */
function baseLexicon(): Lexicon {
  if (!sharedLexicon) {
    // Generic words are known words too: they must not be misread as a theme word by spelling.
    const entries = [...Object.values(VOCABULARY).flatMap((t) => [...t.strong, ...t.medium, ...t.weak]), ...GENERIC_TERMS];
    sharedLexicon = buildLexicon(entries, ABBREVIATIONS);
  }
  return sharedLexicon;
}

const GENERIC = new Set(GENERIC_TERMS.flatMap((t) => tokenize(normaliseText(t)).map(stem)));

const learnedCache = new WeakMap<readonly (readonly [string, string])[], LearnedWeights>();
/** Word weights learned from labelled cards (the built-in ones by default), made once per list. */
function exampleWeights(examples: readonly (readonly [string, string])[] = THEME_EXAMPLES): LearnedWeights {
  let learned = learnedCache.get(examples);
  if (!learned) {
    learned = learnFromExamples(examples, baseLexicon(), GENERIC);
    learnedCache.set(examples, learned);
  }
  return learned;
}

const exampleFeatureCache = new WeakMap<readonly (readonly [string, string])[], Features[]>();
/** The examples' features (read with the built-in vocabulary), made once per list. */
function exampleFeatures(examples: readonly (readonly [string, string])[] = THEME_EXAMPLES): Features[] {
  let cached = exampleFeatureCache.get(examples);
  if (!cached) {
    cached = examples.map(([, text]) => extractFeatures(text, baseLexicon()));
    exampleFeatureCache.set(examples, cached);
  }
  return cached;
}

function lexiconFor(codebook: EngineCodebook | null): Lexicon {
  const base = baseLexicon();
  if (!codebook || codebook.themes.length === 0) return base;
  const lexicon: Lexicon = { words: new Set(base.words), phrases: new Map(base.phrases), trigrams: new Map(base.trigrams), aliases: base.aliases };
  for (const theme of codebook.themes) for (const text of [theme.name, theme.description, ...theme.seeds]) addToLexicon(lexicon, text);
  return lexicon;
}

/**
 * A second theme: the runner-up when it scores at least this share of the best and has evidence
 * of its own (its score is a theme's worth on its own). Chosen on the development material's
 * second themes (README, theme engine).
 */
export const SECONDARY_SHARE = 0.6;

/**
 * Below this best score the evidence is one or two weak words: the suggestion is one to check,
 * whatever its lead (the labelled sets, and so the calibration, have few such cards).
 */
export const THIN_EVIDENCE = 1;

/** How long before a back-referring card its neighbour may have been posted (ms). */
export const NEIGHBOUR_WINDOW_MS = 10 * 60_000;

/** What a neighbour's words count in a card that refers back to it. */
export const NEIGHBOUR_WEIGHT = 0.6;

/**
 * The card each back-referring card refers to: the card before it in the same column (and by the
 * same author, where both are known), posted shortly before. Cards without a time keep their
 * input order.
 */
function neighbours(cards: EngineCard[]): Map<string, EngineCard> {
  const result = new Map<string, EngineCard>();
  const order = cards.map((card, index) => ({ card, index })).sort((a, b) => (a.card.context?.at ?? 0) - (b.card.context?.at ?? 0) || a.index - b.index);
  for (let i = 0; i < order.length; i++) {
    const { card } = order[i]!;
    if (!card.context || !refersBack(card.text) || card.text.includes('[')) continue;
    for (let j = i - 1; j >= 0; j--) {
      const other = order[j]!.card;
      const a = card.context;
      const b = other.context ?? {};
      if (a.at !== undefined && b.at !== undefined && a.at - b.at > NEIGHBOUR_WINDOW_MS) break;
      if (a.column !== b.column) continue;
      if (a.author !== undefined && b.author !== undefined && a.author !== b.author) continue;
      result.set(card.id, other);
      break;
    }
  }
  return result;
}

/** A card's features with those of the card it refers back to, weighed down. */
function withNeighbour(own: Features, neighbour: Features | undefined): Features {
  if (!neighbour) return own;
  const weights = new Map(own.weights);
  for (const [f, x] of neighbour.weights) weights.set(f, Math.max(weights.get(f) ?? 0, x * NEIGHBOUR_WEIGHT));
  return { weights, surfaces: own.surfaces };
}

/**
 * Sorts cards into themes. Codebook mode: each card gets its best-fitting codebook theme, or
 * `overig`. Discovery mode: cards that fit no codebook theme (all cards without a codebook) are
 * clustered into new themes labelled with their most distinctive words. The facilitator's
 * decisions are kept as they are and teach the models. Pure and deterministic.
 */
export function synthesize(input: SynthesisInput): SynthesisResult {
  const codebook = input.codebook && input.codebook.themes.length > 0 ? input.codebook : null;
  const lexicon = lexiconFor(codebook);
  const own = new Map(input.cards.map((c) => [c.id, extractFeatures(c.text, lexicon)]));
  const referred = neighbours(input.cards);
  const features = new Map(input.cards.map((c) => [c.id, withNeighbour(own.get(c.id)!, referred.has(c.id) ? own.get(referred.get(c.id)!.id) : undefined)]));
  const decisions = input.decisions ?? {};
  const assignments: Record<string, Assignment> = {};
  const confirmed = new Map<string, Features[]>();
  for (const card of input.cards) {
    const decision = decisions[card.id];
    if (!decision) continue;
    assignments[card.id] = { themeId: decision.themeId, confidence: 1, decided: true, pinned: decision.pinned };
    confirmed.set(decision.themeId, [...(confirmed.get(decision.themeId) ?? []), features.get(card.id)!]);
  }

  const themes: ThemeSummary[] = [];
  let models: ThemeModel[] = [];
  if (codebook) {
    models = buildModels(codebook, VOCABULARY, GENERIC, lexicon, confirmed, exampleWeights(input.examples));
    // Words no model knows borrow meaning from the known words they meet, on this study's cards
    // and on the examples (the facilitator's decisions were learned above from the cards as written).
    const strongest = new Map<string, number>();
    for (const m of models) for (const [f, w] of m.weights) strongest.set(f, Math.max(strongest.get(f) ?? 0, w));
    const stats = associations([...exampleFeatures(input.examples), ...features.values()], (f) => (strongest.get(f) ?? 0) > KNOWN_WEIGHT);
    const enriched = new Map([...features].map(([id, f]) => [id, withAssociates(f, stats)]));
    for (const card of input.cards) {
      if (assignments[card.id]) continue;
      const turnedDown = input.rejected?.[card.id] ?? [];
      const scores = scoreCard(enriched.get(card.id)!, models).filter((s) => !turnedDown.includes(s.id));
      const best = scores[0];
      // Borrowed meaning ranks themes but is no evidence of its own: what the card itself says
      // decides whether it fits any theme and whether the suggestion is one to check.
      const own = Math.max(0, ...scoreCard(features.get(card.id)!, models).filter((s) => !turnedDown.includes(s.id)).map((s) => s.score));
      if (!best || best.score < MIN_SCORE || own < MIN_SCORE) {
        assignments[card.id] = { themeId: UNSORTED_THEME_ID, confidence: 0, decided: false, tentative: true };
        continue;
      }
      const confidence = calibratedConfidence(scores);
      const assignment: Assignment = { themeId: best.id, confidence, decided: false, tentative: confidence < CONFIDENT || own < THIN_EVIDENCE };
      const runnerUp = scores[1];
      if (runnerUp && runnerUp.score >= MIN_SCORE && runnerUp.score >= SECONDARY_SHARE * best.score) {
        assignment.secondary = { themeId: runnerUp.id, confidence: Math.round((runnerUp.score / (best.score + runnerUp.score)) * 100) / 100 };
      }
      if (input.withScores) assignment.scores = scores;
      assignments[card.id] = assignment;
    }
    // A decided card gets the engine's second theme too, beside its decided one.
    for (const card of input.cards) {
      const decision = decisions[card.id];
      // A card put in 'overig' fits no theme, in the facilitator's view: no second one either.
      if (!decision || decision.themeId === UNSORTED_THEME_ID) continue;
      const scores = scoreCard(features.get(card.id)!, models);
      const own = scores.find((s) => s.id === decision.themeId)?.score ?? 0;
      const top = scores.find((s) => s.id !== decision.themeId);
      const lead = Math.max(own, top?.score ?? 0);
      if (top && top.score >= MIN_SCORE && top.score >= SECONDARY_SHARE * lead) {
        assignments[card.id]!.secondary = { themeId: top.id, confidence: Math.round((top.score / (lead + top.score)) * 100) / 100 };
      }
    }
    for (const theme of codebook.themes) {
      const members = input.cards.filter((c) => assignments[c.id]?.themeId === theme.id).map((c) => features.get(c.id)!);
      themes.push({ id: theme.id, label: theme.name, terms: distinctiveTerms(members, [...features.values()], GENERIC), discovered: false });
    }
  }

  const open = input.cards.filter((c) => !assignments[c.id] || assignments[c.id]!.themeId === UNSORTED_THEME_ID && !assignments[c.id]!.decided);
  if (input.mode === 'discover' && open.length > 0) {
    // New ids must not reuse one the facilitator already sorts cards into.
    const taken = new Set([...(codebook?.themes.map((t) => t.id) ?? []), ...Object.values(decisions).map((d) => d.themeId)]);
    themes.push(...discover(open, features, assignments, taken, input.examples));
  } else {
    // Codebook mode without a codebook has nothing to sort into; every card still gets an answer.
    for (const card of open) assignments[card.id] ??= { themeId: UNSORTED_THEME_ID, confidence: 0, decided: false };
  }
  // The facilitator's word on second themes stands over the engine's, also for cards discovery regrouped.
  for (const [cardId, themeId] of Object.entries(input.secondary ?? {})) {
    const assignment = assignments[cardId];
    if (!assignment) continue;
    if (themeId === null || themeId === assignment.themeId) delete assignment.secondary;
    else assignment.secondary = { themeId, confidence: 1, decided: true };
  }
  // With a codebook, 'overig' is always there to sort into (also for cards decided into it in discovery).
  if (codebook || Object.values(assignments).some((a) => a.themeId === UNSORTED_THEME_ID)) {
    themes.push({ id: UNSORTED_THEME_ID, label: UNSORTED_THEME_NAME, terms: [], discovered: false });
  }
  return { assignments, themes };
}

/** Concept features: how strongly the built-in vocabulary relates a card to each area of the field. */
function conceptVector(card: Features, examples: readonly (readonly [string, string])[] | undefined): Vector {
  const vector: Vector = new Map();
  for (const { id, score } of scoreCard(card, vocabularyModels(exampleWeights(examples)))) if (score > 0) vector.set(`~${id}`, score);
  return normalise(vector);
}

const modelCache = new WeakMap<LearnedWeights, ThemeModel[]>();
/** Models of the built-in vocabulary's areas, for discovery's concept features; made once per set of learned weights. */
function vocabularyModels(learned: LearnedWeights): ThemeModel[] {
  let models = modelCache.get(learned);
  if (!models) {
    models = buildModels(
      { themes: Object.keys(VOCABULARY).map((id) => ({ id, name: id, description: '', seeds: [] })) },
      VOCABULARY,
      GENERIC,
      baseLexicon(),
      new Map(),
      learned,
    );
    modelCache.set(learned, models);
  }
  return models;
}

function discover(
  cards: { id: string }[],
  features: Map<string, Features>,
  assignments: Record<string, Assignment>,
  taken: Set<string>,
  examples: readonly (readonly [string, string])[] | undefined,
): ThemeSummary[] {
  // k-means depends on the order of its input: cluster in id order, so that the same cards in
  // another order (a re-sorted board, the client's preview) give the same themes.
  cards = [...cards].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const docs = cards.map((c) => features.get(c.id)!);
  const df = new Map<string, number>();
  for (const d of docs) for (const f of d.weights.keys()) df.set(f, (df.get(f) ?? 0) + 1);
  const vectors = docs.map((d) => {
    const words: Vector = new Map();
    for (const [f, x] of d.weights) if (!GENERIC.has(f)) words.set(f, x * Math.log(1 + docs.length / df.get(f)!));
    const combined: Vector = new Map(normalise(words));
    for (const [f, x] of conceptVector(d, examples)) combined.set(f, 1.2 * x);
    return normalise(combined);
  });
  const k = Math.max(1, Math.min(16, Math.round(Math.sqrt(cards.length)) + 1, cards.length));
  const groups = mergeSimilar(vectors, kmeans(vectors, k), MERGE_SIMILARITY);
  const summaries: ThemeSummary[] = [];
  let next = 1;
  for (const members of groups) {
    while (taken.has(`nieuw-${next}`)) next++;
    const id = `nieuw-${next}`;
    const terms = distinctiveTerms(members.map((i) => docs[i]!), docs, GENERIC);
    for (const i of members) {
      const centroid = vectors[members[0]!]!;
      assignments[cards[i]!.id] = { themeId: id, confidence: Math.round(Math.max(0, dot(vectors[i]!, centroid)) * 100) / 100, decided: false };
    }
    summaries.push({ id, label: terms.join(', ') || `Thema ${next}`, terms, discovered: true });
    next++;
  }
  return summaries;
}
