import { open, readFile, rename, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { CorruptFileError } from './errors.ts';
import { syncFolder } from './json-file-adapter.ts';

/**
 * An append-only file of JSON lines, each made durable (fdatasync) before `append` resolves.
 * Appending a few hundred bytes costs a fraction of rewriting a whole document, which is what
 * keeps acknowledged writes fast.
 */
export interface Journal {
  readonly file: string;
  /** Entries written since the last reset. */
  readonly entries: number;
  readonly bytes: number;
  /** The lines on disk. A torn last line (a crash mid-append, never acknowledged) is dropped. */
  read(): Promise<unknown[]>;
  append(entry: unknown): Promise<void>;
  /**
   * Renames the journal to `to` (replacing what was there) and starts an empty one, after its
   * entries went into a snapshot. Durable (folder fsync) when it resolves.
   */
  rotate(to: string): Promise<void>;
  close(): Promise<void>;
}

export function createJournal(file: string): Journal {
  let handle: FileHandle | null = null;
  let size = 0;
  let entries = 0;
  // After a failed append the file may end in a partial line; cut it before the next one.
  let needsTruncate = false;
  // Length of the complete lines found by `read`, when a torn tail follows them.
  let validBytes: number | null = null;

  async function ensureOpen(): Promise<FileHandle> {
    if (handle) return handle;
    handle = await open(file, 'a+');
    size = validBytes ?? (await handle.stat()).size;
    needsTruncate = validBytes !== null;
    await syncFolder(dirname(file));
    return handle;
  }

  return {
    file,
    get entries() {
      return entries;
    },
    get bytes() {
      return size;
    },

    async read() {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw new CorruptFileError(file, `cannot be read (${(error as Error).message})`);
      }
      // The part after the last newline is empty, or a torn append that was never acknowledged.
      const complete = text.split('\n').slice(0, -1);
      const completeBytes = Buffer.byteLength(complete.map((line) => `${line}\n`).join(''));
      validBytes = completeBytes < Buffer.byteLength(text) ? completeBytes : null;
      const parsed = complete.map((line, i) => {
        try {
          return JSON.parse(line) as unknown;
        } catch {
          throw new CorruptFileError(file, `line ${i + 1} is not valid JSON`);
        }
      });
      entries = parsed.length;
      return parsed;
    },

    async append(entry) {
      const fh = await ensureOpen();
      const line = `${JSON.stringify(entry)}\n`;
      try {
        if (needsTruncate) {
          await fh.truncate(size);
          needsTruncate = false;
        }
        await fh.appendFile(line, 'utf8');
        await fh.datasync();
      } catch (error) {
        needsTruncate = true;
        throw error;
      }
      size += Buffer.byteLength(line);
      entries++;
    },

    async rotate(to) {
      // Cut an unacknowledged partial line first: the renamed file is never appended to again.
      if (needsTruncate && handle) {
        await handle.truncate(size);
        needsTruncate = false;
      }
      await handle?.close();
      handle = null;
      validBytes = null;
      await rename(file, to);
      size = 0;
      entries = 0;
      await syncFolder(dirname(file));
    },

    async close() {
      await handle?.close();
      handle = null;
    },
  };
}
