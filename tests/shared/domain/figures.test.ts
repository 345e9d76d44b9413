import { describe, expect, it } from 'vitest';
import { choiceFigures, numberFigures, percentages, plainPercentages } from '../../../shared/domain/figures.ts';

describe('percentages (largest remainder)', () => {
  it.each([
    [[38, 22, 40], [38, 22, 40]],
    [[1, 1, 1], [34, 33, 33]],
    [[2, 1], [67, 33]],
    [[1, 2], [33, 67]],
    [[1, 1, 1, 1, 1, 1, 1], [15, 15, 14, 14, 14, 14, 14]],
    [[0, 0, 0], [0, 0, 0]],
    [[5], [100]],
    [[1, 0, 2], [33, 0, 67]],
    // 7/4/4 of 15: remainders 10/15 each (exactly equal): the larger count gets the point.
    [[7, 4, 4], [47, 27, 26]],
  ])('%j -> %j', (counts, expected) => {
    expect(percentages(counts)).toEqual(expected);
  });

  it('always adds up to 100 for non-empty counts', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 50;
    for (let i = 0; i < 500; i++) {
      const counts = Array.from({ length: 1 + (i % 9) }, next);
      const shares = percentages(counts);
      if (counts.some((c) => c > 0)) expect(shares.reduce((a, b) => a + b, 0)).toBe(100);
      counts.forEach((c, j) => expect(Math.abs(shares[j]! - (c * 100) / Math.max(1, counts.reduce((a, b) => a + b, 0)))).toBeLessThan(1));
    }
  });
});

const YES_NO = [
  { key: 'ja', label: 'Ja' },
  { key: 'nee', label: 'Nee' },
  { key: 'deels', label: 'Deels' },
  { key: 'nvt', label: 'Niet van toepassing', missing: true },
];

describe('choiceFigures', () => {
  const answers = [...Array(19).fill(['ja']), ...Array(11).fill(['nee']), ...Array(20).fill(['deels']), ...Array(10).fill(['nvt']), ['onbekend'], []];

  it('keeps "niet van toepassing" as its own category, in the base by default', () => {
    const f = choiceFigures(YES_NO, answers, { multiple: false, excludeMissing: false });
    expect(f).toMatchObject({ n: 60, answered: 60 });
    expect(f.categories.map((c) => [c.key, c.count, c.percent])).toEqual([['ja', 19, 32], ['nee', 11, 18], ['deels', 20, 33], ['nvt', 10, 17]]);
  });

  it('can leave it out of the base: "38% ja, 22% nee, 40% deels"', () => {
    const f = choiceFigures(YES_NO, answers, { multiple: false, excludeMissing: true });
    expect(f).toMatchObject({ n: 50, answered: 60 });
    expect(f.categories.map((c) => [c.key, c.count, c.percent])).toEqual([['ja', 19, 38], ['nee', 11, 22], ['deels', 20, 40], ['nvt', 10, null]]);
  });

  it('gives multiple answers as shares of the respondents', () => {
    const f = choiceFigures(YES_NO.slice(0, 3), [['ja', 'nee'], ['ja'], ['ja', 'deels', 'ja']], { multiple: true, excludeMissing: false });
    expect(f.n).toBe(3);
    expect(f.categories.map((c) => [c.count, c.percent])).toEqual([[3, 100], [1, 33], [1, 33]]);
  });

  it('gives a scale its mean', () => {
    const scale = [1, 2, 3, 4, 5].map((k) => ({ key: String(k), label: String(k) }));
    const f = choiceFigures(scale, [['1'], ['4'], ['5'], ['5']], { multiple: false, excludeMissing: false, scale: true });
    expect(f.mean).toBe(3.8);
    expect(f.categories.map((c) => c.percent)).toEqual([25, 0, 0, 25, 50]);
  });
});

describe('numberFigures', () => {
  it('gives n, mean to one decimal, min and max', () => {
    expect(numberFigures([0, 292, 12, 3, 0])).toEqual({ kind: 'number', n: 5, mean: 61.4, min: 0, max: 292 });
    expect(numberFigures([])).toEqual({ kind: 'number', n: 0, mean: null, min: null, max: null });
  });
});

describe('plainPercentages (each answer rounded half up)', () => {
  it('rounds each share on its own, as published reports often do, so the sum may pass 100', () => {
    // 59.6 / 27.6 / 12.8: plain gives 60 / 28 / 13 (101), largest remainder 60 / 27 / 13 (100).
    expect(plainPercentages([596, 276, 128])).toEqual([60, 28, 13]);
    expect(percentages([596, 276, 128])).toEqual([60, 27, 13]);
  });

  it('rounds an exact half up, without floating point noise', () => {
    expect(plainPercentages([1, 7])).toEqual([13, 88]);
    expect(plainPercentages([1, 1, 1])).toEqual([33, 33, 33]);
    expect(plainPercentages([0, 0])).toEqual([0, 0]);
  });

  it('is what choiceFigures uses with rounding plain', () => {
    const categories = ['ja', 'nee', 'deels'].map((key) => ({ key, label: key }));
    const answers = [...Array(596).fill(['ja']), ...Array(276).fill(['nee']), ...Array(128).fill(['deels'])];
    const plain = choiceFigures(categories, answers, { multiple: false, excludeMissing: false, rounding: 'plain' });
    const exact = choiceFigures(categories, answers, { multiple: false, excludeMissing: false });
    expect(plain.categories.map((c) => c.percent)).toEqual([60, 28, 13]);
    expect(exact.categories.map((c) => c.percent)).toEqual([60, 27, 13]);
  });
});
