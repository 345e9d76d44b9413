import { z } from 'zod';
import { ThemeIdSchema } from './codebook.ts';
import { text } from './common.ts';
import { SURVEY_LIMITS, SurveyColumnKindSchema, type SurveyAttribute, type SurveyQuestion } from './survey.ts';

/** Largest survey file accepted (bytes, as uploaded). */
export const SURVEY_FILE_MAX_BYTES = 10 * 1024 * 1024;

/** The most surveys one study holds (the study schema's own cap). */
export const SURVEYS_PER_STUDY = 50;

/**
 * What the surveys of one study may take up in the study file together. The study file is written
 * whole on every change and must still fit in a study export (20 MB, sessions included).
 */
export const SURVEYS_MAX_STORED_BYTES = 12 * 1024 * 1024;

/** A column name as sent back by the client; long names are refused later, with a reason. */
const ColumnNameSchema = z.string().max(10_000);

/** What to do with one column of the file. Columns left out of the mapping are ignored. */
export const SurveyColumnMappingSchema = z.discriminatedUnion('use', [
  z.object({
    column: ColumnNameSchema,
    use: z.literal('question'),
    label: text(SURVEY_LIMITS.label),
    kind: SurveyColumnKindSchema,
    missing: z.array(text(SURVEY_LIMITS.value)).max(20).default([]),
    themeId: ThemeIdSchema.nullable().default(null),
  }),
  z.object({ column: ColumnNameSchema, use: z.literal('attribute'), label: text(SURVEY_LIMITS.label) }),
  z.object({ column: ColumnNameSchema, use: z.literal('ignore') }),
]);
export type SurveyColumnMapping = z.infer<typeof SurveyColumnMappingSchema>;

/**
 * POST /api/studies/:id/surveys. `file` is the file again (the server reads it anew and never
 * trusts an earlier preview): base64 of its bytes, so Windows-1252 survives the trip, or its text.
 */
export const SurveyImportBodySchema = z.object({
  title: text(200),
  fileName: z.string().trim().max(255).default(''),
  file: z.string().min(1).max(Math.ceil(SURVEY_FILE_MAX_BYTES / 3) * 4 + 16),
  fileEncoding: z.enum(['base64', 'text']).default('base64'),
  columns: z.array(SurveyColumnMappingSchema).max(SURVEY_LIMITS.columns),
});
export type SurveyImportBody = z.infer<typeof SurveyImportBodySchema>;

/** Why a survey file or its mapping cannot be imported: a closed set, so clients can translate each. */
export const SURVEY_PROBLEMS = [
  'empty',
  'binary',
  'spreadsheet',
  'too_large',
  'bad_base64',
  'no_header',
  'no_rows',
  'empty_column_name',
  'duplicate_column',
  'reserved_column_name',
  'ragged_row',
  'unclosed_quote',
  'bad_quotes',
  'too_many_rows',
  'too_many_columns',
  'header_too_long',
  'cell_too_long',
  'unknown_column',
  'column_twice',
  'no_questions',
  'unknown_theme',
  'too_many_surveys',
  'surveys_too_large',
] as const;
export type SurveyProblemCode = (typeof SURVEY_PROBLEMS)[number];

/** A problem with a file or mapping: a code and its details for the translated text, and the English text. */
export interface SurveyProblem {
  code: SurveyProblemCode;
  message: string;
  params: { line?: number; column?: string; expected?: number; found?: number; limit?: number };
}

/** A value, or the problem that stopped it. */
export type SurveyResult<T> = { ok: true; data: T } | { ok: false; problem: SurveyProblem };

/** The failed result for a problem. */
export const surveyProblem = (code: SurveyProblemCode, message: string, params: SurveyProblem['params'] = {}): { ok: false; problem: SurveyProblem } => ({
  ok: false,
  problem: { code, message, params },
});

/** The answer of the preview: what the file holds and a guessed mapping, nothing stored. */
export interface SurveyPreview {
  encoding: 'utf-8' | 'windows-1252' | 'utf-16le';
  delimiter: ';' | ',' | '\t';
  rows: number;
  columns: SurveyColumnPreview[];
  /** The study codebook's themes, for linking questions. */
  themes: { id: string; name: string }[];
}

export interface SurveyColumnPreview {
  index: number;
  name: string;
  /** The first few non-empty cells. */
  sample: string[];
  /** Distinct answers (trimmed, case kept as first seen) with their counts, most frequent first; capped. */
  distinct: { value: string; count: number }[];
  distinctCount: number;
  empty: number;
  guess: SurveyColumnMapping;
}

/** A stored survey without its responses: what the list of surveys shows. */
export interface SurveySummary {
  id: string;
  title: string;
  source: string;
  importedAt: number;
  respondents: number;
  questions: SurveyQuestion[];
  attributes: SurveyAttribute[];
}
