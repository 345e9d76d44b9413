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
    return fail('too_large', `This session is full (${MAX_PARTICIPANTS} participants); the facilitator can remove those who never took part`);
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

/**
 * Whether anything stands in the participant's name: a named card or a vote cast openly. Their
 * anonymous cards and votes are not looked at, so what this says (and every answer built on it)
 * reveals nothing of them.
 */
export function hasNamedContribution(session: Session, participantId: string): boolean {
  const named = Object.values(session.cards).some((c) => !c.anonymous && c.author.kind === 'participant' && c.author.participantId === participantId);
  return named || Object.values(session.votes).some((v) => !v.anonymous && v.voterId === participantId);
}

/**
 * Removes participants and nothing they did: their anonymous cards stay with an author nobody
 * knows (no one can edit them now but the facilitator), their votes and poll answers keep counting.
 */
function withoutParticipants(session: Session, ids: ReadonlySet<string>, now: number): Session {
  const participants = Object.fromEntries(Object.entries(session.participants).filter(([id]) => !ids.has(id)));
  const cards = Object.fromEntries(
    Object.entries(session.cards).map(([id, c]) => [
      id,
      c.author.kind === 'participant' && ids.has(c.author.participantId) ? { ...c, author: { kind: 'anonymous' as const } } : c,
    ]),
  );
  return touch(session, now, { participants, cards });
}

/** Removes one participant in whose name nothing stands (see `hasNamedContribution`). */
export function removeParticipant(session: Session, participantId: string, now: number): Result<Change<Participant>> {
  const participant = Object.hasOwn(session.participants, participantId) ? session.participants[participantId] : undefined;
  if (!participant) return fail('not_found', 'No such participant in this session');
  if (hasNamedContribution(session, participantId)) return fail('conflict', 'Cards or votes stand in this name; they would lose their author');
  return ok({ session: withoutParticipants(session, new Set([participantId]), now), value: participant });
}

/** Removes everyone who joined from a device and has nothing in their name; the scribe's people stay. */
export function pruneParticipants(session: Session, now: number): Change<Participant[]> {
  const idle = Object.values(session.participants).filter((p) => !p.addedByFacilitator && !hasNamedContribution(session, p.id));
  if (idle.length === 0) return { session, value: [] };
  return { session: withoutParticipants(session, new Set(idle.map((p) => p.id)), now), value: idle };
}
