import { fail, ok, type Result } from '../protocol/errors.ts';
import type { Survey, SurveyQuestion } from '../schemas/survey.ts';
import { choiceFigures, numberFigures, type Figures, type Rounding } from './figures.ts';
import { answerKey, parseDutchNumber } from './survey-answers.ts';
import { choiceCategories } from './survey-categories.ts';
import { orderCategories } from './survey-order.ts';

export interface SurveyFiguresOptions {
  /** An attribute id, or the id of a single-choice question, to break every other question down by. */
  by?: string | null;
  /** Leave "niet van toepassing", "weet niet" and the like out of the percentages. */
  excludeMissing: boolean;
  /** How single-answer percentages are rounded (default: largest remainder). */
  rounding?: Rounding;
}

/** One column of a breakdown: a value of the attribute (or an answer of the question), with how many respondents have it. */
export interface SurveyBreakdownColumn {
  key: string;
  label: string;
  respondents: number;
  /** Respondents who left the attribute (or question) empty. */
  unknown: boolean;
}

/** Respondents split into groups by an attribute or by their answer to a single-choice question. */
export interface SurveyGrouping {
  id: string;
  label: string;
  columns: SurveyBreakdownColumn[];
  /** Per column, the indices of its respondents. */
  members: number[][];
}

export interface SurveyQuestionFigures {
  id: string;
  column: string;
  label: string;
  kind: SurveyQuestion['kind'];
  themeId: string | null;
  /** All respondents. */
  overall: Figures;
  /** Per column of the breakdown, in its order; null without a breakdown (or when the breakdown is this question). */
  cells: Figures[] | null;
  /** Number questions: answers in a missing category and answers that are no number (never in the mean, never 0). */
  missingAnswers: number;
  unreadable: number;
}

/** The figures of a survey, as the survey view and the report show them. Open questions have none. */
export interface SurveyFigures {
  surveyId: string;
  title: string;
  respondents: number;
  excludeMissing: boolean;
  by: { id: string; label: string; columns: SurveyBreakdownColumn[] } | null;
  questions: SurveyQuestionFigures[];
}

/** Whether a question (or attribute) of the survey can split the respondents into groups: attributes and single-choice questions. */
export function isBreakdown(survey: Survey, id: string): boolean {
  return survey.attributes.some((a) => a.id === id) || survey.questions.some((q) => q.id === id && q.kind === 'single');
}

/**
 * Counts and percentages per question (through `figures.ts`, so they round as everywhere else),
 * overall and, with `by`, per group of that attribute or single-choice question, with n in every
 * cell. A question is never broken down by itself. Open questions give no figures.
 *
 * Categories are the distinct answers of the whole survey (case and spacing ignored, spelled as
 * first seen), the same in every cell, in the question's chosen order (`orderCategories`: by
 * default a recognised scale in its own order, ranges ascending, others by size); missing
 * categories last, in the order of the question's list. Number cells are read by `parseDutchNumber`.
 */
export function surveyFigures(survey: Survey, options: SurveyFiguresOptions): Result<SurveyFigures> {
  const grouping = options.by ? surveyGrouping(survey, options.by) : null;
  if (options.by && !grouping) return fail('not_found', `The survey has no attribute or single-choice question ${options.by}`);
  const questions = survey.questions
    .filter((question) => question.kind !== 'open')
    .map((question): SurveyQuestionFigures => {
      const groupings = grouping && grouping.id !== question.id ? [grouping] : [];
      const figures = surveyQuestionFigures(survey, question, options, groupings);
      return {
        id: question.id,
        column: question.column,
        label: question.label,
        kind: question.kind,
        themeId: question.themeId,
        overall: figures.overall,
        cells: figures.cells[0] ?? null,
        missingAnswers: figures.missingAnswers,
        unreadable: figures.unreadable,
      };
    });
  return ok({
    surveyId: survey.id,
    title: survey.title,
    respondents: survey.responses.length,
    excludeMissing: options.excludeMissing,
    by: grouping ? { id: grouping.id, label: grouping.label, columns: grouping.columns } : null,
    questions,
  });
}

/** A question's figures: overall, and per grouping one cell per group. */
export function surveyQuestionFigures(
  survey: Survey,
  question: SurveyQuestion,
  options: Pick<SurveyFiguresOptions, 'excludeMissing' | 'rounding'>,
  groupings: readonly SurveyGrouping[],
): { overall: Figures; cells: Figures[][]; missingAnswers: number; unreadable: number } {
  const of = question.kind === 'number' ? numberQuestion(survey, question) : choiceQuestion(survey, question, options.excludeMissing, options.rounding ?? 'largest-remainder');
  return {
    overall: of.figures(survey.responses.map((_, i) => i)),
    cells: groupings.map((grouping) => grouping.members.map((members) => of.figures(members))),
    missingAnswers: of.missingAnswers,
    unreadable: of.unreadable,
  };
}

interface QuestionFigures {
  /** Figures over the respondents at these indices. */
  figures(respondents: readonly number[]): Figures;
  missingAnswers: number;
  unreadable: number;
}

/**
 * The groups of an attribute (its values by size, or ranges such as turnover classes ascending),
 * or of a single-choice question (its categories in the question's own order, missing answers
 * after them); respondents who left it empty last. Null for any other id.
 */
export function surveyGrouping(survey: Survey, id: string): SurveyGrouping | null {
  const attribute = survey.attributes.find((a) => a.id === id);
  const question = survey.questions.find((q) => q.id === id && q.kind === 'single');
  if (!attribute && !question) return null;
  const groups = new Map<string, { key: string; label: string; members: number[] }>();
  const unknown: number[] = [];
  const categories = question ? choiceCategories(survey, question) : null;
  survey.responses.forEach((response, i) => {
    const value = (response[id] ?? '').trim();
    if (value === '') return void unknown.push(i);
    const key = categories ? categories.keyOf(value) : answerKey(value);
    const group = groups.get(key);
    if (group) group.members.push(i);
    else groups.set(key, { key, label: value, members: [i] });
  });
  const known = categories
    ? categories.ordered.flatMap((c) => {
        const group = groups.get(c.key);
        return group ? [{ ...group, label: c.label }] : [];
      })
    : orderCategories([...groups.values()].map((g) => ({ ...g, count: g.members.length })));
  const ordered = unknown.length ? [...known, { key: '', label: '', members: unknown }] : known;
  return {
    id,
    label: attribute?.label ?? question!.label,
    columns: ordered.map((g) => ({ key: g.key, label: g.label, respondents: g.members.length, unknown: g.key === '' })),
    members: ordered.map((g) => g.members),
  };
}

function numberQuestion(survey: Survey, question: SurveyQuestion): QuestionFigures {
  const missing = new Set(question.missing.map(answerKey));
  let missingAnswers = 0;
  let unreadable = 0;
  const values = survey.responses.map((response) => {
    const cell = (response[question.id] ?? '').trim();
    if (cell === '') return null;
    if (missing.has(answerKey(cell))) {
      missingAnswers++;
      return null;
    }
    const value = parseDutchNumber(cell);
    if (value === null) unreadable++;
    return value;
  });
  return {
    figures: (respondents) => numberFigures(respondents.flatMap((i) => values[i] ?? [])),
    missingAnswers,
    unreadable,
  };
}

function choiceQuestion(survey: Survey, question: SurveyQuestion, excludeMissing: boolean, rounding: Rounding): QuestionFigures {
  const { ordered, answers } = choiceCategories(survey, question);
  const options = { multiple: question.kind === 'multiple', excludeMissing, scale: question.kind === 'scale', rounding };
  return {
    figures: (respondents) => choiceFigures(ordered, respondents.map((i) => answers[i]!), options),
    missingAnswers: 0,
    unreadable: 0,
  };
}
