import { defineStore } from 'pinia';
import { ref, watch } from 'vue';
import { z } from 'zod';
import { formatDate, formatTime, type DateStyle } from '@shared/domain/dates.ts';
import { i18n, isLocale, LOCALES, type Locale } from '../i18n/index.ts';
import { readStored, STORAGE_PREFIX, writeStored } from '../lib/storage.ts';
import type { CommandFailure } from '../socket.ts';

export interface ToastAction {
  label: string;
  run: () => void;
}

export interface Toast {
  id: number;
  kind: 'info' | 'success' | 'error';
  text: string;
  action?: ToastAction;
}

const LOCALE_KEY = `${STORAGE_PREFIX}locale`;
const TOAST_MS = { info: 5000, success: 4000, error: 8000 } as const;
/** Undo must stay reachable long enough to move a hand from the keyboard to the mouse and back. */
const ACTION_TOAST_MS = 10_000;

/** Language and passing messages: what the whole app shows besides the session. */
export const useUiStore = defineStore('ui', () => {
  const locale = ref<Locale>(readStored(LOCALE_KEY, z.enum(LOCALES)) ?? 'nl');
  const toasts = ref<Toast[]>([]);
  let nextId = 1;

  watch(
    locale,
    (value) => {
      i18n.global.locale.value = value;
      document.documentElement.lang = value;
      writeStored(LOCALE_KEY, value);
    },
    { immediate: true },
  );

  function setLocale(value: string): void {
    if (isLocale(value)) locale.value = value;
  }

  /** A date in the reader's language: "20 november 2025", "20 November 2025" (see `formatDate`). */
  const date = (value: string | number, style: DateStyle = 'long'): string => formatDate(value, locale.value, { style });
  /** A time of day in the reader's language and time zone: "21:04". */
  const time = (ms: number): string => formatTime(ms, locale.value);

  function dismiss(id: number): void {
    toasts.value = toasts.value.filter((t) => t.id !== id);
  }

  function notify(kind: Toast['kind'], text: string, action?: ToastAction): number {
    const id = nextId++;
    toasts.value = [...toasts.value.slice(-4), { id, kind, text, ...(action ? { action } : {}) }];
    setTimeout(() => dismiss(id), action ? ACTION_TOAST_MS : TOAST_MS[kind]);
    return id;
  }

  /** Shows a failed command in the reader's language; the server's message is for logs. */
  function notifyFailure(failure: CommandFailure): void {
    notify('error', i18n.global.t(`errors.${failure.error}`));
  }

  return { locale, toasts, setLocale, date, time, notify, notifyFailure, dismiss };
});
