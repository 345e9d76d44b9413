import type { FastifyPluginAsync } from 'fastify';
import { isJoinCodeShape, JOIN_CODE_ALPHABET, normaliseJoinCode } from '../../shared/domain/join-code.ts';
import { joinPreview } from '../../shared/domain/join-preview.ts';
import { addressKey } from '../security/client-ip.ts';
import { waitText, type WindowLimiter } from '../security/rate-limiter.ts';
import type { Repository } from '../storage/repository.ts';
import { failure } from './study-files.ts';

export interface JoinRouteDeps {
  repo: Repository;
  /** Join code -> session id of every loaded session (shared with the realtime handlers). */
  joinCodes: Map<string, string>;
  /**
   * Codes that matched no session, per client address: the same budget as 'session:join', so
   * checking codes over HTTP is no faster way to guess them than joining.
   */
  failedJoins: WindowLimiter;
}

/** GET /api/join/:code: what a participant may see before joining (`JoinPreviewSchema`). */
export function joinRoutes(deps: JoinRouteDeps): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Params: { code: string } }>('/api/join/:code', async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const code = normaliseJoinCode(request.params.code);
      // A malformed code can never match, so answering it tells a guesser nothing.
      if (!isJoinCodeShape(code)) return failure(reply, 400, 'invalid_payload', `A join code is 6 of the characters ${JOIN_CODE_ALPHABET}, e.g. C7K M3P`);
      // While blocked even a right code is refused, as with 'session:join'.
      const address = addressKey(request.ip);
      const wait = deps.failedJoins.retryAfter(address);
      if (wait > 0) {
        reply.header('retry-after', String(Math.ceil(wait / 1000)));
        return failure(reply, 429, 'rate_limited', `Too many wrong codes from this network; try again in ${waitText(wait)}`);
      }
      const sessionId = deps.joinCodes.get(code);
      const session = sessionId ? deps.repo.sessions.get(sessionId)?.data : undefined;
      if (!session) {
        deps.failedJoins.record(address);
        return failure(reply, 404, 'not_found', 'No session with this code');
      }
      return joinPreview(session);
    });
  };
}
