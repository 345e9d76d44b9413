import { describe, expect, it } from 'vitest';
import { answerKey, leadingNumber, looksMissing, orderLabels, parseDutchNumber, splitMultiple } from '../../../shared/domain/survey-answers.ts';

describe('parseDutchNumber', () => {
  it.each<[string, number | null]>([
    ['12', 12],
    ['0', 0],
    ['12,5', 12.5],
    ['3,25', 3.25],
    [',5', 0.5],
    ['1.234', 1234],
    ['1.234.567', 1234567],
    ['1.234,5', 1234.5],
    ['1,234.5', 1234.5],
    ['12.5', 12.5],
    ['0.25', 0.25],
    ['0.250', 0.25],
    ['1,234', 1.234],
    ['1 234', 1234],
    ['1\u00a0234,5', 1234.5],
    ['-3', -3],
    ['+4,5', 4.5],
    ['75%', 75],
    ['  7 ', 7],
    ['', null],
    ['ca. 20', null],
    ['20-30', null],
    ['n.v.t.', null],
    ['weet niet', null],
    ['1.23.4', null],
    ['1,2,3', null],
    ['12.', null],
    ['1.234,5.6', null],
    ['€ 12', null],
  ])('%j -> %j', (text, expected) => {
    expect(parseDutchNumber(text)).toBe(expected);
  });
});

describe('answers', () => {
  it('treats case and spacing as the same answer', () => {
    expect(answerKey(' Ja ')).toBe(answerKey('JA'));
    expect(answerKey('Niet  van toepassing')).toBe('niet van toepassing');
  });

  it('splits a multiple answer on ; or | when present, otherwise on commas, dropping quotes', () => {
    expect(splitMultiple('Tarieven; Administratieve lasten')).toEqual(['Tarieven', 'Administratieve lasten']);
    expect(splitMultiple('Tarieven|Contractduur|')).toEqual(['Tarieven', 'Contractduur']);
    expect(splitMultiple('Tarieven, Contractduur')).toEqual(['Tarieven', 'Contractduur']);
    expect(splitMultiple('Ja, maar later; Nee')).toEqual(['Ja, maar later', 'Nee']);
    expect(splitMultiple('Administratieve lasten, "Tarieven"')).toEqual(['Administratieve lasten', 'Tarieven']);
    expect(splitMultiple('')).toEqual([]);
  });

  it('knows the common missing labels', () => {
    for (const label of ['niet van toepassing', 'N.v.t.', 'nvt', 'n.v.t', 'Weet niet', 'weet ik niet', 'Geen mening', 'onbekend']) expect(looksMissing(label)).toBe(true);
    for (const label of ['nee', 'niet', 'weet het zeker', 'geen']) expect(looksMissing(label)).toBe(false);
  });

  it('orders labels by their leading number when all have one, else as first seen', () => {
    const labels = (xs: string[]) => orderLabels(xs.map((label) => ({ label }))).map((x) => x.label);
    expect(labels(['50-75%', '75-100%', '0-25%', '25-50%'])).toEqual(['0-25%', '25-50%', '50-75%', '75-100%']);
    expect(labels(['5-25 mln', '> 25 mln', '0-1 mln', '1-5 mln'])).toEqual(['0-1 mln', '1-5 mln', '5-25 mln', '> 25 mln']);
    expect(labels(['500-1.000', '1.000-5.000', '0-500'])).toEqual(['0-500', '500-1.000', '1.000-5.000']);
    expect(labels(['Nee', 'Ja', 'Deels'])).toEqual(['Nee', 'Ja', 'Deels']);
    expect(labels(['1 - slecht', 'matig', '3'])).toEqual(['1 - slecht', 'matig', '3']);
    expect(leadingNumber('3,5 sterren')).toBe(3.5);
  });
});
