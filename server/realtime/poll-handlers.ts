import type { Actor, Change } from '../../shared/domain/context.ts';
import { answerPoll, closePoll, createPoll, deletePoll, openPoll, restorePoll, setHandCounts, updatePoll } from '../../shared/domain/polls.ts';
import { toPollView } from '../../shared/domain/visibility.ts';
import { fail, ok, type Result } from '../../shared/protocol/errors.ts';
import type { PollView } from '../../shared/protocol/views.ts';
import * as C from '../../shared/schemas/commands.ts';
import type { Poll } from '../../shared/schemas/poll.ts';
import type { Session } from '../../shared/schemas/session.ts';
import { viewerOf } from './broadcast.ts';
import { command, type AppSocket, type Command } from './command.ts';
import type { RealtimeDeps } from './deps.ts';
import { emitPoll, type PollChange } from './poll-broadcast.ts';
import { actOnSession } from './session-access.ts';

type PollRule = (session: Session, actor: Actor, now: number) => Result<Change<Poll>>;

export function pollCommands(deps: RealtimeDeps): Record<string, Command> {
  /** Applies a poll rule; every audience hears of a change in its own view, the sender gets its own. */
  async function run(socket: AppSocket, sessionId: string, rule: PollRule, change: PollChange = 'poll'): Promise<Result<Poll>> {
    const result = await actOnSession(deps, socket, sessionId, rule);
    if (!result.ok) return result;
    const { after, value, changed } = result.data;
    if (changed) emitPoll(deps.io, after, value, change);
    return ok(value);
  }

  /** Runs the rule and answers with the sender's own view of the poll. */
  async function reply(socket: AppSocket, sessionId: string, rule: PollRule, change: PollChange = 'poll'): Promise<Result<PollView>> {
    const result = await run(socket, sessionId, rule, change);
    if (!result.ok) return result;
    const viewer = viewerOf(socket);
    return viewer ? ok(toPollView(result.data, viewer)) : fail('unauthorised', 'Join the session first');
  }

  return {
    'poll:create': command('poll:create', C.PollCreateSchema, (input, socket) =>
      reply(socket, input.sessionId, (s, actor, now) => createPoll(s, actor, input, now)), deps),

    'poll:update': command('poll:update', C.PollUpdateSchema, (input, socket) =>
      reply(socket, input.sessionId, (s, actor, now) => updatePoll(s, actor, input, now)), deps),

    'poll:open': command('poll:open', C.PollRefSchema, (input, socket) =>
      reply(socket, input.sessionId, (s, actor, now) => openPoll(s, actor, input.pollId, now)), deps),

    'poll:close': command('poll:close', C.PollRefSchema, (input, socket) =>
      reply(socket, input.sessionId, (s, actor, now) => closePoll(s, actor, input.pollId, now)), deps),

    'poll:delete': command('poll:delete', C.PollRefSchema, async (input, socket) => {
      const result = await run(socket, input.sessionId, (s, actor, now) => deletePoll(s, actor, input.pollId, now));
      return result.ok ? ok({ id: result.data.id }) : result;
    }, deps),

    'poll:restore': command('poll:restore', C.PollRefSchema, (input, socket) =>
      reply(socket, input.sessionId, (s, actor, now) => restorePoll(s, actor, input.pollId, now)), deps),

    // Only the answer changed: while results are hidden, only the answerer's own sockets need to hear.
    'poll:answer': command('poll:answer', C.PollAnswerCommandSchema, (input, socket) => {
      const answeredBy = socket.data.participantId;
      const rule: PollRule = (s, actor, now) => answerPoll(s, actor, input.pollId, input.answer, now);
      return reply(socket, input.sessionId, rule, answeredBy ? { answeredBy } : 'poll');
    }, deps),

    'poll:handcount': command('poll:handcount', C.PollHandCountSchema, (input, socket) =>
      reply(socket, input.sessionId, (s, actor, now) => setHandCounts(s, actor, input, now), 'hands'), deps),
  };
}
