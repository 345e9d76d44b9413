import { buildSurvey } from '../../shared/domain/survey-build.ts';
import {
  SURVEY_FILE_MAX_BYTES,
  SURVEYS_MAX_STORED_BYTES,
  SURVEYS_PER_STUDY,
  surveyProblem,
  type SurveyImportBody,
  type SurveyResult,
  type SurveySummary,
} from '../../shared/schemas/survey-import.ts';
import { SurveySchema, type Survey } from '../../shared/schemas/survey.ts';
import type { Study } from '../../shared/schemas/study.ts';
import { readSurveyFile } from './read-survey.ts';


/** The bytes of the file field: base64 is checked strictly (Node would skip bad characters silently). */
export function fileBytes(body: Pick<SurveyImportBody, 'file' | 'fileEncoding'>): SurveyResult<Buffer> {
  if (body.fileEncoding === 'text') return { ok: true, data: Buffer.from(body.file, 'utf8') };
  const compact = body.file.replace(/\s+/g, '');
  if (compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) return surveyProblem('bad_base64', 'The file field is not valid base64');
  return { ok: true, data: Buffer.from(compact, 'base64') };
}

/**
 * The survey to add to `study`, read from the file in the body and mapped as the body says; nothing
 * is stored here. Refused when the study is full or its surveys would outgrow the study file.
 */
export function surveyToImport(study: Study, body: SurveyImportBody, ctx: { surveyId: string; now: number }): SurveyResult<Survey> {
  if (study.surveys.length >= SURVEYS_PER_STUDY) return surveyProblem('too_many_surveys', `A study holds at most ${SURVEYS_PER_STUDY} surveys`, { limit: SURVEYS_PER_STUDY });
  const bytes = fileBytes(body);
  if (!bytes.ok) return bytes;
  if (bytes.data.length > SURVEY_FILE_MAX_BYTES) return surveyProblem('too_large', `The file is larger than ${SURVEY_FILE_MAX_BYTES / 1024 / 1024} MB`, { limit: SURVEY_FILE_MAX_BYTES });
  const table = readSurveyFile(bytes.data);
  if (!table.ok) return table;
  const built = buildSurvey(table.data, body, { ...ctx, themeIds: new Set(study.codebook.themes.map((t) => t.id)) });
  if (!built.ok) return built;
  // The schema has the last word on what is stored; the checks above leave nothing for it, so a
  // failure here is a bug (and answers 500).
  const checked = SurveySchema.parse(built.data);
  const stored = Buffer.byteLength(JSON.stringify([...study.surveys, checked]));
  if (stored > SURVEYS_MAX_STORED_BYTES) {
    return surveyProblem('surveys_too_large', `The study's surveys would take ${Math.ceil(stored / 1024 / 1024)} MB; at most ${SURVEYS_MAX_STORED_BYTES / 1024 / 1024} MB fit: map fewer columns or remove a survey`, {
      limit: SURVEYS_MAX_STORED_BYTES,
    });
  }
  return { ok: true, data: checked };
}

/** A survey without its responses. */
export const surveySummary = (survey: Survey): SurveySummary => ({
  id: survey.id,
  title: survey.title,
  source: survey.source,
  importedAt: survey.importedAt,
  respondents: survey.responses.length,
  questions: survey.questions,
  attributes: survey.attributes,
});
