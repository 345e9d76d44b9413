import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { SurveyFigures } from '@shared/domain/survey-figures.ts';
import type { SurveyColumnMapping, SurveyPreview, SurveySummary } from '@shared/schemas/survey-import.ts';
import type { Survey, SurveyQuestion, SurveyQuestionPatch } from '@shared/schemas/survey.ts';
import { requestWithKey, type KeyedFailure } from '../api.ts';
import { useIdentityStore } from './identity.ts';

export type SurveyCall<T> = { ok: true; data: T } | ({ ok: false } & KeyedFailure);

/** The file's bytes as base64, so the server can tell UTF-8 from Windows-1252 itself. */
function base64Of(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** Member surveys of the open study: the list, previews, imports, figures, report choices per question, delete and undo. */
export const useSurveyStore = defineStore('surveys', () => {
  const studyId = ref<string | null>(null);
  const surveys = shallowRef<SurveySummary[]>([]);
  const themes = shallowRef<{ id: string; name: string }[]>([]);
  const failure = shallowRef<KeyedFailure | null>(null);
  const loading = ref(false);

  const url = (path = '') => `/api/studies/${encodeURIComponent(studyId.value ?? '')}/surveys${path}`;
  async function call<T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<SurveyCall<T>> {
    const key = studyId.value ? useIdentityStore().facilitatorKey(studyId.value) : null;
    if (!key) return { ok: false, status: 401, error: 'unauthorised' };
    return requestWithKey<T>(method, url(path), key, body);
  }

  async function load(id: string): Promise<void> {
    if (id !== studyId.value) surveys.value = [];
    studyId.value = id;
    loading.value = true;
    const result = await call<{ surveys: SurveySummary[]; themes: { id: string; name: string }[] }>('GET', '');
    if (id !== studyId.value) return;
    loading.value = false;
    if (!result.ok) {
      failure.value = result;
      return;
    }
    failure.value = null;
    surveys.value = result.data.surveys;
    themes.value = result.data.themes;
  }

  const preview = (file: File) => call<SurveyPreview>('POST', '/preview', file);

  async function importSurvey(file: File, title: string, columns: SurveyColumnMapping[]): Promise<SurveyCall<Survey>> {
    const result = await call<Survey>('POST', '', { title, fileName: file.name, file: await base64Of(file), fileEncoding: 'base64', columns });
    if (result.ok && studyId.value) await load(studyId.value);
    return result;
  }

  function figures(surveyId: string, by: string | null, excludeMissing: boolean): Promise<SurveyCall<SurveyFigures>> {
    const query = new URLSearchParams({ excludeMissing: String(excludeMissing) });
    if (by) query.set('by', by);
    return call<SurveyFigures>('GET', `/${encodeURIComponent(surveyId)}/figures?${query}`);
  }

  /** Changes how the report shows a question; the list holds the question as the server stored it. */
  async function updateQuestion(surveyId: string, questionId: string, patch: SurveyQuestionPatch): Promise<SurveyCall<SurveyQuestion>> {
    const result = await call<SurveyQuestion>('PATCH', `/${encodeURIComponent(surveyId)}/questions/${encodeURIComponent(questionId)}`, patch);
    if (result.ok) {
      const stored = result.data;
      surveys.value = surveys.value.map((s) => (s.id === surveyId ? { ...s, questions: s.questions.map((q) => (q.id === stored.id ? stored : q)) } : s));
    }
    return result;
  }

  /** An open question's answers with their respondent index, to pick quotes from. */
  const openAnswers = (surveyId: string, questionId: string) =>
    call<{ questionId: string; answers: { index: number; text: string }[]; quotes: number[] }>('GET', `/${encodeURIComponent(surveyId)}/questions/${encodeURIComponent(questionId)}/answers`);

  async function remove(surveyId: string): Promise<SurveyCall<{ removed: SurveySummary; restorableUntil: number }>> {
    const result = await call<{ removed: SurveySummary; restorableUntil: number }>('DELETE', `/${encodeURIComponent(surveyId)}`);
    if (result.ok) surveys.value = surveys.value.filter((s) => s.id !== surveyId);
    return result;
  }

  async function restore(surveyId: string): Promise<SurveyCall<SurveySummary>> {
    const result = await call<SurveySummary>('POST', `/${encodeURIComponent(surveyId)}/restore`);
    if (studyId.value) await load(studyId.value);
    return result;
  }

  function close(): void {
    studyId.value = null;
    surveys.value = [];
    themes.value = [];
    failure.value = null;
  }

  return { studyId, surveys, themes, failure, loading, load, preview, importSurvey, figures, updateQuestion, openAnswers, remove, restore, close };
});
