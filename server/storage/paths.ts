import { resolve, sep } from 'node:path';
import { IdSchema } from '../../shared/schemas/common.ts';

export type DocumentKind = 'study' | 'session';

const ID = '([A-Za-z0-9_-]{8,64})';
const FILE_PATTERN = new RegExp(`^(study|session)-${ID}\\.json$`);
const PREVIOUS_PATTERN = new RegExp(`^(study|session)-${ID}\\.json\\.prev$`);
// What a write killed half-way leaves: write-file-atomic's `<file>.<number>`, or our `.prev.tmp`.
const LEFTOVER_PATTERN = new RegExp(`^(study|session)-${ID}\\.json(\\.\\d+|\\.prev\\.tmp)$`);

/**
 * The file of a stored document. The id must pass the id whitelist and the result must stay
 * inside the data folder: a hostile id can never name another file.
 */
export function documentPath(dataDir: string, kind: DocumentKind, id: string): string {
  if (!IdSchema.safeParse(id).success) throw new Error(`Unsafe document id: ${JSON.stringify(id)}`);
  const root = resolve(dataDir);
  const file = resolve(root, `${kind}-${id}.json`);
  if (!file.startsWith(root + sep)) throw new Error(`Document path escapes the data folder: ${JSON.stringify(id)}`);
  return file;
}

/** The journal of a session, beside its snapshot. */
export function journalPath(dataDir: string, id: string): string {
  return documentFiles(dataDir, 'session', id).journal;
}

/**
 * Every file of one document: the snapshot and its journal, and the snapshot before the last
 * rewrite with the journal that leads from it to the snapshot (see journaled-persistence.ts).
 */
export interface DocumentFiles {
  snapshot: string;
  journal: string;
  previous: string;
  previousJournal: string;
  /** A snapshot that could not be read, kept aside after recovering from the previous one. */
  corrupt: string;
}

export function documentFiles(dataDir: string, kind: DocumentKind, id: string): DocumentFiles {
  const snapshot = documentPath(dataDir, kind, id);
  const journal = snapshot.replace(/\.json$/, '.journal');
  return { snapshot, journal, previous: previousPath(snapshot), previousJournal: previousPath(journal), corrupt: `${snapshot}.corrupt` };
}

/** Where the version before the last rewrite of `file` is kept. */
export const previousPath = (file: string): string => `${file}.prev`;

/** Recognises the data folder's own document files; everything else there is ignored. */
export function parseDocumentFileName(name: string): { kind: DocumentKind; id: string } | null {
  const match = FILE_PATTERN.exec(name);
  return match ? { kind: match[1] as DocumentKind, id: match[2]! } : null;
}

/** A document whose snapshot or previous snapshot is in the folder: one that can be loaded. */
export function parseStoredDocumentName(name: string): { kind: DocumentKind; id: string } | null {
  const match = FILE_PATTERN.exec(name) ?? PREVIOUS_PATTERN.exec(name);
  return match ? { kind: match[1] as DocumentKind, id: match[2]! } : null;
}

/** A temporary file of a write that never finished (the process was killed); safe to delete. */
export const isLeftoverFile = (name: string): boolean => LEFTOVER_PATTERN.test(name);
