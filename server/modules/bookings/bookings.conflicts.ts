import type { BookingClash } from '../../../shared/schemas/bookings';
import type { Occurrence } from '../../../shared/series';
import { iso } from '../../../shared/time';
import type { Queryable } from '../../lib/db';
import { AppError } from '../../lib/errors';
import type { Actor } from '../../lib/policy';
import { canManageFacility, closuresFor, type FacilityRow } from '../facilities/facilities.queries';
import { activeOverlapping } from './bookings.queries';
import { openIntervals, toLocal } from './bookings.rules';

/**
 * Thrown out of the booking transaction when dates clash. A single booking's INSERT aborts the transaction,
 * so what it clashes with is described afterwards, on a fresh connection (describeConflict).
 */
export class Clashed extends Error {
  constructor(
    readonly occurrences: Occurrence[],
    readonly series: boolean,
    readonly candidates: number,
    readonly skipped: { startsAt: string; endsAt: string; reason: string }[],
  ) {
    super('booking clash');
  }
}

/** Free slots of the same length nearest to the wanted one, within its day and the next two. */
export async function nearestFree(
  tx: Queryable,
  facility: FacilityRow,
  wanted: Occurrence,
  closures: Awaited<ReturnType<typeof closuresFor>>,
  limit = 3,
) {
  const duration = wanted.endsAt.getTime() - wanted.startsAt.getTime();
  const from = new Date(wanted.startsAt.getTime() - 12 * 3600_000);
  const to = new Date(wanted.startsAt.getTime() + 3 * 24 * 3600_000);
  const busy = await activeOverlapping(tx, facility.facility.id, from, to);
  const now = Date.now();
  const candidates: Occurrence[] = [];
  for (const open of openIntervals(facility.facility.openingHours, closures, from, to)) {
    // Half-hour steps within each open interval, skipping anything that touches a busy row.
    for (let s = open.startsAt.getTime(); s + duration <= open.endsAt.getTime(); s += 30 * 60_000) {
      if (s < now) continue;
      const e = s + duration;
      if (busy.some((b) => b.startsAt.getTime() < e && b.endsAt.getTime() > s)) continue;
      candidates.push({ startsAt: new Date(s), endsAt: new Date(e) });
    }
  }
  return candidates
    .sort(
      (a, b) =>
        Math.abs(a.startsAt.getTime() - wanted.startsAt.getTime()) -
        Math.abs(b.startsAt.getTime() - wanted.startsAt.getTime()),
    )
    .slice(0, limit)
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
    .map((o) => ({ startsAt: iso(o.startsAt), endsAt: iso(o.endsAt) }));
}

/** The 409 for a clash: what each date clashes with (details only where the caller may read them) and free slots. */
export async function describeConflict(
  db: Queryable,
  actor: Actor,
  facility: FacilityRow,
  clash: Clashed,
): Promise<AppError> {
  const manager = canManageFacility(actor, facility);
  const details = await describeClashes(db, actor, facility, clash.occurrences, manager);
  let suggestions: { startsAt: string; endsAt: string }[] = [];
  const first = clash.occurrences[0];
  if (!clash.series && first) {
    const closures = await closuresFor(
      db,
      { facilityId: facility.facility.id, schoolId: facility.school.id },
      toLocal(first.startsAt).date,
      toLocal(new Date(first.startsAt.getTime() + 3 * 86400_000)).date,
    );
    suggestions = await nearestFree(db, facility, first, closures);
  }
  return new AppError(
    'booking_conflict',
    clash.series
      ? `${clash.occurrences.length} of ${clash.candidates} dates clash with existing bookings`
      : 'This time clashes with an existing booking',
    { conflicts: details, suggestions, skipped: clash.skipped },
  );
}

async function describeClashes(
  tx: Queryable,
  actor: Actor,
  facility: FacilityRow,
  clashes: Occurrence[],
  manager: boolean,
): Promise<BookingClash[]> {
  const out: BookingClash[] = [];
  for (const occ of clashes) {
    const rows = await activeOverlapping(tx, facility.facility.id, occ.startsAt, occ.endsAt);
    out.push({
      startsAt: iso(occ.startsAt),
      endsAt: iso(occ.endsAt),
      with: rows.map((r) => ({
        startsAt: iso(r.startsAt),
        endsAt: iso(r.endsAt),
        status: r.kind === 'block' ? 'blocked' : r.status,
        // Another school's purpose is its own business; the owner's admins and the booker see it.
        ...(manager || r.bookerId === actor.user.id || r.kind === 'block' ? { purpose: r.purpose } : {}),
      })),
    });
  }
  return out;
}
