import { describe, expect, it } from 'vitest';
import { ASSOCIATES, ASSOCIATION_WEIGHT, associations, withAssociates } from '../../../../shared/domain/themes/distributional.ts';
import { DEFAULT_CODEBOOK } from '../../../../shared/domain/themes/default-codebook.ts';
import { synthesize } from '../../../../shared/domain/themes/engine.ts';
import type { Features } from '../../../../shared/domain/themes/features.ts';

const card = (...words: string[]): Features => ({ weights: new Map(words.map((w) => [w, 1])), surfaces: new Map() });
const KNOWN = new Set(['tarief', 'kostprijs', 'dialoog']);
const known = (f: string) => KNOWN.has(f);

describe('associations', () => {
  const corpus = [card('blorp', 'tarief'), card('blorp', 'tarief', 'kostprijs'), card('blorp', 'dialoog'), card('dialoog', 'overleg'), card('tarief')];

  it('counts how often an unknown word meets each known word, never known words among themselves', () => {
    const stats = associations(corpus, known);
    expect(stats.cards).toBe(5);
    expect(stats.frequency.get('blorp')).toBe(3);
    expect(stats.together.get('blorp')).toEqual(new Map([['tarief', 2], ['kostprijs', 1], ['dialoog', 1]]));
    expect(stats.together.has('tarief')).toBe(false);
  });

  it('lends an unknown word the known words it keeps company with, at a fraction of its own weight', () => {
    const expanded = withAssociates(card('blorp', 'zorg'), associations(corpus, known)).weights;
    // "tarief" met "blorp" twice and more often than chance; "kostprijs" and "dialoog" only once.
    expect(expanded.get('tarief')).toBeCloseTo(ASSOCIATION_WEIGHT / ASSOCIATES, 6);
    expect(expanded.has('kostprijs')).toBe(false);
    expect(expanded.has('dialoog')).toBe(false);
    expect(expanded.get('blorp')).toBe(1);
  });

  it('adds nothing the card already says, and leaves a card of known or unseen words as it is', () => {
    const stats = associations(corpus, known);
    expect(withAssociates(card('blorp', 'tarief'), stats).weights.get('tarief')).toBe(1);
    const plain = card('dialoog', 'nieuwwoord');
    expect(withAssociates(plain, stats)).toBe(plain);
  });

  it('ignores a word that occurs on one card only: one meeting says nothing', () => {
    const stats = associations([card('eenmalig', 'tarief'), card('tarief')], known);
    expect(withAssociates(card('eenmalig'), stats).weights.has('tarief')).toBe(false);
  });
});

describe('distributional meaning in the engine', () => {
  // "Zwaluwstaart" is no word of the field; this study's cards use it for the price of care.
  const context = [
    'De zwaluwstaart ligt onder de kostprijs, het tarief dekt de loonkosten niet.',
    'Met deze zwaluwstaart is het tarief niet kostendekkend.',
    'Het tarief en de zwaluwstaart zijn niet geïndexeerd.',
  ];
  const study = (probe: string) => [...context.map((text, i) => ({ id: `c${i}`, text })), { id: 'probe', text: probe }];
  const themeOf = (cards: { id: string; text: string }[]) => synthesize({ cards, mode: 'codebook', codebook: DEFAULT_CODEBOOK }).assignments.probe!;

  it('reads an unknown word through the company it keeps on the other cards of the study', () => {
    const probe = 'Over de zwaluwstaart zijn we ontevreden.';
    // Alone, only "ontevreden over" speaks, and it speaks of the relationship.
    expect(themeOf([{ id: 'probe', text: probe }]).themeId).not.toBe('tarieven');
    expect(themeOf(study(probe)).themeId).toBe('tarieven');
  });

  it('borrowed meaning is no evidence of its own: a card that says nothing a theme knows stays in overig', () => {
    const probe = 'De zwaluwstaart moet anders.';
    expect(themeOf([{ id: 'probe', text: probe }]).themeId).toBe('overig');
    expect(themeOf(study(probe)).themeId).toBe('overig');
  });
});
