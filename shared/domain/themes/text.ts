import StemmerNl from '@nlpjs/lang-nl/src/stemmer-nl.js';
import { nld } from 'stopword';

/**
 * Words that carry meaning in workshop cards even though general stopword lists drop them:
 * negation and degree ("niet", "geen", "te", "meer", "veel") turn praise into complaint.
 */
const KEEP = new Set(['te', 'niet', 'geen', 'meer', 'veel', 'niets', 'tegen', 'zonder', 'altijd', 'andere', 'zelf', 'over']);

/** Dutch stopwords minus the ones that matter here. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  [...nld, 'worden', 'wordt', 'zijn', 'is', 'was', 'wel', 'nog', 'ook', 'erg', 'heel', 'hele', 'echt', 'vaak', 'soms', 'dit', 'jaar']
    .filter((w) => !KEEP.has(w)),
);

/** Lowercase, without diacritics ("cliënten" -> "clienten"), punctuation turned into spaces. */
export function normaliseText(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^a-z0-9+]+/g, ' ')
    .trim();
}

/** Word tokens of a normalised text; very long junk tokens are cut off (a card is not a file). */
export function tokenize(normalised: string): string[] {
  if (normalised === '') return [];
  return normalised.split(' ').filter((t) => t.length > 0 && t.length <= 40);
}

const stemmer = new StemmerNl();

/**
 * Words whose Snowball stem is that of a theme word they do not mean: "verschillende gemeenten"
 * is "several municipalities", not "differences between municipalities".
 */
// A Map, not a plain object: user text such as "constructor" must not find Object's own members.
const STEM_OVERRIDES: ReadonlyMap<string, string> = new Map([['verschillende', 'verschillend'], ['verschillend', 'verschillend']]);
const stemCache = new Map<string, string>();

/**
 * Dutch Snowball stem, with the spelling alternations Snowball leaves: "tariev" (tarieven) and
 * "tarief" become one, as do "prijz" and "prijs".
 */
export function stem(word: string): string {
  let cached = stemCache.get(word);
  if (cached === undefined) {
    cached = STEM_OVERRIDES.get(word) ?? (word.length <= 3 || /\d/.test(word) ? word : stemmer.stemWord(word).replace(/v$/, 'f').replace(/z$/, 's'));
    if (stemCache.size > 50_000) stemCache.clear();
    stemCache.set(word, cached);
  }
  return cached;
}

export const isContentWord = (token: string): boolean => !STOPWORDS.has(token) && (token.length > 1 || /\d/.test(token));
