import type { z } from 'zod';
import { SessionSchema, type Session } from '../../shared/schemas/session.ts';
import { StudySchema, type Study } from '../../shared/schemas/study.ts';
import type { DocumentKind } from './paths.ts';
import { applyPatch, diffSession, type SessionPatch } from './session-patch.ts';

/** How one kind of document is written to and replayed from its journal. */
export interface DocumentCodec<T> {
  kind: DocumentKind;
  schema: z.ZodType<T>;
  /** The journal entry that turns `before` into `after`; null when nothing changed. */
  diff(before: T, after: T): unknown;
  /** Applies an entry read back; null when the entry is not one of this kind. */
  apply(document: T, entry: unknown): T | null;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A session's entries are patches of the entities that changed (see session-patch.ts). */
export const sessionCodec: DocumentCodec<Session> = {
  kind: 'session',
  schema: SessionSchema,
  diff: diffSession,
  apply: (session, entry) => (isRecord(entry) ? applyPatch(session, entry as SessionPatch) : null),
};

/** A study is small and changes rarely: an entry is the whole study. */
export const studyCodec: DocumentCodec<Study> = {
  kind: 'study',
  schema: StudySchema,
  diff: (before, after) => (before === after ? null : after),
  apply: (_study, entry) => (isRecord(entry) ? (entry as Study) : null),
};
