import { describe, expect, it } from 'vitest';
import { controlTimer, IDLE_TIMER, isRunning, remainingMs } from '../../../shared/domain/timer.ts';
import { TimerControlSchema, type TimerControl } from '../../../shared/schemas/commands.ts';
import { LIMITS } from '../../../shared/schemas/common.ts';
import { TimerSchema, type Timer } from '../../../shared/schemas/session.ts';
import { expectFail, frozen, T0, unwrap } from '../fixtures.ts';

const MIN = 60_000;
const sessionId = 'session-0001';
const start = (ms: number): TimerControl => ({ sessionId, action: 'start', ms });
const add = (ms: number): TimerControl => ({ sessionId, action: 'add', ms });
const PAUSE: TimerControl = { sessionId, action: 'pause' };
const RESUME: TimerControl = { sessionId, action: 'resume' };
const RESET: TimerControl = { sessionId, action: 'reset' };

/** A 10-minute timer started at T0. */
const running = (): Timer => frozen(unwrap(controlTimer(IDLE_TIMER, start(10 * MIN), T0)));

describe('idle timer', () => {
  it('has no time and is not running', () => {
    expect(IDLE_TIMER).toEqual({ durationMs: 0, endsAt: null, remainingMs: 0 });
    expect(remainingMs(IDLE_TIMER, T0)).toBe(0);
    expect(isRunning(IDLE_TIMER, T0)).toBe(false);
  });
});

describe('start', () => {
  it('runs from now for the given time', () => {
    const timer = running();
    expect(timer).toEqual({ durationMs: 10 * MIN, endsAt: T0 + 10 * MIN, remainingMs: 10 * MIN });
    expect(isRunning(timer, T0)).toBe(true);
  });

  it('counts down with the clock and never below zero', () => {
    const timer = running();
    expect(remainingMs(timer, T0 + 4 * MIN)).toBe(6 * MIN);
    expect(remainingMs(timer, T0 + 10 * MIN)).toBe(0);
    expect(isRunning(timer, T0 + 10 * MIN)).toBe(false);
    expect(remainingMs(timer, T0 + 60 * MIN)).toBe(0);
  });

  it('restarts a running timer with the new time', () => {
    expect(unwrap(controlTimer(running(), start(3 * MIN), T0 + MIN))).toEqual({ durationMs: 3 * MIN, endsAt: T0 + 4 * MIN, remainingMs: 3 * MIN });
  });
});

describe('pause and resume', () => {
  it('pause freezes the time left', () => {
    const paused = unwrap(controlTimer(running(), PAUSE, T0 + 4 * MIN));
    expect(paused).toEqual({ durationMs: 10 * MIN, endsAt: null, remainingMs: 6 * MIN });
    expect(remainingMs(paused, T0 + 50 * MIN)).toBe(6 * MIN);
    expect(isRunning(paused, T0 + 5 * MIN)).toBe(false);
  });

  it('resume runs the time left from the moment of resuming', () => {
    const paused = unwrap(controlTimer(running(), PAUSE, T0 + 4 * MIN));
    const resumed = unwrap(controlTimer(paused, RESUME, T0 + 20 * MIN));
    expect(resumed).toEqual({ durationMs: 10 * MIN, endsAt: T0 + 26 * MIN, remainingMs: 6 * MIN });
    expect(remainingMs(resumed, T0 + 21 * MIN)).toBe(5 * MIN);
  });

  it('pausing a timer that is not running is a conflict', () => {
    expectFail(controlTimer(IDLE_TIMER, PAUSE, T0), 'conflict');
    const paused = unwrap(controlTimer(running(), PAUSE, T0 + MIN));
    expectFail(controlTimer(paused, PAUSE, T0 + 2 * MIN), 'conflict');
  });

  it('resuming a running timer is a conflict', () => {
    expectFail(controlTimer(running(), RESUME, T0 + MIN), 'conflict');
  });

  it('resuming without time left is a conflict', () => {
    expectFail(controlTimer(IDLE_TIMER, RESUME, T0), 'conflict');
    const pausedAtEnd = unwrap(controlTimer(running(), PAUSE, T0 + 11 * MIN));
    expect(pausedAtEnd.remainingMs).toBe(0);
    expectFail(controlTimer(pausedAtEnd, RESUME, T0 + 12 * MIN), 'conflict');
  });
});

describe('add', () => {
  it('extends a running timer and its duration', () => {
    expect(unwrap(controlTimer(running(), add(5 * MIN), T0 + 4 * MIN))).toEqual({
      durationMs: 15 * MIN,
      endsAt: T0 + 15 * MIN,
      remainingMs: 11 * MIN,
    });
  });

  it('extends a paused timer without starting it', () => {
    const paused = unwrap(controlTimer(running(), PAUSE, T0 + 4 * MIN));
    expect(unwrap(controlTimer(paused, add(MIN), T0 + 30 * MIN))).toEqual({ durationMs: 11 * MIN, endsAt: null, remainingMs: 7 * MIN });
  });

  it('gives an idle timer time without starting it', () => {
    expect(unwrap(controlTimer(IDLE_TIMER, add(2 * MIN), T0))).toEqual({ durationMs: 2 * MIN, endsAt: null, remainingMs: 2 * MIN });
  });

  it('shortens a running timer', () => {
    expect(unwrap(controlTimer(running(), add(-3 * MIN), T0 + MIN))).toEqual({ durationMs: 7 * MIN, endsAt: T0 + 7 * MIN, remainingMs: 6 * MIN });
  });

  it('stops a timer that is shortened past zero, without negative times', () => {
    expect(unwrap(controlTimer(running(), add(-20 * MIN), T0 + MIN))).toEqual({ durationMs: 0, endsAt: null, remainingMs: 0 });
    expect(unwrap(controlTimer(running(), add(-9 * MIN - 30_000), T0 + MIN))).toEqual({ durationMs: MIN - 30_000, endsAt: null, remainingMs: 0 });
  });

  it('runs again when time is added to a timer that has just run out', () => {
    expect(unwrap(controlTimer(running(), add(2 * MIN), T0 + 12 * MIN))).toEqual({ durationMs: 12 * MIN, endsAt: T0 + 14 * MIN, remainingMs: 2 * MIN });
  });

  it('refuses to grow the timer past what a stored session can hold', () => {
    const max = LIMITS.timerMs * 2;
    let timer = unwrap(controlTimer(IDLE_TIMER, start(LIMITS.timerMs), T0));
    timer = unwrap(controlTimer(timer, add(LIMITS.timerMs), T0));
    expect(timer.durationMs).toBe(max);
    expect(TimerSchema.safeParse(timer).success).toBe(true);
    expectFail(controlTimer(timer, add(1000), T0), 'too_large');
    expectFail(controlTimer(timer, add(LIMITS.timerMs), T0), 'too_large');
  });
});

describe('reset', () => {
  it.each([
    ['running', running()],
    ['idle', IDLE_TIMER],
  ])('makes a %s timer idle', (_label, timer) => {
    expect(unwrap(controlTimer(timer, RESET, T0 + MIN))).toEqual(IDLE_TIMER);
  });
});

describe('every timer it makes can be stored', () => {
  it('after a long mixed sequence of commands (all valid per the command schema)', () => {
    const steps: [number, TimerControl][] = [
      [0, start(LIMITS.timerMs)],
      [MIN, add(LIMITS.timerMs)],
      [2 * MIN, add(LIMITS.timerMs)],
      [3 * MIN, PAUSE],
      [4 * MIN, add(-LIMITS.timerMs)],
      [5 * MIN, RESUME],
      [6 * MIN, add(-LIMITS.timerMs)],
      [7 * MIN, add(-LIMITS.timerMs)],
      [8 * MIN, RESUME],
      [9 * MIN, add(30 * MIN)],
      [10 * MIN, RESET],
    ];
    let timer = IDLE_TIMER;
    for (const [at, command] of steps) {
      expect(TimerControlSchema.safeParse(command).success).toBe(true);
      const result = controlTimer(timer, command, T0 + at);
      if (result.ok) timer = result.data;
      expect(TimerSchema.safeParse(timer).success).toBe(true);
      expect(timer.remainingMs).toBeLessThanOrEqual(timer.durationMs);
    }
  });
});
