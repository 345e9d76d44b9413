import type { z } from 'zod';

/** localStorage that never throws (private mode, quota) and validates what it reads back. */
export function readStored<S extends z.ZodType>(key: string, schema: S): z.infer<S> | null {
  try {
    const raw = localStorage.getItem(key);
    if (raw === null) return null;
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function writeStored(key: string, value: unknown): void {
  try {
    if (value === null || value === undefined) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or unavailable: the app keeps working for this page load.
  }
}

/** Every key this app writes starts with this, so it never collides with other apps on the origin. */
export const STORAGE_PREFIX = 'werksessie.';
