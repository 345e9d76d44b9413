import { fail, ok, type Result } from '../protocol/errors.ts';
import type { SessionUpdate } from '../schemas/commands.ts';
import type { Session } from '../schemas/session.ts';
import { touch, type Change } from './context.ts';
import { isLive } from './visibility.ts';

/**
 * Changes session properties. Columns and domains that live cards still use cannot be
 * removed (move or delete those cards first), so no card ever points nowhere.
 */
export function updateSession(session: Session, command: SessionUpdate, now: number): Result<Change<Session>> {
  const live = Object.values(session.cards).filter(isLive);
  if (command.columns) {
    const kept = new Set(command.columns.map((c) => c.id));
    if (kept.size !== command.columns.length) return fail('invalid_payload', 'Column ids must be unique');
    if (live.some((c) => !kept.has(c.columnId))) return fail('conflict', 'A column that still has cards cannot be removed');
  }
  if (command.domains) {
    const kept = new Set(command.domains);
    if (live.some((c) => c.domain !== null && !kept.has(c.domain))) {
      return fail('conflict', 'A domain that cards still use cannot be removed');
    }
  }
  const next = touch(session, now, {
    title: command.title ?? session.title,
    date: command.date ?? session.date,
    mode: command.mode ?? session.mode,
    domains: command.domains ? [...new Set(command.domains)] : session.domains,
    columns: command.columns ?? session.columns,
    settings: { ...session.settings, ...command.settings },
  });
  return ok({ session: next, value: next });
}

/** Reveals hidden cards to everyone, or hides them again. */
export const setRevealed = (session: Session, revealed: boolean, now: number): Change<Session> => {
  const next = touch(session, now, { revealed });
  return { session: next, value: next };
};

/** Locks the board for participants (the facilitator can still moderate). */
export const setLocked = (session: Session, locked: boolean, now: number): Change<Session> => {
  const next = touch(session, now, { locked });
  return { session: next, value: next };
};
