import { createRoute } from '@hono/zod-openapi';
import { and, asc, eq, gt, inArray, isNull } from 'drizzle-orm';
import ical, { ICalEventStatus } from 'ical-generator';
import { z } from 'zod';
import { activeBookingStatuses } from '../../../shared/enums';
import { id, idParam, page } from '../../../shared/schemas/common';
import { BEIJING_OFFSET_MS, iso } from '../../../shared/time';
import { bookings, calendarFeeds, facilities } from '../../db/schema';
import { audit } from '../../lib/audit';
import { newSecret, secretHash } from '../../lib/crypto';
import { notFound } from '../../lib/errors';
import { commonErrors, json, jsonBody, newRouter, noContent, requestMeta } from '../../lib/router';
import { requireActor } from '../auth/auth.middleware';
import { loadActorById } from '../auth/auth.queries';
import { readableBookingsWhere, selectBookings } from '../bookings/bookings.queries';
import { getVisibleFacility } from '../facilities/facilities.queries';
import { listLessons } from '../lessons/lessons.queries';

const feed = z.object({ id, facilityId: id.nullable(), facilityName: z.string().nullable(), createdAt: z.string() });
const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Asia/Shanghai',
  'BEGIN:STANDARD',
  'DTSTART:19700101T000000',
  'TZOFFSETFROM:+0800',
  'TZOFFSETTO:+0800',
  'TZNAME:CST',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');
/**
 * ical-generator writes a TZID time from the Date's UTC fields when no time-zone library is plugged in, so
 * the Beijing wall clock is put there. Tests parse the feed with ical.js and check the absolute instants.
 */
const wallClock = (d: Date) => new Date(d.getTime() + BEIJING_OFFSET_MS);
const HORIZON_PAST_MS = 31 * 86400_000;

export const calendarRoutes = newRouter()
  .openapi(
    createRoute({
      method: 'post',
      path: '/calendar-feeds',
      tags: ['calendar'],
      summary: 'A secret iCalendar URL for one’s own bookings, or for a facility (shown once)',
      request: { body: jsonBody(z.object({ facilityId: id.optional() })) },
      responses: { 201: json(z.object({ feed: feed.extend({ url: z.string() }) })), ...commonErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      const { facilityId } = c.req.valid('json');
      const { db } = c.get('deps').database;
      const facility = facilityId ? await getVisibleFacility(db, actor, facilityId) : null;
      const token = newSecret();
      const row = await db.transaction(async (tx) => {
        const [r] = await tx
          .insert(calendarFeeds)
          .values({ tokenHash: secretHash(token), userId: actor.user.id, facilityId: facilityId ?? null })
          .returning();
        await audit(tx, c.get('actor'), requestMeta(c), {
          action: 'calendar_feed.create',
          entityType: 'user',
          entityId: actor.user.id,
          after: { facilityId: facilityId ?? null },
        });
        return r!;
      });
      return c.json(
        {
          feed: {
            id: row.id,
            facilityId: row.facilityId,
            facilityName: facility?.facility.name ?? null,
            createdAt: iso(row.createdAt),
            url: `/api/calendar/${token}.ics`,
          },
        },
        201,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/calendar-feeds',
      tags: ['calendar'],
      summary: "The caller's live calendar feeds (URLs are not shown again)",
      responses: { 200: json(page(feed)), ...commonErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      const rows = await c
        .get('deps')
        .database.db.select({ f: calendarFeeds, facilityName: facilities.name })
        .from(calendarFeeds)
        .leftJoin(facilities, eq(facilities.id, calendarFeeds.facilityId))
        .where(and(eq(calendarFeeds.userId, actor.user.id), isNull(calendarFeeds.revokedAt)))
        .orderBy(asc(calendarFeeds.createdAt));
      return c.json(
        {
          items: rows.map((r) => ({
            id: r.f.id,
            facilityId: r.f.facilityId,
            facilityName: r.facilityName,
            createdAt: iso(r.f.createdAt),
          })),
          nextCursor: null,
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/calendar-feeds/{id}',
      tags: ['calendar'],
      summary: 'Revoke a feed URL',
      request: { params: idParam },
      responses: { 204: noContent, ...commonErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      const gone = await c
        .get('deps')
        .database.db.update(calendarFeeds)
        .set({ revokedAt: new Date() })
        .where(
          and(
            eq(calendarFeeds.id, c.req.valid('param').id),
            eq(calendarFeeds.userId, actor.user.id),
            isNull(calendarFeeds.revokedAt),
          ),
        )
        .returning({ id: calendarFeeds.id });
      if (!gone.length) throw notFound('feed');
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/calendar/{file}',
      tags: ['calendar'],
      summary: 'The iCalendar feed behind a secret URL (no sign-in: the URL is the key)',
      request: { params: z.object({ file: z.string().max(120) }) },
      responses: {
        200: { description: 'text/calendar', content: { 'text/calendar': { schema: z.string() } } },
        404: commonErrors[404],
      },
    }),
    async (c) => {
      const file = c.req.valid('param').file;
      // A feed URL either exists or it does not: a malformed one is simply not found.
      if (!/^[A-Za-z0-9_-]{20,100}\.ics$/.test(file)) throw notFound('calendar');
      const token = file.replace(/\.ics$/, '');
      const { db } = c.get('deps').database;
      const [f] = await db
        .select()
        .from(calendarFeeds)
        .where(and(eq(calendarFeeds.tokenHash, secretHash(token)), isNull(calendarFeeds.revokedAt)));
      if (!f) throw notFound('calendar');
      // The feed shows what its owner may see today: leaving a school closes what it showed.
      const owner = await loadActorById(db, f.userId);
      if (!owner) throw notFound('calendar');
      const since = new Date(Date.now() - HORIZON_PAST_MS);
      const facility = f.facilityId ? await getVisibleFacility(db, owner, f.facilityId).catch(() => null) : null;
      if (f.facilityId && !facility) throw notFound('calendar');
      const rows = await selectBookings(db)
        .where(
          and(
            facility
              ? eq(bookings.facilityId, facility.facility.id)
              : and(eq(bookings.bookerId, owner.user.id), eq(bookings.kind, 'booking')),
            inArray(bookings.status, [...activeBookingStatuses]),
            gt(bookings.endsAt, since),
          ),
        )
        .orderBy(asc(bookings.startsAt))
        .limit(2000);
      const readable = facility
        ? new Set(
            (
              await selectBookings(db).where(
                and(
                  eq(bookings.facilityId, facility.facility.id),
                  gt(bookings.endsAt, since),
                  readableBookingsWhere(owner),
                ),
              )
            ).map((r) => r.b.id),
          )
        : null;
      const name = facility ? `${facility.facility.name} · ${facility.school.name}` : `${owner.user.name} · 同舟预约`;
      const cal = ical({ name, prodId: { company: 'tongzhou', product: 'bookings', language: 'ZH' }, ttl: 15 * 60 });
      cal.timezone({ name: 'Asia/Shanghai', generator: () => VTIMEZONE });
      for (const r of rows) {
        const detailed = !readable || readable.has(r.b.id);
        const title =
          r.b.kind === 'block'
            ? `停用：${r.b.purpose}`
            : detailed
              ? `${r.b.purpose}（${r.facilityName}）`
              : `已预约（${r.borrowerSchoolName}）`;
        cal.createEvent({
          id: `${r.b.id}@tongzhou`,
          start: wallClock(r.b.startsAt),
          end: wallClock(r.b.endsAt),
          timezone: 'Asia/Shanghai',
          summary: r.b.status === 'pending' ? `［待审批］${title}` : title,
          location: `${r.schoolName} ${r.facilityName}`,
          description: detailed
            ? `${r.borrowerSchoolName} · ${r.bookerName}${r.b.attendees ? ` · ${r.b.attendees} 人` : ''}`
            : undefined,
          status: r.b.status === 'pending' ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
        });
      }
      // A person's feed also holds the live lessons they teach or their classroom attends; a cancelled one stays,
      // marked cancelled, so calendar apps drop it.
      if (!facility) {
        for (const { l, rooms } of await listLessons(db, owner, 'mine')) {
          cal.createEvent({
            id: `${l.id}@tongzhou-lesson`,
            start: wallClock(l.startsAt),
            end: wallClock(l.endsAt),
            timezone: 'Asia/Shanghai',
            summary: `${l.status === 'cancelled' ? '［已取消］' : ''}直播课：${l.title}`,
            location: rooms.map((r) => `${r.schoolName} ${r.name}`).join('、'),
            description: `${l.teacherName}（${l.schoolName}）${l.cancelReason ? ` · 取消原因：${l.cancelReason}` : ''}`,
            status: l.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
          });
        }
      }
      return c.body(cal.toString(), 200, {
        'Content-Type': 'text/calendar; charset=utf-8',
        'Content-Disposition': 'inline; filename="tongzhou.ics"',
        'Cache-Control': 'private, max-age=300',
      });
    },
  );
