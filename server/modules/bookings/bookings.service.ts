// Deciding, cancelling and blocking time out: one guarded UPDATE each (`WHERE status IN (allowed)`), with the
// audit event and the notices in the same transaction.
import { and, eq, gt, gte, inArray, isNull, lt, lte, or } from 'drizzle-orm';
import type { Booking } from '../../../shared/schemas/bookings';
import { iso, toLocal } from '../../../shared/time';
import { bookings, closures } from '../../db/schema';
import { audit } from '../../lib/audit';
import type { RequestMeta } from '../../lib/context';
import type { Db, Tx } from '../../lib/db';
import { AppError, forbidden, ifNotFound, notFound } from '../../lib/errors';
import type { Actor } from '../../lib/policy';
import { canManageFacility, type FacilityRow, getVisibleFacility } from '../facilities/facilities.queries';
import { notify } from '../notifications/notifications.service';
import { isOverlap, lockDays } from './bookings.locks';
import { activeOverlapping, approverIds, bookingOut, getReadableBooking, selectBookings } from './bookings.queries';
import { allowedFrom, type BookingAction, resultOf } from './bookings.rules';

export interface DecideParams {
  bookingId: string;
  action: BookingAction;
  reason?: string;
}

/**
 * One guarded state change: `UPDATE … WHERE status IN (allowed)`; a double click or a race applies once. The
 * booker hears of a decision on their booking; the approvers hear when the booker cancels an approved one.
 */
export async function decide(db: Db, actor: Actor, params: DecideParams, meta: RequestMeta): Promise<Booking> {
  const { bookingId, action, reason } = params;
  return db.transaction(async (tx) => {
    const current = await getReadableBooking(tx, actor, bookingId);
    if (!current) throw notFound('booking');
    const facility = await ifNotFound(getVisibleFacility(tx, actor, current.b.facilityId), () => null);
    const manager = facility ? canManageFacility(actor, facility) : false;
    if (action !== 'cancel' && !manager) throw forbidden('Only the facility’s managers approve or decline');
    if (action === 'cancel' && !manager && current.b.bookerId !== actor.user.id)
      throw forbidden('Only the booker or the facility’s managers cancel');
    if (current.b.kind === 'block' && action !== 'cancel')
      throw new AppError('invalid_state', 'A block-out is not approved or declined; cancel it instead');
    if (action === 'approve' && current.b.status === 'pending') await refuseClosedDay(tx, current);
    const now = new Date();
    const change =
      action === 'cancel'
        ? { cancelledBy: actor.user.id, cancelledAt: now, cancelReason: reason ?? null }
        : { decidedBy: actor.user.id, decidedAt: now, decisionReason: reason ?? null };
    const [updated] = await tx
      .update(bookings)
      .set({ status: resultOf[action], updatedAt: now, ...change })
      .where(and(eq(bookings.id, bookingId), inArray(bookings.status, [...allowedFrom[action]])))
      .returning({ id: bookings.id });
    if (!updated) {
      throw new AppError('invalid_state', `This booking is ${current.b.status}; it cannot be ${resultOf[action]} now`, {
        status: current.b.status,
      });
    }
    await audit(tx, actor, meta, {
      action: `booking.${action}`,
      entityType: 'booking',
      entityId: bookingId,
      orgId: current.schoolId,
      before: { status: current.b.status },
      after: { status: resultOf[action], reason: reason ?? null },
    });
    const data = {
      facility: current.facilityName,
      startsAt: iso(current.b.startsAt),
      reason: reason ?? null,
      by: actor.user.name,
    };
    if (current.b.bookerId !== actor.user.id)
      await notify(tx, [current.b.bookerId], `booking.${resultOf[action]}`, data, bookingId);
    else if (action === 'cancel' && current.b.status === 'approved')
      await notify(tx, await approverIds(tx, current.schoolId), 'booking.cancelled', data, bookingId);
    const [row] = await selectBookings(tx).where(eq(bookings.id, bookingId));
    if (!row) throw new Error('a booking just changed in this transaction cannot be read back');
    return bookingOut(row);
  });
}

/**
 * A booking is not approved for a day its school has closed since it was asked for (the facility or the whole
 * school): the borrowers would come to a closed door. It may still be declined, with the closure as the reason.
 */
async function refuseClosedDay(tx: Tx, current: NonNullable<Awaited<ReturnType<typeof getReadableBooking>>>) {
  const day = toLocal(current.b.startsAt).date;
  const [closed] = await tx
    .select({ reason: closures.reason })
    .from(closures)
    .where(
      and(
        eq(closures.schoolId, current.schoolId),
        or(isNull(closures.facilityId), eq(closures.facilityId, current.b.facilityId)),
        lte(closures.startsOn, day),
        gte(closures.endsOn, day),
      ),
    )
    .limit(1);
  if (closed)
    throw new AppError('conflict', `The facility is closed that day (${closed.reason}): decline the booking`, {
      reason: 'closed',
    });
}

export interface BulkDecideParams {
  action: 'approve' | 'decline';
  ids: string[];
  reason?: string;
}

export type BulkResult =
  | { id: string; ok: true; booking: Booking }
  | { id: string; ok: false; error: { code: string; message: string } };

/** Several decisions, each on its own: one refused booking does not stop the others. */
export async function bulkDecide(
  db: Db,
  actor: Actor,
  params: BulkDecideParams,
  meta: RequestMeta,
): Promise<BulkResult[]> {
  const results: BulkResult[] = [];
  for (const bookingId of new Set(params.ids)) {
    try {
      const booking = await decide(db, actor, { bookingId, action: params.action, reason: params.reason }, meta);
      results.push({ id: bookingId, ok: true, booking });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      results.push({ id: bookingId, ok: false, error: { code: err.code, message: err.message } });
    }
  }
  return results;
}

export interface BlockTimeParams {
  /** The facility, as the caller's gate (managedFacility) returned it. */
  facility: FacilityRow;
  startsAt: string;
  endsAt: string;
  reason: string;
}

/**
 * Blocks time out (maintenance, exams): pending bookings that clash are declined with a notice to their bookers;
 * approved ones hold their time, and the block is refused with what they are (409).
 */
export async function blockTime(
  db: Db,
  actor: Actor,
  params: BlockTimeParams,
  meta: RequestMeta,
): Promise<{ booking: Booking; declined: Booking[] }> {
  const { facility, startsAt, endsAt, reason } = params;
  const from = new Date(startsAt);
  const to = new Date(endsAt);
  const result = await db.transaction(async (tx) => {
    await lockDays(tx, facility.facility.id, [{ startsAt: from, endsAt: to }]);
    const pending = await tx
      .update(bookings)
      .set({
        status: 'declined',
        decidedBy: actor.user.id,
        decidedAt: new Date(),
        decisionReason: reason,
        updatedAt: new Date(),
      })
      .where(
        and(
          eq(bookings.facilityId, facility.facility.id),
          eq(bookings.status, 'pending'),
          lt(bookings.startsAt, to),
          gt(bookings.endsAt, from),
        ),
      )
      .returning();
    const block = await insertBlock(tx, actor, facility, { from, to, reason }).catch(async (err) => {
      if (!isOverlap(err)) throw err;
      const approved = await activeOverlapping(tx, facility.facility.id, from, to);
      throw new AppError('booking_conflict', 'Approved bookings hold part of this time; cancel them first', {
        conflicts: [
          {
            startsAt,
            endsAt,
            with: approved.map((r) => ({
              startsAt: iso(r.startsAt),
              endsAt: iso(r.endsAt),
              status: r.kind === 'block' ? 'blocked' : r.status,
              purpose: r.purpose,
            })),
          },
        ],
      });
    });
    for (const p of pending) {
      const data = { facility: facility.facility.name, startsAt: iso(p.startsAt), reason, by: actor.user.name };
      await notify(tx, [p.bookerId], 'booking.declined', data, p.id);
      await audit(tx, actor, meta, {
        action: 'booking.decline',
        entityType: 'booking',
        entityId: p.id,
        orgId: facility.school.id,
        before: { status: 'pending' },
        after: { status: 'declined', reason },
      });
    }
    await audit(tx, actor, meta, {
      action: 'facility.block',
      entityType: 'booking',
      entityId: block.id,
      orgId: facility.school.id,
      after: { facility: facility.facility.name, startsAt, endsAt, reason },
    });
    return { blockId: block.id, declinedIds: pending.map((p) => p.id) };
  });
  const rows = await selectBookings(db).where(inArray(bookings.id, [result.blockId, ...result.declinedIds]));
  const byId = new Map(rows.map((r) => [r.b.id, bookingOut(r)]));
  const booking = byId.get(result.blockId);
  if (!booking) throw new Error('a block just committed cannot be read back');
  return { booking, declined: result.declinedIds.flatMap((i) => byId.get(i) ?? []) };
}

/** The block's row, under a savepoint: an overlap with an approved booking leaves the transaction usable. */
async function insertBlock(
  tx: Tx,
  actor: Actor,
  facility: FacilityRow,
  block: { from: Date; to: Date; reason: string },
) {
  const [row] = await tx.transaction((sp) =>
    sp
      .insert(bookings)
      .values({
        facilityId: facility.facility.id,
        kind: 'block',
        status: 'approved',
        bookerId: actor.user.id,
        borrowerSchoolId: facility.school.id,
        purpose: block.reason,
        startsAt: block.from,
        endsAt: block.to,
        decidedBy: actor.user.id,
        decidedAt: new Date(),
      })
      .returning({ id: bookings.id }),
  );
  if (!row) throw new Error('INSERT … RETURNING gave no row');
  return row;
}
