import { describe, expect, it } from 'vitest';
import { deleteCard, editCard, mergeCards } from '../../../shared/domain/cards.ts';
import { setLocked, setRevealed, updateSession } from '../../../shared/domain/session-settings.ts';
import { SessionUpdateSchema, type SessionUpdate } from '../../../shared/schemas/commands.ts';
import { SessionSchema, type Session } from '../../../shared/schemas/session.ts';
import { ANN, boardWithCards, columnId, expectFail, FACILITATOR, frozen, makeSession, participant, T0, unwrap, withCard } from '../fixtures.ts';

const update = (s: Session, input: Omit<Record<string, unknown>, 'sessionId'>): SessionUpdate => SessionUpdateSchema.parse({ sessionId: s.id, ...input });

/** card-ann-1 in the first column with domain Wmo; card-bob-1 in the first column, no domain. */
function board(): Session {
  const s = boardWithCards();
  return unwrap(editCard(s, participant(ANN), { sessionId: s.id, id: 'card-ann-1', domain: 'Wmo' }, T0)).session;
}

describe('updateSession', () => {
  it('changes title, date and mode, and leaves the rest', () => {
    const s = frozen(board());
    const change = unwrap(updateSession(s, update(s, { title: 'Evaluatie Jeugdwet', date: '2026-01-15', mode: 'fysiek' }), T0 + 8));
    expect(change.session).toMatchObject({ title: 'Evaluatie Jeugdwet', date: '2026-01-15', mode: 'fysiek', updatedAt: T0 + 8 });
    expect(change.session.columns).toEqual(s.columns);
    expect(change.session.domains).toEqual(s.domains);
    expect(change.session.settings).toEqual(s.settings);
    expect(change.session.cards).toBe(s.cards);
    expect(change.value).toBe(change.session);
  });

  it('merges partial settings into the current ones', () => {
    const s = board();
    const next = unwrap(updateSession(s, update(s, { settings: { votesPerParticipant: 8, anonymousVotes: false } }), T0)).session;
    expect(next.settings).toEqual({ ...s.settings, votesPerParticipant: 8, anonymousVotes: false });
  });

  describe('columns', () => {
    it('may be renamed, reordered and added', () => {
      const s = board();
      const columns = [
        { id: columnId(s, 1), title: 'Wat kan beter?' },
        { id: columnId(s, 0), title: 'Wat ging er goed? (hernoemd)' },
        { id: 'column-new-1', title: 'Verder nog?' },
      ];
      expect(unwrap(updateSession(s, update(s, { columns }), T0)).session.columns).toEqual(columns);
    });

    it('may lose a column without live cards', () => {
      const s = board();
      const next = unwrap(updateSession(s, update(s, { columns: [s.columns[0]] }), T0)).session;
      expect(next.columns).toEqual([s.columns[0]]);
    });

    it('removing a column that live cards still use is a conflict', () => {
      const s = frozen(board());
      expectFail(updateSession(s, update(s, { columns: [s.columns[1]] }), T0), 'conflict');
    });

    it('a column whose cards were all deleted or merged away may go', () => {
      let s = board();
      s = withCard(s, FACILITATOR, { id: 'card-fac-1', columnId: columnId(s, 1) }).session;
      s = unwrap(deleteCard(s, FACILITATOR, 'card-ann-1', T0)).session;
      s = unwrap(mergeCards(s, FACILITATOR, { sessionId: s.id, targetId: 'card-fac-1', sourceIds: ['card-bob-1'] }, T0)).session;
      const next = unwrap(updateSession(s, update(s, { columns: [s.columns[1]] }), T0)).session;
      expect(next.columns.map((c) => c.id)).toEqual([columnId(s, 1)]);
    });

    it('duplicate column ids are refused', () => {
      const s = board();
      expectFail(updateSession(s, update(s, { columns: [s.columns[0], s.columns[0]] }), T0), 'invalid_payload');
    });
  });

  describe('domains', () => {
    it('removing a domain that live cards still use is a conflict', () => {
      const s = board();
      expectFail(updateSession(s, update(s, { domains: ['Jeugdwet'] }), T0), 'conflict');
    });

    it('a domain no live card uses may go, and duplicates collapse', () => {
      const s = board();
      const next = unwrap(updateSession(s, update(s, { domains: ['Wmo', 'Wlz', 'Wmo'] }), T0)).session;
      expect(next.domains).toEqual(['Wmo', 'Wlz']);
    });

    it('a domain only deleted cards use may go', () => {
      const s = unwrap(deleteCard(board(), FACILITATOR, 'card-ann-1', T0)).session;
      expect(unwrap(updateSession(s, update(s, { domains: ['Jeugdwet'] }), T0)).session.domains).toEqual(['Jeugdwet']);
    });
  });

  it('a refused update changes nothing at all, not even the other fields', () => {
    const s = frozen(board());
    const result = updateSession(s, update(s, { title: 'Nieuw', columns: [s.columns[1]] }), T0);
    expectFail(result, 'conflict');
    expect(s.title).toBe('Evaluatie Wmo 2025');
  });

  it('keeps a storable session', () => {
    const s = board();
    const next = unwrap(updateSession(s, update(s, { domains: ['Wmo', 'GZSP'], settings: { maxVotesPerCard: 1 } }), T0)).session;
    expect(SessionSchema.safeParse(next).success).toBe(true);
  });
});

describe('setRevealed and setLocked', () => {
  it('set their flag and the time, both ways', () => {
    const s = frozen(makeSession());
    const revealed = setRevealed(s, true, T0 + 1);
    expect(revealed.session).toMatchObject({ revealed: true, updatedAt: T0 + 1 });
    expect(revealed.value).toBe(revealed.session);
    expect(setRevealed(revealed.session, false, T0 + 2).session.revealed).toBe(false);
    const locked = setLocked(s, true, T0 + 3);
    expect(locked.session).toMatchObject({ locked: true, updatedAt: T0 + 3, revealed: false });
    expect(setLocked(locked.session, false, T0 + 4).session.locked).toBe(false);
  });
});
