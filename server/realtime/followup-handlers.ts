import type { Actor, Change } from '../../shared/domain/context.ts';
import { addFollowUpCard, answerCall, deleteCall, followUpView, restoreCall, saveCall, type FollowUpView } from '../../shared/domain/followup.ts';
import { ok, type Result } from '../../shared/protocol/errors.ts';
import * as C from '../../shared/schemas/commands.ts';
import type { Session } from '../../shared/schemas/session.ts';
import { emitCard, emitHiddenCount } from './broadcast.ts';
import { command, type AppSocket, type Command } from './command.ts';
import type { RealtimeDeps } from './deps.ts';
import { rooms } from './rooms.ts';
import { actOnSession, facilitatorSession } from './session-access.ts';
import { codebookOf, emitSynthesis } from './synthesis-broadcast.ts';

type Language = 'nl' | 'en';

export function followUpCommands(deps: RealtimeDeps): Record<string, Command> {
  const viewOf = (session: Session, language: Language): FollowUpView => followUpView(session, codebookOf(deps, session), language);

  /** Only the session's facilitator consoles: callees are named, so never boards or projections. */
  const emitFollowUps = (session: Session): void => {
    deps.io.to(rooms.console(session.id)).emit('followup:updated', viewOf(session, 'nl'));
  };

  /** Applies a follow-up rule; the consoles hear of a change, the sender gets the view in its language. */
  async function followUp<T>(
    socket: AppSocket,
    input: { sessionId: string; language: Language },
    rule: (session: Session, actor: Actor, now: number) => Result<Change<T>>,
    announce: (after: Session, value: T) => void = () => {},
  ): Promise<Result<FollowUpView>> {
    const result = await actOnSession(deps, socket, input.sessionId, rule);
    if (!result.ok) return result;
    const { after, value, changed } = result.data;
    if (changed) {
      announce(after, value);
      emitFollowUps(after);
    }
    return ok(viewOf(after, input.language));
  }

  return {
    'followup:list': command('followup:list', C.FollowUpListSchema, (input, socket) => {
      const session = facilitatorSession(deps, socket, input.sessionId);
      return session.ok ? ok(viewOf(session.data, input.language)) : session;
    }, deps),

    'followup:save': command('followup:save', C.SaveCallSchema, (input, socket) =>
      followUp(socket, input, (s, actor, now) => saveCall(s, actor, input, now)), deps),

    'followup:answer': command('followup:answer', C.AnswerCallSchema, (input, socket) =>
      followUp(socket, input, (s, actor, now) => answerCall(s, actor, codebookOf(deps, s), input, now)), deps),

    'followup:delete': command('followup:delete', C.CallRefSchema, (input, socket) =>
      followUp(socket, input, (s, actor, now) => deleteCall(s, actor, input.callId, now)), deps),

    'followup:restore': command('followup:restore', C.CallRefSchema, (input, socket) =>
      followUp(socket, input, (s, actor, now) => restoreCall(s, actor, input.callId, now)), deps),

    // A card like any other: boards and projections get it through the usual card facts.
    'followup:card': command('followup:card', C.FollowUpCardSchema, (input, socket) =>
      followUp(socket, input, (s, actor, now) => addFollowUpCard(s, actor, input, now), (after, card) => {
        emitCard(deps.io, after, card);
        emitHiddenCount(deps.io, after);
        if (after.phase === 'synthesis' || after.phase === 'closed') emitSynthesis(deps, after);
      }), deps),
  };
}
