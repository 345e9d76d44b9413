import type { SurveyColumnMapping, SurveyColumnPreview } from '@shared/schemas/survey-import.ts';
import type { SurveyQuestion } from '@shared/schemas/survey.ts';

/** One column of the mapping as the form edits it: every field present, whatever the use. */
export interface MappingRow {
  column: string;
  use: SurveyColumnMapping['use'];
  label: string;
  kind: SurveyQuestion['kind'];
  missing: string[];
  themeId: string | null;
}

/** The form row of a previewed column, filled from the server's guess. */
export function rowFromPreview(column: SurveyColumnPreview): MappingRow {
  const guess = column.guess;
  return {
    column: column.name,
    use: guess.use,
    label: guess.use === 'ignore' ? column.name.slice(0, 300) : guess.label,
    kind: guess.use === 'question' ? guess.kind : 'single',
    missing: guess.use === 'question' ? [...guess.missing] : [],
    themeId: guess.use === 'question' ? guess.themeId : null,
  };
}

/** What the import sends for a row. */
export function mappingOf(row: MappingRow): SurveyColumnMapping {
  if (row.use === 'ignore') return { column: row.column, use: 'ignore' };
  const label = row.label.trim() || row.column;
  if (row.use === 'attribute') return { column: row.column, use: 'attribute', label };
  return { column: row.column, use: 'question', label, kind: row.kind, missing: row.missing, themeId: row.themeId };
}
