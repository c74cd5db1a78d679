// Telling people: a notice per person, written in the same transaction as the change it tells of.
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { notifications } from '../../db/schema';
import type { Queryable } from '../../lib/db';
import type { Actor } from '../../lib/policy';

/** One notice of `kind` to each of the people (once each); `bookingId` links it to a booking. */
export async function notify(
  db: Queryable,
  userIds: string[],
  kind: string,
  data: Record<string, unknown>,
  bookingId?: string,
): Promise<void> {
  const unique = [...new Set(userIds)];
  if (!unique.length) return;
  await db.insert(notifications).values(unique.map((userId) => ({ userId, kind, data, bookingId: bookingId ?? null })));
}

export interface MarkReadParams {
  /** Which notices; all unread ones when absent. */
  ids?: string[];
}

/** Marks the caller's own notices read; another person's ids change nothing. */
export async function markRead(db: Queryable, actor: Actor, params: MarkReadParams): Promise<void> {
  await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(
      and(
        eq(notifications.userId, actor.user.id),
        isNull(notifications.readAt),
        params.ids ? inArray(notifications.id, params.ids) : undefined,
      ),
    );
}
