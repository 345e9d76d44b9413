import { Low, type Adapter } from 'lowdb';
import { StorageWriteError } from './errors.ts';

/** One stored JSON document held in memory, written through to its adapter. */
export interface StoredDocument<T> {
  readonly data: T;
  /**
   * Replaces the data. Resolves once a write containing it has completed. When the write fails
   * the document rolls back to what is on disk and every change not yet written is rejected.
   */
  set(next: T): Promise<void>;
  /** Resolves when everything set so far is written (rejects if that write fails). */
  settled(): Promise<void>;
}

interface Waiter {
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * Coalesces writes: while one write runs, later changes wait and go out together in the next,
 * so a burst of small changes costs a few file writes instead of one each.
 */
export function createDocument<T>(
  adapter: Adapter<T>,
  initial: T,
  label: string,
  onRollback: (persisted: T) => void = () => {},
): StoredDocument<T> {
  const low = new Low<T>(adapter, initial);
  let persisted = initial;
  let dirty = false;
  let running: Promise<void> | null = null;
  let waiters: Waiter[] = [];

  async function pump(): Promise<void> {
    while (dirty) {
      dirty = false;
      const batch = waiters;
      waiters = [];
      const candidate = low.data;
      try {
        await low.write();
        persisted = candidate;
        for (const w of batch) w.resolve();
      } catch (cause) {
        const error = new StorageWriteError(label, cause);
        low.data = persisted;
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

  return {
    get data() {
      return low.data;
    },
    set(next) {
      low.data = next;
      dirty = true;
      const done = wait();
      running ??= pump();
      return done;
    },
    settled() {
      return running ? wait() : Promise.resolve();
    },
  };
}
