// The write side's serialisation: the exclusion constraint's violation, and advisory locks that queue
// concurrent writers of one facility and day (or one quota) instead of letting them deadlock.
import { sql } from 'drizzle-orm';
import type { Occurrence } from '../../../shared/series';
import type { Tx } from '../../lib/db';
import { sqlConstraint, sqlState } from '../../lib/errors';
import { toLocal } from './bookings.rules';

export const isOverlap = (err: unknown) =>
  sqlState(err) === '23P01' && (sqlConstraint(err) ?? 'bookings_no_overlap') === 'bookings_no_overlap';

/** Locks (facility, Beijing day) for every day the occurrences touch, in sorted order so two series never deadlock. */
export async function lockDays(tx: Tx, facilityId: string, occurrences: Occurrence[]) {
  const days = new Set<string>();
  for (const o of occurrences) {
    for (let t = o.startsAt.getTime(); t < o.endsAt.getTime(); t += 86400_000) days.add(toLocal(new Date(t)).date);
    days.add(toLocal(new Date(o.endsAt.getTime() - 1)).date);
  }
  for (const day of [...days].sort()) await tx.execute(sqlLock(`${facilityId}:${day}`));
}

/** Serialises quota checks of one (facility, borrowing school), so two requests cannot both squeeze under it. */
export async function lockQuota(tx: Tx, facilityId: string, schoolId: string) {
  await tx.execute(sqlLock(`${facilityId}:${schoolId}`));
}

/** A transaction-scoped advisory lock keyed by text (hashtext → int4). */
function sqlLock(key: string) {
  return sql`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
}
