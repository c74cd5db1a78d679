import { and, asc, desc, eq, gt, inArray, lt, ne, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { activeBookingStatuses, type BookingStatus } from '../../../shared/enums';
import { bookings, facilities, memberships, notifications, orgs, users } from '../../db/schema';
import type { Queryable } from '../../lib/db';
import type { Actor } from '../../lib/policy';
import { iso } from '../../lib/time';
import { managedFacilitiesWhere } from '../facilities/facilities.queries';

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

export function bookingOut(r: BookingRow) {
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
export type BookingOut = ReturnType<typeof bookingOut>;

/** Bookings a person may read in full: their own, their school's, and those of facilities they manage. */
export function readableBookingsWhere(actor: Actor): SQL {
  const schools = actor.memberships.filter((m) => m.orgKind === 'school').map((m) => m.orgId);
  return or(
    eq(bookings.bookerId, actor.user.id),
    schools.length ? inArray(bookings.borrowerSchoolId, schools) : undefined,
    managedFacilitiesWhere(actor),
  )!;
}

export async function getReadableBooking(db: Queryable, actor: Actor, id: string) {
  const [row] = await selectBookings(db).where(and(eq(bookings.id, id), readableBookingsWhere(actor)));
  return row ?? null;
}

export type ListScope = 'mine' | 'to_approve' | 'facility';
export async function listBookings(
  db: Queryable,
  actor: Actor,
  p: {
    scope: ListScope;
    facilityId?: string;
    from?: Date;
    to?: Date;
    status?: BookingStatus;
    cursor?: { startsAt: Date; id: string };
    limit: number;
  },
) {
  const scopeWhere =
    p.scope === 'mine'
      ? and(eq(bookings.bookerId, actor.user.id), eq(bookings.kind, 'booking'))
      : p.scope === 'to_approve'
        ? and(eq(bookings.status, 'pending'), managedFacilitiesWhere(actor))
        : and(eq(bookings.facilityId, p.facilityId!), readableBookingsWhere(actor));
  const rows = await selectBookings(db)
    .where(
      and(
        scopeWhere,
        p.from ? gt(bookings.endsAt, p.from) : undefined,
        p.to ? lt(bookings.startsAt, p.to) : undefined,
        p.status ? eq(bookings.status, p.status) : undefined,
        p.cursor
          ? sql`(${bookings.startsAt}, ${bookings.id}) > (${p.cursor.startsAt.toISOString()}::timestamptz, ${p.cursor.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(asc(bookings.startsAt), asc(bookings.id))
    .limit(p.limit + 1);
  return rows;
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

export async function notify(
  db: Queryable,
  userIds: string[],
  kind: string,
  data: Record<string, unknown>,
  bookingId?: string,
) {
  const unique = [...new Set(userIds)];
  if (unique.length)
    await db
      .insert(notifications)
      .values(unique.map((userId) => ({ userId, kind, data, bookingId: bookingId ?? null })));
}

export async function latestPurpose(db: Queryable, userId: string): Promise<string | null> {
  const [row] = await db
    .select({ purpose: bookings.purpose })
    .from(bookings)
    .where(and(eq(bookings.bookerId, userId), eq(bookings.kind, 'booking')))
    .orderBy(desc(bookings.createdAt))
    .limit(1);
  return row?.purpose ?? null;
}
