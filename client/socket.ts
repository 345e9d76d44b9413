import { io, type Socket } from 'socket.io-client';
import type { Ack, ClientToServerEvents, CommandData, CommandName, CommandPayload, HandshakeAuth, ServerToClientEvents } from '@shared/protocol/events.ts';
import type { ErrorCode } from '@shared/protocol/errors.ts';

/** The one socket of the app. Stores connect it; components never touch it. */
export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export const socket: AppSocket = io({ autoConnect: false, auth: {} satisfies HandshakeAuth });

/** Failures that never reach the server: no connection, or no ack in time. */
export type ClientErrorCode = 'offline' | 'timeout';

export type CommandFailure = { ok: false; error: ErrorCode | ClientErrorCode; message: string };
export type CommandResult<T> = { ok: true; data: T } | CommandFailure;

export const COMMAND_TIMEOUT_MS = 8000;

/** Whether a failure is worth retrying with the same payload (the commands are idempotent by id). */
export const isTransient = (failure: CommandFailure): boolean =>
  failure.error === 'offline' || failure.error === 'timeout' || failure.error === 'rate_limited';

type UntypedEmitWithAck = (event: string, payload: unknown) => Promise<unknown>;

function isAck(value: unknown): value is Ack<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

/**
 * Sends one command and waits for its ack. The only way the client talks to the server.
 * Refuses while disconnected, because socket.io would otherwise buffer the packet and send it
 * on reconnect, before the socket has resumed its session.
 */
export async function sendCommand<E extends CommandName>(
  event: E,
  payload: CommandPayload<E>,
  timeoutMs = COMMAND_TIMEOUT_MS,
): Promise<CommandResult<CommandData<E>>> {
  if (!socket.connected) return { ok: false, error: 'offline', message: 'Not connected' };
  const timed = socket.timeout(timeoutMs);
  try {
    // The generic event name defeats socket.io's tuple inference; the event map still types the call site.
    const ack = await (timed.emitWithAck as unknown as UntypedEmitWithAck).call(timed, event, payload);
    if (!isAck(ack)) return { ok: false, error: 'internal', message: 'Malformed acknowledgement' };
    return ack as Ack<CommandData<E>>;
  } catch {
    return { ok: false, error: socket.connected ? 'timeout' : 'offline', message: 'No acknowledgement' };
  }
}
