import { describe, expect, it } from 'vitest';
import { createSession, DEFAULT_COLUMNS, DEFAULT_SETTINGS } from '../../../shared/domain/session-factory.ts';
import { IDLE_TIMER } from '../../../shared/domain/timer.ts';
import { SessionCreateSchema } from '../../../shared/schemas/commands.ts';
import { SessionSchema } from '../../../shared/schemas/session.ts';
import { JOIN_CODE, makeCtx, STUDY_ID, T0 } from '../fixtures.ts';

const input = (extra: Record<string, unknown> = {}) =>
  SessionCreateSchema.parse({ title: 'Evaluatie Wlz', date: '2025-11-20', mode: 'fysiek', domains: ['Wlz'], ...extra });

describe('createSession', () => {
  it('makes an empty session in preparation with the two central questions', () => {
    const s = createSession(input(), STUDY_ID, JOIN_CODE, makeCtx(T0));
    expect(s).toEqual({
      schemaVersion: 1,
      id: 'gen-000001',
      studyId: STUDY_ID,
      title: 'Evaluatie Wlz',
      date: '2025-11-20',
      mode: 'fysiek',
      domains: ['Wlz'],
      columns: [
        { id: 'gen-000002', title: DEFAULT_COLUMNS[0] },
        { id: 'gen-000003', title: DEFAULT_COLUMNS[1] },
      ],
      joinCode: JOIN_CODE,
      phase: 'preparation',
      revealed: false,
      locked: false,
      settings: DEFAULT_SETTINGS,
      timer: IDLE_TIMER,
      participants: {},
      cards: {},
      votes: {},
      synthesis: { decisions: {}, rejected: {}, quotes: {}, findings: {}, secondary: {} },
      followUps: {},
      polls: {},
      createdAt: T0,
      updatedAt: T0,
    });
    expect(SessionSchema.parse(s)).toEqual(s);
  });

  it('defaults to anonymous votes and hidden totals while voting', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({ anonymousVotes: true, showTotalsWhileVoting: false });
  });

  it('takes given columns, settings, and collapses duplicate domains', () => {
    const s = createSession(
      input({ columns: ['Eén', 'Twee', 'Drie'], domains: ['Wlz', 'Wmo', 'Wlz'], settings: { hideUntilReveal: true, votesPerParticipant: 3 } }),
      STUDY_ID,
      JOIN_CODE,
      makeCtx(T0),
    );
    expect(s.columns.map((c) => c.title)).toEqual(['Eén', 'Twee', 'Drie']);
    expect(new Set(s.columns.map((c) => c.id)).size).toBe(3);
    expect(s.domains).toEqual(['Wlz', 'Wmo']);
    expect(s.settings).toEqual({ ...DEFAULT_SETTINGS, hideUntilReveal: true, votesPerParticipant: 3 });
    expect(SessionSchema.safeParse(s).success).toBe(true);
  });

  it('is deterministic for the same ctx', () => {
    expect(createSession(input(), STUDY_ID, JOIN_CODE, makeCtx(T0))).toEqual(createSession(input(), STUDY_ID, JOIN_CODE, makeCtx(T0)));
  });
});
