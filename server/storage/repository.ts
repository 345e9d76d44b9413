import { join } from 'node:path';
import { Memory } from 'lowdb';
import type { Session } from '../../shared/schemas/session.ts';
import type { Study } from '../../shared/schemas/study.ts';
import { coalescingDocument, snapshotPersistence, type Persistence, type StoredDocument } from './document.ts';
import { CorruptFileError } from './errors.ts';
import { fileBackend, type FileStorageOptions } from './file-backend.ts';
import type { Loaded, Recovery } from './journaled-reader.ts';
import type { DocumentKind } from './paths.ts';

export { readStoredSession, readStoredStudy, type FileStorageOptions } from './file-backend.ts';

/** A stored file that could not be loaded; the rest of the data still is. */
export interface BrokenFile {
  kind: DocumentKind;
  id: string;
  file: string;
  message: string;
}

/** A document whose snapshot was unusable, loaded from its previous version instead. */
export interface RecoveredFile extends Recovery {
  kind: DocumentKind;
  id: string;
}

/** All studies and sessions, held in memory and written through to storage. */
export interface Repository {
  /** Reads every document; broken files are reported, not thrown. */
  load(): Promise<BrokenFile[]>;
  studies: Map<string, StoredDocument<Study>>;
  sessions: Map<string, StoredDocument<Session>>;
  broken: Map<string, BrokenFile>;
  /** Loaded from the previous version on start (their snapshot was rewritten from it). */
  recovered: Map<string, RecoveredFile>;
  createStudy(study: Study): Promise<StoredDocument<Study>>;
  createSession(session: Session): Promise<StoredDocument<Session>>;
  /** Removes a document and its files: only to undo a half-done import. */
  discard(kind: DocumentKind, id: string): Promise<void>;
  /** Waits for every pending write. */
  flush(): Promise<void>;
  /** Writes everything pending, compacts journals and closes files. */
  close(): Promise<void>;
  /** Called when a failed write rolled a session back to what is stored. */
  onSessionRollback: (id: string) => void;
}

/** A document read from storage, with how its later changes are written. */
export interface Opened<T> extends Loaded<T> {
  persistence: Persistence<T>;
}

/** Where documents live: files or memory. */
export interface Backend {
  file(kind: DocumentKind, id: string): string;
  list(): Promise<{ kind: DocumentKind; id: string }[]>;
  openStudy(id: string): Promise<Opened<Study> | null>;
  openSession(id: string): Promise<Opened<Session> | null>;
  /** Writes a new document in full, then returns how later changes are written. */
  createStudy(study: Study): Promise<Persistence<Study>>;
  createSession(session: Session): Promise<Persistence<Session>>;
  remove(kind: DocumentKind, id: string): Promise<void>;
}

function createRepository(backend: Backend): Repository {
  const studyDocument = (persistence: Persistence<Study>, data: Study) =>
    coalescingDocument(persistence, data, backend.file('study', data.id));
  const sessionDocument = (persistence: Persistence<Session>, data: Session) =>
    coalescingDocument(persistence, data, backend.file('session', data.id), (persisted) => repo.onSessionRollback(persisted.id));

  const repo: Repository = {
    studies: new Map(),
    sessions: new Map(),
    broken: new Map(),
    recovered: new Map(),
    onSessionRollback: () => {},

    async load() {
      for (const { kind, id } of await backend.list()) {
        try {
          const opened = kind === 'study' ? await backend.openStudy(id) : await backend.openSession(id);
          if (!opened) continue;
          if (opened.recovered) repo.recovered.set(id, { kind, id, ...opened.recovered });
          if (kind === 'study') repo.studies.set(id, studyDocument(opened.persistence as Persistence<Study>, opened.data as Study));
          else repo.sessions.set(id, sessionDocument(opened.persistence as Persistence<Session>, opened.data as Session));
        } catch (error) {
          if (!(error instanceof CorruptFileError)) throw error;
          repo.broken.set(id, { kind, id, file: error.file, message: error.message });
        }
      }
      return [...repo.broken.values()];
    },

    async createStudy(study) {
      const doc = studyDocument(await backend.createStudy(study), study);
      repo.studies.set(study.id, doc);
      return doc;
    },

    async createSession(session) {
      const doc = sessionDocument(await backend.createSession(session), session);
      repo.sessions.set(session.id, doc);
      return doc;
    },

    async discard(kind, id) {
      const docs: Map<string, StoredDocument<unknown>> = kind === 'study' ? repo.studies : repo.sessions;
      await docs.get(id)?.close().catch(() => {});
      docs.delete(id);
      await backend.remove(kind, id);
    },

    async flush() {
      const docs = [...repo.studies.values(), ...repo.sessions.values()];
      await Promise.allSettled(docs.map((d) => d.settled()));
    },

    async close() {
      const docs = [...repo.studies.values(), ...repo.sessions.values()];
      await Promise.allSettled(docs.map((d) => d.close()));
    },
  };
  return repo;
}

/**
 * JSON files in `dataDir`, per study and per session: a lowdb snapshot `<kind>-<id>.json`, its
 * journal `<kind>-<id>.journal`, and the previous snapshot and journal (`.prev`) to recover from.
 */
export async function createFileRepository(dataDir: string, options: FileStorageOptions = {}): Promise<Repository> {
  return createRepository(await fileBackend(dataDir, options));
}

/** Nothing on disk: for fast tests of everything but persistence. */
export function createMemoryRepository(): Repository {
  return createRepository({
    file: (kind, id) => join('memory', `${kind}-${id}.json`),
    list: async () => [],
    openStudy: async () => null,
    openSession: async () => null,
    createStudy: async (study) => snapshotPersistence(new Memory<Study>(), study),
    createSession: async (session) => snapshotPersistence(new Memory<Session>(), session),
    remove: async () => {},
  });
}
