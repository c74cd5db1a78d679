import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { Notification } from '../../../shared/schemas/notifications';
import { iso } from '../../../shared/time';
import { notifications } from '../../db/schema';
import type { Queryable } from '../../lib/db';

const SHOWN = 50;

/** A person's newest notices. */
export async function listNotifications(db: Queryable, userId: string): Promise<Notification[]> {
  const rows = await db
    .select()
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt))
    .limit(SHOWN);
  return rows.map((n) => ({
    id: n.id,
    kind: n.kind,
    data: n.data,
    bookingId: n.bookingId,
    read: n.readAt !== null,
    createdAt: iso(n.createdAt),
  }));
}

export async function unreadCount(db: Queryable, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}
