/** Every error a command can answer with. A closed set: clients translate each one. */
export const ERROR_CODES = [
  'invalid_payload',
  'unknown_event',
  'unauthorised',
  'forbidden',
  'not_found',
  'wrong_phase',
  'locked',
  'budget_exhausted',
  'card_vote_limit',
  'conflict',
  'rate_limited',
  'too_large',
  'storage_failed',
  'corrupt_file',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The result of a domain rule or a command: a value or an expected failure. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: ErrorCode; message: string };

export const ok = <T>(data: T): Result<T> => ({ ok: true, data });
export const fail = (error: ErrorCode, message: string): { ok: false; error: ErrorCode; message: string } => ({
  ok: false,
  error,
  message,
});
