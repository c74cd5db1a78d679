// When facilities are busy, closed or open: the search's "free for a window", the group-wide calendar and one
// facility's week.
import { and, gt, gte, inArray, lt, lte } from 'drizzle-orm';
import { activeBookingStatuses } from '../../../shared/enums';
import type { BusySlot } from '../../../shared/schemas/facilities';
import type { Occurrence } from '../../../shared/series';
import { iso } from '../../../shared/time';
import { bookings, closures } from '../../db/schema';
import type { Queryable } from '../../lib/db';
import { type Closure, freeWithin, openIntervals, toLocal } from '../bookings/bookings.rules';
import type { BusyJson, FacilityRow } from './facilities.queries';

/** How free a facility is during a searched window, and, when not at all, its nearest free time after it. */
export interface FreeTimes {
  /** Free parts of the window (open, not closed that day, no active booking), in time order. */
  free: Occurrence[];
  /** Free for the whole window. */
  whole: boolean;
  /** When nothing of the window is free: the same hours on one of the next `lookaheadDays` days, if free then. */
  nextFree: Occurrence | null;
}

const DAY_MS = 86_400_000;
/** A suggestion elsewhere must be worth taking: the window's length, or an hour when the window is longer. */
const MIN_SUGGESTION_MS = 3600_000;

/**
 * Free times of each facility during `window` (one query for bookings, one for closed days, whatever the number of
 * facilities), and for those not free at all then, the first day of the next `lookaheadDays` whose same hours have
 * a free stretch worth suggesting.
 */
export async function freeTimes(
  db: Queryable,
  rows: FacilityRow[],
  window: Occurrence,
  lookaheadDays = 0,
): Promise<Map<string, FreeTimes>> {
  const out = new Map<string, FreeTimes>();
  if (!rows.length) return out;
  const horizon = new Date(window.endsAt.getTime() + lookaheadDays * DAY_MS);
  const ids = rows.map((r) => r.facility.id);
  const [taken, closed] = await Promise.all([
    db
      .select({ facilityId: bookings.facilityId, startsAt: bookings.startsAt, endsAt: bookings.endsAt })
      .from(bookings)
      .where(
        and(
          inArray(bookings.facilityId, ids),
          inArray(bookings.status, [...activeBookingStatuses]),
          lt(bookings.startsAt, horizon),
          gt(bookings.endsAt, window.startsAt),
        ),
      ),
    db
      .select({
        schoolId: closures.schoolId,
        facilityId: closures.facilityId,
        startsOn: closures.startsOn,
        endsOn: closures.endsOn,
        reason: closures.reason,
      })
      .from(closures)
      .where(
        and(
          inArray(closures.schoolId, [...new Set(rows.map((r) => r.school.id))]),
          lte(closures.startsOn, toLocal(horizon).date),
          gte(closures.endsOn, toLocal(window.startsAt).date),
        ),
      ),
  ]);
  const length = window.endsAt.getTime() - window.startsAt.getTime();
  for (const r of rows) {
    const busy = taken.filter((t) => t.facilityId === r.facility.id);
    const shut = closed.filter((c) => c.schoolId === r.school.id && (!c.facilityId || c.facilityId === r.facility.id));
    const freeOn = (w: Occurrence) =>
      freeWithin(openIntervals(r.facility.openingHours, shut, w.startsAt, w.endsAt), busy);
    const free = freeOn(window);
    const [only] = free;
    const whole =
      free.length === 1 && only?.endsAt.getTime() === window.endsAt.getTime() && only.startsAt <= window.startsAt;
    let nextFree: Occurrence | null = null;
    for (let d = 1; !free.length && !nextFree && d <= lookaheadDays; d++) {
      const shifted = {
        startsAt: new Date(window.startsAt.getTime() + d * DAY_MS),
        endsAt: new Date(window.endsAt.getTime() + d * DAY_MS),
      };
      nextFree =
        freeOn(shifted).find((f) => f.endsAt.getTime() - f.startsAt.getTime() >= Math.min(length, MIN_SUGGESTION_MS)) ??
        null;
    }
    out.set(r.facility.id, { free, whole, nextFree });
  }
  return out;
}

const minutesFree = (t: FreeTimes) => t.free.reduce((sum, f) => sum + f.endsAt.getTime() - f.startsAt.getTime(), 0);

/**
 * The search "free for a window": with `partly`, every facility with some free time then (free for all of it
 * first, then the most free), and after them those free at the same hours on a later day (soonest first); without,
 * only those free for the whole window. Facilities keep the listing's order (by name) among equals.
 */
export async function searchFree(db: Queryable, rows: FacilityRow[], window: Occurrence, partly: boolean) {
  const times = await freeTimes(db, rows, window, partly ? 7 : 0);
  const found = rows.flatMap((row) => {
    const t = times.get(row.facility.id);
    return t && (t.whole || (partly && (t.free.length || t.nextFree))) ? [{ row, times: t }] : [];
  });
  const rank = (t: FreeTimes) => (t.whole ? 0 : t.free.length ? 1 : 2);
  return found.sort(
    (a, b) =>
      rank(a.times) - rank(b.times) ||
      minutesFree(b.times) - minutesFree(a.times) ||
      (a.times.nextFree?.startsAt.getTime() ?? 0) - (b.times.nextFree?.startsAt.getTime() ?? 0),
  );
}

type Busy = BusySlot & { status: 'pending' | 'approved' | 'blocked' };

const busyStatus = (b: { kind: string; status: string }) =>
  b.kind === 'block' ? ('blocked' as const) : (b.status as 'pending' | 'approved');

/** Busy rows of many facilities in [from, to), grouped per facility (the group-wide calendar). */
export async function busyOf(db: Queryable, facilityIds: string[], from: Date, to: Date): Promise<Map<string, Busy[]>> {
  const out = new Map<string, Busy[]>();
  if (!facilityIds.length) return out;
  const rows = await db
    .select({
      facilityId: bookings.facilityId,
      startsAt: bookings.startsAt,
      endsAt: bookings.endsAt,
      status: bookings.status,
      kind: bookings.kind,
    })
    .from(bookings)
    .where(
      and(
        inArray(bookings.facilityId, facilityIds),
        inArray(bookings.status, [...activeBookingStatuses]),
        lt(bookings.startsAt, to),
        gt(bookings.endsAt, from),
      ),
    )
    .orderBy(bookings.startsAt);
  for (const r of rows) {
    const list = out.get(r.facilityId) ?? [];
    list.push({ startsAt: iso(r.startsAt), endsAt: iso(r.endsAt), status: busyStatus(r) });
    out.set(r.facilityId, list);
  }
  return out;
}

/**
 * One facility in [from, to): its bookings and blocks, its closed days (whole Beijing days) and its open hours — from
 * the one read of facilityWithBusy.
 */
export function facilityAvailability(
  row: FacilityRow & { closures: Closure[]; busy: BusyJson[] },
  from: Date,
  to: Date,
) {
  const busy = row.busy.map((b) => ({
    startsAt: iso(new Date(b.startsAt)),
    endsAt: iso(new Date(b.endsAt)),
    status: busyStatus(b),
  }));
  const closedSlots = row.closures.map((cl) => ({
    startsAt: `${cl.startsOn}T00:00:00+08:00`,
    endsAt: `${nextDay(cl.endsOn)}T00:00:00+08:00`,
    status: 'closed' as const,
  }));
  const open = openIntervals(row.facility.openingHours, row.closures, from, to).map((o) => ({
    startsAt: iso(o.startsAt),
    endsAt: iso(o.endsAt),
  }));
  return { busy: [...busy, ...closedSlots], open };
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86400_000).toISOString().slice(0, 10);
}
