import { describe, expect, it } from 'vitest';
import { setPhase } from '../../../shared/domain/phases.ts';
import { viewsChanged } from '../../../shared/domain/visibility.ts';
import type { Session } from '../../../shared/schemas/session.ts';
import { T0, makeSession, unwrap } from '../fixtures.ts';

const to = (s: Session, phase: Session['phase']) => unwrap(setPhase(s, phase, T0)).session;
const withSettings = (s: Session, settings: Partial<Session['settings']>) => ({ ...s, settings: { ...s.settings, ...settings } });

describe('viewsChanged', () => {
  it('is false when only session properties change (locking, titles, a phase move that hides nothing)', () => {
    const s = makeSession({ phase: 'collecting', settings: { showTotalsWhileVoting: true } });
    expect(viewsChanged(s, { ...s, locked: true, title: 'Ander' })).toBe(false);
    expect(viewsChanged(s, to(s, 'voting'))).toBe(false);
    expect(viewsChanged(s, to(s, 'preparation'))).toBe(false);
  });

  it('is true when totals appear or disappear for participants and the projection', () => {
    const s = makeSession({ phase: 'collecting', settings: { showTotalsWhileVoting: false } });
    const voting = to(s, 'voting');
    expect(viewsChanged(s, voting)).toBe(true);
    expect(viewsChanged(voting, to(voting, 'synthesis'))).toBe(true);
    expect(viewsChanged(voting, withSettings(voting, { showTotalsWhileVoting: true }))).toBe(true);
  });

  it('is true when hidden cards are revealed or hidden again', () => {
    const s = makeSession({ phase: 'collecting', settings: { hideUntilReveal: true } });
    expect(viewsChanged(s, { ...s, revealed: true })).toBe(true);
    expect(viewsChanged(withSettings(s, { hideUntilReveal: false }), s)).toBe(true);
    expect(viewsChanged(s, to(s, 'voting'))).toBe(true);
  });

  it('is true when votes stop or start being anonymous', () => {
    const s = makeSession({ phase: 'synthesis' });
    expect(viewsChanged(s, withSettings(s, { anonymousVotes: false }))).toBe(true);
  });
});
