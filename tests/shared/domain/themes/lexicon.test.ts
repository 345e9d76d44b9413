import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ABBREVIATIONS, GENERIC_TERMS, THEME_VOCABULARY, type ThemeVocabulary } from '../../../../shared/domain/themes/lexicon.ts';

/** The codebook of the field: shared/ sits beside the repository (as in CI). */
const THEMES_TSV = fileURLToPath(new URL('../../../fixtures/themes/themes.tsv', import.meta.url));

function codebookIds(): string[] {
  const [header, ...rows] = readFileSync(THEMES_TSV, 'utf8').trim().split(/\r?\n/);
  expect(header?.split('\t')[0]).toBe('theme');
  return rows.map((row) => row.split('\t')[0]!.trim()).filter((id) => id.length > 0);
}

const TIERS = ['strong', 'medium', 'weak'] as const satisfies readonly (keyof ThemeVocabulary)[];
const themes = Object.entries(THEME_VOCABULARY);
const collator = new Intl.Collator('nl');

const isCleanEntry = (entry: string): boolean =>
  entry.length > 0 && entry === entry.trim() && entry === entry.toLowerCase() && !/\s{2,}/.test(entry);

describe('theme vocabulary', () => {
  it('has exactly the themes of the codebook', () => {
    const ids = codebookIds();
    expect(ids).toHaveLength(12);
    expect(Object.keys(THEME_VOCABULARY).sort()).toEqual([...ids].sort());
  });

  it.each(themes)('%s: every tier is a non-empty list of lowercase, trimmed entries', (_id, vocabulary) => {
    for (const tier of TIERS) {
      expect(Array.isArray(vocabulary[tier])).toBe(true);
      expect(vocabulary[tier].length).toBeGreaterThan(0);
      const unclean = vocabulary[tier].filter((entry) => typeof entry !== 'string' || !isCleanEntry(entry));
      expect(unclean).toEqual([]);
    }
  });

  it.each(themes)('%s: covers the theme with enough strong and medium words', (_id, vocabulary) => {
    expect(vocabulary.strong.length).toBeGreaterThanOrEqual(15);
    expect(vocabulary.strong.length + vocabulary.medium.length).toBeGreaterThanOrEqual(40);
    expect(vocabulary.weak.length).toBeGreaterThanOrEqual(15);
  });

  it.each(themes)('%s: no entry appears twice within or across its tiers', (_id, vocabulary) => {
    const all = TIERS.flatMap((tier) => vocabulary[tier]);
    const duplicates = all.filter((entry, i) => all.indexOf(entry) !== i);
    expect(duplicates).toEqual([]);
  });

  it.each(themes)('%s: tiers are in alphabetical order', (_id, vocabulary) => {
    for (const tier of TIERS) expect(vocabulary[tier]).toEqual([...vocabulary[tier]].sort(collator.compare));
  });

  it('no strong term of one theme is strong in another', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const [id, vocabulary] of themes) {
      for (const entry of vocabulary.strong) {
        const other = owner.get(entry);
        if (other !== undefined && other !== id) clashes.push(`${entry}: ${other} and ${id}`);
        owner.set(entry, id);
      }
    }
    expect(clashes).toEqual([]);
  });
});

describe('generic terms', () => {
  it('are lowercase, trimmed and unique', () => {
    expect(GENERIC_TERMS.length).toBeGreaterThan(0);
    expect(GENERIC_TERMS.filter((term) => !isCleanEntry(term))).toEqual([]);
    expect(new Set(GENERIC_TERMS).size).toBe(GENERIC_TERMS.length);
  });

  it('are not themselves entries of a theme', () => {
    const entries = new Set(themes.flatMap(([, vocabulary]) => TIERS.flatMap((tier) => vocabulary[tier])));
    expect(GENERIC_TERMS.filter((term) => entries.has(term))).toEqual([]);
  });
});

describe('abbreviations', () => {
  const pairs = Object.entries(ABBREVIATIONS);

  it('map lowercase, trimmed keys to different lowercase, trimmed values', () => {
    expect(pairs.length).toBeGreaterThan(0);
    for (const [key, value] of pairs) {
      expect(isCleanEntry(key), key).toBe(true);
      expect(isCleanEntry(value), value).toBe(true);
      expect(value).not.toBe(key);
    }
  });

  it('have keys in the normalised form the engine matches against (letters, digits, "+" and single spaces)', () => {
    expect(pairs.map(([key]) => key).filter((key) => !/^[a-z0-9+]+( [a-z0-9+]+)*$/.test(key))).toEqual([]);
  });

  it('map to a canonical form that is not itself an abbreviation', () => {
    expect(pairs.filter(([, value]) => value in ABBREVIATIONS).map(([key]) => key)).toEqual([]);
  });
});
