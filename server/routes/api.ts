import type { FastifyPluginAsync, onRequestAsyncHookHandler } from 'fastify';
import { nanoid } from 'nanoid';
import { DEFAULT_CODEBOOK } from '../../shared/domain/themes/default-codebook.ts';
import { CreateStudyBodySchema, ReportSettingsSchema, type Study } from '../../shared/schemas/study.ts';
import { hashSecret, newSecret } from '../security/secrets.ts';
import type { Repository } from '../storage/repository.ts';
import { emptyReportDocument } from '../../shared/schemas/report-document.ts';

/** The small HTTP API; everything live goes over the socket. */
export function apiRoutes(repo: Repository, clock: () => number, limitCreates: onRequestAsyncHookHandler): FastifyPluginAsync {
  return async (app) => {
    app.get('/api/health', async () => ({ ok: true, brokenFiles: repo.broken.size, recoveredFiles: repo.recovered.size }));

    /** Creates a study. The key in the answer is the facilitator's secret and is shown only once. */
    app.post('/api/studies', { onRequest: limitCreates }, async (request, reply) => {
      const parsed = CreateStudyBodySchema.safeParse(request.body);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return reply.code(400).send({ error: 'invalid_payload', message: `${issue?.path.join('.') || 'body'}: ${issue?.message}` });
      }
      const key = newSecret();
      const now = clock();
      const study: Study = {
        schemaVersion: 1,
        id: nanoid(),
        title: parsed.data.title,
        keyHash: hashSecret(key),
        sessionIds: [],
        codebook: parsed.data.codebook === 'empty' ? { themes: [] } : structuredClone(DEFAULT_CODEBOOK),
        reportSettings: ReportSettingsSchema.parse({}),
        report: emptyReportDocument(),
        surveys: [],
        createdAt: now,
        updatedAt: now,
      };
      await repo.createStudy(study);
      return reply.code(201).send({ studyId: study.id, key });
    });
  };
}
