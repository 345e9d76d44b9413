import type { IncomingMessage } from 'node:http';

/**
 * The client's address for per-IP limits. Behind `trustProxy` proxies, the address that the
 * outermost trusted proxy saw: the X-Forwarded-For entries are read from the right, one per
 * proxy, as Fastify does with a hop count, so a client cannot pick its own address by sending
 * the header itself.
 */
export function clientIp(request: IncomingMessage, trustProxy: number): string {
  const remote = request.socket.remoteAddress ?? 'unknown';
  if (trustProxy <= 0) return remote;
  const header = request.headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : header ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .reverse();
  const chain = [remote, ...forwarded];
  return chain[Math.min(trustProxy, chain.length - 1)]!;
}
