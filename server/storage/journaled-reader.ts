import type { Adapter } from 'lowdb';
import type { DocumentCodec } from './codecs.ts';
import { CorruptFileError } from './errors.ts';
import type { Journal } from './journal.ts';

/** A snapshot file: reads null when it does not exist, throws CorruptFileError when unusable. */
export type SnapshotFile<T> = Adapter<T> & { readonly file: string };

/** Everything stored for one document (see journaled-persistence.ts for how they relate). */
export interface JournaledFiles<T> {
  id: string;
  codec: DocumentCodec<T>;
  snapshot: SnapshotFile<T>;
  journal: Journal;
  previous: SnapshotFile<T>;
  previousJournal: Journal;
}

/** A document that was read from its previous version, because its snapshot was unusable. */
export interface Recovery {
  /** The unusable snapshot, and why. */
  file: string;
  reason: string;
  from: string;
}

export interface Loaded<T> {
  data: T;
  recovered: Recovery | null;
}

/**
 * Reads a document: its snapshot with the journal replayed over it. When the snapshot is missing
 * or unusable (not JSON, not valid, another id, or its journal gives an invalid document), the
 * previous snapshot with both journals replayed over it. Throws CorruptFileError, naming the
 * snapshot, when neither gives a valid document; null when there is no document at all.
 */
export async function readJournaled<T extends { id: string }>(files: JournaledFiles<T>): Promise<Loaded<T> | null> {
  const { snapshot, journal, previous, previousJournal } = files;
  // Both ways need the journal: when it is broken, so is the document.
  const entries = await journal.read();
  let problem: CorruptFileError;
  let missing = false;
  try {
    const base = await snapshot.read();
    if (base) return { data: replay(files, base, snapshot.file, [[journal.file, entries]]), recovered: null };
    missing = true;
    problem = new CorruptFileError(snapshot.file, entries.length > 0 ? `is missing while ${journal.file} has changes` : 'is missing');
  } catch (error) {
    if (!(error instanceof CorruptFileError)) throw error;
    problem = error;
  }

  let data: T;
  try {
    const base = await previous.read();
    if (!base) {
      if (missing && entries.length === 0) return null;
      throw problem;
    }
    const older = await previousJournal.read();
    data = replay(files, base, previous.file, [
      [previousJournal.file, older],
      [journal.file, entries],
    ]);
  } catch (error) {
    if (error === problem || !(error instanceof CorruptFileError)) throw error;
    throw new CorruptFileError(problem.file, `${problem.reason}; the previous version cannot be used either: ${error.message}`);
  }
  // The snapshot is what gets replaced, also when it was its journal that did not fit it.
  const reason = problem.file === snapshot.file ? problem.reason : problem.message;
  return { data, recovered: { file: snapshot.file, reason, from: previous.file } };
}

/** Replays journals (oldest first) over a snapshot and validates the result as a whole. */
function replay<T extends { id: string }>(files: JournaledFiles<T>, base: T, baseFile: string, journals: [string, unknown[]][]): T {
  if (base.id !== files.id) throw new CorruptFileError(baseFile, `holds id ${base.id}, not ${files.id}`);
  let document = base;
  let blame = baseFile;
  for (const [journalFile, entries] of journals) {
    entries.forEach((entry, i) => {
      const next = files.codec.apply(document, entry);
      if (next === null) throw new CorruptFileError(journalFile, `line ${i + 1} is not a change record`);
      document = next;
    });
    if (entries.length > 0) blame = journalFile;
  }
  if (document === base) return base;
  const parsed = files.codec.schema.safeParse(document);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CorruptFileError(blame, `gives an invalid ${files.codec.kind} at ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
  }
  if (parsed.data.id !== files.id) throw new CorruptFileError(blame, `changes the id to ${parsed.data.id}`);
  return parsed.data;
}
