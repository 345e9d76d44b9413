import { fail, ok, type Result } from '../protocol/errors.ts';
import type { Survey, SurveyQuestion, SurveyQuestionPatch } from '../schemas/survey.ts';
import { answerKey } from './survey-answers.ts';
import { choiceCategories } from './survey-categories.ts';
import { isBreakdown } from './survey-figures.ts';

/**
 * The question with the analyst's report choices changed, or why not: every breakdown must be an
 * attribute or another single-choice question of the survey (never the question itself), quotes
 * only answers that an open question really has, key figures only categories the question has.
 * Nothing is stored here.
 */
export function applyQuestionPatch(survey: Survey, questionId: string, patch: SurveyQuestionPatch): Result<SurveyQuestion> {
  const question = survey.questions.find((q) => q.id === questionId);
  if (!question) return fail('not_found', 'The survey has no such question');
  const report = { ...question.report };
  if (patch.order !== undefined) {
    if (!isChoice(question) && patch.order !== 'auto') return fail('invalid_payload', 'order: only a choice question has categories to order');
    report.order = patch.order;
  }
  if (patch.breakdowns !== undefined) {
    const checked = checkBreakdowns(survey, question, patch.breakdowns);
    if (!checked.ok) return checked;
    report.breakdowns = patch.breakdowns;
  }
  if (patch.quotes !== undefined) {
    const checked = checkQuotes(survey, question, patch.quotes);
    if (!checked.ok) return checked;
    report.quotes = patch.quotes;
  }
  if (patch.callouts !== undefined) {
    const keyed = calloutKeys(survey, { ...question, report }, patch.callouts);
    if (!keyed.ok) return keyed;
    report.callouts = keyed.data;
  }
  return ok({ ...question, report });
}

const isChoice = (q: SurveyQuestion) => q.kind === 'single' || q.kind === 'multiple' || q.kind === 'scale';

function checkBreakdowns(survey: Survey, question: SurveyQuestion, breakdowns: string[] | null): Result<null> {
  if (breakdowns === null || breakdowns.length === 0) return ok(null);
  if (question.kind === 'open') return fail('invalid_payload', 'breakdowns: an open question has no figures to break down');
  if (new Set(breakdowns).size < breakdowns.length) return fail('invalid_payload', 'breakdowns: each breakdown once');
  for (const id of breakdowns) {
    if (id === question.id) return fail('invalid_payload', 'breakdowns: a question is never broken down by itself');
    if (!isBreakdown(survey, id)) return fail('invalid_payload', `breakdowns: ${id} is no attribute or single-choice question of this survey`);
  }
  return ok(null);
}

function checkQuotes(survey: Survey, question: SurveyQuestion, quotes: number[]): Result<null> {
  if (quotes.length > 0 && question.kind !== 'open') return fail('invalid_payload', 'quotes: only answers to an open question can be quoted');
  if (new Set(quotes).size < quotes.length) return fail('invalid_payload', 'quotes: each answer once');
  for (const index of quotes) {
    const answer = survey.responses[index]?.[question.id]?.trim() ?? '';
    if (answer === '') return fail('invalid_payload', `quotes: respondent ${index} gave no answer to this question`);
  }
  return ok(null);
}

/** The callouts with each category as its key in the figures (given as key or as the answer itself). */
function calloutKeys(survey: Survey, question: SurveyQuestion, callouts: NonNullable<SurveyQuestionPatch['callouts']>): Result<SurveyQuestion['report']['callouts']> {
  if (callouts.length === 0) return ok([]);
  if (!isChoice(question)) return fail('invalid_payload', 'callouts: only a category of a choice question can be a key figure');
  const { ordered, keyOf } = choiceCategories(survey, question);
  const keys = new Set(ordered.map((c) => c.key));
  const result: SurveyQuestion['report']['callouts'] = [];
  for (const callout of callouts) {
    const key = [callout.category, answerKey(callout.category), keyOf(callout.category)].find((k) => keys.has(k));
    if (key === undefined) return fail('invalid_payload', `callouts: the question has no answer "${callout.category}"`);
    if (result.some((c) => c.category === key)) return fail('invalid_payload', `callouts: "${callout.category}" is named twice`);
    result.push({ category: key, text: callout.text });
  }
  return ok(result);
}

/** An open question's non-empty answers with the respondent's index: what the analyst picks quotes from. No other cell of the respondent. */
export function openAnswers(survey: Survey, question: SurveyQuestion): { index: number; text: string }[] {
  return survey.responses.flatMap((response, index) => {
    const text = (response[question.id] ?? '').trim();
    return text === '' ? [] : [{ index, text }];
  });
}
