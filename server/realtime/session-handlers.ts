import { setPhase } from '../../shared/domain/phases.ts';
import { setLocked, setRevealed, updateSession } from '../../shared/domain/session-settings.ts';
import { controlTimer } from '../../shared/domain/timer.ts';
import { cardsHidden, sessionMeta, snapshotFor, viewsChanged } from '../../shared/domain/visibility.ts';
import { fail, ok, type Result } from '../../shared/protocol/errors.ts';
import type { Actor, Change } from '../../shared/domain/context.ts';
import type { Session } from '../../shared/schemas/session.ts';
import {
  SessionLockSchema,
  SessionOpenSchema,
  SessionPhaseSchema,
  SessionRevealSchema,
  SessionUpdateSchema,
  TimerControlSchema,
} from '../../shared/schemas/commands.ts';
import { emitMeta, emitSnapshots } from './broadcast.ts';
import { bindSocket, emitStudy, ownSession } from './binding.ts';
import { command, type Command } from './command.ts';
import type { RealtimeDeps } from './deps.ts';
import { actOnSession } from './session-access.ts';
import { rooms } from './rooms.ts';
import { emitSynthesis, themesOpen } from './synthesis-broadcast.ts';

const facilitatorOnly = <T>(actor: Actor, change: () => Result<Change<T>>): Result<Change<T>> =>
  actor.role === 'facilitator' ? change() : fail('forbidden', 'Only the facilitator may do this');

export function sessionCommands(deps: RealtimeDeps): Record<string, Command> {
  /** After a change of what people may see, everyone gets a fresh view; the study overview too. */
  const announce = (before: Session, after: Session) => {
    if (viewsChanged(before, after)) emitSnapshots(deps.io, after, deps.clock());
    else emitMeta(deps.io, after);
    // The themes follow the phase, and what the room may see of the cards.
    const themesChanged = after.phase !== before.phase || cardsHidden(before) !== cardsHidden(after);
    if (themesChanged && themesOpen(after)) emitSynthesis(deps, after);
    emitStudy(deps, after.studyId);
  };

  return {
    'session:open': command('session:open', SessionOpenSchema, (input, socket) => {
      const session = ownSession(deps, socket, input.sessionId);
      if (!session.ok) return session;
      bindSocket(socket, session.data.id, { view: input.view });
      const viewer = input.view === 'projection' ? { role: 'projection' as const } : { role: 'facilitator' as const };
      return ok(snapshotFor(session.data, viewer, deps.clock()));
    }, deps),

    'session:update': command('session:update', SessionUpdateSchema, async (input, socket) => {
      const result = await actOnSession(deps, socket, input.sessionId, (s, actor, now) =>
        facilitatorOnly(actor, () => updateSession(s, input, now)));
      if (!result.ok) return result;
      if (result.data.changed) announce(result.data.before, result.data.after);
      return ok(sessionMeta(result.data.after));
    }, deps),

    'session:phase': command('session:phase', SessionPhaseSchema, async (input, socket) => {
      const result = await actOnSession(deps, socket, input.sessionId, (s, actor, now) =>
        facilitatorOnly(actor, () => setPhase(s, input.phase, now)));
      if (!result.ok) return result;
      announce(result.data.before, result.data.after);
      return ok(sessionMeta(result.data.after));
    }, deps),

    'session:reveal': command('session:reveal', SessionRevealSchema, async (input, socket) => {
      const result = await actOnSession(deps, socket, input.sessionId, (s, actor, now) =>
        facilitatorOnly(actor, () => ok(setRevealed(s, input.revealed, now))));
      if (!result.ok) return result;
      announce(result.data.before, result.data.after);
      return ok(sessionMeta(result.data.after));
    }, deps),

    'session:lock': command('session:lock', SessionLockSchema, async (input, socket) => {
      const result = await actOnSession(deps, socket, input.sessionId, (s, actor, now) =>
        facilitatorOnly(actor, () => ok(setLocked(s, input.locked, now))));
      if (!result.ok) return result;
      announce(result.data.before, result.data.after);
      return ok(sessionMeta(result.data.after));
    }, deps),

    'timer:control': command('timer:control', TimerControlSchema, async (input, socket) => {
      const result = await actOnSession(deps, socket, input.sessionId, (s, actor, now) =>
        facilitatorOnly(actor, () => {
          const timer = controlTimer(s.timer, input, now);
          return timer.ok ? ok({ session: { ...s, timer: timer.data, updatedAt: now }, value: timer.data }) : timer;
        }));
      if (!result.ok) return result;
      const { after, value } = result.data;
      deps.io.to([rooms.console(after.id), rooms.projection(after.id), rooms.board(after.id)]).emit('timer:updated', value, deps.clock());
      return ok(value);
    }, deps),
  };
}
