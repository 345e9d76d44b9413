import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientIp } from '../../../server/security/client-ip.ts';
import { tokenBucket, waitText, windowLimiter } from '../../../server/security/rate-limiter.ts';

const clock = (start = 0) => {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
};

describe('tokenBucket', () => {
  it('allows a burst, then refills at its rate up to the burst', () => {
    const c = clock();
    const bucket = tokenBucket(3, 2, c.now);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
    c.advance(499);
    expect(bucket.take()).toBe(false);
    c.advance(1);
    expect([bucket.take(), bucket.take()]).toEqual([true, false]);
    c.advance(60_000);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
  });
});

describe('windowLimiter', () => {
  it('blocks a key for blockMs once it reaches max in a window; other keys are free', () => {
    const c = clock();
    const limiter = windowLimiter({ max: 3, windowMs: 1000, blockMs: 5000 }, c.now);
    limiter.record('a');
    c.advance(400);
    limiter.record('a');
    expect(limiter.retryAfter('a')).toBe(0);
    limiter.record('a');
    expect(limiter.retryAfter('a')).toBe(5000);
    expect(limiter.retryAfter('b')).toBe(0);
    c.advance(4999);
    expect(limiter.retryAfter('a')).toBe(1);
    c.advance(1);
    expect(limiter.retryAfter('a')).toBe(0);
  });

  it('starts a new count in a new window', () => {
    const c = clock();
    const limiter = windowLimiter({ max: 2, windowMs: 1000, blockMs: 1000 }, c.now);
    limiter.record('a');
    c.advance(1000);
    limiter.record('a');
    expect(limiter.retryAfter('a')).toBe(0);
  });

  it('forgets keys whose window and block have passed', () => {
    const c = clock();
    const limiter = windowLimiter({ max: 1, windowMs: 1000, blockMs: 3000 }, c.now);
    for (let i = 0; i < 1000; i++) limiter.record(`10.0.${Math.floor(i / 256)}.${i % 256}`);
    expect(limiter.size).toBe(1000);
    c.advance(1000);
    limiter.record('other');
    // Still blocked, so still remembered.
    expect(limiter.size).toBe(1001);
    c.advance(2000);
    limiter.record('other');
    expect(limiter.size).toBe(1);
    expect(limiter.retryAfter('10.0.0.1')).toBe(0);
  });
});

describe('waitText', () => {
  it.each([[1, '1 second'], [1500, '2 seconds'], [89_000, '89 seconds'], [90_000, '2 minutes'], [300_000, '5 minutes']])('%d ms: %s', (ms, text) => {
    expect(waitText(ms)).toBe(text);
  });
});

describe('clientIp', () => {
  const request = (remoteAddress: string, forwarded?: string) =>
    ({ socket: { remoteAddress }, headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded } }) as unknown as IncomingMessage;

  it.each([
    ['no proxy trusted: the peer, whatever the header says', request('10.0.0.9', '1.2.3.4'), 0, '10.0.0.9'],
    ['one proxy: the address it saw', request('10.0.0.9', '6.6.6.6, 1.2.3.4'), 1, '1.2.3.4'],
    ['two proxies', request('10.0.0.9', '6.6.6.6, 1.2.3.4, 10.0.0.8'), 2, '1.2.3.4'],
    ['more trusted than present: the furthest', request('10.0.0.9', '1.2.3.4'), 3, '1.2.3.4'],
    ['proxy trusted but no header', request('10.0.0.9'), 1, '10.0.0.9'],
  ])('%s', (_name, req, hops, ip) => {
    expect(clientIp(req, hops)).toBe(ip);
  });
});
