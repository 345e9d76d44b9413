import type { Session } from '../../shared/schemas/session.ts';

// Polls per poll: an answer rewrites its own poll in the journal, never the session's other polls.
const RECORD_KEYS = ['participants', 'cards', 'votes', 'followUps', 'polls'] as const;
type RecordKey = (typeof RECORD_KEYS)[number];

/**
 * The difference between two states of a session, as absolute values: fields that changed,
 * and per record the entries that changed (null: removed). Applying the same patch twice gives
 * the same result, so a journal replayed over a snapshot that already holds it is harmless.
 */
export interface SessionPatch {
  set?: Partial<Omit<Session, RecordKey>>;
  participants?: Record<string, Session['participants'][string] | null>;
  cards?: Record<string, Session['cards'][string] | null>;
  votes?: Record<string, Session['votes'][string] | null>;
  followUps?: Record<string, Session['followUps'][string] | null>;
  polls?: Record<string, Session['polls'][string] | null>;
}

/**
 * Relies on the domain's structural sharing: an entry whose object is the same was not changed,
 * so the diff costs one pass over the entries of the records that did change.
 */
export function diffSession(before: Session, after: Session): SessionPatch | null {
  const patch: SessionPatch = {};
  const set: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof Session)[]) {
    if ((RECORD_KEYS as readonly string[]).includes(key)) continue;
    if (before[key] !== after[key]) set[key] = after[key];
  }
  if (Object.keys(set).length > 0) patch.set = set as SessionPatch['set'];
  for (const key of RECORD_KEYS) {
    if (before[key] === after[key]) continue;
    const changes: Record<string, unknown> = {};
    const old = before[key] as Record<string, unknown>;
    const now = after[key] as Record<string, unknown>;
    for (const id of Object.keys(now)) if (old[id] !== now[id]) changes[id] = now[id];
    for (const id of Object.keys(old)) if (!Object.hasOwn(now, id)) changes[id] = null;
    if (Object.keys(changes).length > 0) patch[key] = changes as never;
  }
  return Object.keys(patch).length > 0 ? patch : null;
}

/** Applies a patch read from a journal. The result must still be validated by the caller. */
export function applyPatch(session: Session, patch: SessionPatch): Session {
  const next: Record<string, unknown> = { ...session, ...patch.set };
  for (const key of RECORD_KEYS) {
    const changes = patch[key];
    if (!changes) continue;
    const record: Record<string, unknown> = { ...session[key] };
    for (const [id, value] of Object.entries(changes)) {
      if (value === null) delete record[id];
      else record[id] = value;
    }
    next[key] = record;
  }
  return next as Session;
}
