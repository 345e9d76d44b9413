import { z } from 'zod';
import { ThemeIdSchema } from './codebook.ts';
import { IdSchema, text } from './common.ts';

export const SURVEY_LIMITS = { respondents: 20_000, columns: 200, label: 300, value: 300 } as const;

/** How a column of the survey file is read. */
export const SurveyColumnKindSchema = z.enum(['single', 'multiple', 'number', 'scale']);

/** A question: one column of the file. */
export const SurveyQuestionSchema = z.object({
  id: IdSchema,
  /** The column header in the file. */
  column: text(SURVEY_LIMITS.label),
  label: text(SURVEY_LIMITS.label),
  kind: SurveyColumnKindSchema,
  /** Answers kept as their own category and excludable: "niet van toepassing", "weet niet", ... */
  missing: z.array(text(SURVEY_LIMITS.value)).max(20),
  /** The theme of the study's codebook this question belongs with in the report. */
  themeId: ThemeIdSchema.nullable(),
});
export type SurveyQuestion = z.infer<typeof SurveyQuestionSchema>;

/** A respondent attribute (domain, zorgkantoor, turnover class, ...): a column to break figures down by. */
export const SurveyAttributeSchema = z.object({ id: IdSchema, column: text(SURVEY_LIMITS.label), label: text(SURVEY_LIMITS.label) });
export type SurveyAttribute = z.infer<typeof SurveyAttributeSchema>;

/** An imported member survey: its questions and attributes, and per respondent the raw answers (by question or attribute id). */
export const SurveySchema = z.object({
  id: IdSchema,
  title: text(200),
  /** The original file name, for reference. */
  source: z.string().max(255),
  questions: z.array(SurveyQuestionSchema).max(SURVEY_LIMITS.columns),
  attributes: z.array(SurveyAttributeSchema).max(SURVEY_LIMITS.columns),
  /** One record per respondent: id of a question or attribute -> the cell as text ('' when empty). */
  responses: z.array(z.record(IdSchema, z.string().max(SURVEY_LIMITS.value))).max(SURVEY_LIMITS.respondents),
  importedAt: z.number().int(),
});
export type Survey = z.infer<typeof SurveySchema>;
