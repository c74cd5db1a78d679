// Whether approving a booking would take the borrowing school past the facility's hours per term.
// The same rule the server applies when a booking is made (bookings.service.ts): hours held are the
// school's pending and approved bookings at that facility starting within the term.
import { query } from '@solidjs/router';
import type { Booking } from '../../../../shared/schemas/bookings';
import type { Facility } from '../../../../shared/schemas/facilities';
import { termOf } from '../../../../shared/time';
import { call, client } from '../../lib/api';

const HOUR_MS = 3600_000;

const hoursOf = (b: Pick<Booking, 'startsAt' | 'endsAt'>) => (Date.parse(b.endsAt) - Date.parse(b.startsAt)) / HOUR_MS;
/** The API wants an explicit offset, not "Z". */
const isoOffset = (d: Date) => d.toISOString().replace('Z', '+00:00');

/** The span [from, to) covering the terms of all these bookings, for one listing per facility. */
export function termSpan(list: Booking[]): { from: string; to: string } {
  const terms = list.map((b) => termOf(new Date(b.startsAt)));
  const from = new Date(Math.min(...terms.map((t) => t.start.getTime())));
  const to = new Date(Math.max(...terms.map((t) => t.end.getTime())));
  return { from: isoOffset(from), to: isoOffset(to) };
}

/** A facility and, when it has a quota, its bookings within [from, to) that the manager may read. */
export const getFacilityLoad = query(async (facilityId: string, from: string, to: string) => {
  const { facility } = await call(client.facilities[':id'].$get({ param: { id: facilityId } }));
  const bookings: Booking[] = [];
  if (facility.quotaHoursPerTerm !== null) {
    // One page answers for almost every facility; a very busy one pages on.
    let cursor: string | undefined;
    do {
      const page = await call(
        client.bookings.$get({ query: { scope: 'facility', facilityId, from, to, ...(cursor ? { cursor } : {}) } }),
      );
      bookings.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  return { facility, bookings };
}, 'facilityLoad');

export type QuotaStatus =
  | { kind: 'none' } // the facility has no quota
  | { kind: 'own' } // the owner school's own use is not counted
  | { kind: 'within' | 'over'; total: number; quota: number; hours: number };

/** What approving `b` would do to its school's hours this term at this facility. */
export function quotaStatus(b: Booking, load: { facility: Facility; bookings: Booking[] }): QuotaStatus {
  const quota = load.facility.quotaHoursPerTerm;
  if (quota === null) return { kind: 'none' };
  if (b.borrowerSchoolId === load.facility.schoolId) return { kind: 'own' };
  const term = termOf(new Date(b.startsAt));
  const held = load.bookings
    .filter(
      (o) =>
        o.id !== b.id &&
        o.kind === 'booking' &&
        o.borrowerSchoolId === b.borrowerSchoolId &&
        (o.status === 'pending' || o.status === 'approved'),
    )
    .filter((o) => Date.parse(o.startsAt) >= term.start.getTime() && Date.parse(o.startsAt) < term.end.getTime())
    .reduce((sum, o) => sum + hoursOf(o), 0);
  const hours = hoursOf(b);
  const total = held + hours;
  return { kind: total > quota + 1e-9 ? 'over' : 'within', total, quota, hours };
}

/** 12, 1.5 — hours without trailing zeros. */
export const hoursText = (h: number) => String(Math.round(h * 10) / 10);
