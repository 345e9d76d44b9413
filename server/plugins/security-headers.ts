import helmet from '@fastify/helmet';
import plainHelmet from 'helmet';
import fp from 'fastify-plugin';

/**
 * The content security policy of the built client (Vite's output: module scripts and CSS files
 * only). Styles allow 'unsafe-inline' because ECharts' SVG renderer and some components set
 * style attributes; QR codes and the favicon are data: URLs; the socket connects back to this
 * origin (ws: and wss: spelled out for browsers that do not count them as 'self').
 */
export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'", 'ws:', 'wss:'],
  'frame-ancestors': ["'none'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

/** Helmet's options here: the same for Fastify's answers and socket.io's own. */
const HELMET_OPTIONS = {
  // Helmet's defaults would add upgrade-insecure-requests, which breaks the app when it is
  // served over plain HTTP on a local network.
  contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
  frameguard: { action: 'deny' as const },
};

/** Security headers (helmet) on every HTTP answer of Fastify: pages, assets, API and downloads. */
export const securityHeaders = fp(
  async (fastify) => {
    await fastify.register(helmet, HELMET_OPTIONS);
    // Answers that need the facilitator key are for that browser only: no cache keeps them.
    fastify.addHook('onSend', async (request, reply) => {
      if (request.headers.authorization !== undefined) reply.header('cache-control', 'no-store');
    });
  },
  { name: 'security-headers' },
);

/**
 * The same headers as Express-style middleware, for the answers socket.io writes itself
 * (long-polling), which never pass through Fastify.
 */
export const engineSecurityHeaders = () => plainHelmet(HELMET_OPTIONS);
