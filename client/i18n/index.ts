import { createI18n } from 'vue-i18n';
import { en } from './en.ts';
import { nl, type MessageSchema } from './nl.ts';

export const LOCALES = ['nl', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const isLocale = (value: unknown): value is Locale => LOCALES.includes(value as Locale);

/** One i18n instance; stores translate error toasts through `i18n.global`. */
export const i18n = createI18n<[MessageSchema], Locale, false>({
  legacy: false,
  locale: 'nl',
  fallbackLocale: 'nl',
  messages: { nl, en },
});
