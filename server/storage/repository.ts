import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Memory } from 'lowdb';
import { SessionSchema, type Session } from '../../shared/schemas/session.ts';
import { StudySchema, type Study } from '../../shared/schemas/study.ts';
import { coalescingDocument, snapshotPersistence, type Persistence, type StoredDocument } from './document.ts';
import { CorruptFileError } from './errors.ts';
import { ValidatedJsonFile } from './json-file-adapter.ts';
import { createJournal } from './journal.ts';
import { documentPath, journalPath, parseDocumentFileName, type DocumentKind } from './paths.ts';
import { journaledSessionPersistence, readSession } from './session-persistence.ts';

/** A stored file that could not be loaded; the rest of the data still is. */
export interface BrokenFile {
  kind: DocumentKind;
  id: string;
  file: string;
  message: string;
}

/** All studies and sessions, held in memory and written through to storage. */
export interface Repository {
  /** Reads every document; broken files are reported, not thrown. */
  load(): Promise<BrokenFile[]>;
  studies: Map<string, StoredDocument<Study>>;
  sessions: Map<string, StoredDocument<Session>>;
  broken: Map<string, BrokenFile>;
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

/** Where documents live: files or memory. */
interface Backend {
  file(kind: DocumentKind, id: string): string;
  list(): Promise<{ kind: DocumentKind; id: string }[]>;
  readStudy(id: string): Promise<Study | null>;
  readSession(id: string): Promise<Session | null>;
  /** Writes a new document in full, then returns how later changes are written. */
  createStudy(study: Study): Promise<Persistence<Study>>;
  createSession(session: Session): Promise<Persistence<Session>>;
  remove(kind: DocumentKind, id: string): Promise<void>;
  persistStudy(study: Study): Persistence<Study>;
  persistSession(session: Session): Persistence<Session>;
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
    onSessionRollback: () => {},

    async load() {
      for (const { kind, id } of await backend.list()) {
        try {
          if (kind === 'study') {
            const data = await backend.readStudy(id);
            if (data) repo.studies.set(id, studyDocument(backend.persistStudy(checkId(data, id, backend.file(kind, id))), data));
          } else {
            const data = await backend.readSession(id);
            if (data) repo.sessions.set(id, sessionDocument(backend.persistSession(checkId(data, id, backend.file(kind, id))), data));
          }
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

function checkId<T extends { id: string }>(data: T, id: string, file: string): T {
  if (data.id !== id) throw new CorruptFileError(file, `holds id ${data.id}, not ${id}`);
  return data;
}

/**
 * JSON files in `dataDir`: `study-<id>.json`, and per session a lowdb snapshot
 * `session-<id>.json` with its journal `session-<id>.journal`.
 */
export async function createFileRepository(dataDir: string): Promise<Repository> {
  await mkdir(dataDir, { recursive: true });
  const studyFile = (id: string) => new ValidatedJsonFile(documentPath(dataDir, 'study', id), StudySchema);
  const sessionFile = (id: string) => new ValidatedJsonFile(documentPath(dataDir, 'session', id), SessionSchema);
  const journal = (id: string) => createJournal(journalPath(dataDir, id));
  return createRepository({
    file: (kind, id) => documentPath(dataDir, kind, id),
    async list() {
      const names = (await readdir(dataDir)).sort();
      return names.map(parseDocumentFileName).filter((d) => d !== null);
    },
    readStudy: (id) => studyFile(id).read(),
    readSession: (id) => readSession(sessionFile(id), journal(id)),
    async createStudy(study) {
      await studyFile(study.id).write(study);
      return snapshotPersistence(studyFile(study.id), study);
    },
    async createSession(session) {
      await sessionFile(session.id).write(session);
      return journaledSessionPersistence(sessionFile(session.id), journal(session.id), session);
    },
    async remove(kind, id) {
      await rm(documentPath(dataDir, kind, id), { force: true });
      if (kind === 'session') await rm(journalPath(dataDir, id), { force: true });
    },
    persistStudy: (study) => snapshotPersistence(studyFile(study.id), study),
    persistSession: (session) => journaledSessionPersistence(sessionFile(session.id), journal(session.id), session),
  });
}

/** Nothing on disk: for fast tests of everything but persistence. */
export function createMemoryRepository(): Repository {
  return createRepository({
    file: (kind, id) => join('memory', `${kind}-${id}.json`),
    list: async () => [],
    readStudy: async () => null,
    readSession: async () => null,
    createStudy: async (study) => snapshotPersistence(new Memory<Study>(), study),
    createSession: async (session) => snapshotPersistence(new Memory<Session>(), session),
    remove: async () => {},
    persistStudy: (study) => snapshotPersistence(new Memory<Study>(), study),
    persistSession: (session) => snapshotPersistence(new Memory<Session>(), session),
  });
}

/** What is stored for a session right now (snapshot plus journal): for tests and benchmarks. */
export async function readStoredSession(dataDir: string, id: string): Promise<Session | null> {
  return readSession(new ValidatedJsonFile(documentPath(dataDir, 'session', id), SessionSchema), createJournal(journalPath(dataDir, id)));
}
