import { nanoid } from 'nanoid';
import type { FastifyBaseLogger } from 'fastify';
import type { Ctx } from '../../shared/domain/context.ts';
import type { IoServer } from '../plugins/socket-io.ts';
import type { AbuseLimits } from '../security/limits.ts';
import type { WindowLimiter } from '../security/rate-limiter.ts';
import type { Repository } from '../storage/repository.ts';
import type { StudyMatrixFeed } from './study-matrix-feed.ts';

/** What every realtime handler may use; passed in, never imported as a singleton. */
export interface RealtimeDeps {
  io: IoServer;
  repo: Repository;
  log: FastifyBaseLogger;
  /** Join code -> session id, for every loaded session. */
  joinCodes: Map<string, string>;
  clock: () => number;
  limits: AbuseLimits;
  /** Joins with a code that matches no session, per client address. */
  failedJoins: WindowLimiter;
  /** Every join, per socket id. */
  joinsPerSocket: WindowLimiter;
  /** Every join, per client address. */
  joinsPerAddress: WindowLimiter;
  /** Proxies in front of the server whose X-Forwarded-For is believed (see `clientIp`). */
  trustProxy: number;
  /** Keeps the study overviews' matrix live; told of every change it may count. */
  studyMatrix: StudyMatrixFeed;
}

/** Clock and id source for pure domain functions. */
export const domainCtx = (deps: RealtimeDeps): Ctx => ({ now: deps.clock(), newId: () => nanoid() });
