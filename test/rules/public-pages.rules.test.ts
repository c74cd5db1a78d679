// The public page's update deadline: counted in working days (Monday to Friday, Beijing dates) from a section's last
// update; a section is flagged once that day has passed.
import { describe, expect, it } from 'vitest';
import { addWorkingDays, reviewOf } from '../../server/modules/public-pages/public-pages.rules';
import { fromLocal } from '../../shared/time';

describe('public pages: working days', () => {
  it('skip weekends: Friday + 1 is Monday, Monday + 5 is the next Monday, Saturday + 1 is Monday', () => {
    expect(addWorkingDays('2026-12-04', 1)).toBe('2026-12-07'); // Fri → Mon
    expect(addWorkingDays('2026-12-07', 5)).toBe('2026-12-14');
    expect(addWorkingDays('2026-12-05', 1)).toBe('2026-12-07'); // Sat → Mon
    expect(addWorkingDays('2026-12-06', 20)).toBe('2027-01-01'); // Sun + four weeks of weekdays
    expect(addWorkingDays('2026-02-27', 2)).toBe('2026-03-03'); // across a month end
  });
});

describe('public pages: which sections the editor flags', () => {
  const updated = fromLocal('2026-12-01', 9 * 60); // a Tuesday morning in Beijing
  it('a section never written is missing, with no due date', () => {
    expect(reviewOf(null, new Date(), 20)).toEqual({ state: 'missing', dueOn: null });
  });

  it('is current up to and including its due day, overdue the day after, by the school’s own period', () => {
    expect(reviewOf(updated, fromLocal('2026-12-29', 23 * 60), 20)).toEqual({ state: 'current', dueOn: '2026-12-29' });
    expect(reviewOf(updated, fromLocal('2026-12-30', 0), 20)).toEqual({ state: 'overdue', dueOn: '2026-12-29' });
    expect(reviewOf(updated, fromLocal('2026-12-30', 0), 21).state).toBe('current');
    expect(reviewOf(updated, fromLocal('2026-12-03', 0), 1)).toEqual({ state: 'overdue', dueOn: '2026-12-02' });
  });

  it('counts Beijing dates: 23:30 on Monday UTC is already Tuesday in Beijing', () => {
    const lateMonday = new Date('2026-11-30T23:30:00Z');
    expect(reviewOf(lateMonday, lateMonday, 1).dueOn).toBe('2026-12-02');
  });
});
