/** The languages dates are written in: the interface's and the report's. */
export type DateLanguage = 'nl' | 'en';

/** The Intl locale of each language: Dutch as written in the Netherlands, English as in Britain (day before month, 24-hour clock). */
export const DATE_LOCALES = { nl: 'nl-NL', en: 'en-GB' } as const satisfies Record<DateLanguage, string>;

/** How much of a date to write: "20 november 2025" (long) or "20 nov 2025" (short). */
export type DateStyle = 'long' | 'short';

const CALENDAR_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A date as the language writes it: "20 november 2025" in Dutch, "20 November 2025" in English.
 * A calendar day ("2025-11-20", as sessions and covers store it) is that day wherever the reader
 * is; a timestamp is read in `timeZone` (the reader's own when left out). Any other text is given
 * back as it is, so a malformed stored date still shows.
 */
export function formatDate(value: string | number, language: DateLanguage, options: { style?: DateStyle; timeZone?: string } = {}): string {
  const month = options.style === 'short' ? 'short' : 'long';
  const format = (ms: number, timeZone: string | undefined) =>
    new Intl.DateTimeFormat(DATE_LOCALES[language], { day: 'numeric', month, year: 'numeric', ...(timeZone ? { timeZone } : {}) }).format(ms);
  if (typeof value === 'number') return Number.isFinite(value) ? format(value, options.timeZone) : '';
  const day = CALENDAR_DAY.exec(value);
  if (!day) return value;
  const ms = Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]));
  // Date.UTC rolls "2025-13-40" over into another day: such a date is shown as stored.
  return new Date(ms).toISOString().startsWith(value) ? format(ms, 'UTC') : value;
}

/** A time of day as the language writes it, hours and minutes on a 24-hour clock: "21:04". */
export function formatTime(ms: number, language: DateLanguage, timeZone?: string): string {
  return new Intl.DateTimeFormat(DATE_LOCALES[language], { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', ...(timeZone ? { timeZone } : {}) }).format(ms);
}
