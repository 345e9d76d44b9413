import { fail, ok, type Result } from '../protocol/errors.ts';
import type { Participant, Profile, Session } from '../schemas/session.ts';
import { touch, type Change } from './context.ts';
import { isClosed } from './phases.ts';

/** Most people a session admits (about 8 join a digital session; the cap guards against abuse). */
export const MAX_PARTICIPANTS = 500;

/** Adds a participant who joined from a device, or one the scribe added for the room. */
export function addParticipant(
  session: Session,
  input: { id: string; profile: Profile; tokenHash?: string; addedByFacilitator: boolean },
  now: number,
): Result<Change<Participant>> {
  const existing = session.participants[input.id];
  if (existing) {
    // The scribe retrying the same add gets the same person back.
    return input.addedByFacilitator && existing.addedByFacilitator ? ok({ session, value: existing }) : fail('conflict', 'Participant id taken');
  }
  if (isClosed(session.phase)) return fail('wrong_phase', 'The session is closed');
  if (Object.keys(session.participants).length >= MAX_PARTICIPANTS) {
    return fail('too_large', `This session is full (${MAX_PARTICIPANTS} participants)`);
  }
  const participant: Participant = {
    ...input.profile,
    id: input.id,
    ...(input.tokenHash ? { tokenHash: input.tokenHash } : {}),
    addedByFacilitator: input.addedByFacilitator,
    joinedAt: now,
  };
  return ok({ session: touch(session, now, { participants: { ...session.participants, [participant.id]: participant } }), value: participant });
}

/** Replaces a participant's profile (name, organisation attributes, consent). */
export function updateProfile(session: Session, participantId: string, profile: Profile, now: number): Result<Change<Participant>> {
  const current = session.participants[participantId];
  if (!current) return fail('not_found', 'No such participant');
  const { organisation: _o, scope: _s, size: _z, region: _r, ...kept } = current;
  const updated: Participant = { ...kept, ...profile };
  return ok({ session: touch(session, now, { participants: { ...session.participants, [participantId]: updated } }), value: updated });
}
