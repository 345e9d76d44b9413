import type { onRequestAsyncHookHandler } from 'fastify';
import { addressKey } from './client-ip.ts';
import { waitText, type WindowLimiter } from './rate-limiter.ts';

/**
 * A route hook counting requests per client address (`request.ip`, which honours TRUST_PROXY,
 * grouped by `addressKey`) and answering 429 past the limit, before the body is read.
 */
export function limitPerIp(limiter: WindowLimiter): onRequestAsyncHookHandler {
  return async (request, reply) => {
    const key = addressKey(request.ip);
    const wait = limiter.retryAfter(key);
    if (wait > 0) {
      // Do not read an upload that is refused anyway.
      if (Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding']) reply.header('connection', 'close');
      return reply
        .code(429)
        .header('retry-after', String(Math.ceil(wait / 1000)))
        .send({ error: 'rate_limited', message: `Too many requests from this address; try again in ${waitText(wait)}` });
    }
    limiter.record(key);
  };
}
