import type { FastifyPluginAsync, FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { buildReport } from '../../shared/domain/report/build.ts';
import { renderMarkdown } from '../../shared/domain/report/markdown.ts';
import { facilitatorArchive, withoutToken } from '../../shared/domain/study-archive.ts';
import { StudyArchiveSchema } from '../../shared/schemas/archive.ts';
import type { Study } from '../../shared/schemas/study.ts';
import { renderCsv } from '../report/csv.ts';
import { renderDocx } from '../report/docx.ts';
import { secretMatches } from '../security/secrets.ts';
import type { Repository } from '../storage/repository.ts';

/** Largest study file accepted for import. */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;

export interface StudyFileDeps {
  repo: Repository;
  /** Join code -> session id of every loaded session (shared with the realtime handlers). */
  joinCodes: Map<string, string>;
  newJoinCode: () => string;
  clock: () => number;
  /** Per-IP limit of requests that create things (the import). */
  limitCreates: onRequestAsyncHookHandler;
}

type Failure = { error: string; message: string };
export const failure = (reply: FastifyReply, status: number, error: string, message: string) => reply.code(status).send({ error, message } satisfies Failure);

/**
 * The study whose facilitator key is in `Authorization: Bearer <key>`. An unknown study and a wrong
 * key get the same answer, so the endpoint does not tell which studies exist.
 */
export function authorisedStudy(repo: Repository, request: FastifyRequest<{ Params: { studyId: string } }>): Study | null {
  const match = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '');
  const study = repo.studies.get(request.params.studyId);
  return match && study && secretMatches(match[1]!, study.data.keyHash) ? study.data : null;
}

/** A participant id of the file that a session on this server already uses, if any. */
function participantIdTaken(repo: Repository, sessions: { participants: Record<string, unknown> }[]): string | undefined {
  const incoming = new Set(sessions.flatMap((s) => Object.keys(s.participants)));
  for (const doc of repo.sessions.values()) {
    for (const id of Object.keys(doc.data.participants)) if (incoming.has(id)) return id;
  }
  return undefined;
}

const sessionsOf = (repo: Repository, study: Study) => study.sessionIds.flatMap((id) => repo.sessions.get(id)?.data ?? []);

/** A file name without characters that trouble browsers or file systems. */
export const fileName = (title: string, extension: string) =>
  `${title.normalize('NFKD').replace(/[^\w\- ]+/g, '').trim().replace(/\s+/g, '-').slice(0, 80) || 'werksessie'}.${extension}`;

const QuerySchemaNote = 'session (optional) must be a session of this study; lang is nl or en';

/**
 * Downloads for the facilitator (report data and the study archive) and the import of an archive.
 * Everything here needs the study's facilitator key.
 */
export function studyFileRoutes(deps: StudyFileDeps): FastifyPluginAsync {
  const { repo } = deps;
  return async (app) => {
    /** The report as data (for the web view) and as files: Word, Markdown, and the cards as CSV. */
    const formats = {
      report: null,
      'report.docx': { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx', render: renderDocx },
      'report.md': { type: 'text/markdown; charset=utf-8', extension: 'md', render: renderMarkdown },
      'cards.csv': { type: 'text/csv; charset=utf-8', extension: 'csv', render: renderCsv },
    } as const;
    for (const [path, format] of Object.entries(formats)) {
      app.get<{ Params: { studyId: string }; Querystring: { session?: string; lang?: string } }>(`/api/studies/:studyId/${path}`, async (request, reply) => {
        const study = authorisedStudy(repo, request);
        if (!study) return failure(reply, 401, 'unauthorised', 'The facilitator key of this study is needed');
        const { session, lang } = request.query;
        if ((session !== undefined && !study.sessionIds.includes(session)) || (lang !== undefined && lang !== 'nl' && lang !== 'en')) {
          return failure(reply, 400, 'invalid_payload', QuerySchemaNote);
        }
        const report = buildReport(study, sessionsOf(repo, study), { sessionId: session, language: lang === 'en' ? 'en' : 'nl', now: deps.clock() });
        if (!format) return report;
        const name = fileName(report.title, format.extension);
        return reply.header('content-disposition', `attachment; filename="${name}"`).type(format.type).send(await format.render(report));
      });
    }

    /** The study as its facilitator sees it, as one JSON file (see `facilitatorArchive` for what is left out). */
    app.get<{ Params: { studyId: string } }>('/api/studies/:studyId/export', async (request, reply) => {
      const study = authorisedStudy(repo, request);
      if (!study) return failure(reply, 401, 'unauthorised', 'The facilitator key of this study is needed');
      const archive = facilitatorArchive(study, sessionsOf(repo, study), deps.clock());
      return reply
        .header('content-disposition', `attachment; filename="${fileName(study.title, 'werksessie.json')}"`)
        .type('application/json; charset=utf-8')
        .send(JSON.stringify(archive, null, 2));
    });

    /**
     * Imports an archive as it was exported (same ids, so the same key opens it). Refused, with
     * nothing changed, when the file is not a valid archive, or its study, sessions or participant
     * ids already exist here. Join codes taken on this server get new ones. Resume tokens in the
     * file are dropped: nobody can sign in as an imported participant, whatever the file claims.
     */
    app.post('/api/studies/import', { bodyLimit: IMPORT_MAX_BYTES, onRequest: deps.limitCreates }, async (request, reply) => {
      const parsed = StudyArchiveSchema.safeParse(request.body);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return failure(reply, 400, 'invalid_payload', `Not a Werksessie study file: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
      }
      const { study, sessions } = parsed.data;
      if (repo.studies.has(study.id)) return failure(reply, 409, 'conflict', 'This study is already on this server');
      const taken = sessions.find((s) => repo.sessions.has(s.id));
      if (taken) return failure(reply, 409, 'conflict', `Session ${taken.id} is already on this server`);

      const claimed = participantIdTaken(repo, sessions);
      if (claimed) return failure(reply, 409, 'conflict', `Participant ${claimed} is already on this server`);

      const renumbered = sessions.map((s) => ({
        ...s,
        participants: Object.fromEntries(Object.entries(s.participants).map(([id, p]) => [id, withoutToken(p)])),
        joinCode: deps.joinCodes.has(s.joinCode) ? deps.newJoinCode() : s.joinCode,
      }));
      const created: { kind: 'study' | 'session'; id: string }[] = [];
      try {
        for (const session of renumbered) {
          await repo.createSession(session);
          created.push({ kind: 'session', id: session.id });
        }
        await repo.createStudy(study);
      } catch (error) {
        // All or nothing: undo what was written.
        await Promise.allSettled(created.map((d) => repo.discard(d.kind, d.id)));
        request.log.error({ err: error }, 'import failed');
        return failure(reply, 500, 'storage_failed', 'The study could not be stored; nothing was imported');
      }
      for (const session of renumbered) deps.joinCodes.set(session.joinCode, session.id);
      return reply.code(201).send({ studyId: study.id, sessions: renumbered.length, newJoinCodes: renumbered.filter((s, i) => s.joinCode !== sessions[i]!.joinCode).length });
    });
  };
}
