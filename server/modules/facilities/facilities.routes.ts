import { createRoute } from '@hono/zod-openapi';
import { and, eq, gt, gte, inArray, lt, lte } from 'drizzle-orm';
import { z } from 'zod';
import { activeBookingStatuses, facilityKinds } from '../../../shared/enums';
import { id, idParam, isoTime, page } from '../../../shared/schemas/common';
import { availability, facility, facilityInput, updateFacilityInput } from '../../../shared/schemas/facilities';
import type { Occurrence } from '../../../shared/series';
import { iso } from '../../../shared/time';
import { bookings, closures, facilities, orgs } from '../../db/schema';
import { audit } from '../../lib/audit';
import type { Queryable } from '../../lib/db';
import { AppError, forbidden, notFound, sqlState } from '../../lib/errors';
import { adminOf, canManageOrg, canSeeOrg } from '../../lib/policy';
import { commonErrors, json, jsonBody, newRouter, requestMeta } from '../../lib/router';
import { requireActor } from '../auth/auth.middleware';
import { openIntervals, toLocal, withinOpeningHours } from '../bookings/bookings.rules';
import {
  closuresFor,
  type FacilityRow,
  facilityOut,
  getVisibleFacility,
  listVisibleFacilities,
} from './facilities.queries';
import { photosOf } from './photos.routes';

const conflict = { 409: json(z.object({ error: z.any() }), 'Conflict') };
const MAX_RANGE_DAYS = 62;

export const facilitiesRoutes = newRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/facilities',
      tags: ['facilities'],
      summary: 'Facilities the caller may book or manages',
      request: {
        query: z.object({
          kind: z.enum(facilityKinds).optional(),
          q: z.string().max(100).optional(),
          schoolId: id.optional(),
          capacity: z.coerce.number().int().min(1).optional(),
          includeRetired: z.enum(['0', '1']).optional(),
          /** Only facilities open and free for the whole of [freeFrom, freeTo). */
          freeFrom: isoTime.optional(),
          freeTo: isoTime.optional(),
        }),
      },
      responses: { 200: json(page(facility)), ...commonErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      const q = c.req.valid('query');
      const { db } = c.get('deps').database;
      let rows = await listVisibleFacilities(db, actor, {
        kind: q.kind,
        q: q.q,
        schoolId: q.schoolId,
        minCapacity: q.capacity,
        includeRetired: q.includeRetired === '1',
      });
      if (q.freeFrom || q.freeTo) {
        if (!q.freeFrom || !q.freeTo || !(new Date(q.freeTo) > new Date(q.freeFrom))) {
          throw new AppError('validation_failed', 'Give both freeFrom and freeTo, the second after the first', {
            fields: { freeTo: ['must follow freeFrom'] },
          });
        }
        rows = await freeDuring(db, rows, { startsAt: new Date(q.freeFrom), endsAt: new Date(q.freeTo) });
      }
      const photos = await photosOf(
        db,
        rows.map((r) => r.facility.id),
      );
      return c.json(
        { items: rows.map((r) => facilityOut(r, actor, photos.get(r.facility.id))), nextCursor: null },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/facility-availability',
      tags: ['facilities'],
      summary: 'Busy times of every facility the caller may book, in [from, to), with the same filters as the list',
      request: {
        query: z.object({
          from: isoTime,
          to: isoTime,
          kind: z.enum(facilityKinds).optional(),
          schoolId: id.optional(),
          capacity: z.coerce.number().int().min(1).optional(),
        }),
      },
      responses: {
        200: json(page(z.object({ facility, busy: z.array(availability.shape.busy.element) }))),
        ...commonErrors,
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      const q = c.req.valid('query');
      const from = new Date(q.from);
      const to = new Date(q.to);
      if (!(to > from) || to.getTime() - from.getTime() > 31 * 86400_000)
        throw new AppError('validation_failed', '`to` must follow `from`, at most 31 days later', {
          fields: { to: ['bad range'] },
        });
      const { db } = c.get('deps').database;
      const rows = await listVisibleFacilities(db, actor, {
        kind: q.kind,
        schoolId: q.schoolId,
        minCapacity: q.capacity,
      });
      const busy = await busyOf(
        db,
        rows.map((r) => r.facility.id),
        from,
        to,
      );
      return c.json(
        {
          items: rows.map((r) => ({ facility: facilityOut(r, actor), busy: busy.get(r.facility.id) ?? [] })),
          nextCursor: null,
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/facilities',
      tags: ['facilities'],
      summary: 'A school admin lists a facility of the school',
      request: { body: jsonBody(facilityInput) },
      responses: { 201: json(z.object({ facility })), ...commonErrors, ...conflict },
    }),
    async (c) => {
      const actor = requireActor(c);
      const { schoolId: requested, ...input } = c.req.valid('json');
      const { db } = c.get('deps').database;
      const own = adminOf(actor).schoolIds;
      const schoolId = requested ?? (own.length === 1 ? own[0] : undefined);
      if (!schoolId)
        throw new AppError('validation_failed', 'Choose the school the facility belongs to', {
          fields: { schoolId: ['required'] },
        });
      const [school] = await db
        .select({ id: orgs.id, name: orgs.name, kind: orgs.kind, groupId: orgs.groupId, districtId: orgs.districtId })
        .from(orgs)
        .where(eq(orgs.id, schoolId));
      if (!school || school.kind !== 'school' || !canSeeOrg(actor, school)) throw notFound('school');
      if (!canManageOrg(actor, school)) throw forbidden("Only the school's administrators list its facilities");
      const created = await uniqueFacilityName(() =>
        db.transaction(async (tx) => {
          const [row] = await tx
            .insert(facilities)
            .values({ ...input, schoolId: school.id, equipment: input.equipment ?? [] })
            .returning();
          await audit(tx, c.get('actor'), requestMeta(c), {
            action: 'facility.create',
            entityType: 'facility',
            entityId: row!.id,
            orgId: school.id,
            after: input,
          });
          return row!;
        }),
      );
      return c.json({ facility: facilityOut({ facility: created, school }, actor) }, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/facilities/{id}',
      tags: ['facilities'],
      summary: 'One facility',
      request: { params: idParam },
      responses: { 200: json(z.object({ facility })), ...commonErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      const { db } = c.get('deps').database;
      const row = await getVisibleFacility(db, actor, c.req.valid('param').id);
      const photos = await photosOf(db, [row.facility.id]);
      return c.json({ facility: facilityOut(row, actor, photos.get(row.facility.id)) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/facilities/{id}',
      tags: ['facilities'],
      summary: 'Edit a facility (its managers)',
      request: { params: idParam, body: jsonBody(updateFacilityInput) },
      responses: { 200: json(z.object({ facility })), ...commonErrors, ...conflict },
    }),
    async (c) => {
      const actor = requireActor(c);
      const { db } = c.get('deps').database;
      const row = await getVisibleFacility(db, actor, c.req.valid('param').id);
      if (!facilityOut(row, actor).canManage) throw forbidden('Only the facility’s managers edit it');
      const input = c.req.valid('json');
      const updated = await uniqueFacilityName(() =>
        db.transaction(async (tx) => {
          const [u] = await tx
            .update(facilities)
            .set({ ...input, updatedAt: new Date() })
            .where(eq(facilities.id, row.facility.id))
            .returning();
          const before = Object.fromEntries(Object.keys(input).map((k) => [k, (row.facility as any)[k]]));
          await audit(tx, c.get('actor'), requestMeta(c), {
            action: 'facility.update',
            entityType: 'facility',
            entityId: row.facility.id,
            orgId: row.school.id,
            before,
            after: input,
          });
          return u!;
        }),
      );
      return c.json({ facility: facilityOut({ ...row, facility: updated }, actor) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/facilities/{id}/retire',
      tags: ['facilities'],
      summary: 'Retire a facility: no new bookings, existing ones kept',
      request: { params: idParam },
      responses: { 200: json(z.object({ facility })), ...commonErrors, ...conflict },
    }),
    async (c) => {
      const actor = requireActor(c);
      const { db } = c.get('deps').database;
      const row = await getVisibleFacility(db, actor, c.req.valid('param').id);
      if (!facilityOut(row, actor).canManage) throw forbidden('Only the facility’s managers retire it');
      const updated = await db.transaction(async (tx) => {
        const [u] = await tx
          .update(facilities)
          .set({ retiredAt: new Date(), updatedAt: new Date() })
          .where(and(eq(facilities.id, row.facility.id)))
          .returning();
        await audit(tx, c.get('actor'), requestMeta(c), {
          action: 'facility.retire',
          entityType: 'facility',
          entityId: row.facility.id,
          orgId: row.school.id,
        });
        return u!;
      });
      return c.json({ facility: facilityOut({ ...row, facility: updated }, actor) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/facilities/{id}/availability',
      tags: ['facilities'],
      summary: 'Busy and open times of a facility in [from, to)',
      request: { params: idParam, query: z.object({ from: isoTime, to: isoTime }) },
      responses: { 200: json(availability), ...commonErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      const { from: fromS, to: toS } = c.req.valid('query');
      const from = new Date(fromS);
      const to = new Date(toS);
      if (!(to > from))
        throw new AppError('validation_failed', '`to` must be after `from`', {
          fields: { to: ['must be after from'] },
        });
      if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * 86400_000)
        throw new AppError('validation_failed', `At most ${MAX_RANGE_DAYS} days at a time`, {
          fields: { to: ['range too long'] },
        });
      const { db } = c.get('deps').database;
      const row = await getVisibleFacility(db, actor, c.req.valid('param').id);
      const [busyRows, closed] = await Promise.all([
        db
          .select({
            startsAt: bookings.startsAt,
            endsAt: bookings.endsAt,
            status: bookings.status,
            kind: bookings.kind,
          })
          .from(bookings)
          .where(
            and(
              eq(bookings.facilityId, row.facility.id),
              inArray(bookings.status, [...activeBookingStatuses]),
              lte(bookings.startsAt, to),
              gte(bookings.endsAt, from),
            ),
          )
          .orderBy(bookings.startsAt),
        closuresFor(db, { facilityId: row.facility.id, schoolId: row.school.id }, toLocal(from).date, toLocal(to).date),
      ]);
      const busy = busyRows
        .filter((b) => b.startsAt < to && b.endsAt > from)
        .map((b) => ({
          startsAt: iso(b.startsAt),
          endsAt: iso(b.endsAt),
          status: b.kind === 'block' ? ('blocked' as const) : (b.status as 'pending' | 'approved'),
        }));
      const closedSlots = closed.map((cl) => ({
        startsAt: `${cl.startsOn}T00:00:00+08:00`,
        endsAt: `${nextDay(cl.endsOn)}T00:00:00+08:00`,
        status: 'closed' as const,
      }));
      const open = openIntervals(row.facility.openingHours, closed, from, to).map((o) => ({
        startsAt: iso(o.startsAt),
        endsAt: iso(o.endsAt),
      }));
      return c.json({ busy: [...busy, ...closedSlots], open }, 200);
    },
  );

/** The facilities that are open for the whole window, not closed that day, and hold no active booking in it. */
async function freeDuring(db: Queryable, rows: FacilityRow[], window: Occurrence): Promise<FacilityRow[]> {
  const open = rows.filter((r) => withinOpeningHours(window, r.facility.openingHours));
  if (!open.length) return [];
  const day = toLocal(window.startsAt).date;
  const [taken, closed] = await Promise.all([
    db
      .selectDistinct({ id: bookings.facilityId })
      .from(bookings)
      .where(
        and(
          inArray(
            bookings.facilityId,
            open.map((r) => r.facility.id),
          ),
          inArray(bookings.status, [...activeBookingStatuses]),
          lt(bookings.startsAt, window.endsAt),
          gt(bookings.endsAt, window.startsAt),
        ),
      ),
    db
      .select({ schoolId: closures.schoolId, facilityId: closures.facilityId })
      .from(closures)
      .where(
        and(
          inArray(closures.schoolId, [...new Set(open.map((r) => r.school.id))]),
          lte(closures.startsOn, day),
          gte(closures.endsOn, day),
        ),
      ),
  ]);
  const busy = new Set(taken.map((t) => t.id));
  return open.filter(
    (r) =>
      !busy.has(r.facility.id) &&
      !closed.some((cl) => cl.schoolId === r.school.id && (cl.facilityId === null || cl.facilityId === r.facility.id)),
  );
}

/** Busy rows of many facilities in [from, to), grouped per facility (the group-wide calendar). */
async function busyOf(db: Queryable, facilityIds: string[], from: Date, to: Date) {
  if (!facilityIds.length)
    return new Map<string, { startsAt: string; endsAt: string; status: 'pending' | 'approved' | 'blocked' }[]>();
  const rows = await db
    .select({
      facilityId: bookings.facilityId,
      startsAt: bookings.startsAt,
      endsAt: bookings.endsAt,
      status: bookings.status,
      kind: bookings.kind,
    })
    .from(bookings)
    .where(
      and(
        inArray(bookings.facilityId, facilityIds),
        inArray(bookings.status, [...activeBookingStatuses]),
        lt(bookings.startsAt, to),
        gt(bookings.endsAt, from),
      ),
    )
    .orderBy(bookings.startsAt);
  const out = new Map<string, { startsAt: string; endsAt: string; status: 'pending' | 'approved' | 'blocked' }[]>();
  for (const r of rows) {
    const list = out.get(r.facilityId) ?? [];
    list.push({
      startsAt: iso(r.startsAt),
      endsAt: iso(r.endsAt),
      status: r.kind === 'block' ? 'blocked' : (r.status as 'pending' | 'approved'),
    });
    out.set(r.facilityId, list);
  }
  return out;
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86400_000).toISOString().slice(0, 10);
}

async function uniqueFacilityName<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (sqlState(err) === '23505')
      throw new AppError('already_exists', 'The school already has a facility with this name', {
        fields: { name: ['already used'] },
      });
    throw err;
  }
}
