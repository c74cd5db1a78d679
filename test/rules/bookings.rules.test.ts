import { describe, expect, it } from 'vitest';
import {
  allowedFrom,
  expandWeekly,
  freeWithin,
  fromLocal,
  openIntervals,
  problemsOf,
  termOf,
  toLocal,
  withinOpeningHours,
} from '../../server/modules/bookings/bookings.rules';

const at = (local: string) => new Date(`${local}+08:00`);
const weekdays = Object.fromEntries(['1', '2', '3', '4', '5'].map((d) => [d, [{ start: '08:00', end: '18:00' }]]));
const lab = { capacity: 48, openingHours: weekdays, minNoticeHours: 24, maxLengthMinutes: 180, advanceDays: 90 };

/** Open intervals as `date start-end` in Beijing time, in units of `per` minutes (60: hours). */
const shown = (open: { startsAt: Date; endsAt: Date }[], per: number) =>
  open.map(
    (o) => `${toLocal(o.startsAt).date} ${toLocal(o.startsAt).minutes / per}-${toLocal(o.endsAt).minutes / per}`,
  );

describe('bookings rules: Beijing local time', () => {
  it('reads weekday and minutes in UTC+8 whatever the server clock', () => {
    expect(toLocal(at('2026-12-03T14:30:00'))).toEqual({ date: '2026-12-03', weekday: 4, minutes: 870 });
    expect(fromLocal('2026-12-03', 870).toISOString()).toBe('2026-12-03T06:30:00.000Z');
  });
});

describe('bookings rules: weekly recurrence (rrule)', () => {
  it('expands Tuesdays and Thursdays until a date, keeping the wall-clock time', () => {
    const { occurrences, rule } = expandWeekly(at('2026-12-01T14:00:00'), at('2026-12-01T15:30:00'), {
      weekdays: [2, 4],
      until: '2026-12-17',
    });
    expect(occurrences.map((o) => toLocal(o.startsAt).date)).toEqual([
      '2026-12-01',
      '2026-12-03',
      '2026-12-08',
      '2026-12-10',
      '2026-12-15',
      '2026-12-17',
    ]);
    expect(
      occurrences.every(
        (o) => toLocal(o.startsAt).minutes === 14 * 60 && o.endsAt.getTime() - o.startsAt.getTime() === 90 * 60_000,
      ),
    ).toBe(true);
    expect(rule).toContain('FREQ=WEEKLY');
  });

  it('counts occurrences, every other week, defaulting to the first date’s weekday', () => {
    const { occurrences } = expandWeekly(at('2026-12-02T09:00:00'), at('2026-12-02T10:00:00'), {
      interval: 2,
      count: 3,
    });
    expect(occurrences.map((o) => toLocal(o.startsAt).date)).toEqual(['2026-12-02', '2026-12-16', '2026-12-30']);
  });
});

describe('bookings rules: what may be booked', () => {
  const now = at('2026-12-01T08:00:00');
  it('accepts a slot inside opening hours with notice', () => {
    expect(
      problemsOf({ startsAt: at('2026-12-03T14:00:00'), endsAt: at('2026-12-03T16:00:00') }, lab, {
        now,
        closures: [],
      }),
    ).toEqual([]);
  });

  it('half-open intervals: ending exactly at closing time is inside', () => {
    expect(
      withinOpeningHours({ startsAt: at('2026-12-03T16:00:00'), endsAt: at('2026-12-03T18:00:00') }, weekdays),
    ).toBe(true);
    expect(
      withinOpeningHours({ startsAt: at('2026-12-03T17:00:00'), endsAt: at('2026-12-03T18:30:00') }, weekdays),
    ).toBe(false);
    expect(
      withinOpeningHours({ startsAt: at('2026-12-05T10:00:00'), endsAt: at('2026-12-05T11:00:00') }, weekdays),
    ).toBe(false); // Saturday
  });

  it('names each broken rule', () => {
    const codes = (
      s: string,
      e: string,
      attendees?: number,
      closures = [] as { startsOn: string; endsOn: string; reason: string }[],
    ) => problemsOf({ startsAt: at(s), endsAt: at(e) }, lab, { now, attendees, closures }).map((p) => p.code);
    expect(codes('2026-11-30T09:00:00', '2026-11-30T10:00:00')).toContain('in_past');
    expect(codes('2026-12-01T14:00:00', '2026-12-01T15:00:00')).toEqual(['too_short_notice']);
    expect(codes('2027-06-01T09:00:00', '2027-06-01T10:00:00')).toEqual(['too_far_ahead']);
    expect(codes('2026-12-03T08:00:00', '2026-12-03T12:00:00')).toEqual(['too_long']);
    expect(codes('2026-12-03T09:00:00', '2026-12-03T10:00:00', 60)).toEqual(['over_capacity']);
    expect(
      codes('2026-12-03T09:00:00', '2026-12-03T10:00:00', undefined, [
        { startsOn: '2026-12-03', endsOn: '2026-12-04', reason: '期末考试' },
      ]),
    ).toEqual(['closed']);
  });
});

describe('bookings rules: free time within open hours', () => {
  const span = (s: string, e: string) => ({ startsAt: at(`2026-12-03T${s}:00`), endsAt: at(`2026-12-03T${e}:00`) });
  const text = (xs: { startsAt: Date; endsAt: Date }[]) =>
    xs.map((x) => `${toLocal(x.startsAt).minutes / 60}-${toLocal(x.endsAt).minutes / 60}`);

  it('takes busy times out of the open ones, touching ends included (half-open)', () => {
    const open = [span('14:00', '18:00')];
    expect(text(freeWithin(open, [span('14:00', '15:00')]))).toEqual(['15-18']);
    expect(text(freeWithin(open, [span('15:00', '16:00'), span('13:00', '14:30')]))).toEqual(['14.5-15', '16-18']);
    expect(text(freeWithin(open, [span('12:00', '19:00')]))).toEqual([]);
    expect(text(freeWithin(open, [span('18:00', '19:00')]))).toEqual(['14-18']);
    expect(text(freeWithin([span('08:00', '12:00'), span('14:00', '18:00')], [span('11:00', '15:00')]))).toEqual([
      '8-11',
      '15-18',
    ]);
  });
});

describe('bookings rules: terms and transitions', () => {
  it('autumn term runs September to January, spring February to July', () => {
    expect(termOf(at('2026-12-03T10:00:00')).name).toBe('2026-autumn');
    expect(termOf(at('2027-01-20T10:00:00')).name).toBe('2026-autumn');
    expect(termOf(at('2027-03-01T10:00:00'))).toMatchObject({
      name: '2027-spring',
      start: fromLocal('2027-02-01'),
      end: fromLocal('2027-08-01'),
    });
  });

  it('approve and decline only from pending; cancel from pending or approved', () => {
    expect(allowedFrom.approve).toEqual(['pending']);
    expect(allowedFrom.decline).toEqual(['pending']);
    expect(allowedFrom.cancel).toEqual(['pending', 'approved']);
  });

  it('open intervals follow opening hours and skip closed days', () => {
    const open = openIntervals(
      weekdays,
      [{ startsOn: '2026-12-02', endsOn: '2026-12-02', reason: '停电检修' }],
      at('2026-12-01T00:00:00'),
      at('2026-12-04T00:00:00'),
    );
    expect(shown(open, 60)).toEqual(['2026-12-01 8-18', '2026-12-03 8-18']);
  });

  it('open intervals are clipped to the range asked for, across a month, and a closure of several days skips each', () => {
    const open = openIntervals(
      weekdays,
      [{ startsOn: '2026-12-30', endsOn: '2027-01-01', reason: '元旦' }],
      at('2026-12-28T09:30:00'),
      at('2027-01-05T12:00:00'),
    );
    expect(shown(open, 1)).toEqual([
      '2026-12-28 570-1080', // Monday, from 09:30 (the range's start)
      '2026-12-29 480-1080',
      '2027-01-04 480-1080', // Monday after the closure and the weekend
      '2027-01-05 480-720', // until 12:00 (the range's end)
    ]);
  });
});
