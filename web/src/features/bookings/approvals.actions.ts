import { action, json } from '@solidjs/router';
import { ApiError, call, client } from '../../lib/api';
import { getAvailability, getGroupAvailability } from '../facilities/facilities.queries';
import { getNotifications } from '../notifications/notifications.queries';
import { getApprovalQueue, getMyBookings } from './bookings.queries';
import { getFacilityLoad } from './quota';

export type Decision = 'approve' | 'decline';
/** One booking's answer: each booking of a bulk decision succeeds or fails for itself. */
export type DecisionResult = { id: string; ok: boolean; error?: { code: string; message: string } };

async function decideOne(decision: Decision, id: string, reason?: string): Promise<DecisionResult> {
  const request = { param: { id }, json: reason ? { reason } : {} };
  try {
    await call(
      decision === 'approve'
        ? client.bookings[':id'].approve.$post(request)
        : client.bookings[':id'].decline.$post(request),
    );
    return { id, ok: true };
  } catch (err) {
    // A refusal belongs to this booking; a dropped connection belongs to the whole attempt.
    if (err instanceof ApiError && err.status >= 400 && err.status < 500)
      return { id, ok: false, error: { code: err.code, message: err.message } };
    throw err;
  }
}

/** Approve or decline one booking or several; the queue, the header badges and the quota figures refresh. */
export const decideBookings = action(async (decision: Decision, ids: string[], reason?: string) => {
  const [only, ...others] = ids;
  const results =
    only !== undefined && others.length === 0
      ? [await decideOne(decision, only, reason)]
      : (await call(client.bookings.bulk.$post({ json: { action: decision, ids, ...(reason ? { reason } : {}) } })))
          .results;
  return json(results as DecisionResult[], {
    revalidate: [
      getApprovalQueue.key,
      getNotifications.key,
      getFacilityLoad.key,
      getMyBookings.key,
      getAvailability.key,
      getGroupAvailability.key,
    ],
  });
}, 'decideBookings');
