import { expect } from 'vitest';
import type { ErrorCode, Result } from '../../shared/protocol/errors.ts';
import { CardAddSchema } from '../../shared/schemas/commands.ts';
import type { Card, Phase, Session, Settings } from '../../shared/schemas/session.ts';
import { addCard } from '../../shared/domain/cards.ts';
import type { Actor, Change, Ctx } from '../../shared/domain/context.ts';
import { addParticipant } from '../../shared/domain/participants.ts';
import { createSession } from '../../shared/domain/session-factory.ts';

/** A fixed clock: 2023-11-14T22:13:20Z. Tests move it forward explicitly. */
export const T0 = 1_700_000_000_000;

export const STUDY_ID = 'study-0001';
export const JOIN_CODE = 'C7KM3P';
export const FACILITATOR: Actor = { role: 'facilitator' };
export const participant = (participantId: string): Actor => ({ role: 'participant', participantId });
export const ANN = 'participant-ann';
export const BOB = 'participant-bob';
export const CAT = 'participant-cat';

/** Deterministic ids (`gen-000001`, ...) that pass IdSchema, and a fixed clock. */
export function makeCtx(now = T0): Ctx {
  let n = 0;
  return { now, newId: () => `gen-${String(++n).padStart(6, '0')}` };
}

/** The value of an ok result; fails the test with the error otherwise. */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error}: ${result.message}`);
  return result.data;
}

/** Asserts an expected failure with the given code. */
export function expectFail(result: Result<unknown>, error: ErrorCode): void {
  expect(result).toMatchObject({ ok: false, error });
}

/**
 * A new session (ids: session `gen-000001`, columns `gen-000002` and `gen-000003`), optionally
 * put straight into a phase: the phase rules themselves are tested in phases.test.ts.
 */
export function makeSession(options: { settings?: Partial<Settings>; phase?: Phase; domains?: string[] } = {}): Session {
  const session = createSession(
    {
      title: 'Evaluatie Wmo 2025',
      date: '2025-11-20',
      mode: 'digitaal',
      domains: options.domains ?? ['Wmo', 'Jeugdwet'],
      settings: options.settings,
    },
    STUDY_ID,
    JOIN_CODE,
    makeCtx(),
  );
  return options.phase ? inPhase(session, options.phase) : session;
}

/** Test setup only: the same state in another phase, bypassing the transition rules. */
export const inPhase = (session: Session, phase: Phase): Session => ({ ...session, phase });

export const columnId = (session: Session, index = 0): string => {
  const column = session.columns[index];
  if (!column) throw new Error(`no column ${index}`);
  return column.id;
};

/** Adds a participant who joined from a device. */
export function withParticipant(session: Session, id: string, name: string, now = T0): Session {
  return unwrap(addParticipant(session, { id, profile: { name, consent: false }, addedByFacilitator: false }, now)).session;
}

/** Adds a card through the real rule, parsing the command like the server does (defaults applied). */
export function withCard(
  session: Session,
  actor: Actor,
  command: { id: string; text?: string; columnId?: string; domain?: string | null; anonymous?: boolean; attribution?: unknown },
  now = T0,
): Change<Card> {
  const parsed = CardAddSchema.parse({
    sessionId: session.id,
    columnId: columnId(session),
    text: `Kaart ${command.id}`,
    ...command,
  });
  return unwrap(addCard(session, actor, parsed, now));
}

/**
 * A session in `collecting` with two participants (ann, bob) and one card by each:
 * `card-ann-1` and `card-bob-1`.
 */
export function boardWithCards(options: { settings?: Partial<Settings> } = {}): Session {
  let s = makeSession({ ...options, phase: 'collecting' });
  s = withParticipant(s, ANN, 'Ann Jansen');
  s = withParticipant(s, BOB, 'Bob de Vries');
  s = withCard(s, participant(ANN), { id: 'card-ann-1' }).session;
  s = withCard(s, participant(BOB), { id: 'card-bob-1' }).session;
  return s;
}

/** Deep-freezes a value, so that a rule which mutates its input throws instead of passing. */
export function frozen<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) frozen(child);
  }
  return value;
}
