import { describe, expect, it } from 'vitest';
import { deleteCard, restoreCard } from '../../../shared/domain/cards.ts';
import { setRevealed } from '../../../shared/domain/session-settings.ts';
import { snapshotFor, tallyVotes } from '../../../shared/domain/visibility.ts';
import { castVote, retractVote, votesLeft, votesUsed } from '../../../shared/domain/votes.ts';
import type { Session, Settings } from '../../../shared/schemas/session.ts';
import {
  ANN,
  BOB,
  boardWithCards,
  expectFail,
  FACILITATOR,
  frozen,
  inPhase,
  participant,
  T0,
  unwrap,
  withCard,
} from '../fixtures.ts';

/** ann and bob in voting, with cards card-ann-1, card-bob-1 and card-room-1. */
function voting(settings: Partial<Settings> = {}): Session {
  const s = withCard(boardWithCards({ settings }), FACILITATOR, { id: 'card-room-1', attribution: { kind: 'room' } }).session;
  return inPhase(s, 'voting');
}

const vote = (s: Session, voter: string, id: string, cardId: string, now = T0) => unwrap(castVote(s, participant(voter), id, cardId, now)).session;

describe('castVote', () => {
  it('stores the vote for the voter and stamps the time', () => {
    const s = frozen(voting());
    const change = unwrap(castVote(s, participant(ANN), 'vote-0001', 'card-bob-1', T0 + 3));
    // Anonymous is the default setting, and a vote keeps the setting it was cast under.
    expect(change.value).toEqual({ id: 'vote-0001', cardId: 'card-bob-1', voterId: ANN, anonymous: true, createdAt: T0 + 3 });
    expect(change.session.votes['vote-0001']).toEqual(change.value);
    expect(change.session.updatedAt).toBe(T0 + 3);
    expect(s.votes).toEqual({});
  });

  it('lets a participant vote on their own card', () => {
    expect(unwrap(castVote(voting(), participant(ANN), 'vote-0001', 'card-ann-1', T0)).value.cardId).toBe('card-ann-1');
  });

  describe('budget per participant', () => {
    it('allows exactly votesPerParticipant votes, then refuses', () => {
      let s = voting({ votesPerParticipant: 3, maxVotesPerCard: 3 });
      expect(votesLeft(s, ANN)).toBe(3);
      s = vote(s, ANN, 'vote-0001', 'card-ann-1');
      s = vote(s, ANN, 'vote-0002', 'card-bob-1');
      s = vote(s, ANN, 'vote-0003', 'card-room-1');
      expect(votesLeft(s, ANN)).toBe(0);
      expectFail(castVote(s, participant(ANN), 'vote-0004', 'card-bob-1', T0), 'budget_exhausted');
    });

    it('is separate for each participant', () => {
      let s = voting({ votesPerParticipant: 1 });
      s = vote(s, ANN, 'vote-0001', 'card-bob-1');
      expectFail(castVote(s, participant(ANN), 'vote-0002', 'card-room-1', T0), 'budget_exhausted');
      s = vote(s, BOB, 'vote-0003', 'card-bob-1');
      expect(votesUsed(s, BOB).map((v) => v.id)).toEqual(['vote-0003']);
      expect(votesLeft(s, BOB)).toBe(0);
    });

    it('frees a vote when it is retracted', () => {
      let s = voting({ votesPerParticipant: 1 });
      s = vote(s, ANN, 'vote-0001', 'card-bob-1');
      s = unwrap(retractVote(s, participant(ANN), 'vote-0001', T0)).session;
      expect(votesLeft(s, ANN)).toBe(1);
      expect(unwrap(castVote(s, participant(ANN), 'vote-0002', 'card-room-1', T0)).value.cardId).toBe('card-room-1');
    });
  });

  describe('maximum per card', () => {
    it('allows maxVotesPerCard votes from one participant on one card, then refuses', () => {
      let s = voting({ votesPerParticipant: 5, maxVotesPerCard: 2 });
      s = vote(s, ANN, 'vote-0001', 'card-bob-1');
      s = vote(s, ANN, 'vote-0002', 'card-bob-1');
      expectFail(castVote(s, participant(ANN), 'vote-0003', 'card-bob-1', T0), 'card_vote_limit');
      // Other cards and other voters are not affected.
      s = vote(s, ANN, 'vote-0003', 'card-room-1');
      s = vote(s, BOB, 'vote-0004', 'card-bob-1');
      s = vote(s, BOB, 'vote-0005', 'card-bob-1');
      expect(tallyVotes(s).get('card-bob-1')).toHaveLength(4);
    });

    it('reports the exhausted budget before the card limit', () => {
      let s = voting({ votesPerParticipant: 2, maxVotesPerCard: 2 });
      s = vote(s, ANN, 'vote-0001', 'card-bob-1');
      s = vote(s, ANN, 'vote-0002', 'card-bob-1');
      expectFail(castVote(s, participant(ANN), 'vote-0003', 'card-bob-1', T0), 'budget_exhausted');
    });
  });

  describe('votes on deleted cards', () => {
    function withVotesOnBob(): Session {
      let s = voting({ votesPerParticipant: 3, maxVotesPerCard: 2 });
      s = vote(s, ANN, 'vote-0001', 'card-bob-1');
      s = vote(s, ANN, 'vote-0002', 'card-bob-1');
      return vote(s, ANN, 'vote-0003', 'card-room-1');
    }

    it('stop counting against the budget and in the totals while the card is deleted', () => {
      const s = unwrap(deleteCard(withVotesOnBob(), FACILITATOR, 'card-bob-1', T0)).session;
      expect(Object.keys(s.votes)).toHaveLength(3);
      expect(votesUsed(s, ANN).map((v) => v.id)).toEqual(['vote-0003']);
      expect(votesLeft(s, ANN)).toBe(2);
      expect(tallyVotes(s).has('card-bob-1')).toBe(false);
      expect(snapshotFor(s, participant(ANN), T0).myVotes).toEqual([
        { id: 'vote-0003', cardId: 'card-room-1' },
      ]);
      // The freed votes can be spent elsewhere.
      expect(unwrap(castVote(s, participant(ANN), 'vote-0004', 'card-ann-1', T0)).value.cardId).toBe('card-ann-1');
    });

    it('count again, for budget, per-card maximum and totals, once the card is restored', () => {
      let s = voting({ votesPerParticipant: 5, maxVotesPerCard: 2 });
      s = vote(s, ANN, 'vote-0001', 'card-bob-1');
      s = vote(s, ANN, 'vote-0002', 'card-bob-1');
      s = unwrap(deleteCard(s, FACILITATOR, 'card-bob-1', T0)).session;
      expect(votesLeft(s, ANN)).toBe(5);
      s = unwrap(restoreCard(s, FACILITATOR, 'card-bob-1', T0)).session;
      expect(votesUsed(s, ANN).map((v) => v.id)).toEqual(['vote-0001', 'vote-0002']);
      expect(votesLeft(s, ANN)).toBe(3);
      expect(tallyVotes(s).get('card-bob-1')?.map((v) => v.voterId)).toEqual([ANN, ANN]);
      expect(snapshotFor(s, participant(ANN), T0).myVotes).toHaveLength(2);
      expectFail(castVote(s, participant(ANN), 'vote-0003', 'card-bob-1', T0), 'card_vote_limit');
    });

    it('may leave a participant over budget after a restore; votesLeft stays at 0 and new votes are refused', () => {
      let s = withVotesOnBob();
      s = unwrap(deleteCard(s, FACILITATOR, 'card-bob-1', T0)).session;
      s = vote(s, ANN, 'vote-0004', 'card-ann-1');
      s = vote(s, ANN, 'vote-0005', 'card-ann-1');
      s = unwrap(restoreCard(s, FACILITATOR, 'card-bob-1', T0)).session;
      expect(votesUsed(s, ANN)).toHaveLength(5);
      expect(votesLeft(s, ANN)).toBe(0);
      expectFail(castVote(s, participant(ANN), 'vote-0006', 'card-room-1', T0), 'budget_exhausted');
    });

    it('a deleted card cannot receive votes', () => {
      const s = unwrap(deleteCard(voting(), FACILITATOR, 'card-bob-1', T0)).session;
      expectFail(castVote(s, participant(ANN), 'vote-0001', 'card-bob-1', T0), 'not_found');
    });
  });

  describe('is idempotent by vote id', () => {
    it('the same vote twice returns the stored vote and changes nothing', () => {
      const first = unwrap(castVote(voting(), participant(ANN), 'vote-0001', 'card-bob-1', T0));
      const again = unwrap(castVote(frozen(first.session), participant(ANN), 'vote-0001', 'card-bob-1', T0 + 50));
      expect(again.session).toBe(first.session);
      expect(again.value).toEqual(first.value);
      expect(again.value.createdAt).toBe(T0);
      expect(votesUsed(again.session, ANN)).toHaveLength(1);
    });

    it('a retry succeeds even when it was the last vote of the budget', () => {
      const s = vote(voting({ votesPerParticipant: 1 }), ANN, 'vote-0001', 'card-bob-1');
      expect(unwrap(castVote(s, participant(ANN), 'vote-0001', 'card-bob-1', T0)).session).toBe(s);
    });

    it('the same id for another card or another voter is a conflict', () => {
      const s = vote(voting(), ANN, 'vote-0001', 'card-bob-1');
      expectFail(castVote(s, participant(ANN), 'vote-0001', 'card-room-1', T0), 'conflict');
      expectFail(castVote(s, participant(BOB), 'vote-0001', 'card-bob-1', T0), 'conflict');
    });
  });

  it('does not find unknown cards', () => {
    expectFail(castVote(voting(), participant(ANN), 'vote-0001', 'card-9999', T0), 'not_found');
  });

  it('does not let a participant vote on a card hidden from them', () => {
    const hidden = setRevealed(voting({ hideUntilReveal: true }), false, T0).session;
    expectFail(castVote(hidden, participant(ANN), 'vote-0001', 'card-bob-1', T0), 'not_found');
    expect(unwrap(castVote(hidden, participant(ANN), 'vote-0001', 'card-ann-1', T0)).value.cardId).toBe('card-ann-1');
  });

  it('the facilitator does not vote', () => {
    expectFail(castVote(voting(), FACILITATOR, 'vote-0001', 'card-bob-1', T0), 'forbidden');
  });

  it.each(['preparation', 'collecting', 'synthesis', 'closed'] as const)('is closed in %s', (phase) => {
    expectFail(castVote(inPhase(voting(), phase), participant(ANN), 'vote-0001', 'card-bob-1', T0), 'wrong_phase');
  });

  it('is refused on a locked board', () => {
    expectFail(castVote({ ...voting(), locked: true }, participant(ANN), 'vote-0001', 'card-bob-1', T0), 'locked');
  });
});

describe('retractVote', () => {
  it('removes the voter’s own vote', () => {
    const s = frozen(vote(voting(), ANN, 'vote-0001', 'card-bob-1'));
    const change = unwrap(retractVote(s, participant(ANN), 'vote-0001', T0 + 9));
    expect(change.value).toEqual(s.votes['vote-0001']);
    expect(change.session.votes).toEqual({});
    expect(change.session.updatedAt).toBe(T0 + 9);
  });

  it('succeeds with nothing changed when the vote is already gone', () => {
    const s = frozen(vote(voting(), ANN, 'vote-0001', 'card-bob-1'));
    const change = unwrap(retractVote(s, participant(ANN), 'vote-9999', T0));
    expect(change).toEqual({ session: s, value: null });
    expect(change.session).toBe(s);
    const once = unwrap(retractVote(s, participant(ANN), 'vote-0001', T0)).session;
    expect(unwrap(retractVote(once, participant(ANN), 'vote-0001', T0)).session).toBe(once);
  });

  it('leaves someone else’s vote alone, answering as for an unknown id', () => {
    const s = vote(voting(), ANN, 'vote-0001', 'card-bob-1');
    const other = unwrap(retractVote(s, participant(BOB), 'vote-0001', T0));
    const unknown = unwrap(retractVote(s, participant(BOB), 'vote-9999', T0));
    expect(other).toEqual(unknown);
    expect(other.session).toBe(s);
    expect(other.value).toBeNull();
    expectFail(retractVote(s, FACILITATOR, 'vote-0001', T0), 'forbidden');
  });

  it('is only possible while voting on an unlocked board', () => {
    const s = vote(voting(), ANN, 'vote-0001', 'card-bob-1');
    expectFail(retractVote(inPhase(s, 'synthesis'), participant(ANN), 'vote-0001', T0), 'wrong_phase');
    expectFail(retractVote({ ...s, locked: true }, participant(ANN), 'vote-0001', T0), 'locked');
  });
});
