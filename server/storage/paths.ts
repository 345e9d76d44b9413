import { resolve, sep } from 'node:path';
import { IdSchema } from '../../shared/schemas/common.ts';

export type DocumentKind = 'study' | 'session';

const FILE_PATTERN = /^(study|session)-([A-Za-z0-9_-]{8,64})\.json$/;

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
  return documentPath(dataDir, 'session', id).replace(/\.json$/, '.journal');
}

/** Recognises the data folder's own document files; everything else there is ignored. */
export function parseDocumentFileName(name: string): { kind: DocumentKind; id: string } | null {
  const match = FILE_PATTERN.exec(name);
  return match ? { kind: match[1] as DocumentKind, id: match[2]! } : null;
}
