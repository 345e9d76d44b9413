import { z } from 'zod';

/** Limits shared by validation on both sides; the server is the one that enforces them. */
export const LIMITS = {
  cardText: 1000,
  title: 200,
  name: 80,
  organisation: 120,
  region: 80,
  domainName: 40,
  columns: 8,
  domains: 12,
  votesPerParticipant: 99,
  maxVotesPerCard: 99,
  handVotes: 999,
  timerMs: 4 * 60 * 60 * 1000,
} as const;

/**
 * Ids made by clients (cards, votes) and by the server. A whitelist of URL- and
 * file-name-safe characters, so an id can never escape a folder when used in a path. Ids are
 * keys of plain records, so names that every object inherits (`__proto__`, `constructor`,
 * `toString`, ...) are refused: looking one up would find the prototype's member.
 */
export const IdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, 'id must be 8-64 characters of A-Z, a-z, 0-9, _ or -')
  .refine((id) => !(id in Object.prototype), 'id must not be the name of a built-in object property');
export type Id = z.infer<typeof IdSchema>;

/** Trimmed text of bounded length; blank text is refused. */
export const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

/** Optional free text: trimmed, empty becomes undefined. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? undefined : v))
    .optional();

/** ISO calendar date, e.g. 2025-11-20. */
export const DateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD');
