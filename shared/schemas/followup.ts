import { z } from 'zod';
import { ThemeIdSchema } from './codebook.ts';
import { DateSchema, IdSchema, LIMITS, optionalText, text } from './common.ts';
import { ProfileSchema } from './profile.ts';

/** What a provider called after the session says of one finding. */
export const VERDICTS = ['herkend', 'deels', 'niet_herkend'] as const;
export const VerdictSchema = z.enum(VERDICTS);
export type Verdict = z.infer<typeof VerdictSchema>;

export const FOLLOW_UP_NOTE_MAX = 2000;

/** The answer for one theme's finding, with what the provider added. */
export const FollowUpAnswerSchema = z.object({
  verdict: VerdictSchema,
  note: optionalText(FOLLOW_UP_NOTE_MAX),
  at: z.number().int(),
});
export type FollowUpAnswer = z.infer<typeof FollowUpAnswerSchema>;

/**
 * A follow-up call ("nabellen") to a provider who was not at the session, to verify its outcomes.
 * The callee has the same organisation attributes as a participant, and is named in the report
 * only with consent.
 */
export const FollowUpCallSchema = z.object({
  id: IdSchema,
  callee: ProfileSchema,
  /** Day of the call. */
  calledOn: DateSchema,
  /** The analyst who called. */
  calledBy: text(LIMITS.name),
  /** Per theme (the session's findings): the provider's verdict. */
  answers: z.record(ThemeIdSchema, FollowUpAnswerSchema),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
  /** Removed calls are kept until restored or the session is exported without them. */
  deletedAt: z.number().int().nullable(),
});
export type FollowUpCall = z.infer<typeof FollowUpCallSchema>;
