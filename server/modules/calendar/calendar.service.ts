// The writes of calendar feeds. A feed's URL holds a secret that is stored only as its hash: it is shown once,
// when the feed is made; revoking the feed makes the URL not found.
import { and, eq, isNull } from 'drizzle-orm';
import { iso } from '../../../shared/time';
import { calendarFeeds } from '../../db/schema';
import { audit } from '../../lib/audit';
import type { RequestMeta } from '../../lib/context';
import { newSecret, secretHash } from '../../lib/crypto';
import type { Db } from '../../lib/db';
import { notFound } from '../../lib/errors';
import type { Actor } from '../../lib/policy';
import type { FacilityRow } from '../facilities/facilities.queries';

export interface CreateFeedParams {
  /** A facility's feed: the facility, as the caller's gate (getVisibleFacility) returned it; null for one's own. */
  facility: FacilityRow | null;
}

export async function createFeed(db: Db, actor: Actor, params: CreateFeedParams, meta: RequestMeta) {
  const facilityId = params.facility?.facility.id ?? null;
  const token = newSecret();
  const row = await db.transaction(async (tx) => {
    const [r] = await tx
      .insert(calendarFeeds)
      .values({ tokenHash: secretHash(token), userId: actor.user.id, facilityId })
      .returning();
    if (!r) throw new Error('an insert that succeeded made no feed');
    await audit(tx, actor, meta, {
      action: 'calendar_feed.create',
      entityType: 'user',
      entityId: actor.user.id,
      after: { facilityId },
    });
    return r;
  });
  return {
    id: row.id,
    facilityId: row.facilityId,
    facilityName: params.facility?.facility.name ?? null,
    createdAt: iso(row.createdAt),
    url: `/api/calendar/${token}.ics`,
  };
}

export interface RevokeFeedParams {
  feedId: string;
}

/** Revokes one of the caller's own live feeds; another person's, or one already revoked, is not found. */
export async function revokeFeed(db: Db, actor: Actor, params: RevokeFeedParams): Promise<void> {
  const gone = await db
    .update(calendarFeeds)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(calendarFeeds.id, params.feedId),
        eq(calendarFeeds.userId, actor.user.id),
        isNull(calendarFeeds.revokedAt),
      ),
    )
    .returning({ id: calendarFeeds.id });
  if (!gone.length) throw notFound('feed');
}
