import { problemDetails } from '../../../shared/problems';
import { AppError, notFound } from '../../lib/errors';
import { dbOf, requestMeta, type SignedInHandler } from '../../lib/router';
import { getManagedFacility, getVisibleFacility } from '../facilities/facilities.queries';
import type * as contract from './bookings.contract';
import type { BookingListScope } from './bookings.queries';
import { bookingOut, getReadableBooking, latestPurpose, listBookings } from './bookings.queries';
import type { BookingAction } from './bookings.rules';
import { blockTime, bulkDecide, decide } from './bookings.service';
import { bookFacility } from './bookings-create.service';

export const create: SignedInHandler<typeof contract.create> = async (c) => {
  const result = await bookFacility(dbOf(c), c.get('actor'), c.req.valid('json'), requestMeta(c));
  const [booking] = result.bookings;
  if (!booking) throw new Error('a booking that succeeded made no row');
  return c.json({ booking, ...result }, 201);
};

export const list: SignedInHandler<typeof contract.list> = async (c) => {
  const actor = c.get('actor');
  const { scope, facilityId, from, to, status, cursor } = c.req.valid('query');
  if (facilityId) await getVisibleFacility(dbOf(c), actor, facilityId);
  const which = listScope(scope, facilityId);
  const page = await listBookings(dbOf(c), actor, {
    ...which,
    from: from ? new Date(from) : undefined,
    to: to ? new Date(to) : undefined,
    status,
    cursor,
  });
  return c.json(page, 200);
};

function listScope(scope: BookingListScope['scope'], facilityId: string | undefined): BookingListScope {
  if (scope !== 'facility') return { scope };
  if (!facilityId)
    throw new AppError(
      'validation_failed',
      'Name the facility',
      problemDetails([{ field: 'facilityId', code: 'required' }]),
    );
  return { scope, facilityId };
}

export const defaults: SignedInHandler<typeof contract.defaults> = async (c) => {
  const actor = c.get('actor');
  const db = dbOf(c);
  const { facilityId } = c.req.valid('query');
  const facility = facilityId ? (await getVisibleFacility(db, actor, facilityId)).facility : undefined;
  return c.json({ purpose: await latestPurpose(db, actor.user.id, facility) }, 200);
};

export const get: SignedInHandler<typeof contract.get> = async (c) => {
  const row = await getReadableBooking(dbOf(c), c.get('actor'), c.req.valid('param').id);
  if (!row) throw notFound('booking');
  return c.json({ booking: bookingOut(row) }, 200);
};

// approve, decline and cancel: the same guarded change with another action; each handler is typed by its route.
const decision = (bookingId: string, action: BookingAction, body: { reason?: string } | undefined) => ({
  bookingId,
  action,
  reason: body?.reason,
});

export const approve: SignedInHandler<typeof contract.approve> = async (c) => {
  const params = decision(c.req.valid('param').id, 'approve', c.req.valid('json'));
  return c.json({ booking: await decide(dbOf(c), c.get('actor'), params, requestMeta(c)) }, 200);
};

export const decline: SignedInHandler<typeof contract.decline> = async (c) => {
  const params = decision(c.req.valid('param').id, 'decline', c.req.valid('json'));
  return c.json({ booking: await decide(dbOf(c), c.get('actor'), params, requestMeta(c)) }, 200);
};

export const cancel: SignedInHandler<typeof contract.cancel> = async (c) => {
  const params = decision(c.req.valid('param').id, 'cancel', c.req.valid('json'));
  return c.json({ booking: await decide(dbOf(c), c.get('actor'), params, requestMeta(c)) }, 200);
};

export const bulk: SignedInHandler<typeof contract.bulk> = async (c) => {
  const results = await bulkDecide(dbOf(c), c.get('actor'), c.req.valid('json'), requestMeta(c));
  return c.json({ results }, 200);
};

export const block: SignedInHandler<typeof contract.block> = async (c) => {
  const actor = c.get('actor');
  const refusal = 'Only the facility’s managers block time';
  const facility = await getManagedFacility(dbOf(c), actor, c.req.valid('param').id, refusal);
  const result = await blockTime(dbOf(c), actor, { facility, ...c.req.valid('json') }, requestMeta(c));
  return c.json(result, 201);
};
