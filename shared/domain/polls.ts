import { fail, ok, type Result } from '../protocol/errors.ts';
import type { PollCreate, PollHandCount, PollUpdate } from '../schemas/commands.ts';
import { POLL_LIMITS, type Poll, type PollAnswer, type PollKind, type PollOption } from '../schemas/poll.ts';
import type { Session } from '../schemas/session.ts';
import { touch, type Actor, type Change } from './context.ts';
import { denyModerate } from './permissions.ts';
import { isClosed } from './phases.ts';
import { fitAnswer, fitHandCounts, sameAnswer } from './poll-answers.ts';
import { hasOptions } from './poll-results.ts';

export { fitAnswer, fitHandCounts } from './poll-answers.ts';
export { hasOptions, pollCategories, pollResults, SCALE_POINTS, type PollResults } from './poll-results.ts';

/**
 * Live polls ("peilingen"). The facilitator prepares a draft, opens it, closes it; participants
 * answer while it is open and may change their answer until it closes. Every phase but closed.
 */

/** Most polls a session keeps, deleted ones included: far above practice, a guard against abuse. */
export const MAX_POLLS = 100;
/** Options of a poll that has them. */
export const OPTION_COUNT = { min: 2, max: POLL_LIMITS.options } as const;
/** The ready-made ranges of a bucket poll. */
export const BUCKET_PRESET = ['0-25%', '25-50%', '50-75%', '75-100%'] as const;

/** Option ids follow the labels' order (option-1, option-2, ...): a retried create gives the same ones. */
export const optionsFrom = (labels: readonly string[]): PollOption[] => labels.map((label, i) => ({ id: `option-${i + 1}`, label }));

const pollOf = (session: Session, id: string): Poll | undefined => (Object.hasOwn(session.polls, id) ? session.polls[id] : undefined);

function livePoll(session: Session, id: string): Result<Poll> {
  const poll = pollOf(session, id);
  return poll && poll.deletedAt === null ? ok(poll) : fail('not_found', 'No such poll');
}

const withPoll = (session: Session, poll: Poll, now: number): Session => touch(session, now, { polls: { ...session.polls, [poll.id]: poll } });

const sameLabels = (a: readonly PollOption[], labels: readonly string[]): boolean =>
  a.length === labels.length && a.every((o, i) => o.label === labels[i]);

/** Options fit the kind: 2..12 distinct labels for choices, none for scale and number. */
function checkOptions(kind: PollKind, labels: readonly string[]): Result<null> {
  if (!hasOptions(kind)) return labels.length === 0 ? ok(null) : fail('invalid_payload', `A ${kind} poll has no options`);
  if (labels.length < OPTION_COUNT.min || labels.length > OPTION_COUNT.max) {
    return fail('invalid_payload', `A ${kind} poll needs ${OPTION_COUNT.min} to ${OPTION_COUNT.max} options`);
  }
  if (new Set(labels.map((l) => l.toLocaleLowerCase('nl'))).size !== labels.length) return fail('invalid_payload', 'Options must differ');
  return ok(null);
}

/** A draft poll. The id comes from the client: the same create again is a no-op, another with that id a conflict. */
export function createPoll(session: Session, actor: Actor, command: PollCreate, now: number): Result<Change<Poll>> {
  const denied = denyModerate(session, actor);
  if (denied) return denied;
  const existing = pollOf(session, command.id);
  if (existing) {
    const same =
      existing.question === command.question &&
      existing.kind === command.kind &&
      existing.showLive === command.showLive &&
      sameLabels(existing.options, command.options);
    return same ? ok({ session, value: existing }) : fail('conflict', 'A different poll has this id');
  }
  const checked = checkOptions(command.kind, command.options);
  if (!checked.ok) return checked;
  if (Object.keys(session.polls).length >= MAX_POLLS) return fail('too_large', `A session keeps at most ${MAX_POLLS} polls`);
  const poll: Poll = {
    id: command.id,
    question: command.question,
    kind: command.kind,
    options: optionsFrom(command.options),
    status: 'draft',
    showLive: command.showLive,
    answers: {},
    handCounts: {},
    handValues: [],
    createdAt: now,
    openedAt: null,
    closedAt: null,
    deletedAt: null,
  };
  return ok({ session: withPoll(session, poll, now), value: poll });
}

/** Changes the question, the options or whether results show live; only while a draft, before anyone saw it. */
export function updatePoll(session: Session, actor: Actor, command: PollUpdate, now: number): Result<Change<Poll>> {
  const denied = denyModerate(session, actor);
  if (denied) return denied;
  const found = livePoll(session, command.pollId);
  if (!found.ok) return found;
  const poll = found.data;
  if (poll.status !== 'draft') return fail('wrong_phase', 'A poll can only be changed while it is a draft');
  const labels = command.options ?? poll.options.map((o) => o.label);
  const checked = checkOptions(poll.kind, labels);
  if (!checked.ok) return checked;
  const question = command.question ?? poll.question;
  const showLive = command.showLive ?? poll.showLive;
  const optionsSame = sameLabels(poll.options, labels);
  if (question === poll.question && showLive === poll.showLive && optionsSame) return ok({ session, value: poll });
  const updated: Poll = { ...poll, question, showLive, options: optionsSame ? poll.options : optionsFrom(labels) };
  return ok({ session: withPoll(session, updated, now), value: updated });
}

/** Opens a draft for answers. Opening an open poll succeeds; a closed one stays closed. */
export function openPoll(session: Session, actor: Actor, pollId: string, now: number): Result<Change<Poll>> {
  const denied = denyModerate(session, actor);
  if (denied) return denied;
  const found = livePoll(session, pollId);
  if (!found.ok) return found;
  const poll = found.data;
  if (poll.status === 'open') return ok({ session, value: poll });
  if (poll.status === 'closed') return fail('wrong_phase', 'A closed poll cannot be opened again');
  const opened: Poll = { ...poll, status: 'open', openedAt: now };
  return ok({ session: withPoll(session, opened, now), value: opened });
}

/** Closes an open poll: no answers after this, and everyone may see the results. Closing twice succeeds. */
export function closePoll(session: Session, actor: Actor, pollId: string, now: number): Result<Change<Poll>> {
  const denied = denyModerate(session, actor);
  if (denied) return denied;
  const found = livePoll(session, pollId);
  if (!found.ok) return found;
  const poll = found.data;
  if (poll.status === 'closed') return ok({ session, value: poll });
  if (poll.status === 'draft') return fail('wrong_phase', 'Open the poll before closing it');
  const closed: Poll = { ...poll, status: 'closed', closedAt: now };
  return ok({ session: withPoll(session, closed, now), value: closed });
}

/** Removes a poll softly (restorePoll undoes it); it disappears from every screen. Deleting twice succeeds. */
export function deletePoll(session: Session, actor: Actor, pollId: string, now: number): Result<Change<Poll>> {
  const denied = denyModerate(session, actor);
  if (denied) return denied;
  const poll = pollOf(session, pollId);
  if (!poll) return fail('not_found', 'No such poll');
  if (poll.deletedAt !== null) return ok({ session, value: poll });
  const deleted: Poll = { ...poll, deletedAt: now };
  return ok({ session: withPoll(session, deleted, now), value: deleted });
}

/** Undoes a delete, answers and all. */
export function restorePoll(session: Session, actor: Actor, pollId: string, now: number): Result<Change<Poll>> {
  const denied = denyModerate(session, actor);
  if (denied) return denied;
  const poll = pollOf(session, pollId);
  if (!poll) return fail('not_found', 'No such poll');
  if (poll.deletedAt === null) return ok({ session, value: poll });
  const restored: Poll = { ...poll, deletedAt: null };
  return ok({ session: withPoll(session, restored, now), value: restored });
}

/**
 * A participant's answer while the poll is open; it replaces their earlier one, so they may change
 * it until the poll closes. Nothing is taken after closing, nor from the facilitator.
 */
export function answerPoll(session: Session, actor: Actor, pollId: string, answer: PollAnswer, now: number): Result<Change<Poll>> {
  if (actor.role !== 'participant') return fail('forbidden', 'Only participants answer polls');
  if (isClosed(session.phase)) return fail('wrong_phase', 'The session is closed');
  if (!Object.hasOwn(session.participants, actor.participantId)) return fail('forbidden', 'Not a participant of this session');
  const found = livePoll(session, pollId);
  if (!found.ok) return found;
  const poll = found.data;
  if (poll.status !== 'open') return fail('wrong_phase', poll.status === 'closed' ? 'The poll is closed' : 'The poll is not open yet');
  const fitted = fitAnswer(poll, answer);
  if (!fitted.ok) return fitted;
  const { participantId } = actor;
  const current = Object.hasOwn(poll.answers, participantId) ? poll.answers[participantId] : undefined;
  if (current && sameAnswer(current, fitted.data)) return ok({ session, value: poll });
  const answered: Poll = { ...poll, answers: { ...poll.answers, [participantId]: fitted.data } };
  return ok({ session: withPoll(session, answered, now), value: answered });
}

/** Hands counted in a physical room, while the poll is open or after it closed; replaces the earlier counts. */
export function setHandCounts(session: Session, actor: Actor, command: PollHandCount, now: number): Result<Change<Poll>> {
  const denied = denyModerate(session, actor);
  if (denied) return denied;
  const found = livePoll(session, command.pollId);
  if (!found.ok) return found;
  const poll = found.data;
  if (poll.status === 'draft') return fail('wrong_phase', 'Open the poll before counting hands');
  const fitted = fitHandCounts(poll, command);
  if (!fitted.ok) return fitted;
  const { handCounts, handValues } = fitted.data;
  if (JSON.stringify([handCounts, handValues]) === JSON.stringify([poll.handCounts, poll.handValues])) return ok({ session, value: poll });
  const counted: Poll = { ...poll, handCounts, handValues };
  return ok({ session: withPoll(session, counted, now), value: counted });
}
