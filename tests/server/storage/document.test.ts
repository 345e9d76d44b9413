import type { Adapter } from 'lowdb';
import { describe, expect, it } from 'vitest';
import { createDocument } from '../../../server/storage/document.ts';
import { StorageWriteError } from '../../../server/storage/errors.ts';

/** An adapter that keeps what it was given, counts writes, and takes a moment like a disk. */
class CountingAdapter<T> implements Adapter<T> {
  writes: T[] = [];
  failNext = 0;
  running = 0;
  maxRunning = 0;

  constructor(private readonly delayMs = 2) {}

  async read(): Promise<T | null> {
    return this.writes.at(-1) ?? null;
  }

  async write(data: T): Promise<void> {
    this.running++;
    this.maxRunning = Math.max(this.maxRunning, this.running);
    try {
      await new Promise((r) => setTimeout(r, this.delayMs));
      if (this.failNext > 0) {
        this.failNext--;
        throw new Error('disk full');
      }
      this.writes.push(structuredClone(data));
    } finally {
      this.running--;
    }
  }
}

type Doc = { n: number; list: number[] };

describe('createDocument', () => {
  it('coalesces a burst of changes into a few writes, each promise resolving after its change is written', async () => {
    const adapter = new CountingAdapter<Doc>();
    const doc = createDocument<Doc>(adapter, { n: 0, list: [] }, 'burst.json');
    const written: number[] = [];
    const promises = Array.from({ length: 100 }, (_, i) => {
      const next = { n: i + 1, list: [...doc.data.list, i + 1] };
      return doc.set(next).then(() => {
        // When a change is acknowledged, a write containing it has completed.
        expect(adapter.writes.some((w) => w.n >= i + 1)).toBe(true);
        written.push(i + 1);
      });
    });
    expect(doc.data.n).toBe(100);
    await Promise.all(promises);
    expect(written).toHaveLength(100);
    expect(adapter.writes.length).toBeLessThanOrEqual(3);
    expect(adapter.maxRunning).toBe(1);
    expect(adapter.writes.at(-1)).toEqual({ n: 100, list: Array.from({ length: 100 }, (_, i) => i + 1) });
    // Nothing pending: settled resolves at once, and a later change is written again.
    await doc.settled();
    await doc.set({ n: 101, list: [] });
    expect(adapter.writes.at(-1)?.n).toBe(101);
  });

  it('changes that keep coming while writing are written in order, never lost', async () => {
    const adapter = new CountingAdapter<Doc>(1);
    const doc = createDocument<Doc>(adapter, { n: 0, list: [] }, 'stream.json');
    const all: Promise<void>[] = [];
    for (let i = 1; i <= 30; i++) {
      all.push(doc.set({ n: i, list: [] }));
      if (i % 10 === 0) await new Promise((r) => setTimeout(r, 3));
    }
    await Promise.all(all);
    await doc.settled();
    expect(adapter.writes.at(-1)?.n).toBe(30);
    const order = adapter.writes.map((w) => w.n);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(adapter.writes.length).toBeLessThan(30);
  });

  it('settled() waits for pending writes', async () => {
    const adapter = new CountingAdapter<Doc>(5);
    const doc = createDocument<Doc>(adapter, { n: 0, list: [] }, 'settled.json');
    void doc.set({ n: 1, list: [] });
    void doc.set({ n: 2, list: [] });
    await doc.settled();
    expect(adapter.writes.at(-1)?.n).toBe(2);
  });

  it('a failed write rejects with StorageWriteError and rolls the data back to what is on disk', async () => {
    const adapter = new CountingAdapter<Doc>();
    const rollbacks: Doc[] = [];
    const doc = createDocument<Doc>(adapter, { n: 0, list: [] }, 'failing.json', (persisted) => rollbacks.push(persisted));
    await doc.set({ n: 1, list: [1] });

    adapter.failNext = 1;
    const first = doc.set({ n: 2, list: [1, 2] });
    // Queued behind the failing write: rejected with it, since its base is rolled back too.
    const second = doc.set({ n: 3, list: [1, 2, 3] });
    const settled = doc.settled();
    await expect(first).rejects.toBeInstanceOf(StorageWriteError);
    await expect(second).rejects.toThrow(/failing\.json/);
    await expect(settled).rejects.toBeInstanceOf(StorageWriteError);
    expect(doc.data).toEqual({ n: 1, list: [1] });
    expect(adapter.writes.at(-1)).toEqual({ n: 1, list: [1] });
    expect(rollbacks).toEqual([{ n: 1, list: [1] }]);

    // The next change is written normally.
    await doc.set({ n: 4, list: [1, 4] });
    expect(adapter.writes.at(-1)).toEqual({ n: 4, list: [1, 4] });
    expect(doc.data.n).toBe(4);
  });

  it('a first write that fails rolls back to the initial data', async () => {
    const adapter = new CountingAdapter<Doc>();
    adapter.failNext = 1;
    const doc = createDocument<Doc>(adapter, { n: 0, list: [] }, 'new.json');
    const error = await doc.set({ n: 9, list: [9] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageWriteError);
    expect((error as StorageWriteError).message).toContain('new.json');
    expect((error as StorageWriteError).message).toContain('disk full');
    expect(doc.data).toEqual({ n: 0, list: [] });
    expect(adapter.writes).toEqual([]);
  });
});
