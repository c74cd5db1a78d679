import { describe, expect, it } from 'vitest';
import { parseFacilitySearch } from '../../shared/facility-search';

// A Sunday in Beijing.
const now = new Date('2026-11-29T10:00:00+08:00');

describe('facility search: what a teacher types', () => {
  it('reads 实验室 周四下午 40人', () => {
    expect(parseFacilitySearch('实验室 周四下午 40人', now)).toEqual({
      q: '实验室',
      capacity: 40,
      window: { date: '2026-12-03', start: '14:00', end: '18:00' },
    });
  });

  it('reads English, relative days and clock times', () => {
    expect(parseFacilitySearch('gym tomorrow morning 30 people', now)).toEqual({
      q: 'gym',
      capacity: 30,
      window: { date: '2026-11-30', start: '08:00', end: '12:00' },
    });
    expect(parseFacilitySearch('报告厅 明天 14:00-16:30', now)).toEqual({
      q: '报告厅',
      window: { date: '2026-11-30', start: '14:00', end: '16:30' },
    });
    expect(parseFacilitySearch('星期日 上午', now).window).toEqual({
      date: '2026-11-29',
      start: '08:00',
      end: '12:00',
    });
  });

  it('leaves plain words alone', () => {
    expect(parseFacilitySearch('化学 通风橱', now)).toEqual({ q: '化学 通风橱' });
  });
});
