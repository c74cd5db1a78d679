// When facilities are busy, closed or open: the search's "free for a window", the group-wide calendar and one
// facility's week.
import { and, eq, gt, gte, inArray, lt, lte } from 'drizzle-orm';
import { activeBookingStatuses } from '../../../shared/enums';
import type { BusySlot } from '../../../shared/schemas/facilities';
import type { Occurrence } from '../../../shared/series';
import { iso } from '../../../shared/time';
import { bookings, closures } from '../../db/schema';
import type { Queryable } from '../../lib/db';
import { openIntervals, toLocal, withinOpeningHours } from '../bookings/bookings.rules';
import { closuresFor, type FacilityRow } from './facilities.queries';

/** The facilities that are open for the whole window, not closed that day, and hold no active booking in it. */
export async function freeDuring(db: Queryable, rows: FacilityRow[], window: Occurrence): Promise<FacilityRow[]> {
  const open = rows.filter((r) => withinOpeningHours(window, r.facility.openingHours));
  if (!open.length) return [];
  const day = toLocal(window.startsAt).date;
  const facilityIds = open.map((r) => r.facility.id);
  const [taken, closed] = await Promise.all([
    db
      .selectDistinct({ id: bookings.facilityId })
      .from(bookings)
      .where(
        and(
          inArray(bookings.facilityId, facilityIds),
          inArray(bookings.status, [...activeBookingStatuses]),
          lt(bookings.startsAt, window.endsAt),
          gt(bookings.endsAt, window.startsAt),
        ),
      ),
    db
      .select({ schoolId: closures.schoolId, facilityId: closures.facilityId })
      .from(closures)
      .where(
        and(
          inArray(closures.schoolId, [...new Set(open.map((r) => r.school.id))]),
          lte(closures.startsOn, day),
          gte(closures.endsOn, day),
        ),
      ),
  ]);
  const busy = new Set(taken.map((t) => t.id));
  return open.filter(
    (r) =>
      !busy.has(r.facility.id) &&
      !closed.some((cl) => cl.schoolId === r.school.id && (cl.facilityId === null || cl.facilityId === r.facility.id)),
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

/** One facility in [from, to): its bookings and blocks, its closed days (whole Beijing days) and its open hours. */
export async function facilityAvailability(db: Queryable, row: FacilityRow, from: Date, to: Date) {
  const [busyRows, closed] = await Promise.all([
    db
      .select({
        startsAt: bookings.startsAt,
        endsAt: bookings.endsAt,
        status: bookings.status,
        kind: bookings.kind,
      })
      .from(bookings)
      .where(
        and(
          eq(bookings.facilityId, row.facility.id),
          inArray(bookings.status, [...activeBookingStatuses]),
          lte(bookings.startsAt, to),
          gte(bookings.endsAt, from),
        ),
      )
      .orderBy(bookings.startsAt),
    closuresFor(db, { facilityId: row.facility.id, schoolId: row.school.id }, toLocal(from).date, toLocal(to).date),
  ]);
  const busy = busyRows
    .filter((b) => b.startsAt < to && b.endsAt > from)
    .map((b) => ({ startsAt: iso(b.startsAt), endsAt: iso(b.endsAt), status: busyStatus(b) }));
  const closedSlots = closed.map((cl) => ({
    startsAt: `${cl.startsOn}T00:00:00+08:00`,
    endsAt: `${nextDay(cl.endsOn)}T00:00:00+08:00`,
    status: 'closed' as const,
  }));
  const open = openIntervals(row.facility.openingHours, closed, from, to).map((o) => ({
    startsAt: iso(o.startsAt),
    endsAt: iso(o.endsAt),
  }));
  return { busy: [...busy, ...closedSlots], open };
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86400_000).toISOString().slice(0, 10);
}
