import { action, json } from '@solidjs/router';
import { call, client } from '../../lib/api';
import { getNotifications } from './notifications.queries';

/** Mark notices read: the given ones, or all of them; the bell's count follows. */
export const markRead = action(async (ids?: string[]) => {
  const res = await call(client.notifications.read.$post({ json: ids ? { ids } : {} }));
  return json(res, { revalidate: [getNotifications.key] });
}, 'markNotificationsRead');
