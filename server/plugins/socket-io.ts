import fp from 'fastify-plugin';
import { Server } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from '../../shared/protocol/events.ts';

export type IoServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

declare module 'fastify' {
  interface FastifyInstance {
    io: IoServer;
  }
}

/** Largest socket message accepted; bigger ones close the connection (socket.io's own check). */
export const MAX_MESSAGE_BYTES = 64 * 1024;

/** Attaches a typed socket.io server to Fastify's HTTP server and closes it with Fastify. */
export const socketIoPlugin = fp(
  async (fastify) => {
    const io: IoServer = new Server(fastify.server, {
      maxHttpBufferSize: MAX_MESSAGE_BYTES,
      serveClient: false,
      pingInterval: 10_000,
      pingTimeout: 8_000,
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
