import type { FastifyBaseLogger } from 'fastify';
import type { Ack } from '../../shared/protocol/events.ts';
import type { AbuseLimits } from '../security/limits.ts';
import { monotonic, tokenBucket, type Now } from '../security/rate-limiter.ts';
import type { AppSocket } from './command.ts';

export const RATE_LIMITED: Ack<never> = { ok: false, error: 'rate_limited', message: 'Too many actions; wait a moment' };

const answer = (args: unknown[], result: Ack<never>): void => {
  const ack = args.at(-1);
  if (typeof ack === 'function') ack(result);
};

/**
 * The first thing every incoming event meets, before any command runs: a per-socket token bucket
 * (unknown events spend tokens too), then the refusal of events that are no command. A socket
 * that keeps sending far past its limit is a script, and is disconnected.
 */
export function gateEvents(
  socket: AppSocket,
  isCommand: (event: string) => boolean,
  deps: { limits: AbuseLimits['commands']; log: FastifyBaseLogger; now?: Now },
): void {
  const { limits, log } = deps;
  const now = deps.now ?? monotonic;
  const bucket = tokenBucket(limits.burst, limits.perSecond, now);
  let windowStart = now();
  let refused = 0;

  socket.use(([event, ...args], next) => {
    if (!bucket.take()) {
      const t = now();
      if (t - windowStart >= limits.disconnectWindowMs) {
        windowStart = t;
        refused = 0;
      }
      refused += 1;
      if (refused === 1) log.warn({ socket: socket.id, address: socket.handshake.address }, 'socket rate limited');
      if (refused > limits.disconnectAfter) {
        log.warn({ socket: socket.id, address: socket.handshake.address, refused }, 'socket disconnected: events far past the rate limit');
        socket.disconnect(true);
        return;
      }
      answer(args, RATE_LIMITED);
      return;
    }
    // Own keys only: `toString` or `constructor` are no commands.
    if (typeof event !== 'string' || !isCommand(event)) {
      answer(args, { ok: false, error: 'unknown_event', message: `Unknown event ${String(event).slice(0, 50)}` });
      return;
    }
    next();
  });
}
