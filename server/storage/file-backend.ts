import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Session } from '../../shared/schemas/session.ts';
import type { Study } from '../../shared/schemas/study.ts';
import { sessionCodec, studyCodec, type DocumentCodec } from './codecs.ts';
import type { Persistence } from './document.ts';
import { StorageWriteError } from './errors.ts';
import { ValidatedJsonFile } from './json-file-adapter.ts';
import { createJournal } from './journal.ts';
import { COMPACT_AFTER, COMPACT_EVERY_CHANGE, journaledPersistence, type CompactAfter } from './journaled-persistence.ts';
import { readJournaled, type JournaledFiles } from './journaled-reader.ts';
import { documentFiles, documentPath, isLeftoverFile, parseStoredDocumentName, type DocumentKind } from './paths.ts';
import type { Backend, Opened } from './repository.ts';

export interface FileStorageOptions {
  /** When a session's journal is folded into its snapshot; tests lower it to compact often. */
  compactAfter?: CompactAfter;
}

/** The stored files of one document, ready to be read and then written through. */
function journaledFiles<T extends { id: string }>(dataDir: string, codec: DocumentCodec<T>, id: string): JournaledFiles<T> {
  const files = documentFiles(dataDir, codec.kind, id);
  return {
    id,
    codec,
    snapshot: new ValidatedJsonFile(files.snapshot, codec.schema),
    journal: createJournal(files.journal),
    previous: new ValidatedJsonFile(files.previous, codec.schema),
    previousJournal: createJournal(files.previousJournal),
  };
}

/** Documents as files in `dataDir` (see createFileRepository). */
export async function fileBackend(dataDir: string, options: FileStorageOptions = {}): Promise<Backend> {
  await mkdir(dataDir, { recursive: true });
  const limits = { study: COMPACT_EVERY_CHANGE, session: options.compactAfter ?? COMPACT_AFTER };

  async function open<T extends { id: string }>(codec: DocumentCodec<T>, id: string): Promise<Opened<T> | null> {
    const files = journaledFiles(dataDir, codec, id);
    const loaded = await readJournaled(files);
    if (!loaded) return null;
    const persistence = journaledPersistence(files.snapshot, files.journal, codec, loaded.data, { limits: limits[codec.kind], snapshotIsGood: !loaded.recovered });
    if (loaded.recovered) {
      // The unusable file is kept aside for a look, and a good snapshot written at once. If that
      // fails (a read-only disk), the next rewrite does it, still recoverable until then.
      await rename(files.snapshot.file, documentFiles(dataDir, codec.kind, id).corrupt).catch(() => {});
      await persistence.compact?.(loaded.data).catch(() => {});
    }
    return { ...loaded, persistence };
  }

  async function create<T extends { id: string }>(codec: DocumentCodec<T>, data: T): Promise<Persistence<T>> {
    const files = journaledFiles(dataDir, codec, data.id);
    // A new document that cannot be written is a failed write like any other (storage_failed).
    await files.snapshot.write(data).catch((cause: unknown) => {
      throw new StorageWriteError(files.snapshot.file, cause);
    });
    return journaledPersistence(files.snapshot, files.journal, codec, data, { limits: limits[codec.kind] });
  }

  return {
    file: (kind, id) => documentPath(dataDir, kind, id),
    async list() {
      const names = (await readdir(dataDir)).sort();
      // Temporary files of writes a crash interrupted: never acknowledged, never read.
      for (const name of names.filter(isLeftoverFile)) await rm(join(dataDir, name), { force: true }).catch(() => {});
      const found = new Map<string, { kind: DocumentKind; id: string }>();
      for (const doc of names.map(parseStoredDocumentName)) if (doc) found.set(`${doc.kind}-${doc.id}`, doc);
      return [...found.values()];
    },
    openStudy: (id) => open(studyCodec, id),
    openSession: (id) => open(sessionCodec, id),
    createStudy: (study) => create(studyCodec, study),
    createSession: (session) => create(sessionCodec, session),
    async remove(kind, id) {
      await Promise.all(Object.values(documentFiles(dataDir, kind, id)).map((file) => rm(file, { force: true })));
    },
  };
}

/**
 * What is stored for a session right now, read the way the server loads it (snapshot plus
 * journal, or the previous version when the snapshot is unusable): for tests and benchmarks.
 */
export async function readStoredSession(dataDir: string, id: string): Promise<Session | null> {
  return (await readJournaled(journaledFiles(dataDir, sessionCodec, id)))?.data ?? null;
}

/** What is stored for a study right now, read the way the server loads it. */
export async function readStoredStudy(dataDir: string, id: string): Promise<Study | null> {
  return (await readJournaled(journaledFiles(dataDir, studyCodec, id)))?.data ?? null;
}
