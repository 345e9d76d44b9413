import { clientKey } from '../security/client-ip.ts';
import type { AppSocket } from './command.ts';

/**
 * Socket.io middleware that admits at most `max` open sockets per client address (IPv6 per /64,
 * see `addressKey`); past that the handshake is refused with `too_many_connections`. Registered
 * last, so every socket it admits connects and is counted out again when it disconnects.
 */
export function limitConnections(max: number, trustProxy: number) {
  const open = new Map<string, number>();
  return (socket: AppSocket, next: (error?: Error) => void): void => {
    const key = clientKey(socket.request, trustProxy);
    const count = open.get(key) ?? 0;
    if (count >= max) return next(new Error('too_many_connections'));
    open.set(key, count + 1);
    socket.once('disconnect', () => {
      const left = (open.get(key) ?? 1) - 1;
      if (left > 0) open.set(key, left);
      else open.delete(key);
    });
    next();
  };
}
