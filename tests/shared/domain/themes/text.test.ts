import { describe, expect, it } from 'vitest';
import { isContentWord, normaliseText, stem, STOPWORDS, tokenize } from '../../../../shared/domain/themes/text.ts';

describe('normaliseText', () => {
  it('lowercases and strips diacritics', () => {
    expect(normaliseText('Cliënten')).toBe('clienten');
    expect(normaliseText('Reële KOSTPRIJS, continuïteit, beëindiging')).toBe('reele kostprijs continuiteit beeindiging');
  });

  it('turns punctuation and runs of whitespace into single spaces, trimmed', () => {
    expect(normaliseText('  Tarief:  te laag!!  (echt?) — "NZa-tarief"; e-health… ')).toBe('tarief te laag echt nza tarief e health');
    expect(normaliseText('regel1\tregel2\nregel3')).toBe('regel1 regel2 regel3');
  });

  it('keeps digits and "+" (VG7+, 18+)', () => {
    expect(normaliseText('VG-7+ en 18+')).toBe('vg 7+ en 18+');
  });

  it('gives an empty string for text without letters or digits', () => {
    expect(normaliseText('')).toBe('');
    expect(normaliseText(' ?! … 🎉 ')).toBe('');
  });
});

describe('tokenize', () => {
  it('splits a normalised text into words', () => {
    expect(tokenize('het tarief is te laag')).toEqual(['het', 'tarief', 'is', 'te', 'laag']);
    expect(tokenize('')).toEqual([]);
  });

  it('drops tokens longer than 40 characters (pasted junk, not words)', () => {
    expect(tokenize(`tarief ${'x'.repeat(41)} laag ${'y'.repeat(40)}`)).toEqual(['tarief', 'laag', 'y'.repeat(40)]);
  });
});

describe('stopwords', () => {
  it.each(['te', 'niet', 'geen', 'meer', 'veel'])('keeps "%s" (negation and degree change the meaning of a card)', (word) => {
    expect(STOPWORDS.has(word)).toBe(false);
    expect(isContentWord(word)).toBe(true);
  });

  it.each(['de', 'het', 'een', 'en', 'van', 'dat', 'is', 'wordt'])('drops "%s"', (word) => {
    expect(STOPWORDS.has(word)).toBe(true);
    expect(isContentWord(word)).toBe(false);
  });

  it('does not treat single letters as content, but does keep numbers', () => {
    expect(isContentWord('x')).toBe(false);
    expect(isContentWord('7')).toBe(true);
  });
});

describe('stem', () => {
  it.each([
    ['tarief', 'tarieven'],
    ['kostprijs', 'kostprijzen'],
    ['gemeente', 'gemeenten'],
    ['aanvraag', 'aanvragen'],
    ['meerzorgaanvraag', 'meerzorgaanvragen'],
  ])('unifies "%s" and "%s"', (singular, plural) => {
    expect(stem(plural)).toBe(stem(singular));
  });

  it('keeps different words apart', () => {
    expect(stem('tarief')).not.toBe(stem('kostprijs'));
    expect(stem('gemeente')).not.toBe(stem('gemeenschap'));
    expect(stem('meerzorg')).not.toBe(stem('zorg'));
  });

  it('leaves short words and words with digits alone', () => {
    expect(stem('wlz')).toBe('wlz');
    expect(stem('vg7')).toBe('vg7');
  });
});

describe('stem of built-in property names', () => {
  it.each(['constructor', '__proto__', 'tostring', 'hasownproperty', 'valueof'])('stems "%s" to a string, never to a member of Object', (word) => {
    expect(typeof stem(word)).toBe('string');
  });
});
