import { describe, expect, it } from 'vitest';
import {
  BUCKET_PRESET,
  MAX_POLLS,
  answerPoll,
  closePoll,
  createPoll,
  deletePoll,
  openPoll,
  pollResults,
  restorePoll,
  setHandCounts,
  updatePoll,
} from '../../../shared/domain/polls.ts';
import { snapshotFor, toPollView } from '../../../shared/domain/visibility.ts';
import type { PollView, Viewer } from '../../../shared/protocol/views.ts';
import { PollAnswerCommandSchema, PollCreateSchema, PollHandCountSchema, PollUpdateSchema } from '../../../shared/schemas/commands.ts';
import type { Poll, PollAnswer } from '../../../shared/schemas/poll.ts';
import { SessionSchema, type Session } from '../../../shared/schemas/session.ts';
import { ANN, BOB, CAT, FACILITATOR, T0, expectFail, frozen, inPhase, makeSession, participant, unwrap, withParticipant } from '../fixtures.ts';

const POLL = 'poll-0000001';
const FAC: Viewer = { role: 'facilitator' };
const PROJ: Viewer = { role: 'projection' };
const asViewer = (participantId: string): Viewer => ({ role: 'participant', participantId });

const create = (s: Session, fields: Record<string, unknown>) =>
  PollCreateSchema.parse({ sessionId: s.id, id: POLL, question: 'Hoe tevreden bent u over het inkoopproces?', kind: 'single', options: ['Ja', 'Nee', 'Deels'], ...fields });
const handCount = (s: Session, fields: Record<string, unknown>) => PollHandCountSchema.parse({ sessionId: s.id, pollId: POLL, ...fields });

/** A session in collecting with Ann, Bob and Cat. */
function room(): Session {
  let s = makeSession({ phase: 'collecting' });
  for (const [id, name] of [[ANN, 'Ann Jansen'], [BOB, 'Bob de Vries'], [CAT, 'Cat Smit']] as const) s = withParticipant(s, id, name);
  return s;
}

function withPoll(fields: Record<string, unknown> = {}, s = room()): Session {
  return unwrap(createPoll(s, FACILITATOR, create(s, fields), T0 + 1)).session;
}

function openedPoll(fields: Record<string, unknown> = {}): Session {
  return unwrap(openPoll(withPoll(fields), FACILITATOR, POLL, T0 + 2)).session;
}

const answer = (s: Session, who: string, value: PollAnswer, now = T0 + 3) => answerPoll(s, participant(who), POLL, value, now);
const pollIn = (s: Session): Poll => s.polls[POLL]!;

describe('createPoll', () => {
  it('makes a draft with option ids in the labels\' order, valid against the session schema', () => {
    const s = frozen(room());
    const change = unwrap(createPoll(s, FACILITATOR, create(s, {}), T0 + 1));
    expect(change.value).toMatchObject({
      id: POLL,
      kind: 'single',
      status: 'draft',
      showLive: false,
      options: [{ id: 'option-1', label: 'Ja' }, { id: 'option-2', label: 'Nee' }, { id: 'option-3', label: 'Deels' }],
      answers: {},
      handCounts: {},
      handValues: [],
      createdAt: T0 + 1,
      openedAt: null,
      closedAt: null,
      deletedAt: null,
    });
    expect(SessionSchema.safeParse(change.session).success).toBe(true);
  });

  it('is idempotent by id; another poll with that id is a conflict', () => {
    const s = frozen(withPoll());
    expect(unwrap(createPoll(s, FACILITATOR, create(s, {}), T0 + 9)).session).toBe(s);
    expectFail(createPoll(s, FACILITATOR, create(s, { question: 'Iets anders?' }), T0 + 9), 'conflict');
    expectFail(createPoll(s, FACILITATOR, create(s, { showLive: true }), T0 + 9), 'conflict');
  });

  it('makes a bucket poll from ranges', () => {
    const s = room();
    const poll = unwrap(createPoll(s, FACILITATOR, create(s, { kind: 'bucket', question: 'Welk deel van uw omzet is Wmo?', options: [...BUCKET_PRESET] }), T0)).value;
    expect(poll.options.map((o) => o.label)).toEqual(['0-25%', '25-50%', '50-75%', '75-100%']);
  });

  it.each([
    ['single with one option', { options: ['Ja'] }],
    ['multiple without options', { kind: 'multiple', options: [] }],
    ['bucket with one range', { kind: 'bucket', options: ['0-100%'] }],
    ['the same option twice', { options: ['Ja', 'ja'] }],
    ['a scale with options', { kind: 'scale', options: ['Laag', 'Hoog'] }],
    ['a number poll with options', { kind: 'number', options: ['1', '2'] }],
  ])('refuses %s', (_name, fields) => {
    const s = frozen(room());
    expectFail(createPoll(s, FACILITATOR, create(s, fields), T0), 'invalid_payload');
  });

  it('refuses more than 12 options in the command schema', () => {
    expect(PollCreateSchema.safeParse({ sessionId: 'session-01', id: POLL, question: 'Q', kind: 'multiple', options: Array.from({ length: 13 }, (_, i) => `Optie ${i}`) }).success).toBe(false);
  });

  it('is the facilitator\'s, in every phase but closed, and bounded', () => {
    const s = frozen(room());
    expectFail(createPoll(s, participant(ANN), create(s, {}), T0), 'forbidden');
    for (const phase of ['preparation', 'voting', 'synthesis'] as const) unwrap(createPoll(inPhase(s, phase), FACILITATOR, create(s, {}), T0));
    expectFail(createPoll(inPhase(s, 'closed'), FACILITATOR, create(s, {}), T0), 'wrong_phase');
    let many = s;
    for (let i = 0; i < MAX_POLLS; i++) many = unwrap(createPoll(many, FACILITATOR, create(s, { id: `poll-many-${i}` }), T0)).session;
    expectFail(createPoll(many, FACILITATOR, create(s, { id: 'poll-one-too-many' }), T0), 'too_large');
  });
});

describe('updatePoll', () => {
  const update = (s: Session, fields: Record<string, unknown>) => PollUpdateSchema.parse({ sessionId: s.id, pollId: POLL, ...fields });

  it('changes a draft; new options get ids in their new order; the same again changes nothing', () => {
    const s = frozen(withPoll());
    const changed = unwrap(updatePoll(s, FACILITATOR, update(s, { question: 'Nieuwe vraag?', options: ['Eens', 'Oneens'], showLive: true }), T0 + 5));
    expect(changed.value).toMatchObject({ question: 'Nieuwe vraag?', showLive: true, options: [{ id: 'option-1', label: 'Eens' }, { id: 'option-2', label: 'Oneens' }] });
    expect(unwrap(updatePoll(changed.session, FACILITATOR, update(s, { question: 'Nieuwe vraag?' }), T0 + 6)).session).toBe(changed.session);
    expectFail(updatePoll(s, FACILITATOR, update(s, { options: ['Alleen'] }), T0), 'invalid_payload');
  });

  it('refuses once the poll is open or closed, for participants, and for unknown polls', () => {
    const s = frozen(openedPoll());
    expectFail(updatePoll(s, FACILITATOR, update(s, { question: 'Te laat?' }), T0), 'wrong_phase');
    expectFail(updatePoll(s, FACILITATOR, update(s, { showLive: true }), T0), 'wrong_phase');
    expectFail(updatePoll(withPoll(), participant(ANN), update(s, { question: 'Van Ann?' }), T0), 'forbidden');
    expectFail(updatePoll(s, FACILITATOR, { ...update(s, {}), pollId: 'poll-unknown' }, T0), 'not_found');
  });
});

describe('opening, closing, deleting', () => {
  it('goes from draft to open to closed, each step idempotent', () => {
    const s = frozen(withPoll());
    expectFail(closePoll(s, FACILITATOR, POLL, T0), 'wrong_phase');
    const opened = unwrap(openPoll(s, FACILITATOR, POLL, T0 + 2));
    expect(opened.value).toMatchObject({ status: 'open', openedAt: T0 + 2 });
    expect(unwrap(openPoll(opened.session, FACILITATOR, POLL, T0 + 3)).session).toBe(opened.session);
    const closed = unwrap(closePoll(opened.session, FACILITATOR, POLL, T0 + 4));
    expect(closed.value).toMatchObject({ status: 'closed', closedAt: T0 + 4 });
    expect(unwrap(closePoll(closed.session, FACILITATOR, POLL, T0 + 5)).session).toBe(closed.session);
    expectFail(openPoll(closed.session, FACILITATOR, POLL, T0 + 6), 'wrong_phase');
    expectFail(openPoll(s, participant(ANN), POLL, T0), 'forbidden');
    expectFail(closePoll(opened.session, participant(ANN), POLL, T0), 'forbidden');
  });

  it('deletes softly with undo; a deleted poll takes nothing', () => {
    const s = frozen(openedPoll());
    const deleted = unwrap(deletePoll(s, FACILITATOR, POLL, T0 + 5));
    expect(deleted.value.deletedAt).toBe(T0 + 5);
    expect(unwrap(deletePoll(deleted.session, FACILITATOR, POLL, T0 + 6)).session).toBe(deleted.session);
    expectFail(answer(deleted.session, ANN, { optionIds: ['option-1'] }), 'not_found');
    expectFail(closePoll(deleted.session, FACILITATOR, POLL, T0), 'not_found');
    expectFail(deletePoll(s, participant(ANN), POLL, T0), 'forbidden');
    const restored = unwrap(restorePoll(deleted.session, FACILITATOR, POLL, T0 + 7));
    expect(restored.value).toEqual(pollIn(s));
    expect(unwrap(restorePoll(restored.session, FACILITATOR, POLL, T0 + 8)).session).toBe(restored.session);
    expectFail(restorePoll(s, FACILITATOR, 'poll-unknown', T0), 'not_found');
    expectFail(deletePoll(s, FACILITATOR, '__proto__', T0), 'not_found');
  });

  it('stops in a closed session', () => {
    const s = frozen(inPhase(openedPoll(), 'closed'));
    expectFail(closePoll(s, FACILITATOR, POLL, T0), 'wrong_phase');
    expectFail(deletePoll(s, FACILITATOR, POLL, T0), 'wrong_phase');
    expectFail(answer(s, ANN, { optionIds: ['option-1'] }), 'wrong_phase');
  });
});

describe('answerPoll', () => {
  it('takes one known option for single and bucket polls; a new answer replaces the old one', () => {
    let s = frozen(openedPoll());
    s = unwrap(answer(s, ANN, { optionIds: ['option-1'] })).session;
    s = unwrap(answer(s, BOB, { optionIds: ['option-2'] })).session;
    s = unwrap(answer(s, ANN, { optionIds: ['option-3'] })).session;
    expect(pollIn(s).answers).toEqual({ [ANN]: { optionIds: ['option-3'] }, [BOB]: { optionIds: ['option-2'] } });
    expect(unwrap(answer(s, ANN, { optionIds: ['option-3'] })).session).toBe(s);
    expectFail(answer(s, ANN, { optionIds: ['option-1', 'option-2'] }), 'invalid_payload');
    expectFail(answer(s, ANN, { optionIds: ['option-9'] }), 'invalid_payload');
    expectFail(answer(s, ANN, { value: 1 }), 'invalid_payload');
  });

  it('takes one or more distinct options for multiple polls, stored in the poll\'s order', () => {
    const s = frozen(openedPoll({ kind: 'multiple' }));
    expect(unwrap(answer(s, ANN, { optionIds: ['option-3', 'option-1'] })).value.answers[ANN]).toEqual({ optionIds: ['option-1', 'option-3'] });
    expectFail(answer(s, ANN, { optionIds: ['option-1', 'option-1'] }), 'invalid_payload');
    expectFail(answer(s, ANN, { optionIds: ['option-1', 'constructor'] }), 'invalid_payload');
  });

  it('takes a whole number 1..5 for a scale and any finite number for a number poll', () => {
    const scale = frozen(openedPoll({ kind: 'scale', options: [] }));
    expect(unwrap(answer(scale, ANN, { value: 4 })).value.answers[ANN]).toEqual({ value: 4 });
    for (const value of [0, 6, 2.5, -1, Number.NaN, Number.POSITIVE_INFINITY]) expectFail(answer(scale, ANN, { value }), 'invalid_payload');
    expectFail(answer(scale, ANN, { optionIds: ['option-1'] }), 'invalid_payload');
    const number = frozen(openedPoll({ kind: 'number', options: [] }));
    expect(unwrap(answer(number, ANN, { value: -12.5 })).value.answers[ANN]).toEqual({ value: -12.5 });
    expectFail(answer(number, ANN, { value: Number.NaN }), 'invalid_payload');
  });

  it('refuses drafts, closed polls, the facilitator and strangers', () => {
    expectFail(answer(frozen(withPoll()), ANN, { optionIds: ['option-1'] }), 'wrong_phase');
    const closed = frozen(unwrap(closePoll(openedPoll(), FACILITATOR, POLL, T0 + 5)).session);
    expectFail(answer(closed, ANN, { optionIds: ['option-1'] }), 'wrong_phase');
    const open = frozen(openedPoll());
    expectFail(answerPoll(open, FACILITATOR, POLL, { optionIds: ['option-1'] }, T0), 'forbidden');
    expectFail(answer(open, 'participant-nobody', { optionIds: ['option-1'] }), 'forbidden');
    expectFail(answerPoll(open, participant(ANN), 'poll-unknown', { optionIds: ['option-1'] }, T0), 'not_found');
    expectFail(answerPoll(open, participant(ANN), 'toString', { optionIds: ['option-1'] }, T0), 'not_found');
  });

  it('has a command schema that refuses strings, NaN and prototype names', () => {
    const parse = (answer: unknown, pollId = POLL) => PollAnswerCommandSchema.safeParse({ sessionId: 'session-01', pollId, answer }).success;
    expect(parse({ value: 3 })).toBe(true);
    expect(parse({ value: '3' })).toBe(false);
    expect(parse({ value: Number.NaN })).toBe(false);
    expect(parse({ value: 1e12 })).toBe(false);
    expect(parse({ optionIds: [] })).toBe(false);
    expect(parse({ optionIds: ['__proto__'] })).toBe(false);
    expect(parse({ optionIds: ['option-1'] }, '__proto__')).toBe(false);
    expect(parse('option-1')).toBe(false);
  });
});

describe('setHandCounts', () => {
  it('sets counts per option, replacing earlier ones, zeros dropped; open or closed polls', () => {
    let s = frozen(openedPoll());
    s = unwrap(setHandCounts(s, FACILITATOR, handCount(s, { counts: { 'option-1': 4, 'option-2': 0 } }), T0)).session;
    expect(pollIn(s)).toMatchObject({ handCounts: { 'option-1': 4 }, handValues: [] });
    s = unwrap(closePoll(s, FACILITATOR, POLL, T0)).session;
    s = unwrap(setHandCounts(s, FACILITATOR, handCount(s, { counts: { 'option-3': 2 } }), T0)).session;
    expect(pollIn(s).handCounts).toEqual({ 'option-3': 2 });
    expect(unwrap(setHandCounts(s, FACILITATOR, handCount(s, { counts: { 'option-3': 2, 'option-1': 0 } }), T0)).session).toBe(s);
  });

  it('takes scale points 1..5 and values for number polls, and nothing that does not fit', () => {
    const scale = frozen(openedPoll({ kind: 'scale', options: [] }));
    expect(unwrap(setHandCounts(scale, FACILITATOR, handCount(scale, { counts: { '1': 2, '5': 3 } }), T0)).value.handCounts).toEqual({ '1': 2, '5': 3 });
    expectFail(setHandCounts(scale, FACILITATOR, handCount(scale, { counts: { '6': 1 } }), T0), 'invalid_payload');
    expectFail(setHandCounts(scale, FACILITATOR, handCount(scale, { values: [3] }), T0), 'invalid_payload');
    const number = frozen(openedPoll({ kind: 'number', options: [] }));
    expect(unwrap(setHandCounts(number, FACILITATOR, handCount(number, { values: [10, 20] }), T0)).value.handValues).toEqual([10, 20]);
    expectFail(setHandCounts(number, FACILITATOR, handCount(number, { counts: { '1': 1 } }), T0), 'invalid_payload');
    const single = frozen(openedPoll());
    expectFail(setHandCounts(single, FACILITATOR, handCount(single, { counts: { 'option-7': 1 } }), T0), 'invalid_payload');
    expectFail(setHandCounts(single, participant(ANN), handCount(single, { counts: { 'option-1': 1 } }), T0), 'forbidden');
    expectFail(setHandCounts(frozen(withPoll()), FACILITATOR, handCount(single, { counts: { 'option-1': 1 } }), T0), 'wrong_phase');
  });

  it('has a command schema that refuses prototype names, negative and fractional counts', () => {
    const parse = (counts: unknown) => PollHandCountSchema.safeParse({ sessionId: 'session-01', pollId: POLL, counts }).success;
    expect(parse({ 'option-1': 3 })).toBe(true);
    expect(parse(JSON.parse('{"__proto__": 3}'))).toBe(false);
    expect(parse({ constructor: 3 })).toBe(false);
    expect(parse({ 'option-1': -1 })).toBe(false);
    expect(parse({ 'option-1': 1.5 })).toBe(false);
    expect(parse({ 'option-1': '3' })).toBe(false);
  });
});

describe('pollResults', () => {
  it('adds device answers and hand counts; percentages by the largest remainder add up to 100', () => {
    let s = openedPoll();
    s = unwrap(answer(s, ANN, { optionIds: ['option-1'] })).session;
    s = unwrap(answer(s, BOB, { optionIds: ['option-2'] })).session;
    s = unwrap(answer(s, CAT, { optionIds: ['option-3'] })).session;
    expect(pollResults(pollIn(s)).figures).toMatchObject({ kind: 'choice', n: 3, categories: [{ percent: 34 }, { percent: 33 }, { percent: 33 }] });
    s = unwrap(setHandCounts(s, FACILITATOR, handCount(s, { counts: { 'option-1': 5 } }), T0)).session;
    const results = pollResults(pollIn(s));
    expect(results).toMatchObject({ answered: 3, counted: 5 });
    expect(results.figures).toMatchObject({
      n: 8,
      multiple: false,
      categories: [
        { key: 'option-1', label: 'Ja', count: 6, percent: 75 },
        { key: 'option-2', label: 'Nee', count: 1, percent: 13 },
        { key: 'option-3', label: 'Deels', count: 1, percent: 12 },
      ],
    });
  });

  it('counts multiple choice per respondent; hands count as the fewest people that give them', () => {
    let s = openedPoll({ kind: 'multiple' });
    s = unwrap(answer(s, ANN, { optionIds: ['option-1', 'option-2'] })).session;
    s = unwrap(answer(s, BOB, { optionIds: ['option-1'] })).session;
    s = unwrap(setHandCounts(s, FACILITATOR, handCount(s, { counts: { 'option-1': 2, 'option-3': 1 } }), T0)).session;
    const results = pollResults(pollIn(s));
    expect(results).toMatchObject({ answered: 2, counted: 2 });
    expect(results.figures).toMatchObject({ n: 4, categories: [{ count: 4, percent: 100 }, { count: 1, percent: 25 }, { count: 1, percent: 25 }] });
  });

  it('gives a scale its five points and a mean, and a number poll n, mean, min and max', () => {
    let scale = openedPoll({ kind: 'scale', options: [] });
    scale = unwrap(answer(scale, ANN, { value: 4 })).session;
    scale = unwrap(answer(scale, BOB, { value: 5 })).session;
    scale = unwrap(setHandCounts(scale, FACILITATOR, handCount(scale, { counts: { '2': 1 } }), T0)).session;
    expect(pollResults(pollIn(scale)).figures).toMatchObject({ n: 3, mean: 3.7, categories: [{ key: '1', count: 0 }, { key: '2', count: 1 }, { key: '3' }, { key: '4', count: 1 }, { key: '5', count: 1 }] });
    let number = openedPoll({ kind: 'number', options: [] });
    number = unwrap(answer(number, ANN, { value: 10 })).session;
    number = unwrap(answer(number, BOB, { value: 15 })).session;
    number = unwrap(setHandCounts(number, FACILITATOR, handCount(number, { values: [2] }), T0)).session;
    expect(pollResults(pollIn(number))).toEqual({ figures: { kind: 'number', n: 3, mean: 9, min: 2, max: 15 }, answered: 2, counted: 1 });
  });
});

describe('poll views', () => {
  function answered(fields: Record<string, unknown> = {}): Session {
    let s = openedPoll(fields);
    s = unwrap(answer(s, ANN, { optionIds: ['option-1'] })).session;
    return unwrap(answer(s, BOB, { optionIds: ['option-2'] })).session;
  }
  const view = (s: Session, viewer: Viewer): PollView | undefined => snapshotFor(s, viewer, T0).polls.find((p) => p.id === POLL);

  it('show drafts on the console only', () => {
    const s = withPoll();
    expect(view(s, FAC)?.status).toBe('draft');
    expect(view(s, PROJ)).toBeUndefined();
    expect(view(s, asViewer(ANN))).toBeUndefined();
  });

  it('give the facilitator results always, the others only live or once closed', () => {
    const hidden = answered();
    expect(view(hidden, FAC)?.results?.figures).toMatchObject({ n: 2 });
    expect(view(hidden, PROJ)).toMatchObject({ status: 'open', results: null });
    expect(view(hidden, asViewer(ANN))).toMatchObject({ results: null, mine: { optionIds: ['option-1'] } });
    expect(view(hidden, asViewer(CAT))).toMatchObject({ results: null, mine: null });
    const live = answered({ showLive: true });
    expect(view(live, PROJ)?.results?.figures).toMatchObject({ n: 2 });
    const closed = unwrap(closePoll(hidden, FACILITATOR, POLL, T0 + 9)).session;
    for (const viewer of [PROJ, asViewer(CAT)]) expect(view(closed, viewer)?.results?.figures).toMatchObject({ n: 2 });
  });

  it('never say who answered what: no participant id in any view, `mine` only to its owner', () => {
    const s = unwrap(closePoll(answered({ showLive: true }), FACILITATOR, POLL, T0 + 9)).session;
    for (const viewer of [FAC, PROJ, asViewer(CAT)]) {
      const json = JSON.stringify(view(s, viewer));
      for (const id of [ANN, BOB]) expect(json).not.toContain(id);
    }
    expect(JSON.stringify(view(s, asViewer(ANN)))).not.toContain(BOB);
    expect(view(s, PROJ)).not.toHaveProperty('mine');
    expect(view(s, FAC)).not.toHaveProperty('mine');
    expect(view(s, FAC)?.hand).toEqual({ handCounts: {}, handValues: [] });
    expect(view(s, asViewer(ANN))).not.toHaveProperty('hand');
    expect(toPollView(pollIn(s), PROJ)).not.toHaveProperty('answers');
  });

  it('leave deleted polls out for everyone', () => {
    const s = unwrap(deletePoll(answered(), FACILITATOR, POLL, T0 + 9)).session;
    for (const viewer of [FAC, PROJ, asViewer(ANN)]) expect(view(s, viewer)).toBeUndefined();
  });
});
