import { describe, expect, it } from 'vitest';
import { DEFAULT_CODEBOOK } from '../../../shared/domain/themes/default-codebook.ts';
import type { Study } from '../../../shared/schemas/study.ts';
import { defaultQuestionReport, type Survey } from '../../../shared/schemas/survey.ts';
import { fileBytes, surveyToImport } from '../../../server/survey/import-survey.ts';
import { createSurveyTrash, RESTORE_WINDOW_MS } from '../../../server/survey/trash.ts';
import { emptyReportDocument } from '../../../shared/schemas/report-document.ts';

const study = (surveys: Survey[] = []): Study => ({
  schemaVersion: 1,
  id: 'study-0001',
  title: 'Evaluatie',
  keyHash: 'a'.repeat(64),
  report: emptyReportDocument(),
  reportSettings: { rounding: 'largest-remainder', smallGroup: 10 },
  sessionIds: [],
  codebook: structuredClone(DEFAULT_CODEBOOK),
  surveys,
  createdAt: 0,
  updatedAt: 0,
});
const file = Buffer.from('Domein;Vraag\nWlz;ja\nWmo;nee\n').toString('base64');
const body = {
  title: 'Peiling',
  fileName: 'p.csv',
  file,
  fileEncoding: 'base64' as const,
  columns: [{ column: 'Vraag', use: 'question' as const, label: 'Vraag', kind: 'single' as const, missing: [], themeId: null }],
};
const survey = (id: string, cell = 'ja', respondents = 1): Survey => ({
  id,
  title: 'Oud',
  source: '',
  questions: [{ id: 'col-0001', column: 'Vraag', label: 'Vraag', kind: 'single', missing: [], themeId: null, report: defaultQuestionReport() }],
  attributes: [],
  responses: Array.from({ length: respondents }, () => ({ 'col-0001': cell })),
  importedAt: 0,
});

describe('surveyToImport', () => {
  it('builds the survey from the file', () => {
    const result = surveyToImport(study(), body, { surveyId: 'survey-0001', now: 5 });
    expect(result).toMatchObject({ ok: true, data: { id: 'survey-0001', importedAt: 5, responses: [{ 'col-0002': 'ja' }, { 'col-0002': 'nee' }] } });
  });

  it('refuses a 51st survey', () => {
    const full = study(Array.from({ length: 50 }, (_, i) => survey(`survey-${String(i).padStart(4, '0')}`)));
    expect(surveyToImport(full, body, { surveyId: 'survey-new1', now: 5 })).toMatchObject({ ok: false, problem: { code: 'too_many_surveys', params: { limit: 50 } } });
  });

  it('refuses a survey that would make the study file too large for an export', () => {
    const big = study([survey('survey-big1', 'x'.repeat(300), 20_000), survey('survey-big2', 'x'.repeat(300), 20_000)]);
    expect(surveyToImport(big, body, { surveyId: 'survey-new1', now: 5 })).toMatchObject({ ok: false, problem: { code: 'surveys_too_large' } });
  });

  it('reads base64 strictly and text as UTF-8', () => {
    expect(fileBytes({ file: 'ZGF0YQ==', fileEncoding: 'base64' })).toMatchObject({ ok: true });
    expect(fileBytes({ file: 'ZGF0\nYQ==', fileEncoding: 'base64' })).toMatchObject({ ok: true });
    for (const bad of ['not base64!', 'ZGF0YQ', 'ZG=F0YQ=']) expect(fileBytes({ file: bad, fileEncoding: 'base64' })).toMatchObject({ ok: false, problem: { code: 'bad_base64' } });
    const text = fileBytes({ file: 'cliënten', fileEncoding: 'text' });
    expect(text.ok && text.data.toString('utf8')).toBe('cliënten');
  });
});

describe('survey trash', () => {
  it('gives a deleted survey back once, within the window, and keeps five per study', () => {
    let now = 1000;
    const trash = createSurveyTrash(() => now);
    expect(trash.put('study-0001', survey('survey-0001'), 2)).toBe(1000 + RESTORE_WINDOW_MS);
    expect(trash.take('study-0002', 'survey-0001')).toBeNull();
    expect(trash.take('study-0001', 'survey-0001')).toMatchObject({ index: 2, survey: { id: 'survey-0001' } });
    expect(trash.take('study-0001', 'survey-0001')).toBeNull();

    trash.put('study-0001', survey('survey-0002'), 0);
    now += RESTORE_WINDOW_MS;
    expect(trash.take('study-0001', 'survey-0002')).toBeNull();

    for (let i = 0; i < 6; i++) trash.put('study-0001', survey(`survey-100${i}`), i);
    expect(trash.take('study-0001', 'survey-1000')).toBeNull();
    expect(trash.take('study-0001', 'survey-1005')).not.toBeNull();
  });
});
