import type { FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { nanoid } from 'nanoid';
import { z } from 'zod';
import { surveyFigures } from '../../shared/domain/survey-figures.ts';
import { applyQuestionPatch, openAnswers } from '../../shared/domain/survey-question-report.ts';
import { previewColumns } from '../../shared/domain/survey-preview.ts';
import { SURVEY_FILE_MAX_BYTES, SURVEYS_PER_STUDY, SurveyImportBodySchema, type SurveyPreview, type SurveyProblem } from '../../shared/schemas/survey-import.ts';
import { SurveyQuestionPatchSchema } from '../../shared/schemas/survey.ts';
import { StorageWriteError } from '../storage/errors.ts';
import type { Repository } from '../storage/repository.ts';
import { surveySummary, surveyToImport } from '../survey/import-survey.ts';
import { readSurveyFile } from '../survey/read-survey.ts';
import { createSurveyTrash } from '../survey/trash.ts';
import { authorisedStudy, failure } from './study-files.ts';

/** The import carries the file as base64 (a third larger) beside the mapping. */
const IMPORT_BODY_LIMIT = Math.ceil((SURVEY_FILE_MAX_BYTES * 4) / 3) + 1024 * 1024;
const FILE_TYPES = ['text/csv', 'text/tab-separated-values', 'application/octet-stream', 'application/vnd.ms-excel'];

export interface SurveyRouteDeps {
  repo: Repository;
  clock: () => number;
  /** Per-IP limit of uploads (preview and import), counted once the key is checked. */
  limitCreates: onRequestAsyncHookHandler;
}

type StudyParams = { Params: { studyId: string } };
type SurveyParams = { Params: { studyId: string; surveyId: string } };
type QuestionParams = { Params: { studyId: string; surveyId: string; questionId: string } };

const STATUS: Partial<Record<SurveyProblem['code'], number>> = { too_large: 413, too_many_rows: 413, too_many_columns: 413, surveys_too_large: 413, too_many_surveys: 409 };

function refuse(reply: FastifyReply, problem: SurveyProblem) {
  const status = STATUS[problem.code] ?? 400;
  const error = status === 413 ? 'too_large' : status === 409 ? 'conflict' : 'invalid_payload';
  return reply.code(status).send({ error, message: problem.message, problem });
}

const FiguresQuerySchema = z.object({ by: z.string().max(64).optional(), excludeMissing: z.enum(['true', 'false']).default('false') });

/**
 * Member surveys of a study: preview a file, import it with a mapping, list, figures, the report
 * choices per question and the answers of open questions, delete and undo a delete. Everything needs the study's facilitator key, checked before a body is read.
 */
export function surveyRoutes(deps: SurveyRouteDeps): FastifyPluginAsync {
  const { repo, clock } = deps;
  const trash = createSurveyTrash(clock);
  const studyDoc = (request: FastifyRequest<StudyParams>) => repo.studies.get(request.params.studyId)!;

  return async (app) => {
    app.addContentTypeParser(FILE_TYPES, { parseAs: 'buffer', bodyLimit: SURVEY_FILE_MAX_BYTES }, (_request, body, done) => done(null, body));
    app.addHook<StudyParams>('onRequest', async (request, reply) => {
      if (authorisedStudy(repo, request)) return;
      // Do not read an upload meant for a study this caller cannot open.
      if (Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding']) reply.header('connection', 'close');
      return failure(reply, 401, 'unauthorised', 'The facilitator key of this study is needed');
    });
    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
        return refuse(reply, { code: 'too_large', message: `The file is larger than ${SURVEY_FILE_MAX_BYTES / 1024 / 1024} MB`, params: { limit: SURVEY_FILE_MAX_BYTES } });
      }
      if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return failure(reply, 415, 'invalid_payload', 'Send the survey file as text/csv or application/octet-stream');
      if (error.statusCode !== undefined && error.statusCode < 500) return failure(reply, error.statusCode, 'invalid_payload', error.message);
      request.log.error({ err: error }, 'survey request failed');
      // A failed write has rolled the study back to what is stored.
      if (error instanceof StorageWriteError) return failure(reply, 500, 'storage_failed', 'The study could not be stored; nothing was changed');
      return failure(reply, 500, 'internal', 'Something went wrong on the server');
    });

    /** The study's surveys (without responses) and its themes, for linking questions. */
    app.get<StudyParams>('/api/studies/:studyId/surveys', async (request) => {
      const study = studyDoc(request).data;
      return { surveys: study.surveys.map(surveySummary), themes: themesOf(study.codebook.themes), maxSurveys: SURVEYS_PER_STUDY };
    });

    /** Reads a file (the raw bytes as body) and guesses a mapping; stores nothing. */
    app.post<StudyParams>('/api/studies/:studyId/surveys/preview', { bodyLimit: SURVEY_FILE_MAX_BYTES, onRequest: deps.limitCreates }, async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) return failure(reply, 415, 'invalid_payload', 'Send the survey file itself as text/csv or application/octet-stream');
      const table = readSurveyFile(request.body);
      if (!table.ok) return refuse(reply, table.problem);
      const { encoding, delimiter, rows } = table.data;
      const preview: SurveyPreview = { encoding, delimiter, rows: rows.length, columns: previewColumns(table.data), themes: themesOf(studyDoc(request).data.codebook.themes) };
      return preview;
    });

    /** Imports a file with its mapping; the file is read and checked again, so a preview proves nothing. */
    app.post<StudyParams>('/api/studies/:studyId/surveys', { bodyLimit: IMPORT_BODY_LIMIT, onRequest: deps.limitCreates }, async (request, reply) => {
      const body = SurveyImportBodySchema.safeParse(request.body);
      if (!body.success) {
        const issue = body.error.issues[0];
        return failure(reply, 400, 'invalid_payload', `${issue?.path.join('.') || 'body'}: ${issue?.message}`);
      }
      const doc = studyDoc(request);
      const now = clock();
      const survey = surveyToImport(doc.data, body.data, { surveyId: nanoid(), now });
      if (!survey.ok) return refuse(reply, survey.problem);
      await doc.set({ ...doc.data, surveys: [...doc.data.surveys, survey.data], updatedAt: now });
      return reply.code(201).send(survey.data);
    });

    /** Counts and percentages per question, overall and broken down by an attribute. */
    app.get<SurveyParams & { Querystring: Record<string, string> }>('/api/studies/:studyId/surveys/:surveyId/figures', async (request, reply) => {
      const query = FiguresQuerySchema.safeParse(request.query);
      if (!query.success) return failure(reply, 400, 'invalid_payload', 'by is an attribute or single-choice question id; excludeMissing is true or false');
      const survey = studyDoc(request).data.surveys.find((s) => s.id === request.params.surveyId);
      if (!survey) return failure(reply, 404, 'not_found', 'The study has no such survey');
      const figures = surveyFigures(survey, { by: query.data.by ?? null, excludeMissing: query.data.excludeMissing === 'true' });
      if (!figures.ok) return failure(reply, 400, 'invalid_payload', figures.message);
      return figures.data;
    });

    /**
     * Changes how the report shows a question: category order, breakdowns, quotes (open questions)
     * and key figures (choice questions). Answers with the question as stored; nothing is stored on
     * a refusal (400 for a bad body or a reference to something the survey lacks, 404 for unknown ids).
     */
    app.patch<QuestionParams>('/api/studies/:studyId/surveys/:surveyId/questions/:questionId', async (request, reply) => {
      const body = SurveyQuestionPatchSchema.safeParse(request.body);
      if (!body.success) {
        const issue = body.error.issues[0];
        return failure(reply, 400, 'invalid_payload', `${issue?.path.join('.') || 'body'}: ${issue?.message}`);
      }
      const doc = studyDoc(request);
      const survey = doc.data.surveys.find((s) => s.id === request.params.surveyId);
      if (!survey) return failure(reply, 404, 'not_found', 'The study has no such survey');
      const question = applyQuestionPatch(survey, request.params.questionId, body.data);
      if (!question.ok) return failure(reply, question.error === 'not_found' ? 404 : 400, question.error, question.message);
      const changed = { ...survey, questions: survey.questions.map((q) => (q.id === question.data.id ? question.data : q)) };
      await doc.set({ ...doc.data, surveys: doc.data.surveys.map((s) => (s.id === survey.id ? changed : s)), updatedAt: clock() });
      return question.data;
    });

    /** The answers to an open question with each respondent's index, to pick quotes from; never the respondent's other cells. */
    app.get<QuestionParams>('/api/studies/:studyId/surveys/:surveyId/questions/:questionId/answers', async (request, reply) => {
      const survey = studyDoc(request).data.surveys.find((s) => s.id === request.params.surveyId);
      const question = survey?.questions.find((q) => q.id === request.params.questionId);
      if (!survey || !question) return failure(reply, 404, 'not_found', 'The study has no such survey or question');
      if (question.kind !== 'open') return failure(reply, 400, 'invalid_payload', 'Only an open question has answers to quote');
      return { questionId: question.id, answers: openAnswers(survey, question), quotes: question.report.quotes };
    });

    /** Removes a survey; it can be restored within the hour (until a restart). */
    app.delete<SurveyParams>('/api/studies/:studyId/surveys/:surveyId', async (request, reply) => {
      const doc = studyDoc(request);
      const index = doc.data.surveys.findIndex((s) => s.id === request.params.surveyId);
      if (index < 0) return failure(reply, 404, 'not_found', 'The study has no such survey');
      const survey = doc.data.surveys[index]!;
      await doc.set({ ...doc.data, surveys: doc.data.surveys.filter((s) => s.id !== survey.id), updatedAt: clock() });
      const restorableUntil = trash.put(doc.data.id, survey, index);
      return { removed: surveySummary(survey), restorableUntil };
    });

    /** Undoes a delete: the survey returns to its place in the list. */
    app.post<SurveyParams>('/api/studies/:studyId/surveys/:surveyId/restore', async (request, reply) => {
      const doc = studyDoc(request);
      if (doc.data.surveys.some((s) => s.id === request.params.surveyId)) return failure(reply, 409, 'conflict', 'The survey is in the study already');
      if (doc.data.surveys.length >= SURVEYS_PER_STUDY) return failure(reply, 409, 'conflict', `A study holds at most ${SURVEYS_PER_STUDY} surveys`);
      const deleted = trash.take(doc.data.id, request.params.surveyId);
      if (!deleted) return failure(reply, 404, 'not_found', 'Nothing to restore: a deleted survey can be restored for an hour, until the server restarts');
      const surveys = [...doc.data.surveys];
      surveys.splice(Math.min(deleted.index, surveys.length), 0, deleted.survey);
      try {
        await doc.set({ ...doc.data, surveys, updatedAt: clock() });
      } catch (error) {
        trash.put(doc.data.id, deleted.survey, deleted.index);
        throw error;
      }
      return surveySummary(deleted.survey);
    });
  };
}

const themesOf = (themes: { id: string; name: string; mergedInto: string | null }[]) => themes.filter((t) => t.mergedInto === null).map(({ id, name }) => ({ id, name }));

