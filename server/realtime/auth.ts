import { z } from 'zod';
import { IdSchema } from '../../shared/schemas/common.ts';
import { secretMatches } from '../security/secrets.ts';
import type { AppSocket } from './command.ts';
import type { RealtimeDeps } from './deps.ts';

const HandshakeAuthSchema = z.object({
  studyId: IdSchema.optional(),
  key: z.string().max(200).optional(),
});

/**
 * Handshake check: a facilitator key makes the socket a facilitator of that one study;
 * anything else connects without rights (it may then join as participant). A wrong key is
 * refused outright, so a typo is noticed instead of silently degrading.
 */
export function authenticate(deps: RealtimeDeps) {
  return (socket: AppSocket, next: (error?: Error) => void): void => {
    socket.data = { role: 'none', studyId: null, sessionId: null, participantId: null, view: 'board' };
    const parsed = HandshakeAuthSchema.safeParse(socket.handshake.auth ?? {});
    if (!parsed.success) return next(new Error('invalid_payload'));
    const { studyId, key } = parsed.data;
    if (studyId === undefined && key === undefined) return next();
    const study = studyId ? deps.repo.studies.get(studyId) : undefined;
    if (!study || !key || !secretMatches(key, study.data.keyHash)) return next(new Error('unauthorised'));
    socket.data.role = 'facilitator';
    socket.data.studyId = study.data.id;
    socket.data.view = 'console';
    next();
  };
}
