import { notFound } from '../../lib/errors';
import { dbOf, type PublicHandler, requestMeta, type SignedInHandler } from '../../lib/router';
import { getVisibleFacility } from '../facilities/facilities.queries';
import type * as contract from './calendar.contract';
import { feedIcs } from './calendar.ics';
import { feedEntries, listFeeds, openFeed } from './calendar.queries';
import { createFeed, revokeFeed } from './calendar.service';

export const create: SignedInHandler<typeof contract.create> = async (c) => {
  const actor = c.get('actor');
  const { facilityId } = c.req.valid('json');
  const facility = facilityId ? await getVisibleFacility(dbOf(c), actor, facilityId) : null;
  return c.json({ feed: await createFeed(dbOf(c), actor, { facility }, requestMeta(c)) }, 201);
};

export const list: SignedInHandler<typeof contract.list> = async (c) => {
  return c.json({ items: await listFeeds(dbOf(c), c.get('actor').user.id), nextCursor: null }, 200);
};

export const revoke: SignedInHandler<typeof contract.revoke> = async (c) => {
  await revokeFeed(dbOf(c), c.get('actor'), { feedId: c.req.valid('param').id });
  return c.body(null, 204);
};

/** No sign-in: the secret in the URL is the key, and the feed shows what its owner may see. */
export const file: PublicHandler<typeof contract.file> = async (c) => {
  const { file } = c.req.valid('param');
  // A feed URL either exists or it does not: a malformed one is simply not found.
  if (!/^[A-Za-z0-9_-]{20,100}\.ics$/.test(file)) throw notFound('calendar');
  const feed = await openFeed(dbOf(c), file.replace(/\.ics$/, ''));
  return c.body(feedIcs(feed, await feedEntries(dbOf(c), feed)), 200, {
    'Content-Type': 'text/calendar; charset=utf-8',
    'Content-Disposition': 'inline; filename="tongzhou.ics"',
    'Cache-Control': 'private, max-age=300',
  });
};
