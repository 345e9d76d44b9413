import { describe, expect, it } from 'vitest';
import { addCard, deleteCard, editCard, mergeCards, restoreCard, setHandVotes } from '../../../shared/domain/cards.ts';
import type { Actor } from '../../../shared/domain/context.ts';
import { denyAddCard, denyChangeCard, denyModerate, isAuthor } from '../../../shared/domain/permissions.ts';
import { castVote } from '../../../shared/domain/votes.ts';
import type { ErrorCode, Result } from '../../../shared/protocol/errors.ts';
import { CardAddSchema } from '../../../shared/schemas/commands.ts';
import { PHASES, type Phase, type Session } from '../../../shared/schemas/session.ts';
import {
  ANN,
  BOB,
  boardWithCards,
  columnId,
  FACILITATOR,
  frozen,
  inPhase,
  participant,
  T0,
  unwrap,
  withCard,
} from '../fixtures.ts';

/**
 * Cards: card-ann-1 and card-bob-1 (live), card-ann-del and card-bob-del (deleted). Actors are
 * ann (a participant) and the facilitator; "own" means ann's card, "other" bob's.
 */
function board(phase: Phase, locked: boolean): Session {
  let s = boardWithCards();
  s = withCard(s, participant(ANN), { id: 'card-ann-del' }).session;
  s = withCard(s, participant(BOB), { id: 'card-bob-del' }).session;
  s = unwrap(deleteCard(s, participant(ANN), 'card-ann-del', T0)).session;
  s = unwrap(deleteCard(s, participant(BOB), 'card-bob-del', T0)).session;
  return frozen({ ...inPhase(s, phase), locked });
}

type Action = (s: Session, actor: Actor) => Result<unknown>;
const ACTIONS = {
  add: (s, a) => addCard(s, a, CardAddSchema.parse({ sessionId: s.id, id: 'card-new-1', columnId: columnId(s), text: 'Nieuw' }), T0),
  'edit own': (s, a) => editCard(s, a, { sessionId: s.id, id: 'card-ann-1', text: 'Anders' }, T0),
  'edit other': (s, a) => editCard(s, a, { sessionId: s.id, id: 'card-bob-1', text: 'Anders' }, T0),
  'delete own': (s, a) => deleteCard(s, a, 'card-ann-1', T0),
  'delete other': (s, a) => deleteCard(s, a, 'card-bob-1', T0),
  'restore own': (s, a) => restoreCard(s, a, 'card-ann-del', T0),
  'restore other': (s, a) => restoreCard(s, a, 'card-bob-del', T0),
  merge: (s, a) => mergeCards(s, a, { sessionId: s.id, targetId: 'card-ann-1', sourceIds: ['card-bob-1'] }, T0),
  'hand votes': (s, a) => setHandVotes(s, a, 'card-ann-1', 3, T0),
  vote: (s, a) => castVote(s, a, 'vote-0001', 'card-bob-1', T0),
} satisfies Record<string, Action>;
type ActionName = keyof typeof ACTIONS;

type Outcome = 'ok' | ErrorCode;
const W = 'wrong_phase';
const F = 'forbidden';
const L = 'locked';
const N = 'not_found';

// Expected outcomes per phase, in PHASES order: preparation, collecting, voting, synthesis, closed.
const PARTICIPANT: Record<'unlocked' | 'locked', Record<ActionName, Outcome[]>> = {
  unlocked: {
    add: [W, 'ok', W, W, W],
    'edit own': [W, 'ok', W, W, W],
    'edit other': [F, F, F, F, W],
    'delete own': [W, 'ok', W, W, W],
    'delete other': [F, F, F, F, W],
    'restore own': [W, 'ok', W, W, W],
    'restore other': [N, N, N, N, W],
    merge: [F, F, F, F, F],
    'hand votes': [F, F, F, F, F],
    vote: [W, W, 'ok', W, W],
  },
  locked: {
    add: [W, L, W, W, W],
    'edit own': [W, L, W, W, W],
    'edit other': [F, F, F, F, W],
    'delete own': [W, L, W, W, W],
    'delete other': [F, F, F, F, W],
    'restore own': [W, L, W, W, W],
    'restore other': [N, N, N, N, W],
    merge: [F, F, F, F, F],
    'hand votes': [F, F, F, F, F],
    vote: [W, W, L, W, W],
  },
};

// The facilitator moderates in every phase but closed, locked or not, and never votes.
const FACILITATOR_OUTCOMES: Record<ActionName, Outcome[]> = {
  add: ['ok', 'ok', 'ok', 'ok', W],
  'edit own': ['ok', 'ok', 'ok', 'ok', W],
  'edit other': ['ok', 'ok', 'ok', 'ok', W],
  'delete own': ['ok', 'ok', 'ok', 'ok', W],
  'delete other': ['ok', 'ok', 'ok', 'ok', W],
  'restore own': ['ok', 'ok', 'ok', 'ok', W],
  'restore other': ['ok', 'ok', 'ok', 'ok', W],
  merge: ['ok', 'ok', 'ok', 'ok', W],
  'hand votes': ['ok', 'ok', 'ok', 'ok', W],
  vote: [F, F, F, F, F],
};

const outcome = (result: Result<unknown>): Outcome => (result.ok ? 'ok' : result.error);

const rows = (expected: (locked: boolean) => Record<ActionName, Outcome[]>) =>
  [false, true].flatMap((locked) =>
    (Object.keys(ACTIONS) as ActionName[]).flatMap((action) =>
      PHASES.map((phase, i) => ({ action, phase, locked, expected: expected(locked)[action][i]! })),
    ),
  );

describe('what a participant may do', () => {
  it.each(rows((locked) => PARTICIPANT[locked ? 'locked' : 'unlocked']))(
    '$action in $phase (locked: $locked) -> $expected',
    ({ action, phase, locked, expected }) => {
      expect(outcome(ACTIONS[action](board(phase, locked), participant(ANN)))).toBe(expected);
    },
  );
});

describe('what the facilitator may do', () => {
  it.each(rows(() => FACILITATOR_OUTCOMES))('$action in $phase (locked: $locked) -> $expected', ({ action, phase, locked, expected }) => {
    expect(outcome(ACTIONS[action](board(phase, locked), FACILITATOR))).toBe(expected);
  });
});

describe('a refused action changes nothing', () => {
  it('bob cannot edit, delete or restore ann’s cards, and ann’s cards stay as they were', () => {
    const s = board('collecting', false);
    const before = JSON.stringify(s);
    for (const action of ['edit own', 'delete own'] as const) {
      expect(outcome(ACTIONS[action](s, participant(BOB)))).toBe('forbidden');
    }
    // A card deleted by someone else is not there for bob: the same answer as an unknown id.
    expect(outcome(ACTIONS['restore own'](s, participant(BOB)))).toBe('not_found');
    expect(JSON.stringify(s)).toBe(before);
  });
});

describe('isAuthor', () => {
  const s = withCard(
    withCard(withCard(boardWithCards(), FACILITATOR, { id: 'card-room-1', attribution: { kind: 'room' } }).session, FACILITATOR, {
      id: 'card-fac-1',
    }).session,
    FACILITATOR,
    { id: 'card-for-bob', attribution: { kind: 'participant', participantId: BOB } },
  ).session;
  const card = (id: string) => s.cards[id]!;

  it('is true only for the participant the card is from', () => {
    expect(isAuthor(participant(ANN), card('card-ann-1'))).toBe(true);
    expect(isAuthor(participant(BOB), card('card-ann-1'))).toBe(false);
    expect(isAuthor(participant(BOB), card('card-for-bob'))).toBe(true);
  });

  it('nobody is the author of room or facilitator cards, not even the facilitator', () => {
    for (const id of ['card-room-1', 'card-fac-1']) {
      expect(isAuthor(participant(ANN), card(id))).toBe(false);
      expect(isAuthor(FACILITATOR, card(id))).toBe(false);
    }
  });

  it('participants cannot change room or facilitator cards', () => {
    expect(denyChangeCard(s, participant(ANN), card('card-room-1'))?.error).toBe('forbidden');
    expect(denyChangeCard(s, participant(ANN), card('card-fac-1'))?.error).toBe('forbidden');
  });
});

describe('deny helpers return null when allowed', () => {
  it('denyAddCard, denyChangeCard and denyModerate', () => {
    const s = board('collecting', false);
    expect(denyAddCard(s, participant(ANN))).toBeNull();
    expect(denyChangeCard(s, participant(ANN), s.cards['card-ann-1']!)).toBeNull();
    expect(denyModerate(s, FACILITATOR)).toBeNull();
    expect(denyModerate(s, participant(ANN))).toMatchObject({ ok: false, error: 'forbidden' });
  });
});
