import { fail, ok, type Result } from '../protocol/errors.ts';
import type { Survey, SurveyQuestion } from '../schemas/survey.ts';
import { choiceFigures, numberFigures, type Category, type Figures, type Rounding } from './figures.ts';
import { answerKey, leadingNumber, orderLabels, parseDutchNumber, splitMultiple } from './survey-answers.ts';

export interface SurveyFiguresOptions {
  /** An attribute id to break every question down by. */
  by?: string | null;
  /** Leave "niet van toepassing", "weet niet" and the like out of the percentages. */
  excludeMissing: boolean;
  /** How single-answer percentages are rounded (default: largest remainder). */
  rounding?: Rounding;
}

/** One column of a breakdown: a value of the attribute, with how many respondents have it. */
export interface SurveyBreakdownColumn {
  key: string;
  label: string;
  respondents: number;
  /** Respondents who left the attribute empty. */
  unknown: boolean;
}

export interface SurveyQuestionFigures {
  id: string;
  column: string;
  label: string;
  kind: SurveyQuestion['kind'];
  themeId: string | null;
  /** All respondents. */
  overall: Figures;
  /** Per column of the breakdown, in its order; null without a breakdown. */
  cells: Figures[] | null;
  /** Number questions: answers in a missing category and answers that are no number (never in the mean, never 0). */
  missingAnswers: number;
  unreadable: number;
}

/** The figures of a survey, as the survey view and the report show them. */
export interface SurveyFigures {
  surveyId: string;
  title: string;
  respondents: number;
  excludeMissing: boolean;
  by: { attributeId: string; label: string; columns: SurveyBreakdownColumn[] } | null;
  questions: SurveyQuestionFigures[];
}

/**
 * Counts and percentages per question (through `figures.ts`, so they round as everywhere else),
 * overall and, with `by`, per value of that attribute with n in every cell.
 *
 * Categories are the distinct answers of the whole survey (case and spacing ignored, spelled as
 * first seen), the same in every cell. Their order: a scale by its numbers; otherwise by the number
 * every label starts with ("0-25%", "25-50%"), or else as first seen in the file; missing categories
 * last, in the order of the question's list. Number cells are read by `parseDutchNumber`.
 */
export function surveyFigures(survey: Survey, options: SurveyFiguresOptions): Result<SurveyFigures> {
  const attribute = options.by ? survey.attributes.find((a) => a.id === options.by) : undefined;
  if (options.by && !attribute) return fail('not_found', `The survey has no attribute ${options.by}`);
  const breakdown = attribute ? breakdownOf(survey, attribute.id) : null;
  const questions = survey.questions.map((question): SurveyQuestionFigures => {
    const figuresOf = question.kind === 'number' ? numberQuestion(survey, question) : choiceQuestion(survey, question, options.excludeMissing, options.rounding ?? 'largest-remainder');
    return {
      id: question.id,
      column: question.column,
      label: question.label,
      kind: question.kind,
      themeId: question.themeId,
      overall: figuresOf.figures(survey.responses.map((_, i) => i)),
      cells: breakdown ? breakdown.members.map((members) => figuresOf.figures(members)) : null,
      missingAnswers: figuresOf.missingAnswers,
      unreadable: figuresOf.unreadable,
    };
  });
  return ok({
    surveyId: survey.id,
    title: survey.title,
    respondents: survey.responses.length,
    excludeMissing: options.excludeMissing,
    by: attribute && breakdown ? { attributeId: attribute.id, label: attribute.label, columns: breakdown.columns } : null,
    questions,
  });
}

interface QuestionFigures {
  /** Figures over the respondents at these indices. */
  figures(respondents: readonly number[]): Figures;
  missingAnswers: number;
  unreadable: number;
}

function breakdownOf(survey: Survey, attributeId: string): { columns: SurveyBreakdownColumn[]; members: number[][] } {
  const groups = new Map<string, { key: string; label: string; members: number[] }>();
  survey.responses.forEach((response, i) => {
    const value = (response[attributeId] ?? '').trim();
    const key = answerKey(value);
    const group = groups.get(key);
    if (group) group.members.push(i);
    else groups.set(key, { key, label: value, members: [i] });
  });
  const unknown = groups.get('');
  const known = orderLabels([...groups.values()].filter((g) => g.key !== ''));
  const ordered = unknown ? [...known, unknown] : known;
  return {
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
  const missingOrder = new Map(question.missing.map((m, i) => [answerKey(m), i]));
  const categories = new Map<string, Category>();
  const keyOf = (answer: string): string => {
    const key = answerKey(answer);
    if (missingOrder.has(key) || question.kind !== 'scale') return key;
    const n = leadingNumber(answer);
    return n === null ? key : String(n);
  };
  const answers = survey.responses.map((response) => {
    const cell = (response[question.id] ?? '').trim();
    const parts = cell === '' ? [] : question.kind === 'multiple' ? splitMultiple(cell) : [cell];
    return parts.map((part) => {
      const key = keyOf(part);
      if (!categories.has(key)) categories.set(key, { key, label: part, ...(missingOrder.has(key) ? { missing: true } : {}) });
      return key;
    });
  });
  const all = [...categories.values()];
  const real = all.filter((c) => !c.missing);
  const ordered = [
    ...(question.kind === 'scale' ? scaleOrder(real) : orderLabels(real)),
    ...all.filter((c) => c.missing).sort((a, b) => missingOrder.get(a.key)! - missingOrder.get(b.key)!),
  ];
  const options = { multiple: question.kind === 'multiple', excludeMissing, scale: question.kind === 'scale', rounding };
  return {
    figures: (respondents) => choiceFigures(ordered, respondents.map((i) => answers[i]!), options),
    missingAnswers: 0,
    unreadable: 0,
  };
}

/** Numbered answers by their number, then any others as first seen. */
function scaleOrder(categories: Category[]): Category[] {
  const numbered = categories.filter((c) => Number.isFinite(Number(c.key))).sort((a, b) => Number(a.key) - Number(b.key));
  return [...numbered, ...categories.filter((c) => !Number.isFinite(Number(c.key)))];
}
