// A placement made straight in the database (its application placed, no approvals): for tests that need one with
// dates, a programme or a status the API would not give them today.
import { exchangeApplications, exchangePlacements } from '../../server/db/schema';
import type { Queryable } from '../../server/lib/db';

export interface ByHand {
  postingId: string;
  teacherId: string;
  homeSchoolId: string;
  hostSchoolId: string;
  startsOn: string;
  endsOn: string;
  /** Its completion day, for a completed placement; without it the placement is active. */
  completed?: string;
}

/** The placement's id. */
export async function placeByHand(db: Queryable, p: ByHand): Promise<string> {
  const [a] = await db
    .insert(exchangeApplications)
    .values({
      postingId: p.postingId,
      teacherId: p.teacherId,
      homeSchoolId: p.homeSchoolId,
      submittedBy: p.teacherId,
      status: 'placed',
    })
    .returning({ id: exchangeApplications.id });
  const [pl] = await db
    .insert(exchangePlacements)
    .values({
      applicationId: a!.id,
      postingId: p.postingId,
      teacherId: p.teacherId,
      homeSchoolId: p.homeSchoolId,
      hostSchoolId: p.hostSchoolId,
      startsOn: p.startsOn,
      endsOn: p.endsOn,
      ...(p.completed ? { status: 'completed' as const, completedOn: p.completed } : {}),
    })
    .returning({ id: exchangePlacements.id });
  return pl!.id;
}
