import { nanoid } from 'nanoid';
import { addParticipant, updateProfile } from '../../shared/domain/participants.ts';
import { isJoinCodeShape, normaliseJoinCode } from '../../shared/domain/join-code.ts';
import { isLive, participantView, snapshotFor } from '../../shared/domain/visibility.ts';
import { fail, ok } from '../../shared/protocol/errors.ts';
import { ParticipantAddSchema, ProfileUpdateSchema, SessionJoinSchema, SessionResumeSchema } from '../../shared/schemas/commands.ts';
import { clientIp } from '../security/client-ip.ts';
import { waitText } from '../security/rate-limiter.ts';
import { hashSecret, newSecret, secretMatches } from '../security/secrets.ts';
import { emitCard, emitMeta, emitParticipants } from './broadcast.ts';
import { bindSocket, emitStudy } from './binding.ts';
import { command, type Command } from './command.ts';
import type { RealtimeDeps } from './deps.ts';
import { actOnSession, mutateSession } from './session-access.ts';

export function participantCommands(deps: RealtimeDeps): Record<string, Command> {
  return {
    'session:join': command('session:join', SessionJoinSchema, async (input, socket) => {
      if (socket.data.role === 'facilitator') return fail('forbidden', 'A facilitator connection cannot join as participant');
      // Guessing codes is throttled per address; while blocked even a right code is refused, so
      // the answer tells a guesser nothing.
      const ip = clientIp(socket.request, deps.trustProxy);
      const wait = deps.failedJoins.retryAfter(ip);
      if (wait > 0) return fail('rate_limited', `Too many wrong codes from this network; try again in ${waitText(wait)}`);
      const code = normaliseJoinCode(input.code);
      const sessionId = isJoinCodeShape(code) ? deps.joinCodes.get(code) : undefined;
      if (!sessionId) {
        deps.failedJoins.record(ip);
        return fail('not_found', 'No session with this code');
      }
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
  };
}
