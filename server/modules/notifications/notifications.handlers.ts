import { dbOf, type SignedInHandler } from '../../lib/router';
import type * as contract from './notifications.contract';
import { listNotifications, unreadCount } from './notifications.queries';
import { markRead as markReadService } from './notifications.service';

export const list: SignedInHandler<typeof contract.list> = async (c) => {
  const db = dbOf(c);
  const { id } = c.get('actor').user;
  const [items, unread] = await Promise.all([listNotifications(db, id), unreadCount(db, id)]);
  return c.json({ items, unread, nextCursor: null }, 200);
};

export const markRead: SignedInHandler<typeof contract.markRead> = async (c) => {
  const db = dbOf(c);
  const actor = c.get('actor');
  await markReadService(db, actor, c.req.valid('json'));
  return c.json({ unread: await unreadCount(db, actor.user.id) }, 200);
};
