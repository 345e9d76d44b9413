import type { Poll, PollKind } from '../schemas/poll.ts';
import { choiceFigures, numberFigures, type Category, type Figures, type Rounding } from './figures.ts';

/** The points of a scale poll, also the keys of its hand counts. */
export const SCALE_POINTS = ['1', '2', '3', '4', '5'] as const;

/** Results of a poll: the figures (from figures.ts, its rounding rule) of device answers and hands together. */
export interface PollResults {
  figures: Figures;
  /** Participants who answered on a device. */
  answered: number;
  /**
   * Respondents counted by hand. For a multiple-choice poll hands cannot tell how many people
   * raised any: the largest count is taken, the fewest people the counts can come from.
   */
  counted: number;
}

/** Kinds answered by choosing options. */
export const hasOptions = (kind: PollKind): boolean => kind === 'single' || kind === 'multiple' || kind === 'bucket';

/** What a poll's answers are counted in: its options, or the scale's five points. Empty for number polls. */
export function pollCategories(poll: Pick<Poll, 'kind' | 'options'>): Category[] {
  if (poll.kind === 'scale') return SCALE_POINTS.map((point) => ({ key: point, label: point }));
  return hasOptions(poll.kind) ? poll.options.map((o) => ({ key: o.id, label: o.label })) : [];
}

/**
 * Hand counts as respondents, each with their chosen keys. Multiple choice: the fewest people that
 * give these counts (respondent j chose every option counted more than j times).
 */
function handRespondents(poll: Pick<Poll, 'kind' | 'handCounts'>, categories: Category[]): string[][] {
  const counts = categories.map((c) => ({ key: c.key, count: Object.hasOwn(poll.handCounts, c.key) ? poll.handCounts[c.key]! : 0 }));
  if (poll.kind === 'multiple') {
    const most = Math.max(0, ...counts.map((c) => c.count));
    return Array.from({ length: most }, (_, j) => counts.filter((c) => c.count > j).map((c) => c.key));
  }
  // One shared array per key: a count of thousands costs references, not arrays.
  return counts.flatMap(({ key, count }) => Array<string[]>(count).fill([key]));
}

/** The figures of a poll: device answers plus hand counts. Anonymous: nobody is named in them. */
export function pollResults(poll: Pick<Poll, 'kind' | 'options' | 'answers' | 'handCounts' | 'handValues'>, rounding: Rounding = 'largest-remainder'): PollResults {
  const answers = Object.values(poll.answers);
  if (poll.kind === 'number') {
    const values = answers.flatMap((a) => ('value' in a ? [a.value] : []));
    return { figures: numberFigures([...values, ...poll.handValues]), answered: values.length, counted: poll.handValues.length };
  }
  const categories = pollCategories(poll);
  const digital = answers.flatMap((a) => {
    if (poll.kind === 'scale') return 'value' in a ? [[String(a.value)]] : [];
    return 'optionIds' in a ? [a.optionIds] : [];
  });
  const hands = handRespondents(poll, categories);
  const figures = choiceFigures(categories, [...digital, ...hands], {
    multiple: poll.kind === 'multiple',
    excludeMissing: false,
    scale: poll.kind === 'scale',
    rounding,
  });
  return { figures, answered: digital.length, counted: hands.length };
}
