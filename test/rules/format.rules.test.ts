// Dates and times as people in Beijing write them (web/src/lib/format.ts), in Chinese and in English: what the
// calendars' titles and columns say.
import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateRange,
  formatDay,
  formatMonth,
  formatPlainDate,
  formatTime,
} from '../../web/src/lib/format';

const at = (date: string, time = '10:00') => `${date}T${time}:00+08:00`;

describe('format: a calendar written the Beijing way', () => {
  it('a week: the year and month said once where they repeat', () => {
    expect(formatDateRange(at('2026-11-30'), at('2026-12-06'), 'zh')).toBe('2026年11月30日–12月6日');
    expect(formatDateRange(at('2026-11-30'), at('2026-12-06'), 'en')).toBe('30 Nov – 6 Dec 2026');
    expect(formatDateRange(at('2026-12-07'), at('2026-12-13'), 'zh')).toBe('2026年12月7日–13日');
    expect(formatDateRange(at('2026-12-07'), at('2026-12-13'), 'en')).toBe('7–13 Dec 2026');
  });
  it('a week across the new year says both years', () => {
    expect(formatDateRange(at('2026-12-28'), at('2027-01-03'), 'zh')).toBe('2026年12月28日–2027年1月3日');
    expect(formatDateRange(at('2026-12-28'), at('2027-01-03'), 'en')).toBe('28 Dec 2026 – 3 Jan 2027');
  });
  it('a column: day and weekday; a day: with its year; a month: year and month', () => {
    expect(formatDay(at('2026-12-02'), 'zh')).toBe('12月2日 周三');
    expect(formatDay(at('2026-12-02'), 'en')).toBe('Wed 2 Dec');
    expect(formatDate(at('2026-12-08'), 'zh')).toBe('2026年12月8日 周二');
    expect(formatDate(at('2026-12-08'), 'en')).toBe('Tue 8 Dec 2026');
    expect(formatMonth(at('2026-12-02'), 'zh')).toBe('2026年12月');
    expect(formatMonth(at('2026-12-02'), 'en')).toBe('December 2026');
  });
  it('a calendar day as the API sends it (YYYY-MM-DD): without a weekday, the same day in Beijing', () => {
    expect(formatPlainDate('2027-08-31', 'zh')).toBe('2027年8月31日');
    expect(formatPlainDate('2027-08-31', 'en')).toBe('31 Aug 2027');
    expect(formatMonth('2027-02-01', 'zh')).toBe('2027年2月');
  });
  it('in Beijing time whatever the clock of the machine, on a 24-hour clock in both languages', () => {
    // 01:30 on Wednesday in Beijing is still Tuesday in UTC.
    expect(formatDay('2026-12-01T17:30:00Z', 'zh')).toBe('12月2日 周三');
    expect(formatTime('2026-12-02T14:00:00+08:00', 'zh')).toBe('14:00');
    expect(formatTime('2026-12-02T14:00:00+08:00', 'en')).toBe('14:00');
  });
});
