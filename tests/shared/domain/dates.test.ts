import { describe, expect, it } from 'vitest';
import { DATE_LOCALES, formatDate, formatTime } from '../../../shared/domain/dates.ts';

describe('formatDate', () => {
  it('writes a calendar day as each language does, with the month in words', () => {
    expect(formatDate('2025-11-20', 'nl')).toBe('20 november 2025');
    expect(formatDate('2025-11-20', 'en')).toBe('20 November 2025');
    expect(formatDate('2025-03-04', 'en', { style: 'short' })).toBe('4 Mar 2025');
    expect(formatDate('2025-03-04', 'nl', { style: 'short' })).toBe('4 mrt 2025');
  });

  it('keeps a calendar day on its day in any time zone', () => {
    expect(formatDate('2025-01-01', 'nl', { timeZone: 'Pacific/Honolulu' })).toBe('1 januari 2025');
    expect(formatDate('2025-12-31', 'en', { timeZone: 'Pacific/Kiritimati' })).toBe('31 December 2025');
  });

  it('reads a timestamp in the time zone asked for', () => {
    const lateEvening = Date.UTC(2025, 10, 20, 23, 30);
    expect(formatDate(lateEvening, 'nl', { timeZone: 'UTC' })).toBe('20 november 2025');
    expect(formatDate(lateEvening, 'en', { timeZone: 'Europe/Amsterdam' })).toBe('21 November 2025');
  });

  it('gives back what is no date as it is', () => {
    expect(formatDate('2025-13-40', 'nl')).toBe('2025-13-40');
    expect(formatDate('volgende week', 'en')).toBe('volgende week');
    expect(formatDate(Number.NaN, 'en')).toBe('');
  });

  it('uses the Dutch and British locales', () => {
    expect(DATE_LOCALES).toEqual({ nl: 'nl-NL', en: 'en-GB' });
  });
});

describe('formatTime', () => {
  it('writes hours and minutes on a 24-hour clock in both languages', () => {
    const evening = Date.UTC(2025, 10, 20, 20, 4);
    expect(formatTime(evening, 'nl', 'UTC')).toBe('20:04');
    expect(formatTime(evening, 'en', 'UTC')).toBe('20:04');
    expect(formatTime(Date.UTC(2025, 10, 20, 8, 5), 'en', 'Europe/Amsterdam')).toBe('09:05');
  });
});
