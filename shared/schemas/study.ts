import { z } from 'zod';
import { ROUNDINGS } from '../domain/figures.ts';
import { DEFAULT_CODEBOOK } from '../domain/themes/default-codebook.ts';
import { CodebookSchema } from './codebook.ts';
import { ReportDocumentSchema } from './report-document.ts';
import { SurveySchema } from './survey.ts';
import { IdSchema, LIMITS, text } from './common.ts';

export const ReportSettingsSchema = z.object({
  rounding: z.enum(ROUNDINGS).default('largest-remainder'),
  /** Breakdown groups with fewer respondents are flagged, never shown as a bare percentage. */
  smallGroup: z.number().int().min(0).max(1000).default(10),
});
export type ReportSettings = z.infer<typeof ReportSettingsSchema>;

/** A study ("onderzoek"), e.g. "Evaluatie zorginkoop 2025": the sessions of one evaluation. */
export const StudySchema = z.object({
  schemaVersion: z.literal(1),
  id: IdSchema,
  title: text(LIMITS.title),
  /** sha256 (hex) of the facilitator key; the key itself is never stored. */
  keyHash: z.string().regex(/^[0-9a-f]{64}$/),
  sessionIds: z.array(IdSchema),
  /** The themes this study's cards are sorted into; the built-in one until the facilitator edits it. */
  codebook: CodebookSchema.default(() => structuredClone(DEFAULT_CODEBOOK)),
  /** How the report shows figures: rounding of percentages and the group size below which a cell is only indicative. */
  reportSettings: ReportSettingsSchema.default(() => ReportSettingsSchema.parse({})),
  /** The analyst's work on the report: chapters, edited sections, quote places, cover. */
  report: ReportDocumentSchema.default(() => ReportDocumentSchema.parse({})),
  /** Member surveys imported into the study (figures beside the themes). */
  surveys: z.array(SurveySchema).max(50).default([]),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
export type Study = z.infer<typeof StudySchema>;

export const CreateStudyBodySchema = z.object({
  title: text(LIMITS.title),
  /** Start from the built-in codebook of care procurement, or from none (themes are then found in the cards). */
  codebook: z.enum(['default', 'empty']).default('default'),
});
export type CreateStudyBody = z.infer<typeof CreateStudyBodySchema>;
