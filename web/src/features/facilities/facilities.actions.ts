import { action, revalidate } from '@solidjs/router';
import type { z } from 'zod';
import type { createBookingInput } from '../../../../shared/schemas/bookings';
import { call, client } from '../../lib/api';
import { getApprovalQueue, getBookingDefaults, getMyBookings } from '../bookings/bookings.queries';
import { getAvailability, getFacilities, getFacility } from './facilities.queries';

export const createBooking = action(async (input: z.input<typeof createBookingInput>) => {
  const res = await call(client.bookings.$post({ json: input as z.infer<typeof createBookingInput> }));
  await revalidate([
    getMyBookings.key,
    getAvailability.key,
    getBookingDefaults.key,
    getApprovalQueue.key,
    getFacilities.key,
  ]);
  return res;
}, 'createBooking');

export const blockTime = action(async (facilityId: string, startsAt: string, endsAt: string, reason: string) => {
  const res = await call(
    client.facilities[':id'].blocks.$post({ param: { id: facilityId }, json: { startsAt, endsAt, reason } }),
  );
  await revalidate([getAvailability.key, getApprovalQueue.key]);
  return res;
}, 'blockTime');

export const retireFacility = action(async (facilityId: string) => {
  const res = await call(client.facilities[':id'].retire.$post({ param: { id: facilityId } }));
  await revalidate([getFacility.key, getFacilities.key]);
  return res;
}, 'retireFacility');

export const subscribe = action(async (facilityId?: string) => {
  const res = await call(client['calendar-feeds'].$post({ json: facilityId ? { facilityId } : {} }));
  return `${location.origin}${res.feed.url}`;
}, 'subscribe');
