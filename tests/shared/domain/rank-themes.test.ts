import { describe, expect, it } from 'vitest';
import { rankThemes } from '../../../shared/domain/synthesis-view.ts';
import { UNSORTED_THEME_ID } from '../../../shared/domain/themes/default-codebook.ts';

const theme = (id: string, votes: number, cards: number, label = id) => ({ id, label, votes, cardIds: Array.from({ length: cards }, (_, i) => `${id}-${i}`) });

describe('rankThemes', () => {
  it('puts the most-voted theme first, then the one with most cards, then by name', () => {
    const ranked = rankThemes([theme('b', 2, 5, 'Administratie'), theme('a', 7, 1), theme('d', 2, 5, 'Dialoog'), theme('c', 2, 9)]);
    expect(ranked.map((t) => t.id)).toEqual(['a', 'c', 'b', 'd']);
  });

  it('keeps "Overig" last whatever its votes', () => {
    const ranked = rankThemes([theme(UNSORTED_THEME_ID, 40, 12), theme('x', 0, 1), theme('y', 3, 1)]);
    expect(ranked.map((t) => t.id)).toEqual(['y', 'x', UNSORTED_THEME_ID]);
  });

  it('returns a new array and leaves the view order alone', () => {
    const themes = [theme('a', 0, 1), theme('b', 5, 1)];
    const ranked = rankThemes(themes);
    expect(ranked).not.toBe(themes);
    expect(themes.map((t) => t.id)).toEqual(['a', 'b']);
  });
});
