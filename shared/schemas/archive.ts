import { z } from 'zod';
import { SessionSchema } from './session.ts';
import { StudySchema } from './study.ts';

export const ARCHIVE_FORMAT = 'werksessie-study';
/** Sessions one archive may hold. */
export const ARCHIVE_MAX_SESSIONS = 500;

/**
 * A whole study as one JSON file, for backup and for moving between servers: the study (with the
 * hash of its facilitator key, so the same key opens it elsewhere) and all its sessions.
 */
export const StudyArchiveSchema = z
  .object({
    format: z.literal(ARCHIVE_FORMAT),
    version: z.literal(1),
    exportedAt: z.number().int(),
    study: StudySchema,
    sessions: z.array(SessionSchema).max(ARCHIVE_MAX_SESSIONS),
  })
  .superRefine((archive, ctx) => {
    const ids = archive.sessions.map((s) => s.id);
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', path: ['sessions'], message: 'a session id appears twice' });
    for (const [i, session] of archive.sessions.entries()) {
      if (session.studyId !== archive.study.id) ctx.addIssue({ code: 'custom', path: ['sessions', i, 'studyId'], message: 'session belongs to another study' });
    }
    const listed = new Set(archive.study.sessionIds);
    if (listed.size !== ids.length || ids.some((id) => !listed.has(id))) {
      ctx.addIssue({ code: 'custom', path: ['study', 'sessionIds'], message: "the study's session list does not match the sessions in the file" });
    }
    const codes = archive.sessions.map((s) => s.joinCode);
    if (new Set(codes).size !== codes.length) ctx.addIssue({ code: 'custom', path: ['sessions'], message: 'a join code appears twice' });
  });
export type StudyArchive = z.infer<typeof StudyArchiveSchema>;
