import { action, json } from '@solidjs/router';
import { call, client } from '../../lib/api';
import { getAvailability, getGroupAvailability } from '../facilities/facilities.queries';
import { getNotifications } from '../notifications/notifications.queries';
import { getApprovalQueue, getMyBookings } from './bookings.queries';
import { getFacilityLoad } from './quota';

/** The booker cancels one of their bookings; its time is free again. */
export const cancelBooking = action(async (id: string) => {
  const res = await call(client.bookings[':id'].cancel.$post({ param: { id }, json: {} }));
  return json(res, {
    revalidate: [
      getMyBookings.key,
      getAvailability.key,
      getGroupAvailability.key,
      getApprovalQueue.key,
      getFacilityLoad.key,
      getNotifications.key,
    ],
  });
}, 'cancelBooking');
