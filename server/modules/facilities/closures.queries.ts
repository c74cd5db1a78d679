import { and, asc, eq, gte } from 'drizzle-orm';
import { toLocal } from '../../../shared/time';
import { closures } from '../../db/schema';
import type { Queryable } from '../../lib/db';
import { ifNotFound, notFound } from '../../lib/errors';
import type { Actor } from '../../lib/policy';
import { type FacilityRow, getManagedSchool } from './facilities.queries';

type ClosureRow = typeof closures.$inferSelect;

/** A closure as the API answers it: who made it and when stay in the audit trail. */
export function closureOut({ createdBy: _by, createdAt: _at, ...closure }: ClosureRow) {
  return closure;
}

/** A school's closed days from today (Beijing) on, earliest first. */
export async function upcomingClosures(db: Queryable, school: FacilityRow['school']): Promise<ClosureRow[]> {
  const today = toLocal(new Date()).date;
  return db
    .select()
    .from(closures)
    .where(and(eq(closures.schoolId, school.id), gte(closures.endsOn, today)))
    .orderBy(asc(closures.startsOn));
}

/**
 * A closure the caller may change, with its school: 404 when there is no such closure or its school is not
 * visible, 403 (with `refusal`) when they do not administer the school.
 */
export async function getManagedClosure(
  db: Queryable,
  actor: Actor,
  id: string,
  refusal: string,
): Promise<{ closure: ClosureRow; school: FacilityRow['school'] }> {
  const [closure] = await db.select().from(closures).where(eq(closures.id, id));
  if (!closure) throw notFound('closure');
  // A closure of a school out of reach is a closure that does not exist, not a school that does not.
  const school = await ifNotFound(getManagedSchool(db, actor, closure.schoolId, refusal), () => {
    throw notFound('closure');
  });
  return { closure, school };
}
