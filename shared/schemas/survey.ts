import { z } from 'zod';
import { ThemeIdSchema } from './codebook.ts';
import { IdSchema, text } from './common.ts';

/** `openValue`: the longest answer to an open question; every other cell holds at most `value`. */
export const SURVEY_LIMITS = { respondents: 20_000, columns: 200, label: 300, value: 300, openValue: 2000 } as const;

/** How a column of the survey file is read: a choice (one or several answers), a number, a scale, or free text ('open'). */
export const SurveyColumnKindSchema = z.enum(['single', 'multiple', 'number', 'scale', 'open']);

/**
 * The order a choice question's categories are shown in: 'auto' guesses (a recognised scale in its
 * own order, ranges ascending, anything else by size), or ranges/scale 'ascending' or
 * 'descending', or by 'size' (most answers first, ties alphabetically). Missing answers stay last.
 */
export const SurveyCategoryOrderSchema = z.enum(['auto', 'ascending', 'descending', 'size']);
export type SurveyCategoryOrder = z.infer<typeof SurveyCategoryOrderSchema>;

/** The most breakdowns, quotes and key figures one question carries into the report. */
export const QUESTION_REPORT_LIMITS = { breakdowns: 10, quotes: 50, callouts: 10, calloutText: 200 } as const;

/** A key figure ("39 % antwoordde ‘ja’"): a category of a choice question, and the sentence beside the number (null: generated). */
export const SurveyCalloutSchema = z.object({
  /** The category's key, as in the figures (`answerKey` of the answer; a scale's number). */
  category: text(SURVEY_LIMITS.value),
  text: text(QUESTION_REPORT_LIMITS.calloutText).nullable(),
});
export type SurveyCallout = z.infer<typeof SurveyCalloutSchema>;

/** How the report shows a question: the analyst's choices, all optional. */
export const SurveyQuestionReportSchema = z.object({
  order: SurveyCategoryOrderSchema.default('auto'),
  /**
   * Attribute ids, or ids of single-choice questions of the same survey, to break the question down
   * by, in this order; null is the default, the survey's first attribute; [] is no breakdown.
   */
  breakdowns: z.array(IdSchema).max(QUESTION_REPORT_LIMITS.breakdowns).nullable().default(null),
  /** Open questions: the respondents (indices into `responses`) whose answers the report quotes. */
  quotes: z.array(z.number().int().min(0)).max(QUESTION_REPORT_LIMITS.quotes).default([]),
  /** Choice questions: the categories shown as key figures at the head of the question's theme. */
  callouts: z.array(SurveyCalloutSchema).max(QUESTION_REPORT_LIMITS.callouts).default([]),
});
export type SurveyQuestionReport = z.infer<typeof SurveyQuestionReportSchema>;

/** A question's report choices before the analyst made any (also what older study files load with). */
export const defaultQuestionReport = (): SurveyQuestionReport => ({ order: 'auto', breakdowns: null, quotes: [], callouts: [] });

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
  /** How the report shows it (files stored before these choices load with the defaults). */
  report: SurveyQuestionReportSchema.default(defaultQuestionReport),
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
  responses: z.array(z.record(IdSchema, z.string().max(SURVEY_LIMITS.openValue))).max(SURVEY_LIMITS.respondents),
  importedAt: z.number().int(),
});
export type Survey = z.infer<typeof SurveySchema>;

/**
 * PATCH /api/studies/:studyId/surveys/:surveyId/questions/:questionId: the report choices to
 * change; fields left out stay as they are. Unknown keys are dropped; an empty change is refused.
 */
export const SurveyQuestionPatchSchema = z
  .object({
    order: SurveyCategoryOrderSchema.optional(),
    breakdowns: z.array(IdSchema).max(QUESTION_REPORT_LIMITS.breakdowns).nullable().optional(),
    quotes: z.array(z.number().int().min(0)).max(QUESTION_REPORT_LIMITS.quotes).optional(),
    callouts: z.array(SurveyCalloutSchema).max(QUESTION_REPORT_LIMITS.callouts).optional(),
  })
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), 'name at least one of order, breakdowns, quotes, callouts');
export type SurveyQuestionPatch = z.infer<typeof SurveyQuestionPatchSchema>;
