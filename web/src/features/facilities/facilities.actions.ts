import { action, json, redirect } from '@solidjs/router';
import type { z } from 'zod';
import type { createBookingInput } from '../../../../shared/schemas/bookings';
import { call, client, send } from '../../lib/api';
import { getApprovalQueue, getBookingDefaults, getMyBookings } from '../bookings/bookings.queries';
import { getFacilityLoad } from '../bookings/quota';
import { getNotifications } from '../notifications/notifications.queries';
import { getAvailability, getClosures, getFacilities, getFacility, getGroupAvailability } from './facilities.queries';
import { type FacilityForm, readFacilityForm } from './facility-form-data';

/** What a change of a facility's bookings shows in: calendars, lists, the queue, quotas, the bell. */
const bookingViews = [
  getMyBookings.key,
  getAvailability.key,
  getGroupAvailability.key,
  getApprovalQueue.key,
  getFacilityLoad.key,
  getNotifications.key,
];

export const createBooking = action(async (input: z.input<typeof createBookingInput>) => {
  const res = await call(client.bookings.$post({ json: input as z.infer<typeof createBookingInput> }));
  return json(res, { revalidate: [...bookingViews, getBookingDefaults.key, getFacilities.key] });
}, 'createBooking');

export const blockTime = action(async (facilityId: string, startsAt: string, endsAt: string, reason: string) => {
  const res = await call(
    client.facilities[':id'].blocks.$post({ param: { id: facilityId }, json: { startsAt, endsAt, reason } }),
  );
  return json(res, { revalidate: bookingViews });
}, 'blockTime');

export const retireFacility = action(async (facilityId: string) => {
  const res = await call(client.facilities[':id'].retire.$post({ param: { id: facilityId } }));
  return json(res, { revalidate: [getFacility.key, getFacilities.key] });
}, 'retireFacility');

/** A calendar feed (iCal) of the caller's bookings, or of one facility's; answers its full address. */
export const subscribe = action(async (facilityId?: string) => {
  const res = await call(client['calendar-feeds'].$post({ json: facilityId ? { facilityId } : {} }));
  return json(`${location.origin}${res.feed.url}`, { revalidate: [] });
}, 'subscribe');

/** Lists a facility (id null) or saves its edit, then opens it. */
export const saveFacility = action(async (id: string | null, form: FormData) => {
  const input: FacilityForm = readFacilityForm(form);
  const res = id
    ? await call(client.facilities[':id'].$patch({ param: { id }, json: input }))
    : await call(client.facilities.$post({ json: { ...input, schoolId: String(form.get('schoolId')) || undefined } }));
  throw redirect(`/facilities/${res.facility.id}`, {
    revalidate: [getFacilities.key, getFacility.key, getAvailability.key, getGroupAvailability.key],
  });
}, 'saveFacility');

/** Adds a photo (images only, judged by their bytes on the server). */
export const addPhoto = action(async (facilityId: string, file: File) => {
  const form = new FormData();
  form.set('file', file);
  await send(`/api/facilities/${facilityId}/photos`, { method: 'POST', body: form });
  return json(true, { revalidate: [getFacility.key, getFacilities.key] });
}, 'addPhoto');

export const addClosure = action(
  async (input: { schoolId: string; facilityId: string | null; startsOn: string; endsOn: string; reason: string }) => {
    const res = await call(client.closures.$post({ json: input }));
    return json(res, { revalidate: [getClosures.key, getAvailability.key, getGroupAvailability.key] });
  },
  'addClosure',
);

export const removeClosure = action(async (id: string) => {
  await call(client.closures[':id'].$delete({ param: { id } }));
  return json(true, { revalidate: [getClosures.key, getAvailability.key, getGroupAvailability.key] });
}, 'removeClosure');
