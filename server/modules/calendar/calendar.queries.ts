import { and, asc, eq, gt, inArray, isNull } from 'drizzle-orm';
import { activeBookingStatuses } from '../../../shared/enums';
import { iso } from '../../../shared/time';
import { bookings, calendarFeeds, facilities } from '../../db/schema';
import { secretHash } from '../../lib/crypto';
import type { Db, Queryable } from '../../lib/db';
import { ifNotFound, notFound } from '../../lib/errors';
import type { Actor } from '../../lib/policy';
import { loadActorById } from '../auth/auth.queries';
import { readableBookingsWhere, selectBookings } from '../bookings/bookings.queries';
import { type FacilityRow, getVisibleFacility } from '../facilities/facilities.queries';
import { listLessons } from '../lessons/lessons.queries';

const HORIZON_PAST_MS = 31 * 86400_000;

/** The caller's live feeds, oldest first (their URLs were shown once, when made). */
export async function listFeeds(db: Queryable, userId: string) {
  const rows = await db
    .select({ f: calendarFeeds, facilityName: facilities.name })
    .from(calendarFeeds)
    .leftJoin(facilities, eq(facilities.id, calendarFeeds.facilityId))
    .where(and(eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt)))
    .orderBy(asc(calendarFeeds.createdAt));
  return rows.map((r) => ({
    id: r.f.id,
    facilityId: r.f.facilityId,
    facilityName: r.facilityName,
    createdAt: iso(r.f.createdAt),
  }));
}

/** A feed behind a secret URL: whose it is (as they are today) and, for a facility's feed, which facility. */
export interface OpenFeed {
  owner: Actor;
  facility: FacilityRow | null;
}

/**
 * The live feed of a secret token, 404 when there is none. The feed shows what its owner may see today: leaving
 * a school closes what it showed, and a facility the owner no longer sees makes its feed not found.
 */
export async function openFeed(db: Db, token: string): Promise<OpenFeed> {
  const [f] = await db
    .select()
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.tokenHash, secretHash(token)), isNull(calendarFeeds.revokedAt)));
  if (!f) throw notFound('calendar');
  const owner = await loadActorById(db, f.userId);
  if (!owner) throw notFound('calendar');
  if (!f.facilityId) return { owner, facility: null };
  const facility = await ifNotFound(getVisibleFacility(db, owner, f.facilityId), () => null);
  if (!facility) throw notFound('calendar');
  return { owner, facility };
}

/**
 * What a feed holds, from a month ago on: a facility's active bookings and blocks (in full only where the owner
 * may read them), or a person's own bookings and the live lessons they teach or their classroom attends.
 */
export async function feedEntries(db: Db, { owner, facility }: OpenFeed) {
  const since = new Date(Date.now() - HORIZON_PAST_MS);
  const rows = await selectBookings(db)
    .where(
      and(
        facility
          ? eq(bookings.facilityId, facility.facility.id)
          : and(eq(bookings.bookerId, owner.user.id), eq(bookings.kind, 'booking')),
        inArray(bookings.status, [...activeBookingStatuses]),
        gt(bookings.endsAt, since),
      ),
    )
    .orderBy(asc(bookings.startsAt))
    .limit(2000);
  if (!facility) return { bookings: rows, readable: null, lessons: await listLessons(db, owner, 'mine') };
  const readable = await selectBookings(db).where(
    and(eq(bookings.facilityId, facility.facility.id), gt(bookings.endsAt, since), readableBookingsWhere(owner)),
  );
  return { bookings: rows, readable: new Set(readable.map((r) => r.b.id)), lessons: [] };
}
