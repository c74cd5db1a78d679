import { query } from '@solidjs/router';
import { call, client } from '../../lib/api';

/** The caller's own bookings from now on. */
export const getMyBookings = query(
  () => call(client.bookings.$get({ query: { scope: 'mine', from: new Date().toISOString().replace('Z', '+00:00') } })),
  'myBookings',
);
/** Bookings waiting for the caller's approval (empty for non-admins). */
export const getApprovalQueue = query(
  () => call(client.bookings.$get({ query: { scope: 'to_approve' } })),
  'approvalQueue',
);
/** The last purpose, to pre-fill the next booking (JOURNEYS 1: nothing asked twice). */
/** What to pre-fill when booking this facility (the purpose of the last booking of it, or of its kind). */
export const getBookingDefaults = query(
  (facilityId: string) => call(client.bookings.defaults.$get({ query: { facilityId } })),
  'bookingDefaults',
);
