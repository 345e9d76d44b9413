import type { WindowLimit } from './limits.ts';

/** A monotonic clock in milliseconds; the app's own clock may be set by tests. */
export type Now = () => number;
export const monotonic: Now = () => performance.now();

/** A token bucket: `take()` spends one token if there is one. */
export interface TokenBucket {
  take(): boolean;
}

export function tokenBucket(capacity: number, perSecond: number, now: Now = monotonic): TokenBucket {
  let tokens = capacity;
  let last = now();
  return {
    take() {
      const t = now();
      tokens = Math.min(capacity, tokens + ((t - last) / 1000) * perSecond);
      last = t;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}

/**
 * Counts events per key (a client IP) in fixed windows. The `max`th event in a window blocks the
 * key for `blockMs`. Keys whose window and block have passed are forgotten, so memory stays
 * bounded by the keys active in the last window.
 */
export interface WindowLimiter {
  /** Milliseconds until the key may act again; 0 when it may now. */
  retryAfter(key: string): number;
  /** Counts one event for the key. */
  record(key: string): void;
  /** Keys remembered now. */
  readonly size: number;
}

interface Entry {
  windowStart: number;
  count: number;
  blockedUntil: number;
}

export function windowLimiter(limit: WindowLimit, now: Now = monotonic): WindowLimiter {
  const entries = new Map<string, Entry>();
  let lastSweep = now();

  function sweep(t: number): void {
    if (t - lastSweep < limit.windowMs) return;
    lastSweep = t;
    for (const [key, e] of entries) if (t - e.windowStart >= limit.windowMs && t >= e.blockedUntil) entries.delete(key);
  }

  return {
    retryAfter(key) {
      const e = entries.get(key);
      return e ? Math.max(0, Math.ceil(e.blockedUntil - now())) : 0;
    },
    record(key) {
      const t = now();
      sweep(t);
      let e = entries.get(key);
      if (!e || t - e.windowStart >= limit.windowMs) {
        e = { windowStart: t, count: 0, blockedUntil: e?.blockedUntil ?? 0 };
        entries.set(key, e);
      }
      e.count += 1;
      if (e.count >= limit.max) e.blockedUntil = Math.max(e.blockedUntil, t + limit.blockMs);
    },
    get size() {
      return entries.size;
    },
  };
}

/** "3 minutes" or "20 seconds", for messages that say how long to wait. */
export function waitText(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  return `${Math.ceil(seconds / 60)} minutes`;
}
