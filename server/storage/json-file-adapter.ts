import { copyFile, open, readFile, rename } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { Adapter } from 'lowdb';
import writeFileAtomic from 'write-file-atomic';
import type { z } from 'zod';
import { CorruptFileError } from './errors.ts';
import { previousPath } from './paths.ts';

/** fsync of the folder makes a rename or a new file in it durable too. */
export async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Keeps the current `file` as `file.prev`: a synced copy, renamed over the one before. A copy,
 * not a hard link: damage done to the file in place must not reach its previous version.
 * `file` stays in place throughout, so a crash never leaves it missing. Resolves without doing
 * anything when `file` does not exist. Durable once the folder is synced.
 */
export async function keepPrevious(file: string): Promise<void> {
  const previous = previousPath(file);
  const temporary = `${previous}.tmp`;
  try {
    await copyFile(file, temporary);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const handle = await open(temporary, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, previous);
}

/**
 * A lowdb adapter for one JSON document: validated against its schema on read, written
 * atomically (temp file, fsync, rename, fsync of the folder) so a crash leaves either the old
 * or the new file, never half of one.
 */
export class ValidatedJsonFile<S extends z.ZodType> implements Adapter<z.output<S>> {
  constructor(
    readonly file: string,
    private readonly schema: S,
  ) {}

  async read(): Promise<z.output<S> | null> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new CorruptFileError(this.file, `cannot be read (${(error as Error).message})`);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new CorruptFileError(this.file, `is not valid JSON (${(error as Error).message})`);
    }
    const parsed = this.schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new CorruptFileError(this.file, `does not match the ${basename(this.file).split('-')[0]} format at ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
    }
    return parsed.data;
  }

  async write(data: z.output<S>): Promise<void> {
    await writeFileAtomic(this.file, JSON.stringify(data), { fsync: true });
    await syncFolder(dirname(this.file));
  }
}
