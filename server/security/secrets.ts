import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh secret: 192 random bits, URL-safe (facilitator keys, participant resume tokens). */
export const newSecret = (): string => randomBytes(24).toString('base64url');

/** Only hashes are stored; a leaked data folder does not hand out facilitator rights. */
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

/** Constant-time comparison of a presented secret with a stored hash. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const presented = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}
