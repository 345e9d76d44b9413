import { z } from 'zod';
import { IdSchema, text } from './common.ts';

/**
 * Live polls in a session. Kinds: one answer of several (`single`), any number (`multiple`), a 5-point
 * scale (`scale`, answers 1..5), a number (`number`), and a bucket question whose options are ranges
 * such as "0-25" / "25-50" / "50-75" / "75-100" (`bucket`, answered like `single`).
 */
export const POLL_KINDS = ['single', 'multiple', 'scale', 'number', 'bucket'] as const;
export const PollKindSchema = z.enum(POLL_KINDS);
export type PollKind = z.infer<typeof PollKindSchema>;

export const POLL_LIMITS = { question: 300, option: 120, options: 12, numberAbs: 1e9 } as const;

export const PollOptionSchema = z.object({ id: IdSchema, label: text(POLL_LIMITS.option) });
export type PollOption = z.infer<typeof PollOptionSchema>;

/** One participant's answer: chosen options (single, multiple, bucket), or a value (scale, number). */
export const PollAnswerSchema = z.union([
  z.object({ optionIds: z.array(IdSchema).min(1).max(POLL_LIMITS.options) }),
  z.object({ value: z.number().finite().min(-POLL_LIMITS.numberAbs).max(POLL_LIMITS.numberAbs) }),
]);
export type PollAnswer = z.infer<typeof PollAnswerSchema>;

export const PollStatusSchema = z.enum(['draft', 'open', 'closed']);

export const PollSchema = z.object({
  id: IdSchema,
  question: text(POLL_LIMITS.question),
  kind: PollKindSchema,
  /** For single, multiple and bucket; empty for scale and number. */
  options: z.array(PollOptionSchema).max(POLL_LIMITS.options),
  status: PollStatusSchema,
  /** Results live while open (true) or only once the poll is closed (false). */
  showLive: z.boolean(),
  /** Per participant id: their current answer. Never sent to anybody but that participant. */
  answers: z.record(IdSchema, PollAnswerSchema),
  /**
   * Counted by hand in a physical room, added to the answers: per option id a count (single,
   * multiple, bucket), per scale point "1".."5" a count (scale), or the values given (number).
   */
  handCounts: z.record(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/), z.number().int().min(0).max(100_000)),
  handValues: z.array(z.number().finite().min(-POLL_LIMITS.numberAbs).max(POLL_LIMITS.numberAbs)).max(10_000),
  createdAt: z.number().int(),
  openedAt: z.number().int().nullable(),
  closedAt: z.number().int().nullable(),
  deletedAt: z.number().int().nullable(),
});
export type Poll = z.infer<typeof PollSchema>;
