import { z } from 'zod';
import { DateSchema, LIMITS, text } from './common.ts';

/**
 * What anyone with a join code may learn before joining (GET /api/join/:code): the session's
 * title and date, which a participant sees on the board anyway, and whether it still admits
 * people. Nothing else: no ids, no participants, nothing about the study or its facilitator.
 */
export const JoinPreviewSchema = z.object({
  title: text(LIMITS.title),
  date: DateSchema,
  status: z.enum(['open', 'closed']),
});
export type JoinPreview = z.infer<typeof JoinPreviewSchema>;
