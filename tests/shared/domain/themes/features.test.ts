import { describe, expect, it } from 'vitest';
import { buildLexicon, extractFeatures, nearestWord, splitCompound, type Lexicon } from '../../../../shared/domain/themes/features.ts';
import { ABBREVIATIONS, GENERIC_TERMS, THEME_VOCABULARY } from '../../../../shared/domain/themes/lexicon.ts';
import { normaliseText, stem } from '../../../../shared/domain/themes/text.ts';
import { garbageText } from './garbage.ts';

/** The lexicon the engine builds from its built-in vocabulary (engine.ts, baseLexicon). */
const lexicon: Lexicon = buildLexicon(
  [...Object.values(THEME_VOCABULARY).flatMap((t) => [...t.strong, ...t.medium, ...t.weak]), ...GENERIC_TERMS],
  ABBREVIATIONS,
);

const featuresOf = (text: string): string[] => [...extractFeatures(text, lexicon).weights.keys()];

describe('splitCompound', () => {
  it('splits "meerzorgaanvraag" into meerzorg and aanvraag', () => {
    expect(splitCompound('meerzorgaanvraag', lexicon.words)).toEqual(['meerzorg', 'aanvraag']);
  });

  it('splits "tariefpercentage" into tarief and percentage', () => {
    expect(splitCompound('tariefpercentage', lexicon.words)).toEqual(['tarief', 'percentage']);
  });

  it('splits "zorginkoopproces" into a known modifier and a known head', () => {
    // Longest match: with the current vocabulary that is "zorginkoop" + "inkoopproces".
    const [head, tail, ...rest] = splitCompound('zorginkoopproces', lexicon.words);
    expect(rest).toEqual([]);
    expect(lexicon.words.has(head!) && 'zorginkoopproces'.startsWith(head!)).toBe(true);
    expect(lexicon.words.has(tail!) && 'zorginkoopproces'.endsWith(tail!)).toBe(true);
    expect(`${head} ${tail}`).toMatch(/inkoop|proces/);
  });

  it('does not split short words or words without known parts', () => {
    expect(splitCompound('tarief', lexicon.words)).toEqual([]);
    expect(splitCompound('qwxzvbnmkj', lexicon.words)).toEqual([]);
  });
});

describe('nearestWord', () => {
  it.each([
    ['tarrieven', 'tarieven'],
    ['meerzorgaanvrage', 'meerzorgaanvraag'],
    ['terugkopeling', 'terugkoppeling'],
    ['hoofdaanemer', 'hoofdaannemer'],
  ])('maps the misspelling "%s" to "%s"', (typo, word) => {
    expect(nearestWord(typo, lexicon)).toBe(word);
  });

  it('finds nothing for a word unlike any known word, or a very short one', () => {
    expect(nearestWord('fietsenstalling', lexicon)).toBeNull();
    expect(nearestWord('trf', lexicon)).toBeNull();
  });
});

describe('extractFeatures', () => {
  it('gives the stems of the content words, without stopwords', () => {
    const features = featuresOf('Het tarief is te laag voor de cliënten');
    expect(features).toEqual(expect.arrayContaining([stem('tarief'), 'te', stem('laag'), stem('clienten')]));
    expect(features).not.toContain('het');
    expect(features).not.toContain('de');
  });

  it('gives the known parts of a compound that is not itself a known word', () => {
    // "meerzorgaanvragen" (plural) is not in the vocabulary; its parts are.
    expect(featuresOf('Onze meerzorgaanvragen blijven liggen')).toContain(stem('meerzorg'));
    expect(featuresOf('De tariefverschillen zijn groot')).toEqual(expect.arrayContaining([stem('tarief'), stem('verschillen')]));
  });

  it('maps a misspelled word to the known word', () => {
    expect(featuresOf('De tarrieven zijn omlaag gegaan')).toContain(stem('tarieven'));
    expect(featuresOf('Onze meerzorgaanvrage werd afgewezen')).toContain(stem('meerzorg'));
  });

  it('weighs a part or a corrected spelling less than a word as written', () => {
    const { weights } = extractFeatures('tarrieven', lexicon);
    expect(weights.get(stem('tarief'))).toBeLessThan(weights.get(stem('tarrieven'))!);
  });

  it('matches a phrase, also when written as its abbreviation (NvI)', () => {
    const phrase = 'nota_inlicht';
    expect(featuresOf('De nota van inlichtingen kwam pas na de deadline')).toContain(phrase);
    expect(featuresOf('De NvI kwam pas na de deadline')).toContain(phrase);
    expect(featuresOf('De nota kwam pas na de deadline')).not.toContain(phrase);
    expect(featuresOf('Inlichtingen over de nota')).not.toContain(phrase);
  });

  it('expands other abbreviations (VG-7, PxQ)', () => {
    expect(featuresOf('Cliënten met VG-7 krijgen weinig extra')).toContain('vg7');
    expect(featuresOf('Overgang van lump sum naar P x Q')).toEqual(expect.arrayContaining(['lumpsum', 'pxq']));
  });

  it('keeps a readable surface form per stem', () => {
    const { surfaces } = extractFeatures('De tarieven zijn te laag', lexicon);
    expect(surfaces.get(stem('tarieven'))).toBe('tarieven');
    expect(surfaces.get(stem('laag'))).toBe(normaliseText('laag'));
  });

  it('gives no features for empty or wordless text', () => {
    for (const text of ['', '   ', '?!... --- 🎉🎉', 'de het een']) {
      const { weights, surfaces } = extractFeatures(text, lexicon);
      expect(weights.size).toBe(0);
      expect(surfaces.size).toBe(0);
    }
  });

  it.each([1, 2, 3])('handles a 10,000-character garbage card (seed %i) with a bounded set of sane features', (seed) => {
    const text = garbageText(10_000, seed);
    expect(text).toHaveLength(10_000);
    const { weights, surfaces } = extractFeatures(text, lexicon);
    expect(weights.size).toBeLessThanOrEqual(1_000);
    expect(surfaces.size).toBeLessThanOrEqual(weights.size);
    for (const [feature, weight] of weights) {
      expect(feature.length).toBeGreaterThan(0);
      expect(Number.isFinite(weight) && weight > 0 && weight <= 1.5, `${feature}: ${weight}`).toBe(true);
    }
  });

  it('does not let the number of features grow with the length of a pasted text', () => {
    const long = extractFeatures(garbageText(100_000, 9), lexicon).weights.size;
    expect(long).toBeLessThanOrEqual(1_000);
    const words = extractFeatures(Array.from({ length: 20_000 }, (_, i) => `woord${i}`).join(' '), lexicon).weights.size;
    expect(words).toBeLessThanOrEqual(1_000);
  });

  it('ignores a single 10,000-letter token', () => {
    expect(extractFeatures('a'.repeat(10_000), lexicon).weights.size).toBe(0);
  });

  it('is deterministic', () => {
    const text = 'Meerzorgaanvrage en tarrieven, de NvI en VG-7: alles tegelijk.';
    const a = extractFeatures(text, lexicon);
    const b = extractFeatures(text, lexicon);
    expect([...b.weights]).toEqual([...a.weights]);
    expect([...b.surfaces]).toEqual([...a.surfaces]);
  });
});
