import { z } from 'zod';
import { IdSchema } from './common.ts';
import { ThemeIdSchema } from './codebook.ts';

/** The facilitator's decision for one card: it stays in this theme, whatever the engine says. */
export const ThemeDecisionSchema = z.object({
  themeId: ThemeIdSchema,
  /** Pinned: the facilitator locked it (shown as such); moved or accepted cards stay put too. */
  pinned: z.boolean(),
  at: z.number().int(),
});
export type ThemeDecision = z.infer<typeof ThemeDecisionSchema>;

export const FINDING_MAX = 2000;

/** What the facilitator made of a session's cards in the synthesis phase. */
export const SynthesisSchema = z.object({
  decisions: z.record(IdSchema, ThemeDecisionSchema),
  /** Suggestions turned down per card. */
  rejected: z.record(IdSchema, z.array(ThemeIdSchema).max(100)),
  /** Cards marked as quote ("citaat") for the report. */
  quotes: z.record(IdSchema, z.literal(true)),
  /** A short finding ("bevinding") per theme. */
  findings: z.record(ThemeIdSchema, z.string().trim().min(1).max(FINDING_MAX)),
  /**
   * The facilitator's word on a card's second theme: confirmed (a theme id) or none (null). A card
   * not listed keeps the engine's suggestion. Files from before this field have none.
   */
  secondary: z.record(IdSchema, ThemeIdSchema.nullable()).default({}),
});
export type Synthesis = z.infer<typeof SynthesisSchema>;

/** A session before any synthesis (and sessions stored before synthesis existed). */
export const emptySynthesis = (): Synthesis => ({ decisions: {}, rejected: {}, quotes: {}, findings: {}, secondary: {} });
