import { and, asc, desc, eq, gt, inArray, lt, ne, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { activeBookingStatuses, type BookingStatus } from '../../../shared/enums';
import type { Booking } from '../../../shared/schemas/bookings';
import { iso } from '../../../shared/time';
import { bookings, facilities, memberships, orgs, users } from '../../db/schema';
import { decodeTimeKey, encodeTimeKey } from '../../lib/cursor';
import type { Queryable } from '../../lib/db';
import type { Actor } from '../../lib/policy';
import { type FacilityRow, managedFacilitiesWhere } from '../facilities/facilities.queries';

const borrower = alias(orgs, 'borrower_org');

const bookingColumns = {
  b: bookings,
  facilityName: facilities.name,
  schoolId: orgs.id,
  schoolName: orgs.name,
  bookerName: users.name,
  borrowerSchoolName: borrower.name,
};
type BookingRow = {
  b: typeof bookings.$inferSelect;
  facilityName: string;
  schoolId: string;
  schoolName: string;
  bookerName: string;
  borrowerSchoolName: string;
};

export function selectBookings(db: Queryable) {
  return db
    .select(bookingColumns)
    .from(bookings)
    .innerJoin(facilities, eq(facilities.id, bookings.facilityId))
    .innerJoin(orgs, eq(orgs.id, facilities.schoolId))
    .innerJoin(users, eq(users.id, bookings.bookerId))
    .innerJoin(borrower, eq(borrower.id, bookings.borrowerSchoolId));
}

export function bookingOut(r: BookingRow): Booking {
  const b = r.b;
  return {
    id: b.id,
    facilityId: b.facilityId,
    facilityName: r.facilityName,
    schoolId: r.schoolId,
    schoolName: r.schoolName,
    seriesId: b.seriesId,
    kind: b.kind,
    status: b.status,
    bookerId: b.bookerId,
    bookerName: r.bookerName,
    borrowerSchoolId: b.borrowerSchoolId,
    borrowerSchoolName: r.borrowerSchoolName,
    onBehalf: b.onBehalf,
    purpose: b.purpose,
    attendees: b.attendees,
    startsAt: iso(b.startsAt),
    endsAt: iso(b.endsAt),
    decisionReason: b.decisionReason,
    cancelReason: b.cancelReason,
    createdAt: iso(b.createdAt),
  };
}

/** Bookings a person may read in full: their own, their school's, and those of facilities they manage. */
export function readableBookingsWhere(actor: Actor): SQL {
  const schools = actor.memberships.filter((m) => m.orgKind === 'school').map((m) => m.orgId);
  return or(
    eq(bookings.bookerId, actor.user.id),
    schools.length ? inArray(bookings.borrowerSchoolId, schools) : undefined,
    managedFacilitiesWhere(actor),
  ) as SQL;
}

export async function getReadableBooking(db: Queryable, actor: Actor, id: string) {
  const [row] = await selectBookings(db).where(and(eq(bookings.id, id), readableBookingsWhere(actor)));
  return row ?? null;
}

/** Which bookings a list shows: the caller's own, those waiting for them, or one (visible) facility's. */
export type BookingListScope = { scope: 'mine' } | { scope: 'to_approve' } | { scope: 'facility'; facilityId: string };

export type ListBookingsParams = BookingListScope & {
  from?: Date;
  to?: Date;
  status?: BookingStatus;
  cursor?: string;
};

const PAGE = 100;

/** One page of bookings in time order, and the cursor of the next. */
export async function listBookings(
  db: Queryable,
  actor: Actor,
  p: ListBookingsParams,
): Promise<{ items: Booking[]; nextCursor: string | null }> {
  const scopeWhere =
    p.scope === 'mine'
      ? and(eq(bookings.bookerId, actor.user.id), eq(bookings.kind, 'booking'))
      : p.scope === 'to_approve'
        ? and(eq(bookings.status, 'pending'), managedFacilitiesWhere(actor))
        : and(eq(bookings.facilityId, p.facilityId), readableBookingsWhere(actor));
  const cursor = p.cursor ? decodeTimeKey(p.cursor) : undefined;
  const rows = await selectBookings(db)
    .where(
      and(
        scopeWhere,
        p.from ? gt(bookings.endsAt, p.from) : undefined,
        p.to ? lt(bookings.startsAt, p.to) : undefined,
        p.status ? eq(bookings.status, p.status) : undefined,
        cursor
          ? sql`(${bookings.startsAt}, ${bookings.id}) > (${cursor.at.toISOString()}::timestamptz, ${cursor.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(asc(bookings.startsAt), asc(bookings.id))
    .limit(PAGE + 1);
  const last = rows.length > PAGE ? rows[PAGE - 1] : undefined;
  return {
    items: rows.slice(0, PAGE).map(bookingOut),
    nextCursor: last ? encodeTimeKey(last.b.startsAt, last.b.id) : null,
  };
}

/** Active (slot-holding) rows of a facility overlapping [from, to). */
export async function activeOverlapping(db: Queryable, facilityId: string, from: Date, to: Date) {
  return db
    .select({
      id: bookings.id,
      kind: bookings.kind,
      status: bookings.status,
      startsAt: bookings.startsAt,
      endsAt: bookings.endsAt,
      bookerId: bookings.bookerId,
      purpose: bookings.purpose,
      borrowerSchoolId: bookings.borrowerSchoolId,
    })
    .from(bookings)
    .where(
      and(
        eq(bookings.facilityId, facilityId),
        inArray(bookings.status, [...activeBookingStatuses]),
        lt(bookings.startsAt, to),
        gt(bookings.endsAt, from),
      ),
    )
    .orderBy(asc(bookings.startsAt));
}

/** Hours a borrowing school holds (pending or approved) at a facility within [from, to). */
export async function hoursHeld(
  db: Queryable,
  facilityId: string,
  schoolId: string,
  from: Date,
  to: Date,
  exceptId?: string,
): Promise<number> {
  const [row] = await db
    .select({
      hours: sql<string>`COALESCE(SUM(EXTRACT(EPOCH FROM (${bookings.endsAt} - ${bookings.startsAt}))) / 3600, 0)`,
    })
    .from(bookings)
    .where(
      and(
        eq(bookings.facilityId, facilityId),
        eq(bookings.borrowerSchoolId, schoolId),
        eq(bookings.kind, 'booking'),
        inArray(bookings.status, [...activeBookingStatuses]),
        sql`${bookings.startsAt} >= ${from.toISOString()}::timestamptz`,
        lt(bookings.startsAt, to),
        exceptId ? ne(bookings.id, exceptId) : undefined,
      ),
    );
  return Number(row?.hours ?? 0);
}

/** Users who approve bookings of a facility's school (its school admins), to notify. */
export async function approverIds(db: Queryable, schoolId: string): Promise<string[]> {
  const rows = await db
    .select({ id: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.orgId, schoolId), eq(memberships.role, 'school_admin')));
  return rows.map((r) => r.id);
}

/**
 * The purpose of the person's last booking of this facility, else of a facility of the same kind (a teacher who
 * booked the physics lab for 分组实验 books the chemistry lab for much the same); without a facility, their last
 * booking's. Never an unrelated one: a lab booking is not pre-filled with a basketball match.
 */
export async function latestPurpose(
  db: Queryable,
  userId: string,
  facility?: Pick<FacilityRow['facility'], 'id' | 'kind'>,
): Promise<string | null> {
  const [row] = await db
    .select({ purpose: bookings.purpose })
    .from(bookings)
    .innerJoin(facilities, eq(facilities.id, bookings.facilityId))
    .where(
      and(
        eq(bookings.bookerId, userId),
        eq(bookings.kind, 'booking'),
        facility ? or(eq(bookings.facilityId, facility.id), eq(facilities.kind, facility.kind)) : undefined,
      ),
    )
    .orderBy(...(facility ? [sql`${bookings.facilityId} = ${facility.id} DESC`] : []), desc(bookings.createdAt))
    .limit(1);
  return row?.purpose ?? null;
}
