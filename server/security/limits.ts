/**
 * Every abuse limit of the server, in one place. The defaults are generous for people (a
 * facilitator's scribe typing fast, a room on one Wi-Fi mistyping a code) and tight for scripts.
 * Tests and benchmarks pass their own through `buildApp({ limits })`.
 */
export interface AbuseLimits {
  /** Socket events (commands and unknown events alike), per socket: a token bucket. */
  commands: {
    /** Events a socket may send at once. */
    burst: number;
    /** Tokens added back per second, up to `burst`. */
    perSecond: number;
    /** Refused events within `disconnectWindowMs` after which the socket is disconnected. */
    disconnectAfter: number;
    disconnectWindowMs: number;
  };
  /** 'session:join' with a code that matches no session, per client address. */
  failedJoins: WindowLimit;
  /** Every 'session:join' (each makes a participant), per socket. */
  joins: WindowLimit;
  /** Every 'session:join', per client address: a room behind one Wi-Fi joins within a minute or two. */
  joinsPerAddress: WindowLimit;
  /** Sockets open at once per client address. */
  connectionsPerAddress: number;
  /** HTTP requests that create things (studies, imports, survey uploads), per client IP. */
  creates: WindowLimit;
}

/** At most `max` in `windowMs`; past that everything is refused for `blockMs`. */
export interface WindowLimit {
  max: number;
  windowMs: number;
  blockMs: number;
}

export const DEFAULT_LIMITS: AbuseLimits = {
  commands: { burst: 60, perSecond: 10, disconnectAfter: 1000, disconnectWindowMs: 60_000 },
  failedJoins: { max: 10, windowMs: 60_000, blockMs: 5 * 60_000 },
  joins: { max: 5, windowMs: 60_000, blockMs: 60_000 },
  joinsPerAddress: { max: 60, windowMs: 60_000, blockMs: 60_000 },
  connectionsPerAddress: 200,
  creates: { max: 30, windowMs: 60_000, blockMs: 60_000 },
};

/** Overrides for some numbers; the rest keep their defaults. */
export type LimitOverrides = { [K in keyof AbuseLimits]?: AbuseLimits[K] extends object ? Partial<AbuseLimits[K]> : AbuseLimits[K] };

export function resolveLimits(overrides: LimitOverrides = {}): AbuseLimits {
  return {
    commands: { ...DEFAULT_LIMITS.commands, ...overrides.commands },
    failedJoins: { ...DEFAULT_LIMITS.failedJoins, ...overrides.failedJoins },
    joins: { ...DEFAULT_LIMITS.joins, ...overrides.joins },
    joinsPerAddress: { ...DEFAULT_LIMITS.joinsPerAddress, ...overrides.joinsPerAddress },
    connectionsPerAddress: overrides.connectionsPerAddress ?? DEFAULT_LIMITS.connectionsPerAddress,
    creates: { ...DEFAULT_LIMITS.creates, ...overrides.creates },
  };
}
