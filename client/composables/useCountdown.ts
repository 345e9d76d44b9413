import { computed, onScopeDispose, ref, toValue, watch, type ComputedRef, type MaybeRefOrGetter } from 'vue';
import { remainingMs } from '@shared/domain/timer.ts';
import type { Timer } from '@shared/schemas/session.ts';

export type CountdownState = 'idle' | 'running' | 'paused' | 'done';

export interface UseCountdownOptions {
  timer: MaybeRefOrGetter<Timer | null | undefined>;
  /** Server clock minus the local clock, in ms. */
  clockOffset: MaybeRefOrGetter<number>;
}

export interface UseCountdownReturn {
  remaining: ComputedRef<number>;
  state: ComputedRef<CountdownState>;
  /** 0..1 of the time used, for a progress bar. */
  progress: ComputedRef<number>;
}

const TICK_MS = 250;

/** A live countdown of the session timer, ticking only while the timer runs. */
export function useCountdown({ timer, clockOffset }: UseCountdownOptions): UseCountdownReturn {
  const now = ref(Date.now());
  let handle: ReturnType<typeof setInterval> | undefined;

  const stop = (): void => {
    clearInterval(handle);
    handle = undefined;
  };

  const remaining = computed(() => {
    const t = toValue(timer);
    return t ? remainingMs(t, now.value + toValue(clockOffset)) : 0;
  });

  const state = computed<CountdownState>(() => {
    const t = toValue(timer);
    if (!t || (t.durationMs === 0 && t.endsAt === null && t.remainingMs === 0)) return 'idle';
    if (remaining.value <= 0) return 'done';
    return t.endsAt === null ? 'paused' : 'running';
  });

  const progress = computed(() => {
    const duration = toValue(timer)?.durationMs ?? 0;
    return duration > 0 ? Math.min(1, Math.max(0, 1 - remaining.value / duration)) : 0;
  });

  watch(
    () => toValue(timer)?.endsAt ?? null,
    (endsAt) => {
      now.value = Date.now();
      stop();
      if (endsAt !== null) handle = setInterval(() => (now.value = Date.now()), TICK_MS);
    },
    { immediate: true },
  );
  onScopeDispose(stop);

  return { remaining, state, progress };
}

/** 125000 -> "2:05"; rounds up so "0:00" means time is really up. */
export function formatDuration(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}
