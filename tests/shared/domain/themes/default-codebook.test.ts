import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CODEBOOK } from '../../../../shared/domain/themes/default-codebook.ts';
import { CodebookSchema } from '../../../../shared/schemas/codebook.ts';

// A copy of the field's codebook (themes.tsv), so the built-in one can be checked against it.
const rows = readFileSync(fileURLToPath(new URL('../../../fixtures/themes/themes.tsv', import.meta.url)), 'utf8')
  .trim()
  .split(/\r?\n/)
  .slice(1)
  .map((line) => line.split('\t'));

describe('the built-in codebook', () => {
  it('has the themes of themes.tsv, with those ids, names and descriptions, in that order', () => {
    expect(DEFAULT_CODEBOOK.themes.map((t) => t.id)).toEqual(rows.map((r) => r[0]));
    for (const [id, name, description] of rows) {
      const theme = DEFAULT_CODEBOOK.themes.find((t) => t.id === id)!;
      expect(theme.name.normalize('NFD').replace(/\p{M}/gu, '')).toBe(name!.normalize('NFD').replace(/\p{M}/gu, ''));
      expect(theme.description).toBe(description);
    }
  });

  it('is a valid codebook', () => {
    expect(CodebookSchema.safeParse(DEFAULT_CODEBOOK).success).toBe(true);
  });
});
