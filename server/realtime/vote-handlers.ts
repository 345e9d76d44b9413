import { castVote, retractVote } from '../../shared/domain/votes.ts';
import { myVotes } from '../../shared/domain/visibility.ts';
import { ok } from '../../shared/protocol/errors.ts';
import { VoteCastSchema, VoteRetractSchema } from '../../shared/schemas/commands.ts';
import { emitMyVotes, emitVotes } from './broadcast.ts';
import { command, type Command } from './command.ts';
import type { RealtimeDeps } from './deps.ts';
import { actOnSession } from './session-access.ts';

export function voteCommands(deps: RealtimeDeps): Record<string, Command> {
  return {
    'vote:cast': command('vote:cast', VoteCastSchema, async (input, socket) => {
      const result = await actOnSession(deps, socket, input.sessionId, (s, actor, now) => castVote(s, actor, input.id, input.cardId, now));
      if (!result.ok) return result;
      const { after, value, changed } = result.data;
      if (changed) {
        emitVotes(deps.io, after, value.cardId);
        emitMyVotes(deps.io, after, value.voterId!);
      }
      return ok(myVotes(after, value.voterId!));
    }, deps),

    'vote:retract': command('vote:retract', VoteRetractSchema, async (input, socket) => {
      const result = await actOnSession(deps, socket, input.sessionId, (s, actor, now) => retractVote(s, actor, input.id, now));
      if (!result.ok) return result;
      const { after, value, changed } = result.data;
      if (changed && value) {
        emitVotes(deps.io, after, value.cardId);
        emitMyVotes(deps.io, after, value.voterId!);
      }
      return ok(myVotes(after, socket.data.participantId ?? ''));
    }, deps),
  };
}
