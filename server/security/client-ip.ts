import ipaddr from 'ipaddr.js';
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

/**
 * The key per-address limits count under. An IPv6 host usually owns a whole /64 and can pick any
 * address in it, so IPv6 addresses count per /64; an IPv4-mapped IPv6 address counts as its IPv4
 * address. Anything unparsable counts as itself.
 */
export function addressKey(address: string): string {
  if (!ipaddr.isValid(address)) return address;
  const parsed = ipaddr.process(address);
  if (parsed.kind() === 'ipv4') return parsed.toString();
  const prefix = (parsed as ipaddr.IPv6).parts.slice(0, 4).map((part) => part.toString(16));
  return `${prefix.join(':')}::/64`;
}

/** The client's address key (see `addressKey`) of a socket or HTTP request. */
export const clientKey = (request: IncomingMessage, trustProxy: number): string => addressKey(clientIp(request, trustProxy));
