// Pure booking rules: recurrence expansion, opening hours, booking windows, terms, state transitions.
// No database here; unit-tested in test/rules/bookings.rules.test.ts. Times are Beijing time (UTC+8, no DST).

import type { Weekday } from 'rrule';
import * as rruleModule from 'rrule';
import type { BookingStatus } from '../../../shared/enums';
import type { Problem } from '../../../shared/problems';
import type { OpeningHours } from '../../../shared/schemas/facilities';
import { MAX_OCCURRENCES, type Occurrence } from '../../../shared/series';

import { fromLocal, BEIJING_OFFSET_MS as OFFSET_MS, toLocal } from '../../../shared/time';

export { fromLocal, type Local, termOf, toLocal } from '../../../shared/time';

const DAY_MS = 24 * 3600_000;

const clockMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export interface Recurrence {
  weekdays?: number[];
  interval?: number;
  until?: string;
  count?: number;
}

// rrule ships ESM (used by bundlers and Vitest) and a UMD build that Node's ESM loader sees as CommonJS
// without named exports (tsx, npm run seed): take RRule from whichever shape arrived.
const { RRule } = (rruleModule as { RRule?: unknown }).RRule
  ? rruleModule
  : (rruleModule as unknown as { default: typeof rruleModule }).default;

const RRULE_DAYS: Weekday[] = [RRule.MO, RRule.TU, RRule.WE, RRule.TH, RRule.FR, RRule.SA, RRule.SU];

/**
 * Weekly occurrences of [startsAt, endsAt) on the chosen weekdays, until a date (inclusive) or for a count.
 * rrule works on "floating" times: the Beijing wall clock is written into UTC fields and shifted back after.
 */
export function expandWeekly(
  startsAt: Date,
  endsAt: Date,
  rec: Recurrence,
): { rule: string; occurrences: Occurrence[] } {
  const duration = endsAt.getTime() - startsAt.getTime();
  const floatingStart = new Date(startsAt.getTime() + OFFSET_MS);
  const weekdays = rec.weekdays?.length ? [...new Set(rec.weekdays)].sort() : [toLocal(startsAt).weekday];
  const rule = new RRule({
    freq: RRule.WEEKLY,
    interval: rec.interval ?? 1,
    dtstart: floatingStart,
    byweekday: weekdays.flatMap((w) => RRULE_DAYS[w - 1] ?? []),
    ...(rec.until ? { until: new Date(`${rec.until}T23:59:59Z`) } : {}),
    ...(rec.count ? { count: rec.count } : {}),
  });
  const dates = rule.all((_, i) => i < MAX_OCCURRENCES + 1);
  const occurrences = dates.map((d) => {
    const start = new Date(d.getTime() - OFFSET_MS);
    return { startsAt: start, endsAt: new Date(start.getTime() + duration) };
  });
  return { rule: rule.toString(), occurrences };
}

export interface FacilityRules {
  capacity: number;
  openingHours: OpeningHours;
  minNoticeHours: number;
  maxLengthMinutes: number | null;
  advanceDays: number;
}

export interface Closure {
  startsOn: string;
  endsOn: string;
  reason: string;
}

/** The closure covering the occurrence's local date, if any. */
export function closureOn(occ: Occurrence, closures: Closure[]): Closure | undefined {
  const day = toLocal(occ.startsAt).date;
  return closures.find((c) => c.startsOn <= day && day <= c.endsOn);
}

/** Whether the occurrence lies within one opening interval of its (local) day. */
export function withinOpeningHours(occ: Occurrence, hours: OpeningHours): boolean {
  const start = toLocal(occ.startsAt);
  // May be 1440 at midnight.
  const endMinutes = Math.round((occ.endsAt.getTime() - fromLocal(start.date).getTime()) / 60_000);
  if (endMinutes > 24 * 60) return false;
  const intervals = hours[String(start.weekday) as keyof OpeningHours] ?? [];
  return intervals.some((i) => clockMinutes(i.start) <= start.minutes && endMinutes <= clockMinutes(i.end));
}

/** Everything wrong with one occurrence, for one person at one moment. */
export function problemsOf(
  occ: Occurrence,
  f: FacilityRules,
  ctx: { now: Date; attendees?: number; closures: Closure[] },
): Problem[] {
  const problems: Problem[] = [];
  const ms = occ.startsAt.getTime() - ctx.now.getTime();
  if (ms < 0) problems.push({ code: 'in_past' });
  else if (ms < f.minNoticeHours * 3600_000) problems.push({ code: 'too_short_notice', hours: f.minNoticeHours });
  if (ms > f.advanceDays * DAY_MS) problems.push({ code: 'too_far_ahead', days: f.advanceDays });
  const minutes = (occ.endsAt.getTime() - occ.startsAt.getTime()) / 60_000;
  if (f.maxLengthMinutes && minutes > f.maxLengthMinutes)
    problems.push({ code: 'too_long', minutes: f.maxLengthMinutes });
  const closed = closureOn(occ, ctx.closures);
  if (closed) problems.push({ code: 'closed', reason: closed.reason });
  else if (!withinOpeningHours(occ, f.openingHours)) problems.push({ code: 'outside_opening_hours' });
  if (ctx.attendees && ctx.attendees > f.capacity) problems.push({ code: 'over_capacity', capacity: f.capacity });
  return problems;
}

export type BookingAction = 'approve' | 'decline' | 'cancel';
/** From which statuses each action may be taken; everything else is 409 invalid_state. */
export const allowedFrom: Record<BookingAction, readonly BookingStatus[]> = {
  approve: ['pending'],
  decline: ['pending'],
  cancel: ['pending', 'approved'],
};
export const resultOf: Record<BookingAction, BookingStatus> = {
  approve: 'approved',
  decline: 'declined',
  cancel: 'cancelled',
};

/** What is left of `open` once `busy` is taken out (both half-open [start, end)); in time order. */
export function freeWithin(open: Occurrence[], busy: Occurrence[]): Occurrence[] {
  const taken = [...busy].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const out: Occurrence[] = [];
  for (const o of [...open].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())) {
    let from = o.startsAt.getTime();
    const to = o.endsAt.getTime();
    for (const b of taken) {
      if (b.endsAt.getTime() <= from || b.startsAt.getTime() >= to) continue;
      if (b.startsAt.getTime() > from) out.push({ startsAt: new Date(from), endsAt: b.startsAt });
      from = Math.max(from, b.endsAt.getTime());
    }
    if (from < to) out.push({ startsAt: new Date(from), endsAt: new Date(to) });
  }
  return out;
}

/**
 * Open intervals of a facility within [from, to): opening hours minus closed days. Beijing keeps one offset all year,
 * so a local day is DAY_MS long and starts at a multiple of DAY_MS less the offset: plain arithmetic, one date string
 * per day only when there are closed days to compare with (a month's availability asked this on every request).
 */
export function openIntervals(hours: OpeningHours, closures: Closure[], from: Date, to: Date): Occurrence[] {
  const out: Occurrence[] = [];
  const fromMs = from.getTime();
  const toMs = to.getTime();
  for (let day = Math.floor((fromMs + OFFSET_MS) / DAY_MS) * DAY_MS - OFFSET_MS; day < toMs; day += DAY_MS) {
    const local = new Date(day + OFFSET_MS);
    if (closures.length) {
      const date = local.toISOString().slice(0, 10);
      if (closures.some((c) => c.startsOn <= date && date <= c.endsOn)) continue;
    }
    const weekday = local.getUTCDay() || 7;
    for (const i of hours[String(weekday) as keyof OpeningHours] ?? []) {
      const s = Math.max(day + clockMinutes(i.start) * 60_000, fromMs);
      const e = Math.min(day + clockMinutes(i.end) * 60_000, toMs);
      if (s < e) out.push({ startsAt: new Date(s), endsAt: new Date(e) });
    }
  }
  return out;
}
