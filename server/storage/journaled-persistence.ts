import { Low, type Adapter } from 'lowdb';
import type { DocumentCodec } from './codecs.ts';
import type { Persistence } from './document.ts';
import type { Journal } from './journal.ts';
import { keepPrevious } from './json-file-adapter.ts';
import { previousPath } from './paths.ts';

/** When a journal is folded into a fresh snapshot. */
export interface CompactAfter {
  entries: number;
  bytes: number;
}

/** Sessions: a snapshot rewrite now and then, not per change. */
export const COMPACT_AFTER: CompactAfter = { entries: 2000, bytes: 4 * 1024 * 1024 };
/** Studies change rarely and are read whole by people: a fresh snapshot after every change. */
export const COMPACT_EVERY_CHANGE: CompactAfter = { entries: 1, bytes: 0 };

export interface JournaledOptions {
  limits: CompactAfter;
  /**
   * False when the snapshot on disk could not be read (the document was recovered from its
   * previous version): the next rewrite must not keep it as the previous version.
   */
  snapshotIsGood?: boolean;
}

/**
 * A document stored as a lowdb snapshot plus a journal of changes. Each acknowledged change costs
 * one small fdatasync'd append; now and then the snapshot is rewritten. The rewrite keeps the
 * snapshot it replaces as `<name>.prev` and the journal that led to it as `<journal>.prev`:
 *
 *   1. copy snapshot -> snapshot.prev          (synced copy, renamed over the one before)
 *   2. write the new snapshot                  (temp file, fsync, rename, fsync of the folder)
 *   3. rename journal -> journal.prev          (fsync of the folder), new empty journal
 *
 * Entries hold absolute values, so replaying entries a snapshot already holds is harmless as
 * long as they run up to the present. After every step, and after a crash or failure between
 * any two, both `snapshot + journal` and `snapshot.prev + journal.prev + journal` give every
 * acknowledged change: the journal is only rotated once the snapshot that holds it is durable,
 * and journal.prev always starts at or before snapshot.prev.
 */
export function journaledPersistence<T>(
  adapter: Adapter<T> & { file: string },
  journal: Journal,
  codec: DocumentCodec<T>,
  initial: T,
  options: JournaledOptions,
): Persistence<T> {
  const low = new Low<T>(adapter, initial);
  let snapshotIsGood = options.snapshotIsGood ?? true;

  async function rewrite(current: T): Promise<void> {
    // Without a good snapshot to keep, the old previous version and its journal stay as they are,
    // and so does the journal: journal.prev + journal still lead from snapshot.prev to now.
    const rotate = snapshotIsGood;
    if (rotate) await keepPrevious(adapter.file);
    low.data = current;
    await low.write();
    snapshotIsGood = true;
    if (rotate) await journal.rotate(previousPath(journal.file));
  }

  return {
    async save(next, previous) {
      const entry = codec.diff(previous, next);
      if (entry === null) return;
      await journal.append(entry);
      if (journal.entries >= options.limits.entries || journal.bytes >= options.limits.bytes) {
        // The change is already durable in the journal; a failed rewrite is tried again later.
        await rewrite(next).catch(() => {});
      }
    },
    async compact(current) {
      if (journal.entries > 0 || !snapshotIsGood) await rewrite(current);
    },
    close: () => journal.close(),
  };
}
