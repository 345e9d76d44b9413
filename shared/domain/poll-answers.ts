import { fail, ok, type Result } from '../protocol/errors.ts';
import type { PollHandCount } from '../schemas/commands.ts';
import type { Poll, PollAnswer } from '../schemas/poll.ts';
import { pollCategories } from './poll-results.ts';

/** Whether two answers say the same (options compared in the poll's order, as fitAnswer stores them). */
export function sameAnswer(a: PollAnswer, b: PollAnswer): boolean {
  if ('value' in a || 'value' in b) return 'value' in a && 'value' in b && a.value === b.value;
  return a.optionIds.length === b.optionIds.length && a.optionIds.every((id, i) => id === b.optionIds[i]);
}

/**
 * Checks that an answer fits the poll's kind and returns it as stored: single and bucket exactly one
 * of its options, multiple at least one (no repeats, in the poll's order), scale a whole number
 * 1..5, number any finite number within the schema's bounds.
 */
export function fitAnswer(poll: Pick<Poll, 'kind' | 'options'>, answer: PollAnswer): Result<PollAnswer> {
  if (poll.kind === 'scale' || poll.kind === 'number') {
    if (!('value' in answer) || !Number.isFinite(answer.value)) return fail('invalid_payload', `A ${poll.kind} poll is answered with a number`);
    if (poll.kind === 'scale' && !(Number.isInteger(answer.value) && answer.value >= 1 && answer.value <= 5)) {
      return fail('invalid_payload', 'A scale answer is a whole number from 1 to 5');
    }
    return ok({ value: answer.value });
  }
  if (!('optionIds' in answer)) return fail('invalid_payload', 'Choose from the options of this poll');
  const chosen = answer.optionIds;
  const known = poll.options.map((o) => o.id);
  const unknown = chosen.find((id) => !known.includes(id));
  if (unknown !== undefined) return fail('invalid_payload', `No option ${unknown} in this poll`);
  if (new Set(chosen).size !== chosen.length) return fail('invalid_payload', 'An option is chosen once');
  if (poll.kind !== 'multiple' && chosen.length !== 1) return fail('invalid_payload', 'Choose exactly one option');
  return ok({ optionIds: known.filter((id) => chosen.includes(id)) });
}

/**
 * Checks hand counts against the poll: counts per option id or per scale point "1".."5" (zeros
 * dropped, in the poll's order), values for a number poll, never both.
 */
export function fitHandCounts(
  poll: Pick<Poll, 'kind' | 'options'>,
  command: Pick<PollHandCount, 'counts' | 'values'>,
): Result<Pick<Poll, 'handCounts' | 'handValues'>> {
  const keys = Object.keys(command.counts);
  if (poll.kind === 'number') {
    return keys.length === 0 ? ok({ handCounts: {}, handValues: [...command.values] }) : fail('invalid_payload', 'A number poll takes values, not counts');
  }
  if (command.values.length > 0) return fail('invalid_payload', `A ${poll.kind} poll takes counts, not values`);
  const categories = pollCategories(poll).map((c) => c.key);
  const unknown = keys.find((key) => !categories.includes(key));
  if (unknown !== undefined) return fail('invalid_payload', `No option or scale point ${unknown} in this poll`);
  const handCounts: Record<string, number> = {};
  for (const key of categories) {
    const count = Object.hasOwn(command.counts, key) ? command.counts[key]! : 0;
    if (count > 0) handCounts[key] = count;
  }
  return ok({ handCounts, handValues: [] });
}
