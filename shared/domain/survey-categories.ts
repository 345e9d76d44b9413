import type { Survey, SurveyQuestion } from '../schemas/survey.ts';
import type { Category } from './figures.ts';
import { answerKey, leadingNumber, splitMultiple } from './survey-answers.ts';
import { orderCategories } from './survey-order.ts';

/**
 * The categories of a choice question in the order it is shown, each respondent's chosen keys,
 * and how an answer becomes a key (a scale's answers by their number: "5 - zeer tevreden" is 5).
 */
export function choiceCategories(survey: Survey, question: SurveyQuestion): { ordered: Category[]; answers: string[][]; keyOf: (answer: string) => string } {
  const missingOrder = new Map(question.missing.map((m, i) => [answerKey(m), i]));
  const categories = new Map<string, Category & { count: number }>();
  const keyOf = (answer: string): string => {
    const key = answerKey(answer);
    if (missingOrder.has(key) || question.kind !== 'scale') return key;
    const n = leadingNumber(answer);
    return n === null ? key : String(n);
  };
  const answers = survey.responses.map((response) => {
    const cell = (response[question.id] ?? '').trim();
    const parts = cell === '' ? [] : question.kind === 'multiple' ? splitMultiple(cell) : [cell];
    const chosen = new Map(parts.map((part) => [keyOf(part), part]));
    for (const [key, part] of chosen) {
      const known = categories.get(key);
      if (known) known.count++;
      else categories.set(key, { key, label: part, count: 1, ...(missingOrder.has(key) ? { missing: true } : {}) });
    }
    return [...chosen.keys()];
  });
  const all = [...categories.values()];
  const real = all.filter((c) => !c.missing);
  const order = question.report.order;
  const ordered = [
    ...(question.kind === 'scale' ? scaleOrder(real, order) : orderCategories(real, order)),
    ...all.filter((c) => c.missing).sort((a, b) => missingOrder.get(a.key)! - missingOrder.get(b.key)!),
  ].map(({ count: _, ...category }) => category);
  return { ordered, answers, keyOf };
}

/** A scale's numbered answers by their number (reversed when descending, by count for 'size'), then any others by size. */
function scaleOrder<T extends Category & { count: number }>(categories: T[], order: SurveyQuestion['report']['order']): T[] {
  if (order === 'size') return orderCategories(categories, 'size');
  const numbered = categories.filter((c) => Number.isFinite(Number(c.key))).sort((a, b) => Number(a.key) - Number(b.key));
  const others = orderCategories(categories.filter((c) => !Number.isFinite(Number(c.key))), 'size');
  return [...(order === 'descending' ? numbered.reverse() : numbered), ...others];
}
