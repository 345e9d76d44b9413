import { isContentWord, normaliseText, stem, tokenize } from './text.ts';

/** Words the engine knows (from the vocabulary, the codebook and the cards themselves). */
export interface Lexicon {
  /** Normalised surface words. */
  words: Set<string>;
  /** Multi-word phrases as content-stem sequences, keyed by their first stem. */
  phrases: Map<string, string[][]>;
  /** Character trigram index of the words, for misspellings. */
  trigrams: Map<string, string[]>;
  /** Abbreviations and variants -> canonical text. */
  aliases: Map<string, string>;
}

/** A card as weighted features: stems, parts of compounds, matched phrases. */
export interface Features {
  weights: Map<string, number>;
  /** Surface forms seen per stem, for readable labels. */
  surfaces: Map<string, string>;
}

const trigramsOf = (word: string): string[] => {
  const padded = `_${word}_`;
  const grams: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) grams.push(padded.slice(i, i + 3));
  return grams;
};

/** Builds the lookup structures from vocabulary entries (words or phrases). */
export function buildLexicon(entries: Iterable<string>, aliases: Record<string, string> = {}): Lexicon {
  const lexicon: Lexicon = { words: new Set(), phrases: new Map(), trigrams: new Map(), aliases: new Map(Object.entries(aliases)) };
  for (const entry of entries) addToLexicon(lexicon, entry);
  return lexicon;
}

/**
 * Adds an entry's words and phrase. Lists are replaced, never changed in place: a lexicon made
 * from another by copying its maps (engine.ts, per codebook) shares them with the original.
 */
export function addToLexicon(lexicon: Lexicon, entry: string): void {
  const tokens = tokenize(normaliseText(entry));
  for (const token of tokens) {
    if (token.length < 3 || lexicon.words.has(token)) continue;
    lexicon.words.add(token);
    for (const gram of trigramsOf(token)) lexicon.trigrams.set(gram, [...(lexicon.trigrams.get(gram) ?? []), token]);
  }
  const content = tokens.filter(isContentWord).map(stem);
  if (content.length > 1) {
    const list = lexicon.phrases.get(content[0]!) ?? [];
    if (!list.some((p) => p.join(' ') === content.join(' '))) lexicon.phrases.set(content[0]!, [...list, content]);
  }
}

/** Known head and modifier of a Dutch compound ("meerzorgaanvraag" -> "meerzorg", "aanvraag"). */
export function splitCompound(token: string, words: Set<string>): string[] {
  if (token.length < 7) return [];
  const parts: string[] = [];
  for (let i = token.length - 3; i >= 3; i--) {
    const head = token.slice(0, i);
    if (words.has(head) || (head.endsWith('s') && words.has(head.slice(0, -1)))) {
      parts.push(words.has(head) ? head : head.slice(0, -1));
      break;
    }
  }
  for (let i = 3; i <= token.length - 3; i++) {
    const tail = token.slice(i);
    if (words.has(tail)) {
      parts.push(tail);
      break;
    }
  }
  return parts;
}

/** The known word closest in spelling (trigram overlap), for typos and odd spellings. */
export function nearestWord(token: string, lexicon: Lexicon): string | null {
  if (token.length < 5) return null;
  const grams = trigramsOf(token);
  const counts = new Map<string, number>();
  for (const gram of grams) for (const word of lexicon.trigrams.get(gram) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
  let best: string | null = null;
  let bestScore = 0.72;
  for (const [word, shared] of counts) {
    const dice = (2 * shared) / (grams.length + word.length + 2 - 2);
    if (dice > bestScore || (dice === bestScore && best !== null && word < best)) {
      best = word;
      bestScore = dice;
    }
  }
  return best;
}

const add = (weights: Map<string, number>, key: string, weight: number) => weights.set(key, Math.max(weights.get(key) ?? 0, weight));

/** Features of one card's text. Pure and deterministic. */
export function extractFeatures(text: string, lexicon: Lexicon): Features {
  let normalised = normaliseText(text.slice(0, 2000));
  for (const [alias, canonical] of lexicon.aliases) {
    if (normalised.includes(alias)) normalised = ` ${normalised} `.replaceAll(` ${alias} `, ` ${normaliseText(canonical)} `).trim();
  }
  const tokens = tokenize(normalised);
  const weights = new Map<string, number>();
  const surfaces = new Map<string, string>();
  const content: string[] = [];
  for (const token of tokens) {
    if (!isContentWord(token)) continue;
    const s = stem(token);
    content.push(s);
    add(weights, s, 1);
    if (!surfaces.has(s)) surfaces.set(s, token);
    if (lexicon.words.has(token)) continue;
    const parts = splitCompound(token, lexicon.words);
    for (const part of parts) add(weights, stem(part), 0.7);
    if (parts.length === 0) {
      const near = nearestWord(token, lexicon);
      if (near) add(weights, stem(near), 0.7);
    }
  }
  for (let i = 0; i < content.length; i++) {
    for (const phrase of lexicon.phrases.get(content[i]!) ?? []) {
      if (phrase.every((s, j) => content[i + j] === s)) add(weights, phrase.join('_'), 1.5);
    }
  }
  return { weights, surfaces };
}
