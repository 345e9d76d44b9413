import { fail, ok, type Result } from '../protocol/errors.ts';
import type { TimerControl } from '../schemas/commands.ts';
import { LIMITS } from '../schemas/common.ts';
import type { Timer } from '../schemas/session.ts';

/** An idle timer. */
export const IDLE_TIMER: Timer = { durationMs: 0, endsAt: null, remainingMs: 0 };

/** Time left at `now`, never negative. */
export function remainingMs(timer: Timer, now: number): number {
  return timer.endsAt === null ? timer.remainingMs : Math.max(0, timer.endsAt - now);
}

export const isRunning = (timer: Timer, now: number): boolean => timer.endsAt !== null && timer.endsAt > now;

/** Applies a facilitator's timer action. */
export function controlTimer(timer: Timer, command: TimerControl, now: number): Result<Timer> {
  switch (command.action) {
    case 'start':
      return ok({ durationMs: command.ms, endsAt: now + command.ms, remainingMs: command.ms });
    case 'pause':
      if (timer.endsAt === null) return fail('conflict', 'The timer is not running');
      return ok({ ...timer, endsAt: null, remainingMs: remainingMs(timer, now) });
    case 'resume': {
      const left = remainingMs(timer, now);
      if (timer.endsAt !== null) return fail('conflict', 'The timer is already running');
      if (left <= 0) return fail('conflict', 'No time left to resume');
      return ok({ ...timer, endsAt: now + left });
    }
    case 'add': {
      const left = Math.max(0, remainingMs(timer, now) + command.ms);
      const durationMs = Math.max(0, timer.durationMs + command.ms);
      // TimerSchema bounds the stored timer; a session holding more would not load again.
      if (durationMs > LIMITS.timerMs * 2 || left > LIMITS.timerMs * 2) return fail('too_large', 'The timer cannot run that long');
      const running = timer.endsAt !== null && left > 0;
      return ok({ durationMs, endsAt: running ? now + left : null, remainingMs: left });
    }
    case 'reset':
      return ok(IDLE_TIMER);
  }
}
