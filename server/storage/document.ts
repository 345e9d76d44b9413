import { Low, type Adapter } from 'lowdb';
import { StorageWriteError } from './errors.ts';

/** One stored JSON document held in memory, written through to storage. */
export interface StoredDocument<T> {
  readonly data: T;
  /**
   * Replaces the data. Resolves once a write containing it has completed. When the write fails
   * the document rolls back to what is stored and every change not yet written is rejected.
   */
  set(next: T): Promise<void>;
  /** Resolves when everything set so far is written (rejects if that write fails). */
  settled(): Promise<void>;
  /** Writes everything pending and tidies the files (a full snapshot); for shutdown. */
  close(): Promise<void>;
}

/** How a document reaches the disk. */
export interface Persistence<T> {
  /** Makes `next` durable; `previous` is what is durable now. */
  save(next: T, previous: T): Promise<void>;
  /** Optional: fold incremental writes into one full snapshot. */
  compact?(current: T): Promise<void>;
  close?(): Promise<void>;
}

interface Waiter {
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * Coalesces writes: while one write runs, later changes wait and go out together in the next,
 * so a burst of small changes costs a few writes instead of one each.
 */
export function coalescingDocument<T>(
  persistence: Persistence<T>,
  initial: T,
  label: string,
  onRollback: (persisted: T) => void = () => {},
): StoredDocument<T> {
  let data = initial;
  let persisted = initial;
  let dirty = false;
  let running: Promise<void> | null = null;
  let waiters: Waiter[] = [];

  async function pump(): Promise<void> {
    while (dirty) {
      dirty = false;
      const batch = waiters;
      waiters = [];
      const candidate = data;
      try {
        await persistence.save(candidate, persisted);
        persisted = candidate;
        for (const w of batch) w.resolve();
      } catch (cause) {
        const error = new StorageWriteError(label, cause);
        data = persisted;
        const failed = [...batch, ...waiters];
        waiters = [];
        dirty = false;
        for (const w of failed) w.reject(error);
        onRollback(persisted);
      }
    }
    running = null;
    const idle = waiters;
    waiters = [];
    for (const w of idle) w.resolve();
  }

  const wait = (): Promise<void> => new Promise((resolve, reject) => waiters.push({ resolve, reject }));
  const settled = (): Promise<void> => (running ? wait() : Promise.resolve());

  return {
    get data() {
      return data;
    },
    set(next) {
      data = next;
      dirty = true;
      const done = wait();
      running ??= pump();
      return done;
    },
    settled,
    async close() {
      await settled().catch(() => {});
      await persistence.compact?.(persisted);
      await persistence.close?.();
    },
  };
}

/** Every write is a complete snapshot through a lowdb adapter (studies: small, rarely changed). */
export function snapshotPersistence<T>(adapter: Adapter<T>, initial: T): Persistence<T> {
  const low = new Low<T>(adapter, initial);
  return {
    async save(next) {
      low.data = next;
      await low.write();
    },
  };
}

/** A document written as whole snapshots through a lowdb adapter. */
export function createDocument<T>(adapter: Adapter<T>, initial: T, label: string, onRollback?: (persisted: T) => void): StoredDocument<T> {
  return coalescingDocument(snapshotPersistence(adapter, initial), initial, label, onRollback);
}
