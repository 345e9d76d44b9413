import type { SessionCreate } from '../schemas/commands.ts';
import type { Settings, Session } from '../schemas/session.ts';
import { emptySynthesis } from '../schemas/synthesis.ts';
import type { Ctx } from './context.ts';
import { IDLE_TIMER } from './timer.ts';

/** The two central questions of a procurement evaluation. */
export const DEFAULT_COLUMNS = ['Wat ging er goed?', 'Wat kan beter?'] as const;

/** Defaults for a new session: anonymous votes, totals hidden while voting (no bandwagon). */
export const DEFAULT_SETTINGS: Settings = {
  hideUntilReveal: false,
  allowAnonymousCards: true,
  votesPerParticipant: 5,
  maxVotesPerCard: 3,
  anonymousVotes: true,
  showTotalsWhileVoting: false,
};

/** A new session in `preparation`, with the join code the caller found to be unique. */
export function createSession(input: SessionCreate, studyId: string, joinCode: string, ctx: Ctx): Session {
  const titles = input.columns ?? [...DEFAULT_COLUMNS];
  return {
    schemaVersion: 1,
    id: ctx.newId(),
    studyId,
    title: input.title,
    date: input.date,
    mode: input.mode,
    domains: [...new Set(input.domains)],
    columns: titles.map((title) => ({ id: ctx.newId(), title })),
    joinCode,
    phase: 'preparation',
    revealed: false,
    locked: false,
    settings: { ...DEFAULT_SETTINGS, ...input.settings },
    timer: IDLE_TIMER,
    participants: {},
    cards: {},
    votes: {},
    synthesis: emptySynthesis(),
    followUps: {},
    polls: {},
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
}
