import { describe, expect, it } from 'vitest';
import { addCard, deleteCard, editCard, MAX_CARDS_PER_PARTICIPANT, mergeCards, restoreCard, setHandVotes } from '../../../shared/domain/cards.ts';
import { updateSession } from '../../../shared/domain/session-settings.ts';
import { snapshotFor } from '../../../shared/domain/visibility.ts';
import { castVote, votesUsed } from '../../../shared/domain/votes.ts';
import { CardAddSchema, CardEditSchema, CardMergeSchema } from '../../../shared/schemas/commands.ts';
import { LIMITS } from '../../../shared/schemas/common.ts';
import { CardSchema, SessionSchema, type Session } from '../../../shared/schemas/session.ts';
import {
  ANN,
  BOB,
  boardWithCards,
  CAT,
  columnId,
  expectFail,
  FACILITATOR,
  frozen,
  inPhase,
  makeSession,
  participant,
  T0,
  unwrap,
  withCard,
  withParticipant,
} from '../fixtures.ts';

const addCmd = (session: Session, input: Record<string, unknown>) =>
  CardAddSchema.parse({ sessionId: session.id, columnId: columnId(session), text: 'Snelle terugkoppeling', ...input });
const editCmd = (session: Session, input: Record<string, unknown>) => CardEditSchema.parse({ sessionId: session.id, ...input });
const mergeCmd = (session: Session, input: Record<string, unknown>) => CardMergeSchema.parse({ sessionId: session.id, ...input });

function collecting(): Session {
  let s = makeSession({ phase: 'collecting' });
  s = withParticipant(s, ANN, 'Ann Jansen');
  s = withParticipant(s, BOB, 'Bob de Vries');
  return s;
}

describe('addCard', () => {
  it('stores a participant card with the participant as author', () => {
    const session = frozen(collecting());
    const change = unwrap(addCard(session, participant(ANN), addCmd(session, { id: 'card-0001', domain: 'Wmo' }), T0 + 10));
    expect(change.value).toEqual({
      id: 'card-0001',
      columnId: columnId(session),
      domain: 'Wmo',
      text: 'Snelle terugkoppeling',
      author: { kind: 'participant', participantId: ANN },
      anonymous: false,
      handVotes: 0,
      createdAt: T0 + 10,
      updatedAt: T0 + 10,
      deletedAt: null,
      mergedInto: null,
      origin: { kind: 'session' },
    });
    expect(change.session.cards['card-0001']).toEqual(change.value);
    expect(change.session.updatedAt).toBe(T0 + 10);
    expect(session.cards['card-0001']).toBeUndefined();
    expect(CardSchema.safeParse(change.value).success).toBe(true);
    expect(SessionSchema.safeParse(change.session).success).toBe(true);
  });

  describe('is idempotent by card id', () => {
    it('returns the same card for the same command and leaves the state as it was', () => {
      const first = unwrap(addCard(collecting(), participant(ANN), addCmd(collecting(), { id: 'card-0001' }), T0));
      const again = unwrap(addCard(frozen(first.session), participant(ANN), addCmd(first.session, { id: 'card-0001' }), T0 + 999));
      expect(again.session).toBe(first.session);
      expect(again.value).toEqual(first.value);
      expect(again.value.createdAt).toBe(T0);
      expect(Object.keys(again.session.cards)).toEqual(['card-0001']);
    });

    it('is a conflict after an edit of the card, without undoing the edit', () => {
      let s = withCard(collecting(), participant(ANN), { id: 'card-0001', text: 'eerst' }).session;
      s = unwrap(editCard(s, participant(ANN), editCmd(s, { id: 'card-0001', text: 'later' }), T0 + 1)).session;
      expectFail(addCard(s, participant(ANN), addCmd(s, { id: 'card-0001', text: 'eerst' }), T0 + 2), 'conflict');
      expect(s.cards['card-0001']!.text).toBe('later');
    });

    it('is a conflict for the same id with other content, even from the author', () => {
      const s = withCard(collecting(), participant(ANN), { id: 'card-0001', text: 'eerst' }).session;
      expectFail(addCard(s, participant(ANN), addCmd(s, { id: 'card-0001', text: 'iets anders' }), T0), 'conflict');
      expectFail(addCard(s, participant(ANN), addCmd(s, { id: 'card-0001', text: 'eerst', anonymous: true }), T0), 'conflict');
    });

    it('answers the facilitator alike for every attribution of an anonymous card, so it names nobody', () => {
      const s = withCard(collecting(), participant(ANN), { id: 'card-0001', text: 'eerst', anonymous: true }).session;
      const answers = [ANN, BOB].map((participantId) =>
        addCard(s, FACILITATOR, addCmd(s, { id: 'card-0001', text: 'eerst', anonymous: true, attribution: { kind: 'participant', participantId } }), T0),
      );
      expect(answers.map((a) => (a.ok ? 'ok' : a.error))).toEqual(['conflict', 'conflict']);
      expect(unwrap(addCard(s, participant(ANN), addCmd(s, { id: 'card-0001', text: 'eerst', anonymous: true }), T0)).session).toBe(s);
    });

    it('does not bring a deleted card back', () => {
      let s = withCard(collecting(), participant(ANN), { id: 'card-0001' }).session;
      s = unwrap(deleteCard(s, participant(ANN), 'card-0001', T0 + 1)).session;
      const retry = unwrap(addCard(s, participant(ANN), addCmd(s, { id: 'card-0001', text: 'Kaart card-0001' }), T0 + 2));
      expect(retry.session).toBe(s);
      expect(retry.value.deletedAt).toBe(T0 + 1);
    });

    it('is a conflict when another participant uses the id', () => {
      const s = withCard(collecting(), participant(ANN), { id: 'card-0001' }).session;
      expectFail(addCard(s, participant(BOB), addCmd(s, { id: 'card-0001' }), T0), 'conflict');
    });

    it('is a conflict when the facilitator reuses the id with another author', () => {
      const s = withCard(collecting(), FACILITATOR, { id: 'card-0001', attribution: { kind: 'room' } }).session;
      expectFail(addCard(s, FACILITATOR, addCmd(s, { id: 'card-0001' }), T0), 'conflict');
      expect(unwrap(addCard(s, FACILITATOR, addCmd(s, { id: 'card-0001', text: 'Kaart card-0001', attribution: { kind: 'room' } }), T0)).session).toBe(s);
    });
  });

  it('refuses an unknown column', () => {
    const s = collecting();
    expectFail(addCard(s, participant(ANN), addCmd(s, { id: 'card-0001', columnId: 'no-such-column' }), T0), 'not_found');
  });

  it('refuses a domain the session does not have, and accepts no domain', () => {
    const s = collecting();
    expectFail(addCard(s, participant(ANN), addCmd(s, { id: 'card-0001', domain: 'Wlz' }), T0), 'not_found');
    expect(unwrap(addCard(s, participant(ANN), addCmd(s, { id: 'card-0001', domain: null }), T0)).value.domain).toBeNull();
  });

  it(`caps a participant at ${MAX_CARDS_PER_PARTICIPANT} cards, deleted ones included; not the facilitator`, () => {
    let s = collecting();
    for (let i = 0; i < MAX_CARDS_PER_PARTICIPANT; i++) s = unwrap(addCard(s, participant(ANN), addCmd(s, { id: `card-${String(i).padStart(4, '0')}` }), T0)).session;
    s = unwrap(deleteCard(s, participant(ANN), 'card-0000', T0)).session;
    expect(addCard(s, participant(ANN), addCmd(s, { id: 'card-extra' }), T0)).toMatchObject({ ok: false, error: 'too_large', message: expect.stringContaining(`${MAX_CARDS_PER_PARTICIPANT} cards`) });
    // A retry of a stored card is still answered; Bob and the scribe are not affected.
    expect(addCard(s, participant(ANN), addCmd(s, { id: 'card-0001' }), T0)).toMatchObject({ ok: true });
    expect(addCard(s, participant(BOB), addCmd(s, { id: 'card-bob' }), T0)).toMatchObject({ ok: true });
    const attributed = addCmd(s, { id: 'card-scribe', attribution: { kind: 'participant', participantId: ANN } });
    expect(addCard(s, FACILITATOR, attributed, T0)).toMatchObject({ ok: true });
  });

  describe('anonymous cards', () => {
    it('are allowed for participants when the session allows them', () => {
      const s = collecting();
      expect(unwrap(addCard(s, participant(ANN), addCmd(s, { id: 'card-0001', anonymous: true }), T0)).value.anonymous).toBe(true);
    });

    it('are forbidden for participants when the session does not allow them', () => {
      const s = { ...collecting(), settings: { ...collecting().settings, allowAnonymousCards: false } };
      expectFail(addCard(s, participant(ANN), addCmd(s, { id: 'card-0001', anonymous: true }), T0), 'forbidden');
      expect(unwrap(addCard(s, participant(ANN), addCmd(s, { id: 'card-0001' }), T0)).value.anonymous).toBe(false);
    });

    it('still keep the real author on the stored card (only views hide it)', () => {
      const s = collecting();
      const card = unwrap(addCard(s, participant(ANN), addCmd(s, { id: 'card-0001', anonymous: true }), T0)).value;
      expect(card.author).toEqual({ kind: 'participant', participantId: ANN });
    });
  });

  describe('attribution', () => {
    it.each([{ kind: 'room' }, { kind: 'facilitator' }, { kind: 'participant', participantId: BOB }])(
      'a participant may not attribute a card (%o)',
      (attribution) => {
        const s = collecting();
        expectFail(addCard(s, participant(ANN), addCmd(s, { id: 'card-0001', attribution }), T0), 'forbidden');
        expect(s.cards).toEqual({});
      },
    );

    it('the facilitator posts as facilitator by default', () => {
      const s = collecting();
      expect(unwrap(addCard(s, FACILITATOR, addCmd(s, { id: 'card-0001' }), T0)).value.author).toEqual({ kind: 'facilitator' });
    });

    it('the facilitator may attribute a card to the room or to a participant', () => {
      const s = collecting();
      expect(unwrap(addCard(s, FACILITATOR, addCmd(s, { id: 'card-0001', attribution: { kind: 'room' } }), T0)).value.author).toEqual({
        kind: 'room',
      });
      const attributed = unwrap(
        addCard(s, FACILITATOR, addCmd(s, { id: 'card-0002', attribution: { kind: 'participant', participantId: BOB } }), T0),
      );
      expect(attributed.value.author).toEqual({ kind: 'participant', participantId: BOB });
    });

    it('the facilitator cannot attribute a card to somebody who is not in the session', () => {
      const s = collecting();
      const cmd = addCmd(s, { id: 'card-0001', attribution: { kind: 'participant', participantId: CAT } });
      expectFail(addCard(s, FACILITATOR, cmd, T0), 'not_found');
    });
  });
});

describe('editCard', () => {
  const start = () => withCard(collecting(), participant(ANN), { id: 'card-0001', text: 'oud', domain: 'Wmo' }).session;

  it('changes text, column and domain of the author’s card', () => {
    const s = frozen(start());
    const change = unwrap(
      editCard(s, participant(ANN), editCmd(s, { id: 'card-0001', text: 'nieuw', columnId: columnId(s, 1), domain: 'Jeugdwet' }), T0 + 5),
    );
    expect(change.value).toMatchObject({ text: 'nieuw', columnId: columnId(s, 1), domain: 'Jeugdwet', updatedAt: T0 + 5, createdAt: T0 });
    expect(change.session.cards['card-0001']).toEqual(change.value);
    expect(s.cards['card-0001']?.text).toBe('oud');
  });

  it('leaves out fields alone, and clears the domain with null', () => {
    const s = start();
    const onlyText = unwrap(editCard(s, participant(ANN), editCmd(s, { id: 'card-0001', text: 'nieuw' }), T0)).value;
    expect(onlyText).toMatchObject({ text: 'nieuw', columnId: columnId(s), domain: 'Wmo' });
    const cleared = unwrap(editCard(s, participant(ANN), editCmd(s, { id: 'card-0001', domain: null }), T0)).value;
    expect(cleared).toMatchObject({ text: 'oud', domain: null });
  });

  it('refuses an unknown column or domain', () => {
    const s = start();
    expectFail(editCard(s, participant(ANN), editCmd(s, { id: 'card-0001', columnId: 'no-such-column' }), T0), 'not_found');
    expectFail(editCard(s, participant(ANN), editCmd(s, { id: 'card-0001', domain: 'GZSP' }), T0), 'not_found');
  });

  it('forbids editing someone else’s card', () => {
    const s = start();
    expectFail(editCard(s, participant(BOB), editCmd(s, { id: 'card-0001', text: 'gekaapt' }), T0), 'forbidden');
  });

  it('lets the facilitator edit anyone’s card', () => {
    const s = start();
    expect(unwrap(editCard(s, FACILITATOR, editCmd(s, { id: 'card-0001', text: 'door de notulist' }), T0)).value.text).toBe('door de notulist');
  });

  it('does not find deleted, merged or unknown cards', () => {
    let s = withCard(start(), participant(ANN), { id: 'card-0002' }).session;
    s = withCard(s, participant(ANN), { id: 'card-0003' }).session;
    s = unwrap(deleteCard(s, participant(ANN), 'card-0002', T0)).session;
    s = unwrap(mergeCards(s, FACILITATOR, mergeCmd(s, { targetId: 'card-0001', sourceIds: ['card-0003'] }), T0)).session;
    for (const id of ['card-0002', 'card-0003', 'card-9999']) {
      expectFail(editCard(s, FACILITATOR, editCmd(s, { id, text: 'x' }), T0), 'not_found');
    }
  });
});

describe('deleteCard and restoreCard', () => {
  it('soft-deletes: the card is kept with deletedAt and leaves every view', () => {
    const s = boardWithCards();
    const change = unwrap(deleteCard(frozen(s), participant(ANN), 'card-ann-1', T0 + 7));
    expect(change.value).toMatchObject({ id: 'card-ann-1', deletedAt: T0 + 7, updatedAt: T0 + 7 });
    expect(change.session.cards['card-ann-1']?.deletedAt).toBe(T0 + 7);
    expect(snapshotFor(change.session, { role: 'facilitator' }, T0).cards.map((c) => c.id)).toEqual(['card-bob-1']);
  });

  it('deleting twice succeeds without another change', () => {
    const once = unwrap(deleteCard(boardWithCards(), participant(ANN), 'card-ann-1', T0 + 7)).session;
    const twice = unwrap(deleteCard(once, participant(ANN), 'card-ann-1', T0 + 8));
    expect(twice.session).toBe(once);
    expect(twice.value.deletedAt).toBe(T0 + 7);
  });

  it('restores a deleted card; restoring a live card changes nothing', () => {
    const deleted = unwrap(deleteCard(boardWithCards(), participant(ANN), 'card-ann-1', T0 + 7)).session;
    const restored = unwrap(restoreCard(deleted, participant(ANN), 'card-ann-1', T0 + 9));
    expect(restored.value).toMatchObject({ deletedAt: null, updatedAt: T0 + 9 });
    expect(snapshotFor(restored.session, { role: 'facilitator' }, T0).cards.map((c) => c.id).sort()).toEqual(['card-ann-1', 'card-bob-1']);
    const again = unwrap(restoreCard(restored.session, participant(ANN), 'card-ann-1', T0 + 10));
    expect(again.session).toBe(restored.session);
  });

  it('does not find unknown cards', () => {
    expectFail(deleteCard(boardWithCards(), FACILITATOR, 'card-9999', T0), 'not_found');
    expectFail(restoreCard(boardWithCards(), FACILITATOR, 'card-9999', T0), 'not_found');
  });

  it('forbids deleting or restoring someone else’s card', () => {
    const s = boardWithCards();
    expectFail(deleteCard(s, participant(BOB), 'card-ann-1', T0), 'forbidden');
    const deleted = unwrap(deleteCard(s, participant(ANN), 'card-ann-1', T0)).session;
    // Once deleted the card is not there for bob: the same answer as an unknown id.
    expectFail(restoreCard(deleted, participant(BOB), 'card-ann-1', T0), 'not_found');
  });

  it('a merged card cannot be restored', () => {
    const s = boardWithCards();
    const merged = unwrap(mergeCards(s, FACILITATOR, mergeCmd(s, { targetId: 'card-bob-1', sourceIds: ['card-ann-1'] }), T0)).session;
    expectFail(restoreCard(merged, FACILITATOR, 'card-ann-1', T0), 'not_found');
  });

  it('a card whose column was removed while it was deleted cannot come back into nowhere', () => {
    let s = withCard(boardWithCards(), participant(ANN), { id: 'card-ann-2', columnId: columnId(boardWithCards(), 1) }).session;
    s = unwrap(deleteCard(s, participant(ANN), 'card-ann-2', T0)).session;
    const firstColumnOnly = [s.columns[0]!];
    s = unwrap(updateSession(s, { sessionId: s.id, columns: firstColumnOnly }, T0)).session;
    expectFail(restoreCard(s, participant(ANN), 'card-ann-2', T0), 'conflict');
    expect(s.cards['card-ann-2']?.deletedAt).not.toBeNull();
  });

  it('a card whose domain was removed while it was deleted cannot come back', () => {
    let s = withCard(boardWithCards(), participant(ANN), { id: 'card-ann-2', domain: 'Jeugdwet' }).session;
    s = unwrap(deleteCard(s, participant(ANN), 'card-ann-2', T0)).session;
    s = unwrap(updateSession(s, { sessionId: s.id, domains: ['Wmo'] }, T0)).session;
    expectFail(restoreCard(s, participant(ANN), 'card-ann-2', T0), 'conflict');
  });
});

describe('mergeCards', () => {
  /** Voting board: ann, bob and cat voted on the cards that will be merged. */
  function votingBoard(): Session {
    let s = boardWithCards({ settings: { votesPerParticipant: 5, maxVotesPerCard: 2 } });
    s = withParticipant(s, CAT, 'Cat Bakker');
    s = withCard(s, FACILITATOR, { id: 'card-room-1', attribution: { kind: 'room' } }).session;
    s = inPhase(s, 'voting');
    const votes: [string, string, string][] = [
      ['vote-ann-01', ANN, 'card-ann-1'],
      ['vote-ann-02', ANN, 'card-ann-1'],
      ['vote-ann-03', ANN, 'card-bob-1'],
      ['vote-ann-04', ANN, 'card-bob-1'],
      ['vote-bob-01', BOB, 'card-room-1'],
      ['vote-cat-01', CAT, 'card-bob-1'],
    ];
    for (const [id, voter, card] of votes) s = unwrap(castVote(s, participant(voter), id, card, T0)).session;
    s = unwrap(setHandVotes(s, FACILITATOR, 'card-ann-1', 4, T0)).session;
    s = unwrap(setHandVotes(s, FACILITATOR, 'card-bob-1', 3, T0)).session;
    return unwrap(setHandVotes(s, FACILITATOR, 'card-room-1', 1, T0)).session;
  }

  it('moves the sources’ votes to the target and adds up hand-counted votes', () => {
    const s = frozen(votingBoard());
    const change = unwrap(mergeCards(s, FACILITATOR, mergeCmd(s, { targetId: 'card-room-1', sourceIds: ['card-ann-1', 'card-bob-1'] }), T0 + 3));
    const next = change.session;
    expect(change.value).toMatchObject({ id: 'card-room-1', handVotes: 4 + 3 + 1, updatedAt: T0 + 3 });
    expect(Object.values(next.votes).every((v) => v.cardId === 'card-room-1')).toBe(true);
    expect(Object.keys(next.votes)).toHaveLength(6);
    const totals = snapshotFor(next, { role: 'facilitator' }, T0).votes;
    expect(totals).toEqual([{ cardId: 'card-room-1', total: 6 + 8 }]);
  });

  it('keeps a participant’s votes even beyond the per-card maximum, and counts them once', () => {
    const s = votingBoard();
    const next = unwrap(mergeCards(s, FACILITATOR, mergeCmd(s, { targetId: 'card-room-1', sourceIds: ['card-ann-1', 'card-bob-1'] }), T0)).session;
    expect(votesUsed(next, ANN)).toHaveLength(4);
    expect(votesUsed(next, ANN).every((v) => v.cardId === 'card-room-1')).toBe(true);
    // Four on one card with a maximum of two: the next one is refused, not the existing ones dropped.
    expectFail(castVote(next, participant(ANN), 'vote-ann-05', 'card-room-1', T0), 'card_vote_limit');
  });

  it('marks the sources as merged so they disappear from every view', () => {
    const s = votingBoard();
    const next = unwrap(mergeCards(s, FACILITATOR, mergeCmd(s, { targetId: 'card-room-1', sourceIds: ['card-ann-1'] }), T0)).session;
    expect(next.cards['card-ann-1']).toMatchObject({ mergedInto: 'card-room-1', deletedAt: null });
    for (const viewer of [{ role: 'facilitator' }, { role: 'projection' }, { role: 'participant', participantId: ANN }] as const) {
      expect(snapshotFor(next, viewer, T0).cards.map((c) => c.id).sort()).toEqual(['card-bob-1', 'card-room-1']);
    }
    expect(next.cards['card-room-1']?.text).toBe(s.cards['card-room-1']?.text);
  });

  it('takes the new text when given', () => {
    const s = votingBoard();
    const merged = unwrap(mergeCards(s, FACILITATOR, mergeCmd(s, { targetId: 'card-room-1', sourceIds: ['card-ann-1'], text: 'Samengevoegd' }), T0));
    expect(merged.value.text).toBe('Samengevoegd');
  });

  it('counts a source named twice only once', () => {
    const s = votingBoard();
    const merged = unwrap(mergeCards(s, FACILITATOR, mergeCmd(s, { targetId: 'card-room-1', sourceIds: ['card-ann-1', 'card-ann-1'] }), T0));
    expect(merged.value.handVotes).toBe(1 + 4);
  });

  it('refuses to merge a card into itself', () => {
    const s = votingBoard();
    expectFail(mergeCards(s, FACILITATOR, mergeCmd(s, { targetId: 'card-ann-1', sourceIds: ['card-ann-1'] }), T0), 'conflict');
    expectFail(mergeCards(s, FACILITATOR, mergeCmd(s, { targetId: 'card-ann-1', sourceIds: ['card-bob-1', 'card-ann-1'] }), T0), 'conflict');
  });

  it('refuses unknown, deleted or already merged cards as target or source', () => {
    let s = votingBoard();
    s = unwrap(deleteCard(s, FACILITATOR, 'card-bob-1', T0)).session;
    expectFail(mergeCards(s, FACILITATOR, mergeCmd(s, { targetId: 'card-room-1', sourceIds: ['card-bob-1'] }), T0), 'not_found');
    expectFail(mergeCards(s, FACILITATOR, mergeCmd(s, { targetId: 'card-bob-1', sourceIds: ['card-room-1'] }), T0), 'not_found');
    expectFail(mergeCards(s, FACILITATOR, mergeCmd(s, { targetId: 'card-room-1', sourceIds: ['card-9999'] }), T0), 'not_found');
    s = unwrap(mergeCards(s, FACILITATOR, mergeCmd(s, { targetId: 'card-room-1', sourceIds: ['card-ann-1'] }), T0)).session;
    expectFail(mergeCards(s, FACILITATOR, mergeCmd(s, { targetId: 'card-room-1', sourceIds: ['card-ann-1'] }), T0), 'not_found');
    expectFail(mergeCards(s, FACILITATOR, mergeCmd(s, { targetId: 'card-ann-1', sourceIds: ['card-room-1'] }), T0), 'not_found');
  });

  it('does not leave a partly merged state when one source is missing', () => {
    const s = frozen(votingBoard());
    expectFail(mergeCards(s, FACILITATOR, mergeCmd(s, { targetId: 'card-room-1', sourceIds: ['card-ann-1', 'card-9999'] }), T0), 'not_found');
    expect(s.cards['card-ann-1']?.mergedInto).toBeNull();
  });

  it('refuses hand-counted votes beyond what a stored card can hold', () => {
    let s = votingBoard();
    s = unwrap(setHandVotes(s, FACILITATOR, 'card-ann-1', LIMITS.handVotes, T0)).session;
    expectFail(mergeCards(s, FACILITATOR, mergeCmd(s, { targetId: 'card-room-1', sourceIds: ['card-ann-1'] }), T0), 'too_large');
    s = unwrap(setHandVotes(s, FACILITATOR, 'card-room-1', 0, T0)).session;
    const merged = unwrap(mergeCards(s, FACILITATOR, mergeCmd(s, { targetId: 'card-room-1', sourceIds: ['card-ann-1'] }), T0));
    expect(merged.value.handVotes).toBe(LIMITS.handVotes);
    expect(SessionSchema.safeParse(merged.session).success).toBe(true);
  });
});

describe('setHandVotes', () => {
  it('sets the hand-counted votes of a live card', () => {
    const s = frozen(boardWithCards());
    const change = unwrap(setHandVotes(s, FACILITATOR, 'card-ann-1', 7, T0 + 4));
    expect(change.value).toMatchObject({ handVotes: 7, updatedAt: T0 + 4 });
    expect(change.session.cards['card-ann-1']?.handVotes).toBe(7);
    expect(unwrap(setHandVotes(change.session, FACILITATOR, 'card-ann-1', 0, T0)).value.handVotes).toBe(0);
  });

  it('does not find a deleted card', () => {
    const s = unwrap(deleteCard(boardWithCards(), FACILITATOR, 'card-ann-1', T0)).session;
    expectFail(setHandVotes(s, FACILITATOR, 'card-ann-1', 2, T0), 'not_found');
  });
});

describe('every change keeps a session that can be stored and loaded again', () => {
  it('after adding, editing, voting, merging, deleting and restoring', () => {
    let s = boardWithCards();
    s = withCard(s, FACILITATOR, { id: 'card-room-1', attribution: { kind: 'room' }, anonymous: true }).session;
    s = unwrap(editCard(s, participant(ANN), editCmd(s, { id: 'card-ann-1', domain: 'Wmo' }), T0)).session;
    s = inPhase(s, 'voting');
    s = unwrap(castVote(s, participant(BOB), 'vote-bob-01', 'card-ann-1', T0)).session;
    s = unwrap(setHandVotes(s, FACILITATOR, 'card-bob-1', 12, T0)).session;
    s = unwrap(mergeCards(s, FACILITATOR, mergeCmd(s, { targetId: 'card-bob-1', sourceIds: ['card-ann-1'] }), T0)).session;
    s = unwrap(deleteCard(s, FACILITATOR, 'card-room-1', T0)).session;
    s = unwrap(restoreCard(s, FACILITATOR, 'card-room-1', T0)).session;
    const parsed = SessionSchema.safeParse(s);
    expect(parsed.error?.issues).toBeUndefined();
    expect(parsed.data).toEqual(s);
  });
});
