import helmet from '@fastify/helmet';
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

/** Security headers (helmet) on every HTTP answer: pages, assets, API and downloads. */
export const securityHeaders = fp(
  async (fastify) => {
    await fastify.register(helmet, {
      // Helmet's defaults would add upgrade-insecure-requests, which breaks the app when it is
      // served over plain HTTP on a local network.
      contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
      frameguard: { action: 'deny' },
    });
  },
  { name: 'security-headers' },
);
