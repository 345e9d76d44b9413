import { describe, expect, it } from 'vitest';
import { answerKey, leadingNumber, looksMissing, parseDutchNumber, splitMultiple } from '../../../shared/domain/survey-answers.ts';
import { orderCategories, rangeKey } from '../../../shared/domain/survey-order.ts';

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

  it('reads the number a label starts with', () => {
    expect(leadingNumber('3,5 sterren')).toBe(3.5);
    expect(leadingNumber('< 1 mln')).toBe(1);
  });
});

describe('orderCategories', () => {
  /** Labels in the given order, each with a count (default 1). */
  const order = (labels: (string | [string, number])[], how?: Parameters<typeof orderCategories>[1]) =>
    orderCategories(labels.map((l) => (typeof l === 'string' ? { label: l, count: 1 } : { label: l[0], count: l[1] })), how).map((c) => c.label);

  it('puts a recognised scale in its own order, whatever the file had first', () => {
    expect(order(['Nee', 'Deels', 'Ja'])).toEqual(['Ja', 'Nee', 'Deels']);
    expect(order(['nee', 'gedeeltelijk', 'JA'])).toEqual(['JA', 'nee', 'gedeeltelijk']);
    expect(order(['Oneens', 'Helemaal mee eens', 'Neutraal', 'Helemaal mee oneens', 'Mee eens'])).toEqual(['Helemaal mee eens', 'Mee eens', 'Neutraal', 'Oneens', 'Helemaal mee oneens']);
    expect(order(['Onvoldoende', 'Goed', 'Voldoende', 'Uitstekend'])).toEqual(['Uitstekend', 'Goed', 'Voldoende', 'Onvoldoende']);
    expect(order(['Ontevreden', 'Zeer tevreden', 'Tevreden'])).toEqual(['Zeer tevreden', 'Tevreden', 'Ontevreden']);
    expect(order(['Soms', 'Nooit', 'Altijd', 'Vaak'])).toEqual(['Altijd', 'Vaak', 'Soms', 'Nooit']);
  });

  it('orders ranges ascending by default, with "less than" before and "more than" after their number', () => {
    expect(order(['10-25%', 'meer dan 50%', '0-10%', '25-50%'])).toEqual(['0-10%', '10-25%', '25-50%', 'meer dan 50%']);
    expect(order(['1-5 mln', 'meer dan 5 mln', '< 1 mln'])).toEqual(['< 1 mln', '1-5 mln', 'meer dan 5 mln']);
    expect(order(['5-25 mln', '> 25 mln', '0-1 mln', '1-5 mln'])).toEqual(['0-1 mln', '1-5 mln', '5-25 mln', '> 25 mln']);
    expect(order(['500-1.000', '1.000-5.000', '0-500'])).toEqual(['0-500', '500-1.000', '1.000-5.000']);
    expect(order(['6-10', 'Geen', '11 of meer', '1-5'])).toEqual(['Geen', '1-5', '6-10', '11 of meer']);
    expect(order(['minder dan 10 cliënten', '10 tot 50', '50 cliënten of meer'])).toEqual(['minder dan 10 cliënten', '10 tot 50', '50 cliënten of meer']);
  });

  it('orders ranges and scales descending when chosen', () => {
    expect(order(['10-25%', 'meer dan 50%', '0-10%', '25-50%'], 'descending')).toEqual(['meer dan 50%', '25-50%', '10-25%', '0-10%']);
    expect(order(['1-5 mln', '< 1 mln', 'meer dan 5 mln'], 'ascending')).toEqual(['< 1 mln', '1-5 mln', 'meer dan 5 mln']);
    expect(order(['Nee', 'Deels', 'Ja'], 'descending')).toEqual(['Deels', 'Nee', 'Ja']);
  });

  it('puts other distributions (zorgkantoren, knelpunten) by size, ties alphabetically; never as first seen', () => {
    expect(order([['VGZ', 1], ['Menzis', 2], ['Zilveren Kruis', 3], ['CZ', 2]])).toEqual(['Zilveren Kruis', 'CZ', 'Menzis', 'VGZ']);
    expect(order([['Contractduur', 5], ['Tarieven', 9], ['Administratieve lasten', 7]])).toEqual(['Tarieven', 'Administratieve lasten', 'Contractduur']);
    // Not every label a range: no natural order, so by size.
    expect(order([['1 - slecht', 1], ['matig', 3], ['3', 2]])).toEqual(['matig', '3', '1 - slecht']);
  });

  it('orders by size when chosen, even a scale or ranges; ascending/descending without a natural order is alphabetical', () => {
    expect(order([['Ja', 2], ['Nee', 5], ['Deels', 3]], 'size')).toEqual(['Nee', 'Deels', 'Ja']);
    expect(order([['0-10%', 1], ['10-25%', 4]], 'size')).toEqual(['10-25%', '0-10%']);
    expect(order([['Menzis', 2], ['CZ', 1], ['VGZ', 3]], 'ascending')).toEqual(['CZ', 'Menzis', 'VGZ']);
    expect(order([['Menzis', 2], ['CZ', 1], ['VGZ', 3]], 'descending')).toEqual(['VGZ', 'Menzis', 'CZ']);
  });

  it('is stable and leaves the items themselves alone', () => {
    const items = [{ label: 'b', count: 1, key: 'x' }, { label: 'a', count: 1, key: 'y' }];
    expect(orderCategories(items)).toEqual([items[1], items[0]]);
    expect(items.map((i) => i.label)).toEqual(['b', 'a']);
    expect(orderCategories([])).toEqual([]);
  });

  it('reads where a range sits', () => {
    expect(rangeKey('< 1 mln')).toEqual([1, -1]);
    expect(rangeKey('meer dan 5 mln')).toEqual([5, 1]);
    expect(rangeKey('10-25%')).toEqual([10, 0]);
    expect(rangeKey('25+')).toEqual([25, 1]);
    expect(rangeKey('Geen')).toEqual([0, -1]);
    expect(rangeKey('Zilveren Kruis')).toBeNull();
    // A long label that is no range answers at once (no runaway backtracking).
    const started = performance.now();
    expect(rangeKey(`5 ${'aaaa '.repeat(60)}!`)).toEqual([5, 0]);
    expect(performance.now() - started).toBeLessThan(50);
  });
});
