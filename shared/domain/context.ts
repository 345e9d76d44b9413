import type { Session } from '../schemas/session.ts';

/** Who performs a command. The server derives it from the socket, never from the payload. */
export type Actor = { role: 'facilitator' } | { role: 'participant'; participantId: string };

/** Side inputs of pure domain functions: the clock and fresh ids. */
export interface Ctx {
  now: number;
  newId: () => string;
}

/** A domain change: the new session state plus whatever the caller needs to report. */
export interface Change<T> {
  session: Session;
  value: T;
}

/** Shallow-updates the session's timestamp along with the given fields. */
export const touch = (session: Session, now: number, patch: Partial<Session>): Session => ({
  ...session,
  ...patch,
  updatedAt: now,
});
