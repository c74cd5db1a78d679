import { query } from '@solidjs/router';
import { call, client } from '../../lib/api';

export const getNotifications = query(() => call(client.notifications.$get()), 'notifications');
