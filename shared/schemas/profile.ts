import { z } from 'zod';
import { LIMITS, optionalText, text } from './common.ts';

export const ScopeSchema = z.enum(['regionaal', 'landelijk']);
export const SizeClassSchema = z.enum(['klein', 'middelgroot', 'groot']);

/** What a participant tells about themselves; everything but the name is optional. */
export const ProfileSchema = z.object({
  name: text(LIMITS.name),
  organisation: optionalText(LIMITS.organisation),
  scope: ScopeSchema.optional(),
  size: SizeClassSchema.optional(),
  region: optionalText(LIMITS.region),
  /** Consent to be named in the report. */
  consent: z.boolean().default(false),
});
export type Profile = z.infer<typeof ProfileSchema>;
