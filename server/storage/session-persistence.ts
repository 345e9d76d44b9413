import { Low, type Adapter } from 'lowdb';
import { SessionSchema, type Session } from '../../shared/schemas/session.ts';
import type { Persistence } from './document.ts';
import { CorruptFileError } from './errors.ts';
import type { Journal } from './journal.ts';
import { applyPatch, diffSession, type SessionPatch } from './session-patch.ts';

/** When the journal is folded into a fresh snapshot. */
export const COMPACT_AFTER = { entries: 2000, bytes: 4 * 1024 * 1024 };

/**
 * A session is stored as a lowdb snapshot plus a journal of patches. Each acknowledged change
 * costs one small fdatasync'd append; now and then the snapshot is rewritten (atomically) and
 * the journal emptied.
 */
export function journaledSessionPersistence(
  adapter: Adapter<Session>,
  journal: Journal,
  initial: Session,
  limits = COMPACT_AFTER,
): Persistence<Session> {
  const low = new Low<Session>(adapter, initial);
  const snapshot = async (current: Session) => {
    low.data = current;
    await low.write();
    // A crash before the reset replays patches the snapshot already holds: harmless (absolute values).
    await journal.reset();
  };
  return {
    async save(next, previous) {
      const patch = diffSession(previous, next);
      if (!patch) return;
      await journal.append(patch);
      if (journal.entries >= limits.entries || journal.bytes >= limits.bytes) {
        // The change is already durable in the journal; a failed snapshot is tried again later.
        await snapshot(next).catch(() => {});
      }
    },
    async compact(current) {
      if (journal.entries > 0) await snapshot(current);
    },
    close: () => journal.close(),
  };
}

const isPatch = (value: unknown): value is SessionPatch => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads a session: its snapshot with the journal replayed over it, validated as a whole. */
export async function readSession(adapter: Adapter<Session> & { file: string }, journal: Journal): Promise<Session | null> {
  const snapshot = await adapter.read();
  const entries = await journal.read();
  if (!snapshot) {
    if (entries.length > 0) throw new CorruptFileError(adapter.file, `is missing while ${journal.file} has changes`);
    return null;
  }
  if (entries.length === 0) return snapshot;
  let session = snapshot;
  entries.forEach((entry, i) => {
    if (!isPatch(entry)) throw new CorruptFileError(journal.file, `line ${i + 1} is not a change record`);
    session = applyPatch(session, entry);
  });
  const parsed = SessionSchema.safeParse(session);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CorruptFileError(journal.file, `gives an invalid session at ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
  }
  return parsed.data;
}
