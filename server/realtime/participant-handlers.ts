import { nanoid } from 'nanoid';
import { addParticipant, pruneParticipants, removeParticipant, updateProfile } from '../../shared/domain/participants.ts';
import { isJoinCodeShape, normaliseJoinCode } from '../../shared/domain/join-code.ts';
import { isLive, participantView, snapshotFor } from '../../shared/domain/visibility.ts';
import { fail, ok } from '../../shared/protocol/errors.ts';
import type { Session } from '../../shared/schemas/session.ts';
import {
  ParticipantAddSchema,
  ParticipantRemoveSchema,
  ParticipantsPruneSchema,
  ProfileUpdateSchema,
  SessionJoinSchema,
  SessionResumeSchema,
} from '../../shared/schemas/commands.ts';
import { clientKey } from '../security/client-ip.ts';
import { waitText } from '../security/rate-limiter.ts';
import { hashSecret, newSecret, secretMatches } from '../security/secrets.ts';
import { emitCard, emitMeta, emitParticipants } from './broadcast.ts';
import { bindSocket, emitStudy, unbindSocket } from './binding.ts';
import { command, type Command } from './command.ts';
import type { RealtimeDeps } from './deps.ts';
import { actOnSession, mutateSession } from './session-access.ts';
import { rooms } from './rooms.ts';

export function participantCommands(deps: RealtimeDeps): Record<string, Command> {
  /** Removed participants' devices lose their place; the consoles and the overview see the new list. */
  function announceRemoved(session: Session, removedIds: string[]): void {
    for (const id of removedIds) {
      const room = rooms.person(session.id, id);
      for (const socketId of [...(deps.io.sockets.adapter.rooms.get(room) ?? [])]) {
        const socket = deps.io.sockets.sockets.get(socketId);
        if (!socket) continue;
        unbindSocket(socket);
        socket.emit('session:removed', session.id);
      }
    }
    emitParticipants(deps.io, session);
    emitMeta(deps.io, session);
    emitStudy(deps, session.studyId);
  }

  return {
    'session:join': command('session:join', SessionJoinSchema, async (input, socket) => {
      if (socket.data.role === 'facilitator') return fail('forbidden', 'A facilitator connection cannot join as participant');
      // Guessing codes is throttled per address; while blocked even a right code is refused, so
      // the answer tells a guesser nothing.
      const address = clientKey(socket.request, deps.trustProxy);
      const wait = deps.failedJoins.retryAfter(address);
      if (wait > 0) return fail('rate_limited', `Too many wrong codes from this network; try again in ${waitText(wait)}`);
      // Each join makes a participant: a script must not fill a session from one socket or network.
      const busy = Math.max(deps.joinsPerSocket.retryAfter(socket.id), deps.joinsPerAddress.retryAfter(address));
      if (busy > 0) return fail('rate_limited', `Too many joins from this connection or network; try again in ${waitText(busy)}`);
      const code = normaliseJoinCode(input.code);
      const sessionId = isJoinCodeShape(code) ? deps.joinCodes.get(code) : undefined;
      if (!sessionId) {
        deps.failedJoins.record(address);
        return fail('not_found', 'No session with this code');
      }
      deps.joinsPerSocket.record(socket.id);
      deps.joinsPerAddress.record(address);
      const participantId = nanoid();
      const token = newSecret();
      const result = await mutateSession(deps, sessionId, (s) =>
        addParticipant(s, { id: participantId, profile: input.profile, tokenHash: hashSecret(token), addedByFacilitator: false }, deps.clock()));
      if (!result.ok) return result;
      // The newest state, not the one right after the join: facts of changes saved in the same
      // write may reach this socket before its ack, and the client applies facts only once bound.
      const session = deps.repo.sessions.get(sessionId)!.data;
      bindSocket(socket, sessionId, { view: 'board', participantId });
      emitParticipants(deps.io, session);
      emitMeta(deps.io, session);
      emitStudy(deps, session.studyId);
      const snapshot = snapshotFor(session, { role: 'participant', participantId }, deps.clock());
      return ok({ sessionId, participantId, token, snapshot });
    }, deps),

    'session:resume': command('session:resume', SessionResumeSchema, (input, socket) => {
      if (socket.data.role === 'facilitator') return fail('forbidden', 'A facilitator connection cannot resume a participant');
      const session = deps.repo.sessions.get(input.sessionId)?.data;
      const participant = session?.participants[input.participantId];
      if (!session || !participant?.tokenHash || !secretMatches(input.token, participant.tokenHash)) {
        return fail('unauthorised', 'Unknown participant or wrong token; join again with the code');
      }
      bindSocket(socket, session.id, { view: 'board', participantId: participant.id });
      return ok(snapshotFor(session, { role: 'participant', participantId: participant.id }, deps.clock()));
    }, deps),

    'profile:update': command('profile:update', ProfileUpdateSchema, async (input, socket) => {
      const result = await actOnSession(deps, socket, input.sessionId, (s, actor, now) =>
        actor.role === 'participant' ? updateProfile(s, actor.participantId, input.profile, now) : fail('forbidden', 'Participants only'));
      if (!result.ok) return result;
      const { after, value } = result.data;
      emitParticipants(deps.io, after);
      // Named cards show the new name.
      for (const card of Object.values(after.cards)) {
        if (isLive(card) && !card.anonymous && card.author.kind === 'participant' && card.author.participantId === value.id) {
          emitCard(deps.io, after, card);
        }
      }
      return ok(participantView(value));
    }, deps),

    'participant:add': command('participant:add', ParticipantAddSchema, async (input, socket) => {
      const result = await actOnSession(deps, socket, input.sessionId, (s, actor, now) =>
        actor.role === 'facilitator'
          ? addParticipant(s, { id: input.id, profile: input.profile, addedByFacilitator: true }, now)
          : fail('forbidden', 'Only the facilitator may add people in the room'));
      if (!result.ok) return result;
      emitParticipants(deps.io, result.data.after);
      emitMeta(deps.io, result.data.after);
      return ok(participantView(result.data.value));
    }, deps),

    'participant:remove': command('participant:remove', ParticipantRemoveSchema, async (input, socket) => {
      const result = await actOnSession(deps, socket, input.sessionId, (s, actor, now) =>
        actor.role === 'facilitator' ? removeParticipant(s, input.id, now) : fail('forbidden', 'Only the facilitator may remove participants'));
      if (!result.ok) return result;
      announceRemoved(result.data.after, [input.id]);
      return ok({ id: input.id });
    }, deps),

    'participants:prune': command('participants:prune', ParticipantsPruneSchema, async (input, socket) => {
      const result = await actOnSession(deps, socket, input.sessionId, (s, actor, now) =>
        actor.role === 'facilitator' ? ok(pruneParticipants(s, now)) : fail('forbidden', 'Only the facilitator may remove participants'));
      if (!result.ok) return result;
      const { after, value, changed } = result.data;
      if (changed) announceRemoved(after, value.map((p) => p.id));
      return ok({ removed: value.length });
    }, deps),
  };
}
