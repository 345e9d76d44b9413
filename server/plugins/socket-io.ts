import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import fp from 'fastify-plugin';
import { Server } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from '../../shared/protocol/events.ts';
import { originAllowed } from '../security/origin.ts';
import { engineSecurityHeaders } from './security-headers.ts';

export type IoServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

declare module 'fastify' {
  interface FastifyInstance {
    io: IoServer;
  }
}

/** Largest socket message accepted; bigger ones close the connection (socket.io's own check). */
export const MAX_MESSAGE_BYTES = 64 * 1024;

export interface SocketIoOptions {
  /** Origins besides the request's own host whose pages may open a socket (see `originAllowed`). */
  allowedOrigins: readonly string[];
}

/** Attaches a typed socket.io server to Fastify's HTTP server and closes it with Fastify. */
export const socketIoPlugin = fp<SocketIoOptions>(
  async (fastify, options) => {
    const allowed = new Set(options.allowedOrigins);
    const io: IoServer = new Server(fastify.server, {
      maxHttpBufferSize: MAX_MESSAGE_BYTES,
      serveClient: false,
      pingInterval: 10_000,
      pingTimeout: 8_000,
      // Every engine.io request (polling and the WebSocket upgrade) passes here.
      allowRequest: (request, callback) => {
        const origin = request.headers.origin;
        if (originAllowed(origin, request.headers.host, allowed)) return callback(null, true);
        fastify.log.warn({ origin: origin?.slice(0, 200), host: request.headers.host }, 'socket handshake from another origin refused (see ALLOWED_ORIGINS)');
        callback('Origin not allowed: open the app from its own address', false);
      },
    });
    io.engine.use(engineSecurityHeaders());
    // engine.io answers a refused WebSocket upgrade with 400; a refused origin is a 403, as for
    // polling. Answered here first, engine.io then finds the socket closed and leaves it.
    fastify.server.prependListener('upgrade', (request: IncomingMessage, socket: Duplex) => {
      if (!request.url?.startsWith(`${io.path()}/`) || originAllowed(request.headers.origin, request.headers.host, allowed)) return;
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    });
    fastify.decorate('io', io);
    // Closing the transport (rather than sending a disconnect) lets clients reconnect on their
    // own to the restarted server, without a reload.
    fastify.addHook('preClose', async () => {
      await io.close();
    });
  },
  { name: 'socket-io' },
);
