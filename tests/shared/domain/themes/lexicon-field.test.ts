import { describe, expect, it } from 'vitest';
import { FIELD_VOCABULARY, VOCABULARY, entryKey, mergeVocabularies } from '../../../../shared/domain/themes/lexicon-field.ts';
import { GENERIC_TERMS, THEME_VOCABULARY, type ThemeVocabulary } from '../../../../shared/domain/themes/lexicon.ts';

const TIERS = ['strong', 'medium', 'weak'] as const satisfies readonly (keyof ThemeVocabulary)[];
const themes = Object.entries(FIELD_VOCABULARY);
const collator = new Intl.Collator('nl');

const isCleanEntry = (entry: string): boolean =>
  entry.length > 0 && entry === entry.trim() && entry === entry.toLowerCase() && !/\s{2,}/.test(entry);

describe('field vocabulary', () => {
  it('has exactly the themes of the core vocabulary', () => {
    expect(Object.keys(FIELD_VOCABULARY).sort()).toEqual(Object.keys(THEME_VOCABULARY).sort());
  });

  it.each(themes)('%s: tiers are lists of lowercase, trimmed entries in alphabetical order', (_id, vocabulary) => {
    for (const tier of TIERS) {
      expect(vocabulary[tier].filter((entry) => typeof entry !== 'string' || !isCleanEntry(entry))).toEqual([]);
      expect(vocabulary[tier]).toEqual([...vocabulary[tier]].sort(collator.compare));
    }
  });

  it.each(themes)('%s: every entry reads as something and no two entries read the same', (_id, vocabulary) => {
    const keys = TIERS.flatMap((tier) => vocabulary[tier]).map(entryKey);
    expect(keys.filter((key) => key === '')).toEqual([]);
    expect(keys.filter((key, i) => keys.indexOf(key) !== i)).toEqual([]);
  });

  it.each(themes)('%s: adds to the core vocabulary: no entry reads like one the theme already has', (id, vocabulary) => {
    const core = new Set(TIERS.flatMap((tier) => THEME_VOCABULARY[id]![tier]).map(entryKey));
    expect(TIERS.flatMap((tier) => vocabulary[tier]).filter((entry) => core.has(entryKey(entry)))).toEqual([]);
  });

  it('lists no generic term as an entry', () => {
    const generic = new Set(GENERIC_TERMS.map(entryKey));
    expect(themes.flatMap(([, vocabulary]) => TIERS.flatMap((tier) => vocabulary[tier])).filter((entry) => generic.has(entryKey(entry)))).toEqual([]);
  });

  it('merged, no strong entry of one theme reads like a strong entry of another', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const [id, vocabulary] of Object.entries(VOCABULARY)) {
      for (const entry of vocabulary.strong) {
        const key = entryKey(entry);
        const other = owner.get(key);
        if (other !== undefined && other !== id) clashes.push(`${entry}: ${other} and ${id}`);
        owner.set(key, id);
      }
    }
    expect(clashes).toEqual([]);
  });
});

describe('mergeVocabularies', () => {
  it('keeps the core entries as they are and adds the new ones behind them', () => {
    for (const [id, core] of Object.entries(THEME_VOCABULARY)) {
      for (const tier of TIERS) {
        expect(VOCABULARY[id]![tier].slice(0, core[tier].length)).toEqual(core[tier]);
        expect(VOCABULARY[id]![tier].length).toBe(core[tier].length + FIELD_VOCABULARY[id]![tier].length);
      }
    }
  });

  it('drops extra entries the theme already has by stem or that read as nothing, and changes neither input', () => {
    const base = { a: { strong: ['kwaliteitskader'], medium: ['goede zorg'], weak: [] } };
    const extra = {
      a: { strong: ['kwaliteitskaders'], medium: ['goede zorg', 'zorgstandaard'], weak: ['van de', 'zorgstandaarden'] },
      b: { strong: ['lumpsum'], medium: [], weak: [] },
    };
    const before = JSON.stringify([base, extra]);
    const merged = mergeVocabularies(base, extra);
    expect(merged).toEqual({
      a: { strong: ['kwaliteitskader'], medium: ['goede zorg', 'zorgstandaard'], weak: [] },
      b: { strong: ['lumpsum'], medium: [], weak: [] },
    });
    expect(JSON.stringify([base, extra])).toBe(before);
  });

  it('reads abbreviations as the engine does: "1-op-1 begeleiding" and "een op een begeleiding" are one entry', () => {
    expect(entryKey('1-op-1 begeleiding')).toBe(entryKey('een op een begeleiding'));
  });
});
