import { fail, ok, type Result } from '../protocol/errors.ts';
import type { Codebook, CodebookTheme } from '../schemas/codebook.ts';
import type { EngineCodebook } from './themes/model.ts';
import { UNSORTED_THEME_ID } from './themes/default-codebook.ts';

/** The theme a (possibly merged) theme id stands for now. */
export function resolveTheme(codebook: Codebook, id: string): string {
  let current = id;
  for (let hops = 0; hops < codebook.themes.length; hops++) {
    const next = codebook.themes.find((t) => t.id === current)?.mergedInto;
    if (!next) return current;
    current = next;
  }
  return current;
}

/** Whether cards can be sorted into this theme: a live codebook theme, or `overig`. */
export const isSortable = (codebook: Codebook, id: string): boolean =>
  id === UNSORTED_THEME_ID || codebook.themes.some((t) => t.id === id && t.mergedInto === null);

/** The themes the engine sorts into: merged ones are gone. */
export const activeCodebook = (codebook: Codebook): EngineCodebook => ({
  themes: codebook.themes.filter((t) => t.mergedInto === null).map(({ id, name, description, seeds }) => ({ id, name, description, seeds })),
});

const replace = (codebook: Codebook, theme: CodebookTheme): Codebook => ({
  themes: codebook.themes.map((t) => (t.id === theme.id ? theme : t)),
});

function live(codebook: Codebook, id: string): Result<CodebookTheme> {
  const theme = codebook.themes.find((t) => t.id === id);
  return theme && theme.mergedInto === null ? ok(theme) : fail('not_found', `No theme ${id}`);
}

/** Adds a theme (created by hand, accepted from discovery, or split off another). */
export function addTheme(codebook: Codebook, theme: Pick<CodebookTheme, 'id' | 'name'> & Partial<CodebookTheme>): Result<Codebook> {
  if (theme.id === UNSORTED_THEME_ID || codebook.themes.some((t) => t.id === theme.id)) return fail('conflict', `Theme id ${theme.id} is taken`);
  if (codebook.themes.length >= 100) return fail('too_large', 'A codebook holds at most 100 themes');
  return ok({ themes: [...codebook.themes, { description: '', seeds: [], ...theme, mergedInto: null }] });
}

/** Renames a theme; the new name's words count towards it from now on. */
export function renameTheme(codebook: Codebook, id: string, name: string): Result<Codebook> {
  const theme = live(codebook, id);
  return theme.ok ? ok(replace(codebook, { ...theme.data, name })) : theme;
}

/**
 * Merges `sourceId` into `targetId`: the source stays as an alias (decisions for it count for the
 * target) and its name and seeds become seeds of the target, so suggestions follow the merge.
 */
export function mergeThemes(codebook: Codebook, sourceId: string, targetId: string): Result<Codebook> {
  if (sourceId === targetId) return fail('conflict', 'A theme cannot be merged into itself');
  // `overig` is where unsorted cards wait, not a theme: merging it either way would hide them in one.
  if (sourceId === UNSORTED_THEME_ID || targetId === UNSORTED_THEME_ID) return fail('conflict', `'${UNSORTED_THEME_ID}' cannot be merged`);
  const source = live(codebook, sourceId);
  if (!source.ok) return source;
  const target = live(codebook, targetId);
  if (!target.ok) return target;
  const seeds = [...new Set([...target.data.seeds, source.data.name, ...source.data.seeds])].slice(0, 500);
  const mergedSeeds = seeds.filter((s) => !target.data.seeds.includes(s));
  return ok(replace(replace(codebook, { ...source.data, mergedInto: targetId, mergedSeeds }), { ...target.data, seeds }));
}

/**
 * Undoes a merge: the alias is a live theme again, with its own id and name, so decisions for it
 * (kept as they were in every session) and its findings come back; the target loses the seeds the
 * merge gave it. Only the last step of a chain: a theme merged into an alias stays merged.
 */
export function unmergeTheme(codebook: Codebook, id: string): Result<Codebook> {
  const theme = codebook.themes.find((t) => t.id === id);
  if (!theme) return fail('not_found', `No theme ${id}`);
  if (theme.mergedInto === null) return fail('conflict', `Theme ${id} is not merged`);
  const target = codebook.themes.find((t) => t.id === theme.mergedInto);
  const { mergedSeeds, ...alias } = theme;
  const restored = replace(codebook, { ...alias, mergedInto: null });
  if (!target) return ok(restored);
  const lent = new Set(mergedSeeds ?? []);
  return ok(replace(restored, { ...target, seeds: target.seeds.filter((s) => !lent.has(s)) }));
}
