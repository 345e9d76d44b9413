import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';

/**
 * Serves the built client; every other GET that is not API or socket answers with index.html
 * so the client router can take over deep links like /j/C7KM3P.
 */
export function clientFiles(root: string): FastifyPluginAsync {
  return async (app) => {
    if (!existsSync(root)) {
      app.log.warn({ root }, 'client not built; run `npm run build` (API and socket still work)');
      return;
    }
    await app.register(fastifyStatic, { root, wildcard: false });
    app.setNotFoundHandler((request, reply) => {
      const url = request.url;
      if (request.method !== 'GET' || url.startsWith('/api/') || url.startsWith('/socket.io')) {
        return reply.code(404).send({ error: 'not_found', message: 'Not found' });
      }
      return reply.sendFile('index.html');
    });
  };
}
