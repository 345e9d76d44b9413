import { describe, expect, it } from 'vitest';
import { mergeThemes, resolveTheme, unmergeTheme } from '../../../shared/domain/codebook-edits.ts';
import { isStudyTheme, mergeTargets, type ThemeGroupView } from '../../../shared/domain/synthesis-view.ts';
import { UNSORTED_THEME_ID } from '../../../shared/domain/themes/default-codebook.ts';
import type { Codebook } from '../../../shared/schemas/codebook.ts';

const theme = (id: string, name: string, seeds: string[]) => ({ id, name, description: '', seeds, mergedInto: null });
const codebook: Codebook = { themes: [theme('tarieven', 'Tarieven', ['tarief', 'kostprijs']), theme('kosten', 'Kosten', ['kostprijs', 'geld']), theme('overleg', 'Overleg', [])] };

const ok = <T>(result: { ok: true; data: T } | { ok: false }): T => {
  if (!result.ok) throw new Error('expected ok');
  return result.data;
};

describe('unmergeTheme', () => {
  it('gives back exactly what the merge took: the alias is live, the target keeps only its own seeds', () => {
    const merged = ok(mergeThemes(codebook, 'kosten', 'tarieven'));
    expect(merged.themes[0]!.seeds).toEqual(['tarief', 'kostprijs', 'Kosten', 'geld']);
    expect(resolveTheme(merged, 'kosten')).toBe('tarieven');
    expect(ok(unmergeTheme(merged, 'kosten'))).toEqual(codebook);
  });

  it('undoes the last step of a chain only, and refuses what is not merged', () => {
    const twice = ok(mergeThemes(ok(mergeThemes(codebook, 'kosten', 'tarieven')), 'tarieven', 'overleg'));
    const back = ok(unmergeTheme(twice, 'tarieven'));
    expect(resolveTheme(back, 'kosten')).toBe('tarieven');
    expect(back.themes.find((t) => t.id === 'overleg')!.seeds).toEqual([]);
    expect(unmergeTheme(codebook, 'tarieven')).toMatchObject({ ok: false, error: 'conflict' });
    expect(unmergeTheme(codebook, 'bestaat-niet')).toMatchObject({ ok: false, error: 'not_found' });
  });
});

describe("merging and 'overig'", () => {
  it('refuses overig as source or target, whatever the codebook holds', () => {
    expect(mergeThemes(codebook, UNSORTED_THEME_ID, 'tarieven')).toMatchObject({ ok: false, error: 'conflict' });
    expect(mergeThemes(codebook, 'tarieven', UNSORTED_THEME_ID)).toMatchObject({ ok: false, error: 'conflict' });
  });

  it('offers neither overig nor candidates nor the theme itself as a target, and lets neither be renamed or merged', () => {
    const group = (id: string, discovered = false): ThemeGroupView => ({ id, label: id, terms: [], discovered, cardIds: ['c'], votes: 0, byColumn: {}, finding: null });
    const themes = [group('tarieven'), group(UNSORTED_THEME_ID), group('kandidaat', true), group('kosten')];
    expect(mergeTargets(themes, 'tarieven').map((t) => t.id)).toEqual(['kosten']);
    expect(themes.filter(isStudyTheme).map((t) => t.id)).toEqual(['tarieven', 'kosten']);
  });
});
