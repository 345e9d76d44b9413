import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Memory, type Adapter } from 'lowdb';
import { SessionSchema, type Session } from '../../shared/schemas/session.ts';
import { StudySchema, type Study } from '../../shared/schemas/study.ts';
import { createDocument, type StoredDocument } from './document.ts';
import { CorruptFileError } from './errors.ts';
import { ValidatedJsonFile } from './json-file-adapter.ts';
import { documentPath, parseDocumentFileName, type DocumentKind } from './paths.ts';

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
  /** Waits for every pending write. */
  flush(): Promise<void>;
  /** Called when a failed write rolled a session back to what is on disk. */
  onSessionRollback: (id: string) => void;
}

type FileAdapter<T> = Adapter<T> & { file: string };

interface Backend {
  adapter<T>(kind: DocumentKind, id: string, schema: typeof StudySchema | typeof SessionSchema): FileAdapter<T>;
  list(): Promise<{ kind: DocumentKind; id: string }[]>;
}

function createRepository(backend: Backend): Repository {
  const repo: Repository = {
    studies: new Map(),
    sessions: new Map(),
    broken: new Map(),
    onSessionRollback: () => {},

    async load() {
      for (const { kind, id } of await backend.list()) {
        const schema = kind === 'study' ? StudySchema : SessionSchema;
        const adapter = backend.adapter<Study | Session>(kind, id, schema);
        try {
          const data = await adapter.read();
          if (data === null) continue;
          if (data.id !== id) throw new CorruptFileError(adapter.file, `holds id ${data.id}, not ${id}`);
          if (kind === 'study') repo.studies.set(id, createDocument(adapter as FileAdapter<Study>, data as Study, adapter.file));
          else repo.sessions.set(id, sessionDocument(adapter as FileAdapter<Session>, data as Session));
        } catch (error) {
          if (!(error instanceof CorruptFileError)) throw error;
          repo.broken.set(id, { kind, id, file: adapter.file, message: error.message });
        }
      }
      return [...repo.broken.values()];
    },

    async createStudy(study) {
      const adapter = backend.adapter<Study>('study', study.id, StudySchema);
      const doc = createDocument(adapter, study, adapter.file);
      await doc.set(study);
      repo.studies.set(study.id, doc);
      return doc;
    },

    async createSession(session) {
      const adapter = backend.adapter<Session>('session', session.id, SessionSchema);
      const doc = sessionDocument(adapter, session);
      await doc.set(session);
      repo.sessions.set(session.id, doc);
      return doc;
    },

    async flush() {
      const docs = [...repo.studies.values(), ...repo.sessions.values()];
      await Promise.allSettled(docs.map((d) => d.settled()));
    },
  };

  const sessionDocument = (adapter: FileAdapter<Session>, data: Session) =>
    createDocument(adapter, data, adapter.file, (persisted) => repo.onSessionRollback(persisted.id));

  return repo;
}

/** JSON files in `dataDir`: `study-<id>.json` and `session-<id>.json`. */
export async function createFileRepository(dataDir: string): Promise<Repository> {
  await mkdir(dataDir, { recursive: true });
  return createRepository({
    adapter: (kind, id, schema) => new ValidatedJsonFile(documentPath(dataDir, kind, id), schema) as never,
    async list() {
      const names = (await readdir(dataDir)).sort();
      return names.map(parseDocumentFileName).filter((d) => d !== null);
    },
  });
}

/** Nothing on disk: for fast tests of everything but persistence. */
export function createMemoryRepository(): Repository {
  return createRepository({
    adapter: (kind, id) => Object.assign(new Memory(), { file: join('memory', `${kind}-${id}.json`) }) as never,
    list: async () => [],
  });
}
