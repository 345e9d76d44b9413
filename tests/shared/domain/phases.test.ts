import { describe, expect, it } from 'vitest';
import { PHASES, type Phase } from '../../../shared/schemas/session.ts';
import { canTransition, isClosed, isCollecting, isVoting, setPhase } from '../../../shared/domain/phases.ts';
import { expectFail, frozen, makeSession, T0, unwrap } from '../fixtures.ts';

// Written out by hand rather than derived, so the table checks the rule instead of restating it.
const ALLOWED: Record<Phase, Phase[]> = {
  preparation: ['collecting', 'closed'],
  collecting: ['preparation', 'voting', 'closed'],
  voting: ['collecting', 'synthesis', 'closed'],
  synthesis: ['voting', 'closed'],
  closed: ['synthesis'],
};
const REVEALING: Phase[] = ['voting', 'synthesis', 'closed'];

const pairs = PHASES.flatMap((from) => PHASES.map((to) => ({ from, to, allowed: ALLOWED[from].includes(to) })));

describe('canTransition', () => {
  it('covers all 25 pairs of phases', () => {
    expect(pairs).toHaveLength(25);
    expect(pairs.filter((p) => p.allowed)).toHaveLength(11);
  });

  it.each(pairs)('$from -> $to is allowed: $allowed', ({ from, to, allowed }) => {
    expect(canTransition(from, to)).toBe(allowed);
  });
});

describe('setPhase', () => {
  describe.each(pairs)('$from -> $to', ({ from, to, allowed }) => {
    if (allowed) {
      it.each([false, true])('moves the phase and stamps the time (revealed before: %s)', (revealedBefore) => {
        const session = frozen({ ...makeSession({ phase: from }), revealed: revealedBefore });
        const change = unwrap(setPhase(session, to, T0 + 5));
        expect(change.value).toBe(to);
        expect(change.session.phase).toBe(to);
        expect(change.session.updatedAt).toBe(T0 + 5);
        // Entering voting or later reveals hidden cards; going back never hides them again.
        expect(change.session.revealed).toBe(revealedBefore || REVEALING.includes(to));
      });
    } else {
      it('is refused as wrong_phase and changes nothing', () => {
        const session = frozen(makeSession({ phase: from }));
        const result = setPhase(session, to, T0 + 5);
        expectFail(result, 'wrong_phase');
        expect(session.phase).toBe(from);
      });
    }
  });

  it('reveals hidden cards on the way into voting', () => {
    const session = makeSession({ phase: 'collecting', settings: { hideUntilReveal: true } });
    expect(session.revealed).toBe(false);
    expect(unwrap(setPhase(session, 'voting', T0)).session.revealed).toBe(true);
  });

  it('does not reveal when moving from preparation into collecting', () => {
    const session = makeSession({ settings: { hideUntilReveal: true } });
    expect(unwrap(setPhase(session, 'collecting', T0)).session.revealed).toBe(false);
  });

  it('keeps the other session fields', () => {
    const session = makeSession({ phase: 'collecting' });
    const next = unwrap(setPhase(session, 'voting', T0 + 1)).session;
    expect({ ...next, phase: session.phase, revealed: session.revealed, updatedAt: session.updatedAt }).toEqual(session);
  });

  it('walks the whole workshop from preparation to closed and back to synthesis', () => {
    let session = makeSession();
    for (const to of ['collecting', 'voting', 'synthesis', 'closed', 'synthesis'] as const) {
      session = unwrap(setPhase(session, to, T0)).session;
      expect(session.phase).toBe(to);
    }
  });
});

describe('closing and reopening', () => {
  it.each(['preparation', 'collecting', 'voting'] as const)('a session closed from %s may reopen there, and to synthesis', (from) => {
    const closed = unwrap(setPhase(frozen({ ...makeSession({ phase: from }), revealed: false }), 'closed', T0)).session;
    expect(closed.closedFrom).toEqual({ phase: from, revealed: false });
    expect(canTransition('closed', from, from)).toBe(true);
    expect(canTransition('closed', 'synthesis', from)).toBe(true);
    const others = PHASES.filter((p) => p !== from && p !== 'synthesis' && p !== 'closed');
    for (const to of others) expectFail(setPhase(closed, to, T0), 'wrong_phase');
    const reopened = unwrap(setPhase(frozen(closed), from, T0 + 1)).session;
    expect(reopened.phase).toBe(from);
    expect(reopened.closedFrom).toBeUndefined();
    // Undoing a close from before voting hides again what was hidden then.
    expect(reopened.revealed).toBe(from === 'voting');
  });

  it('forgets where it was closed from once reopened to synthesis', () => {
    const closed = unwrap(setPhase(makeSession({ phase: 'collecting' }), 'closed', T0)).session;
    const synthesis = unwrap(setPhase(closed, 'synthesis', T0)).session;
    expect(synthesis.closedFrom).toBeUndefined();
    expect(synthesis.revealed).toBe(true);
  });
});

describe('the timer on a change of phase', () => {
  it.each(pairs.filter((p) => p.allowed))('stops: $from -> $to', ({ from, to }) => {
    const session = frozen({ ...makeSession({ phase: from }), timer: { durationMs: 60_000, endsAt: T0 + 60_000, remainingMs: 60_000 } });
    expect(unwrap(setPhase(session, to, T0)).session.timer).toEqual({ durationMs: 0, endsAt: null, remainingMs: 0 });
  });
});

describe('phase predicates', () => {
  it.each(PHASES)('%s', (phase) => {
    expect(isCollecting(phase)).toBe(phase === 'collecting');
    expect(isVoting(phase)).toBe(phase === 'voting');
    expect(isClosed(phase)).toBe(phase === 'closed');
  });
});
