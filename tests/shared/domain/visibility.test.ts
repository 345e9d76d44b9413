import { describe, expect, it } from 'vitest';
import { deleteCard, mergeCards, setHandVotes } from '../../../shared/domain/cards.ts';
import { addParticipant } from '../../../shared/domain/participants.ts';
import { setPhase } from '../../../shared/domain/phases.ts';
import { setRevealed } from '../../../shared/domain/session-settings.ts';
import {
  cardsHidden,
  cardVisibleTo,
  sessionMeta,
  snapshotFor,
  totalsVisibleTo,
  votersVisibleTo,
} from '../../../shared/domain/visibility.ts';
import { castVote } from '../../../shared/domain/votes.ts';
import type { SessionSnapshot, Viewer } from '../../../shared/protocol/views.ts';
import { PHASES, type Session, type Settings } from '../../../shared/schemas/session.ts';
import {
  ANN,
  BOB,
  boardWithCards,
  CAT,
  FACILITATOR,
  inPhase,
  makeSession,
  participant,
  T0,
  unwrap,
  withCard,
  withParticipant,
} from '../fixtures.ts';

const FAC: Viewer = { role: 'facilitator' };
const PROJ: Viewer = { role: 'projection' };
const asViewer = (id: string): Viewer => ({ role: 'participant', participantId: id });
const ids = (snapshot: SessionSnapshot) => snapshot.cards.map((c) => c.id).sort();

/** Collecting, cards by ann, bob, the facilitator and the room. */
function hiddenBoard(): Session {
  let s = boardWithCards({ settings: { hideUntilReveal: true } });
  s = withParticipant(s, CAT, 'Cat Bakker');
  s = withCard(s, FACILITATOR, { id: 'card-fac-1' }).session;
  return withCard(s, FACILITATOR, { id: 'card-room-1', attribution: { kind: 'room' } }).session;
}
const ALL = ['card-ann-1', 'card-bob-1', 'card-fac-1', 'card-room-1'];

describe('hidden until reveal', () => {
  it('a participant sees only their own cards while cards are hidden', () => {
    const s = hiddenBoard();
    expect(cardsHidden(s)).toBe(true);
    expect(ids(snapshotFor(s, asViewer(ANN), T0))).toEqual(['card-ann-1']);
    expect(ids(snapshotFor(s, asViewer(BOB), T0))).toEqual(['card-bob-1']);
    expect(ids(snapshotFor(s, asViewer(CAT), T0))).toEqual([]);
  });

  it('nothing hidden leaks through the JSON of another participant’s view', () => {
    const s = hiddenBoard();
    const json = JSON.stringify(snapshotFor(s, asViewer(CAT), T0));
    for (const id of ALL) expect(json).not.toContain(id);
    expect(json).not.toContain('Kaart');
  });

  it('the projection gets no hidden cards at all', () => {
    const snapshot = snapshotFor(hiddenBoard(), PROJ, T0);
    expect(snapshot.cards).toEqual([]);
    expect(snapshot.votes).toEqual([]);
    const json = JSON.stringify(snapshot);
    for (const id of ALL) expect(json).not.toContain(id);
  });

  it('the facilitator sees every card', () => {
    expect(ids(snapshotFor(hiddenBoard(), FAC, T0))).toEqual(ALL);
  });

  it('after reveal everyone sees every card', () => {
    const s = setRevealed(hiddenBoard(), true, T0).session;
    expect(cardsHidden(s)).toBe(false);
    for (const viewer of [FAC, PROJ, asViewer(ANN), asViewer(BOB), asViewer(CAT)]) expect(ids(snapshotFor(s, viewer, T0))).toEqual(ALL);
  });

  it('entering voting reveals the cards to everyone', () => {
    const s = unwrap(setPhase(hiddenBoard(), 'voting', T0)).session;
    for (const viewer of [PROJ, asViewer(CAT)]) expect(ids(snapshotFor(s, viewer, T0))).toEqual(ALL);
  });

  it('hiding again takes them away again', () => {
    const s = setRevealed(setRevealed(hiddenBoard(), true, T0).session, false, T0).session;
    expect(ids(snapshotFor(s, asViewer(CAT), T0))).toEqual([]);
    expect(ids(snapshotFor(s, PROJ, T0))).toEqual([]);
  });

  it('nothing is hidden when hideUntilReveal is off, even unrevealed', () => {
    const s = boardWithCards();
    expect(s.revealed).toBe(false);
    expect(ids(snapshotFor(s, PROJ, T0))).toEqual(['card-ann-1', 'card-bob-1']);
  });

  it('myCardIds lists the viewer’s own cards only', () => {
    const s = hiddenBoard();
    expect(snapshotFor(s, asViewer(ANN), T0).myCardIds).toEqual(['card-ann-1']);
    expect(snapshotFor(setRevealed(s, true, T0).session, asViewer(ANN), T0).myCardIds).toEqual(['card-ann-1']);
    expect(snapshotFor(s, FAC, T0).myCardIds).toEqual([]);
  });
});

describe('cardVisibleTo', () => {
  it('deleted and merged cards are visible to nobody', () => {
    let s = withCard(boardWithCards(), participant(ANN), { id: 'card-ann-2' }).session;
    s = unwrap(deleteCard(s, participant(ANN), 'card-ann-1', T0)).session;
    s = unwrap(mergeCards(s, FACILITATOR, { sessionId: s.id, targetId: 'card-bob-1', sourceIds: ['card-ann-2'] }, T0)).session;
    for (const viewer of [FAC, PROJ, asViewer(ANN)]) {
      expect(cardVisibleTo(s, s.cards['card-ann-1']!, viewer)).toBe(false);
      expect(cardVisibleTo(s, s.cards['card-ann-2']!, viewer)).toBe(false);
      expect(cardVisibleTo(s, s.cards['card-bob-1']!, viewer)).toBe(true);
    }
  });
});

describe('anonymous cards never name their author', () => {
  /** Ann's only card is anonymous; votes are named, so voter names would show if ann voted (she does not). */
  function board(settings: Partial<Settings> = {}): Session {
    let s = makeSession({ phase: 'collecting', settings: { anonymousVotes: false, ...settings } });
    s = withParticipant(s, ANN, 'Ann Jansen');
    s = withParticipant(s, BOB, 'Bob de Vries');
    s = withCard(s, participant(ANN), { id: 'card-anon-1', anonymous: true }).session;
    s = withCard(s, FACILITATOR, { id: 'card-anon-2', anonymous: true, attribution: { kind: 'participant', participantId: ANN } }).session;
    s = unwrap(setPhase(s, 'voting', T0)).session;
    s = unwrap(castVote(s, participant(BOB), 'vote-bob-01', 'card-anon-1', T0)).session;
    return unwrap(setPhase(s, 'synthesis', T0)).session;
  }

  it('the cards show an anonymous author in every view, the author’s own included', () => {
    const s = board();
    for (const viewer of [FAC, PROJ, asViewer(BOB), asViewer(ANN)]) {
      const cards = snapshotFor(s, viewer, T0).cards;
      expect(cards).toHaveLength(2);
      for (const card of cards) expect(card.author).toEqual({ kind: 'anonymous' });
    }
  });

  it.each([
    ['collecting, hidden until reveal', { hideUntilReveal: true }],
    ['synthesis', {}],
  ] as const)('no view contains the author’s id or name (%s)', (_label, settings) => {
    let s = board();
    if ('hideUntilReveal' in settings) s = setRevealed({ ...inPhase(s, 'collecting'), settings: { ...s.settings, ...settings } }, false, T0).session;
    // The facilitator's participant list names everyone by design; the cards and votes must not.
    const facilitator = snapshotFor(s, FAC, T0);
    expect(facilitator.cards.length).toBeGreaterThan(0);
    const { participants: _roster, ...facilitatorRest } = facilitator;
    for (const json of [JSON.stringify(facilitatorRest), JSON.stringify(snapshotFor(s, PROJ, T0)), JSON.stringify(snapshotFor(s, asViewer(BOB), T0))]) {
      expect(json).not.toContain(ANN);
      expect(json).not.toContain('Ann Jansen');
    }
  });

  it('the author still finds the card among their own', () => {
    const snapshot = snapshotFor(board(), asViewer(ANN), T0);
    expect(snapshot.myCardIds.sort()).toEqual(['card-anon-1', 'card-anon-2']);
  });

  it('a named card does show its author (so the check above can fail)', () => {
    const s = withCard(board(), FACILITATOR, { id: 'card-named-1', attribution: { kind: 'participant', participantId: ANN } }).session;
    const card = snapshotFor(s, PROJ, T0).cards.find((c) => c.id === 'card-named-1');
    expect(card?.author).toEqual({ kind: 'participant', participantId: ANN, name: 'Ann Jansen' });
  });
});

describe('votes in the views', () => {
  /** Room cards only, so no author names; ann and bob vote, cat does not. */
  function voted(settings: Partial<Settings>, phase: 'voting' | 'synthesis'): Session {
    let s = makeSession({ phase: 'collecting', settings });
    s = withParticipant(s, ANN, 'Ann Jansen');
    s = withParticipant(s, BOB, 'Bob de Vries');
    s = withParticipant(s, CAT, 'Cat Bakker');
    s = withCard(s, FACILITATOR, { id: 'card-room-1', attribution: { kind: 'room' } }).session;
    s = withCard(s, FACILITATOR, { id: 'card-room-2', attribution: { kind: 'room' } }).session;
    s = unwrap(setPhase(s, 'voting', T0)).session;
    s = unwrap(castVote(s, participant(BOB), 'vote-bob-01', 'card-room-1', T0)).session;
    s = unwrap(castVote(s, participant(ANN), 'vote-ann-01', 'card-room-1', T0)).session;
    s = unwrap(castVote(s, participant(ANN), 'vote-ann-02', 'card-room-2', T0)).session;
    s = unwrap(setHandVotes(s, FACILITATOR, 'card-room-2', 10, T0)).session;
    return phase === 'voting' ? s : unwrap(setPhase(s, 'synthesis', T0)).session;
  }
  const byCard = (snapshot: SessionSnapshot) => Object.fromEntries((snapshot.votes ?? []).map((v) => [v.cardId, v]));

  describe('anonymous votes', () => {
    const s = voted({ anonymousVotes: true }, 'synthesis');

    it('totals include digital and hand-counted votes', () => {
      expect(byCard(snapshotFor(s, FAC, T0))).toEqual({
        'card-room-1': { cardId: 'card-room-1', total: 2 },
        'card-room-2': { cardId: 'card-room-2', total: 11 },
      });
    });

    it('no view names a voter', () => {
      const { participants: _roster, ...facilitator } = snapshotFor(s, FAC, T0);
      const views = [facilitator, snapshotFor(s, PROJ, T0), snapshotFor(s, asViewer(CAT), T0)];
      for (const view of views) {
        expect(view.votes?.length).toBe(2);
        for (const v of view.votes ?? []) expect(v.voters).toBeUndefined();
        const json = JSON.stringify(view);
        for (const secret of [ANN, BOB, 'Ann Jansen', 'Bob de Vries']) expect(json).not.toContain(secret);
      }
      // A voter's own view has her own votes, but nobody's name on the totals.
      const own = snapshotFor(s, asViewer(ANN), T0);
      expect(JSON.stringify(own.votes)).not.toMatch(/Bob|Ann/);
      expect(own.myVotes.sort((a, b) => a.id.localeCompare(b.id))).toEqual([
        { id: 'vote-ann-01', cardId: 'card-room-1' },
        { id: 'vote-ann-02', cardId: 'card-room-2' },
      ]);
    });

    it('votersVisibleTo is false for everyone', () => {
      for (const viewer of [FAC, PROJ, asViewer(ANN)]) expect(votersVisibleTo(s, viewer)).toBe(false);
    });
  });

  describe('named votes', () => {
    const s = voted({ anonymousVotes: false }, 'synthesis');

    it('show voter names, sorted, to the facilitator and to participants', () => {
      for (const viewer of [FAC, asViewer(CAT), asViewer(ANN)]) {
        expect(byCard(snapshotFor(s, viewer, T0))['card-room-1']).toEqual({ cardId: 'card-room-1', total: 2, voters: ['Ann Jansen', 'Bob de Vries'] });
        expect(byCard(snapshotFor(s, viewer, T0))['card-room-2']).toEqual({ cardId: 'card-room-2', total: 11, voters: ['Ann Jansen'] });
      }
    });

    it('never show names on the projection', () => {
      const projection = snapshotFor(s, PROJ, T0);
      expect(byCard(projection)['card-room-1']).toEqual({ cardId: 'card-room-1', total: 2 });
      const json = JSON.stringify(projection);
      for (const secret of [ANN, BOB, 'Ann Jansen', 'Bob de Vries']) expect(json).not.toContain(secret);
    });
  });

  describe('totals while voting', () => {
    it('are hidden from participants and the projection, not from the facilitator, by default', () => {
      const s = voted({ showTotalsWhileVoting: false, anonymousVotes: false }, 'voting');
      expect(snapshotFor(s, asViewer(CAT), T0).votes).toBeNull();
      expect(snapshotFor(s, asViewer(ANN), T0).votes).toBeNull();
      expect(snapshotFor(s, PROJ, T0).votes).toBeNull();
      expect(byCard(snapshotFor(s, FAC, T0))['card-room-1']?.total).toBe(2);
      // Hidden totals must not leak as names either; the voter still sees her own votes.
      expect(JSON.stringify(snapshotFor(s, asViewer(CAT), T0))).not.toContain('Bob de Vries');
      expect(snapshotFor(s, asViewer(ANN), T0).myVotes).toHaveLength(2);
    });

    it('are shown to everyone with showTotalsWhileVoting', () => {
      const s = voted({ showTotalsWhileVoting: true }, 'voting');
      for (const viewer of [FAC, PROJ, asViewer(CAT)]) expect(byCard(snapshotFor(s, viewer, T0))['card-room-1']?.total).toBe(2);
    });

    const cases = PHASES.flatMap((phase) =>
      [false, true].flatMap((showTotalsWhileVoting) =>
        [FAC, PROJ, asViewer(ANN)].map((viewer) => ({
          phase,
          showTotalsWhileVoting,
          role: viewer.role,
          viewer,
          expected: viewer.role === 'facilitator' || phase !== 'voting' || showTotalsWhileVoting,
        })),
      ),
    );
    it.each(cases)('totalsVisibleTo $role in $phase (showTotalsWhileVoting: $showTotalsWhileVoting) is $expected', ({ phase, showTotalsWhileVoting, viewer, expected }) => {
      const s = makeSession({ phase, settings: { showTotalsWhileVoting } });
      expect(totalsVisibleTo(s, viewer)).toBe(expected);
      expect(snapshotFor(s, viewer, T0).votes === null).toBe(!expected);
    });
  });

  it('votes on deleted cards are not in anyone’s totals or own votes', () => {
    const s = unwrap(deleteCard(voted({ anonymousVotes: false }, 'synthesis'), FACILITATOR, 'card-room-1', T0)).session;
    expect(byCard(snapshotFor(s, FAC, T0))).toEqual({ 'card-room-2': { cardId: 'card-room-2', total: 11, voters: ['Ann Jansen'] } });
    expect(snapshotFor(s, asViewer(BOB), T0).myVotes).toEqual([]);
  });
});

describe('who is who in a snapshot', () => {
  const tokenHash = 'a'.repeat(64);
  const s = unwrap(
    addParticipant(boardWithCards(), { id: CAT, profile: { name: 'Cat Bakker', consent: true }, tokenHash, addedByFacilitator: false }, T0),
  ).session;

  it('no view ever contains a token hash', () => {
    for (const viewer of [FAC, PROJ, asViewer(CAT), asViewer(ANN)]) expect(JSON.stringify(snapshotFor(s, viewer, T0))).not.toContain(tokenHash);
  });

  it('only the facilitator gets the participant list; a participant gets themselves as `me`', () => {
    expect(snapshotFor(s, FAC, T0).participants?.map((p) => p.id).sort()).toEqual([CAT, ANN, BOB].sort());
    expect(snapshotFor(s, PROJ, T0).participants).toBeNull();
    expect(snapshotFor(s, asViewer(ANN), T0).participants).toBeNull();
    expect(snapshotFor(s, asViewer(CAT), T0).me).toEqual({ id: CAT, name: 'Cat Bakker', consent: true, addedByFacilitator: false, joinedAt: T0 });
    expect(snapshotFor(s, FAC, T0).me).toBeNull();
    expect(snapshotFor(s, PROJ, T0).me).toBeNull();
  });

  it('carries the viewer and the server clock', () => {
    const snapshot = snapshotFor(s, PROJ, T0 + 42);
    expect(snapshot.serverNow).toBe(T0 + 42);
    expect(snapshot.viewer).toEqual(PROJ);
    expect(snapshot.myVotes).toEqual([]);
  });
});

describe('sessionMeta', () => {
  it('counts participants, and live cards (hidden ones included) only for those who cannot see them all', () => {
    let s = withCard(boardWithCards({ settings: { hideUntilReveal: true } }), participant(ANN), { id: 'card-ann-2' }).session;
    s = unwrap(deleteCard(s, participant(ANN), 'card-ann-2', T0)).session;
    const meta = sessionMeta(s);
    expect(meta).toMatchObject({ participantCount: 2, phase: 'collecting', joinCode: s.joinCode, id: s.id });
    expect(snapshotFor(s, participant(ANN) as Viewer, T0).cardCount).toBe(2);
    expect(snapshotFor(s, { role: 'projection' }, T0).cardCount).toBe(2);
    expect(snapshotFor(s, { role: 'facilitator' }, T0).cardCount).toBeNull();
    expect(snapshotFor({ ...s, revealed: true }, { role: 'projection' }, T0).cardCount).toBeNull();
    expect(meta).not.toHaveProperty('cards');
    expect(meta).not.toHaveProperty('participants');
  });
});
