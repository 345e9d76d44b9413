import { parseArgs } from 'node:util';

export interface LoadOptions {
  /** Length of the driven part of the app round, in seconds. */
  seconds: number;
  sessions: number;
  /** Participants per session (each with their own socket); every session also has a facilitator. */
  participants: number;
  /** Length of the round against the bare socket.io reference; 0 skips it. */
  refSeconds: number;
}

export const LOAD_USAGE =
  'usage: node --import tsx bench/load.ts [--seconds N (10-3600, default 120)] [--sessions S (1-200, default 30)]\n' +
  '       [--participants P per session (2-200, default 30)] [--ref-seconds R (0 skips, 10-600, default min(N, 20))]';

/** Reads the flags; a message for people instead when they are wrong. */
export function parseLoadOptions(args: string[]): { ok: true; options: LoadOptions } | { ok: false; message: string } {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        seconds: { type: 'string', default: '120' },
        sessions: { type: 'string', default: '30' },
        participants: { type: 'string', default: '30' },
        'ref-seconds': { type: 'string' },
      },
    }));
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
  const problems: string[] = [];
  const int = (name: string, raw: string | undefined, min: number, max: number, zeroAllowed = false): number => {
    const n = Number(raw);
    if (raw === undefined || raw.trim() === '' || !Number.isInteger(n) || ((n < min || n > max) && !(zeroAllowed && n === 0))) {
      problems.push(`--${name} must be a whole number from ${min} to ${max}${zeroAllowed ? ' (or 0)' : ''} (got ${JSON.stringify(raw)})`);
    }
    return n;
  };
  const seconds = int('seconds', values.seconds, 10, 3600);
  const sessions = int('sessions', values.sessions, 1, 200);
  const participants = int('participants', values.participants, 2, 200);
  const refSeconds = values['ref-seconds'] === undefined ? Math.min(seconds, 20) : int('ref-seconds', values['ref-seconds'], 10, 600, true);
  if (problems.length === 0 && sessions * participants > 6000) problems.push(`--sessions × --participants must stay at most 6000 sockets (got ${sessions * participants})`);
  if (problems.length > 0) return { ok: false, message: problems.join('\n') };
  return { ok: true, options: { seconds, sessions, participants, refSeconds } };
}
