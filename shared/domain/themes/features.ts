import { clauses } from './clauses.ts';
import { baseForms, dutchWords, PARTICLES, separableVerb, verbLemma } from './dutch-words.ts';
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

/** Whether a token is a word the engine knows or the Dutch dictionary lists (in some inflected form). */
function isWord(token: string, words: Set<string>): boolean {
  const dutch = dutchWords();
  return baseForms(token).some((f) => words.has(f) || dutch.has(f));
}

/** The form of a compound part to use: the known one, or its singular ("systemen" -> "systeem"). */
function partForm(part: string, words: Set<string>): string {
  const dutch = dutchWords();
  return baseForms(part).find((f) => words.has(f)) ?? baseForms(part).find((f) => dutch.has(f)) ?? part;
}

/** Linking sounds between the parts of a Dutch compound ("financiering-s-systeem", "boek-en-kast"). */
const LINKS = ['', 's', 'en', 'e'];

/** Tails that look like words but are derivational endings ("verschil-lende", "gelijk-heid"): no split there. */
const SUFFIX_LIKE = new Set(['lende', 'ende', 'heid', 'heden', 'ing', 'ingen', 'lijk', 'lijke', 'baar', 'bare', 'achtig', 'loos', 'loze', 'schap', 'elijk', 'elijke', 'tje', 'tjes', 'ster', 'aar', 'ant', 'erij']);

const splitCache = new Map<string, string[]>();

/**
 * The parts of a Dutch compound, each a real word ("meerzorgaanvragen" -> "meerzorg", "aanvraag";
 * "zorgkantoorregio's" -> "zorgkantoor", "regio"): the longest known head with a known tail, the
 * tail split again if it is itself a compound. Words come from the engine's vocabulary and the
 * Dutch dictionary. Falls back to the vocabulary's words inside the token when no split into real
 * words exists.
 */
export function splitCompound(token: string, words: Set<string>): string[] {
  if (token.length < 7) return [];
  const key = token;
  const cached = words === lastWords ? splitCache.get(key) : undefined;
  if (cached) return cached;
  if (words !== lastWords) {
    splitCache.clear();
    lastWords = words;
  }
  const parts = splitInto(token, words, 3) ?? vocabularyParts(token, words);
  if (splitCache.size > 50_000) splitCache.clear();
  splitCache.set(key, parts);
  return parts;
}
let lastWords: Set<string> | null = null;

function splitInto(token: string, words: Set<string>, depth: number): string[] | null {
  for (let i = token.length - 3; i >= 3; i--) {
    const head = token.slice(0, i);
    const tail = token.slice(i);
    for (const link of LINKS) {
      if (!head.endsWith(link)) continue;
      const base = link ? head.slice(0, -link.length) : head;
      if (base.length < 3 || !(words.has(base) || dutchWords().has(base))) continue;
      if (tail.length >= 3 && !SUFFIX_LIKE.has(tail) && isWord(tail, words)) return [base, partForm(tail, words)];
      if (depth > 1 && tail.length >= 6) {
        const rest = splitInto(tail, words, depth - 1);
        if (rest) return [base, ...rest];
      }
    }
  }
  return null;
}

/** Known head and modifier inside a token, against the vocabulary only (the earlier, looser split). */
function vocabularyParts(token: string, words: Set<string>): string[] {
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

export interface FeatureOptions {
  /**
   * Read the clause structure (clauses.ts): consequences, asides and context count less. Off for
   * vocabulary entries, which are phrases, not statements.
   */
  structure?: boolean;
}

/** Features of one card's text, weighted by the role of the clause each word stands in. Pure and deterministic. */
export function extractFeatures(text: string, lexicon: Lexicon, options: FeatureOptions = {}): Features {
  const weights = new Map<string, number>();
  const surfaces = new Map<string, string>();
  const source = text.slice(0, 2000);
  const parts = options.structure === false ? [{ text: source, weight: 1 }] : clauses(source);
  for (const part of parts) addClause(part.text, part.weight, lexicon, weights, surfaces);
  return { weights, surfaces };
}

function addClause(text: string, clauseWeight: number, lexicon: Lexicon, weights: Map<string, number>, surfaces: Map<string, string>): void {
  let normalised = normaliseText(text);
  for (const [alias, canonical] of lexicon.aliases) {
    if (normalised.includes(alias)) normalised = ` ${normalised} `.replaceAll(` ${alias} `, ` ${normaliseText(canonical)} `).trim();
  }
  const tokens = tokenize(normalised);
  const content: string[] = [];
  const put = (key: string, weight: number) => add(weights, key, weight * clauseWeight);
  for (const token of tokens) {
    if (!isContentWord(token)) continue;
    const s = stem(token);
    // A conjugated verb also counts as its dictionary form: "declareert" and "declareren" are one word.
    const lemma = verbLemma(token);
    const ls = lemma ? stem(lemma) : s;
    content.push(s);
    put(s, 1);
    if (ls !== s) put(ls, 1);
    if (!surfaces.has(s)) surfaces.set(s, token);
    if (lexicon.words.has(token)) continue;
    const parts = splitCompound(token, lexicon.words);
    for (const part of parts) put(stem(part), 0.7);
    // A real Dutch word is not a misspelling of a vocabulary word it merely resembles.
    if (parts.length === 0 && !isWord(token, lexicon.words)) {
      const near = nearestWord(token, lexicon);
      if (near) put(stem(near), 0.7);
    }
  }
  // A separable verb split over the clause ("wijst meerzorg vaak af") counts as the verb it is.
  const last = tokens[tokens.length - 1];
  if (last !== undefined && PARTICLES.has(last)) {
    for (let i = tokens.length - 2; i >= Math.max(0, tokens.length - 12); i--) {
      const verb = separableVerb(tokens[i]!, last);
      if (verb) {
        put(stem(verb), 1);
        break;
      }
    }
  }
  for (let i = 0; i < content.length; i++) {
    for (const phrase of lexicon.phrases.get(content[i]!) ?? []) {
      if (phrase.every((s, j) => content[i + j] === s)) put(phrase.join('_'), 1.5);
    }
  }
}
