import type { Socket } from 'socket.io';
import type { z } from 'zod';
import type { Ack, ClientToServerEvents, CommandName, ServerToClientEvents, SocketData } from '../../shared/protocol/events.ts';
import { CorruptFileError, StorageWriteError } from '../storage/errors.ts';
import type { RealtimeDeps } from './deps.ts';

export type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** A command's work once its payload is valid: returns the ack. Throws only for bugs and I/O. */
export type Handler<S extends z.ZodType, T> = (input: z.output<S>, socket: AppSocket) => Promise<Ack<T>> | Ack<T>;

/** A registered command: turns a socket into its listener. */
export type Command = (socket: AppSocket) => (...args: unknown[]) => void;

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`)
    .join('; ');
}

/**
 * The one place that validates payloads, maps failures to error acks and logs. Handlers never
 * repeat try/catch. A command without an ack callback is dropped: every command must be acked.
 * socket.io passes the ack last, so a missing payload or extra arguments are still answered.
 * Every event has passed `gateEvents` (rate limit, unknown events) before it gets here.
 */
export function command<S extends z.ZodType, T>(name: CommandName, schema: S, handler: Handler<S, T>, deps: Pick<RealtimeDeps, 'log'>): Command {
  return (socket) => (...args) => {
    const ack = args.at(-1);
    if (typeof ack !== 'function') {
      deps.log.debug({ event: name, socket: socket.id }, 'command without ack dropped');
      return;
    }
    const reply = ack as (result: Ack<T>) => void;
    if (args.length !== 2) {
      reply({ ok: false, error: 'invalid_payload', message: 'A command takes exactly one payload' });
      return;
    }
    const parsed = schema.safeParse(args[0]);
    if (!parsed.success) {
      reply({ ok: false, error: 'invalid_payload', message: describe(parsed.error) });
      return;
    }
    Promise.resolve()
      .then(() => handler(parsed.data, socket))
      .then(reply, (error: unknown) => {
        if (error instanceof StorageWriteError) {
          deps.log.error({ err: error, event: name }, 'write failed; change rolled back');
          reply({ ok: false, error: 'storage_failed', message: 'The change could not be saved; nothing was changed. Try again.' });
        } else if (error instanceof CorruptFileError) {
          reply({ ok: false, error: 'corrupt_file', message: error.message });
        } else {
          deps.log.error({ err: error, event: name, socket: socket.id }, 'command failed');
          reply({ ok: false, error: 'internal', message: 'Internal error' });
        }
      });
  };
}
