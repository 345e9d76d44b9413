import { SURVEY_PROBLEMS } from '@shared/schemas/survey-import.ts';
import type { KeyedFailure } from '../api.ts';
import { i18n } from '../i18n/index.ts';

const KNOWN_ERRORS = new Set(['invalid_payload', 'unauthorised', 'not_found', 'conflict', 'too_large', 'storage_failed', 'internal']);

/** Why a survey request failed, in the reader's language: the file problem when the server named one. */
export function surveyFailureText(failure: KeyedFailure): string {
  const { t } = i18n.global;
  const code = failure.problem?.code;
  if (code && (SURVEY_PROBLEMS as readonly string[]).includes(code)) return t(`surveys.problems.${code}`, failure.problem!.params);
  if (failure.status === 0) return t('errors.offline');
  if (failure.error && KNOWN_ERRORS.has(failure.error)) return t(`errors.${failure.error}`);
  return t('surveys.failed', { status: failure.status });
}
