import { Buffer } from 'node:buffer';
import { createRoute } from '@hono/zod-openapi';
import { and, count, desc, eq, gt, inArray, isNull, lt } from 'drizzle-orm';
import type { Context } from 'hono';
import { z } from 'zod';
import { bookingStatuses } from '../../../shared/enums';
import { id, idParam, isoTime, page } from '../../../shared/schemas/common';
import { booking, createBookingInput } from '../../../shared/schemas/facilities';
import { bookings, notifications } from '../../db/schema';
import { audit } from '../../lib/audit';
import type { AppEnv } from '../../lib/context';
import { AppError, forbidden, notFound, retryTransient } from '../../lib/errors';
import type { Actor } from '../../lib/policy';
import { commonErrors, json, jsonBody, newRouter } from '../../lib/router';
import { iso } from '../../lib/time';
import { requireActor } from '../auth/auth.middleware';
import { canManageFacility, getVisibleFacility } from '../facilities/facilities.queries';
import {
  activeOverlapping,
  approverIds,
  bookingOut,
  getReadableBooking,
  latestPurpose,
  listBookings,
  notify,
  selectBookings,
} from './bookings.queries';
import { allowedFrom, type BookingAction, resultOf } from './bookings.rules';
import { Clashed, createBookings, describeConflict, isOverlap, lockDays } from './bookings.service';

const errors409 = {
  409: json(
    z.object({ error: z.any() }),
    'Clash (`booking_conflict`, with details.conflicts) or wrong state (`invalid_state`)',
  ),
};
const reasonBody = z.object({ reason: z.string().trim().max(300).optional() });
const PAGE = 100;
const reasonOf = (body: unknown) => (body as z.infer<typeof reasonBody> | undefined)?.reason;

const encodeCursor = (b: { startsAt: Date; id: string }) =>
  Buffer.from(`${b.startsAt.toISOString()}|${b.id}`).toString('base64url');
function decodeCursor(s: string) {
  const [t, i] = Buffer.from(s, 'base64url').toString().split('|');
  const startsAt = new Date(t ?? '');
  if (Number.isNaN(startsAt.getTime()) || !i || !/^[0-9a-f-]{36}$/.test(i))
    throw new AppError('validation_failed', 'Bad cursor', { fields: { cursor: ['not a cursor from this list'] } });
  return { startsAt, id: i };
}

/** One guarded state change: `UPDATE … WHERE status IN (allowed)`; a double click or a race applies once. */
async function transition(c: Context<AppEnv>, actor: Actor, bookingId: string, action: BookingAction, reason?: string) {
  const { db } = c.get('deps').database;
  return db.transaction(async (tx) => {
    const current = await getReadableBooking(tx, actor, bookingId);
    if (!current) throw notFound('booking');
    const facility = await getVisibleFacility(tx, actor, current.b.facilityId).catch(() => null);
    const manager = facility ? canManageFacility(actor, facility) : false;
    if (action !== 'cancel' && !manager) throw forbidden('Only the facility’s managers approve or decline');
    if (action === 'cancel' && !manager && current.b.bookerId !== actor.user.id)
      throw forbidden('Only the booker or the facility’s managers cancel');
    if (current.b.kind === 'block' && action !== 'cancel')
      throw new AppError('invalid_state', 'A block-out is not approved or declined; cancel it instead');
    const now = new Date();
    const [updated] = await tx
      .update(bookings)
      .set({
        status: resultOf[action],
        updatedAt: now,
        ...(action === 'cancel'
          ? { cancelledBy: actor.user.id, cancelledAt: now, cancelReason: reason ?? null }
          : { decidedBy: actor.user.id, decidedAt: now, decisionReason: reason ?? null }),
      })
      .where(and(eq(bookings.id, bookingId), inArray(bookings.status, [...allowedFrom[action]])))
      .returning({ id: bookings.id });
    if (!updated) {
      throw new AppError('invalid_state', `This booking is ${current.b.status}; it cannot be ${resultOf[action]} now`, {
        status: current.b.status,
      });
    }
    await audit(tx, c, {
      action: `booking.${action}`,
      entityType: 'booking',
      entityId: bookingId,
      orgId: current.schoolId,
      before: { status: current.b.status },
      after: { status: resultOf[action], reason: reason ?? null },
    });
    const data = {
      facility: current.facilityName,
      startsAt: iso(current.b.startsAt),
      reason: reason ?? null,
      by: actor.user.name,
    };
    if (current.b.bookerId !== actor.user.id)
      await notify(tx, [current.b.bookerId], `booking.${resultOf[action]}`, data, bookingId);
    else if (action === 'cancel' && current.b.status === 'approved')
      await notify(tx, await approverIds(tx, current.schoolId), 'booking.cancelled', data, bookingId);
    const [row] = await selectBookings(tx).where(eq(bookings.id, bookingId));
    return bookingOut(row!);
  });
}

const stateRoute = (action: BookingAction, summary: string) =>
  createRoute({
    method: 'post',
    path: `/bookings/{id}/${action}`,
    tags: ['bookings'],
    summary,
    request: { params: idParam, body: { required: false, content: { 'application/json': { schema: reasonBody } } } },
    responses: { 200: json(z.object({ booking })), ...commonErrors, ...errors409 },
  });

export const bookingsRoutes = newRouter()
  .openapi(
    createRoute({
      method: 'post',
      path: '/bookings',
      tags: ['bookings'],
      summary: 'Book a facility, once or weekly',
      description:
        'Answers 201 with the first booking (and all of a series under `bookings`). `status` is `approved` or `pending` (waiting for the owner school). 409 `booking_conflict` lists in `details.conflicts` what it clashes with and suggests free slots in `details.suggestions`.',
      request: { body: jsonBody(createBookingInput) },
      responses: {
        201: json(
          z.object({
            booking,
            bookings: z.array(booking),
            skipped: z.array(z.object({ startsAt: isoTime, endsAt: isoTime, reason: z.string() })),
            clashed: z.array(z.object({ startsAt: isoTime, endsAt: isoTime })),
          }),
        ),
        ...commonErrors,
        ...errors409,
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      const input = c.req.valid('json');
      const { db } = c.get('deps').database;
      const facility = await getVisibleFacility(db, actor, input.facilityId).catch(() => {
        throw new AppError('validation_failed', 'No such facility, or it is not visible to you', {
          fields: { facilityId: ['not found'] },
        });
      });
      const result = await retryTransient(() =>
        db.transaction((tx) => createBookings(tx, c, actor, facility, input)),
      ).catch(async (err) => {
        throw err instanceof Clashed ? await describeConflict(db, actor, facility, err) : err;
      });
      // Everything the answer names is already at hand: no second read.
      const out = result.created.map((b) =>
        bookingOut({
          b,
          facilityName: facility.facility.name,
          schoolId: facility.school.id,
          schoolName: facility.school.name,
          bookerName: actor.user.name,
          borrowerSchoolName: result.borrower.name,
        }),
      );
      return c.json({ booking: out[0]!, bookings: out, skipped: result.skipped, clashed: result.clashed }, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/bookings',
      tags: ['bookings'],
      summary: "The caller's bookings, those waiting for the caller's approval, or a facility's",
      request: {
        query: z.object({
          scope: z.enum(['mine', 'to_approve', 'facility']).default('mine'),
          facilityId: id.optional(),
          from: isoTime.optional(),
          to: isoTime.optional(),
          status: z.enum(bookingStatuses).optional(),
          cursor: z.string().max(200).optional(),
        }),
      },
      responses: { 200: json(page(booking)), ...commonErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      const q = c.req.valid('query');
      if (q.scope === 'facility' && !q.facilityId)
        throw new AppError('validation_failed', 'Name the facility', {
          fields: { facilityId: ['required with scope=facility'] },
        });
      const { db } = c.get('deps').database;
      if (q.facilityId) await getVisibleFacility(db, actor, q.facilityId);
      const rows = await listBookings(db, actor, {
        scope: q.scope,
        facilityId: q.facilityId,
        from: q.from ? new Date(q.from) : undefined,
        to: q.to ? new Date(q.to) : undefined,
        status: q.status,
        cursor: q.cursor ? decodeCursor(q.cursor) : undefined,
        limit: PAGE,
      });
      const items = rows.slice(0, PAGE).map(bookingOut);
      return c.json({ items, nextCursor: rows.length > PAGE ? encodeCursor(rows[PAGE - 1]!.b) : null }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/bookings/defaults',
      tags: ['bookings'],
      summary: 'What to pre-fill in a new booking (the last purpose)',
      responses: { 200: json(z.object({ purpose: z.string().nullable() })), ...commonErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      return c.json({ purpose: await latestPurpose(c.get('deps').database.db, actor.user.id) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/bookings/{id}',
      tags: ['bookings'],
      summary: 'One booking',
      request: { params: idParam },
      responses: { 200: json(z.object({ booking })), ...commonErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      const row = await getReadableBooking(c.get('deps').database.db, actor, c.req.valid('param').id);
      if (!row) throw notFound('booking');
      return c.json({ booking: bookingOut(row) }, 200);
    },
  )
  .openapi(stateRoute('approve', 'Approve a pending booking (the facility’s managers)'), async (c) => {
    return c.json(
      {
        booking: await transition(
          c,
          requireActor(c),
          c.req.valid('param').id,
          'approve',
          reasonOf(c.req.valid('json')),
        ),
      },
      200,
    );
  })
  .openapi(stateRoute('decline', 'Decline a pending booking, with a reason'), async (c) => {
    return c.json(
      {
        booking: await transition(
          c,
          requireActor(c),
          c.req.valid('param').id,
          'decline',
          reasonOf(c.req.valid('json')),
        ),
      },
      200,
    );
  })
  .openapi(
    stateRoute('cancel', 'Cancel a pending or approved booking (the booker or the managers), with a reason'),
    async (c) => {
      return c.json(
        {
          booking: await transition(
            c,
            requireActor(c),
            c.req.valid('param').id,
            'cancel',
            reasonOf(c.req.valid('json')),
          ),
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/bookings/bulk',
      tags: ['bookings'],
      summary: 'Approve or decline several bookings; each answers for itself',
      request: {
        body: jsonBody(
          z.object({
            action: z.enum(['approve', 'decline']),
            ids: z.array(id).min(1).max(200),
            reason: z.string().trim().max(300).optional(),
          }),
        ),
      },
      responses: {
        200: json(
          z.object({
            results: z.array(
              z.object({
                id,
                ok: z.boolean(),
                booking: booking.optional(),
                error: z.object({ code: z.string(), message: z.string() }).optional(),
              }),
            ),
          }),
        ),
        ...commonErrors,
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      const { action, ids, reason } = c.req.valid('json');
      const results = [];
      for (const bookingId of [...new Set(ids)]) {
        try {
          results.push({ id: bookingId, ok: true, booking: await transition(c, actor, bookingId, action, reason) });
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          results.push({ id: bookingId, ok: false, error: { code: err.code, message: err.message } });
        }
      }
      return c.json({ results }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/facilities/{id}/blocks',
      tags: ['bookings'],
      summary: 'Block time out (maintenance, exams): clashing pending bookings are declined with a notice',
      request: {
        params: idParam,
        body: jsonBody(
          z
            .object({ startsAt: isoTime, endsAt: isoTime, reason: z.string().trim().min(1).max(200) })
            .refine((b) => new Date(b.endsAt) > new Date(b.startsAt), {
              message: 'endsAt must be after startsAt',
              path: ['endsAt'],
            }),
        ),
      },
      responses: { 201: json(z.object({ booking, declined: z.array(booking) })), ...commonErrors, ...errors409 },
    }),
    async (c) => {
      const actor = requireActor(c);
      const { startsAt, endsAt, reason } = c.req.valid('json');
      const { db } = c.get('deps').database;
      const facility = await getVisibleFacility(db, actor, c.req.valid('param').id);
      if (!canManageFacility(actor, facility)) throw forbidden('Only the facility’s managers block time');
      const from = new Date(startsAt);
      const to = new Date(endsAt);
      const result = await db.transaction(async (tx) => {
        await lockDays(tx, facility.facility.id, [{ startsAt: from, endsAt: to }]);
        const pending = await tx
          .update(bookings)
          .set({
            status: 'declined',
            decidedBy: actor.user.id,
            decidedAt: new Date(),
            decisionReason: reason,
            updatedAt: new Date(),
          })
          .where(
            and(
              eq(bookings.facilityId, facility.facility.id),
              eq(bookings.status, 'pending'),
              lt(bookings.startsAt, to),
              gt(bookings.endsAt, from),
            ),
          )
          .returning();
        let block;
        try {
          [block] = await tx.transaction((sp) =>
            sp
              .insert(bookings)
              .values({
                facilityId: facility.facility.id,
                kind: 'block',
                status: 'approved',
                bookerId: actor.user.id,
                borrowerSchoolId: facility.school.id,
                purpose: reason,
                startsAt: from,
                endsAt: to,
                decidedBy: actor.user.id,
                decidedAt: new Date(),
              })
              .returning(),
          );
        } catch (err) {
          if (!isOverlap(err)) throw err;
          const approved = await activeOverlapping(tx, facility.facility.id, from, to);
          throw new AppError('booking_conflict', 'Approved bookings hold part of this time; cancel them first', {
            conflicts: [
              {
                startsAt,
                endsAt,
                with: approved.map((r) => ({
                  startsAt: iso(r.startsAt),
                  endsAt: iso(r.endsAt),
                  status: r.kind === 'block' ? 'blocked' : r.status,
                  purpose: r.purpose,
                })),
              },
            ],
          });
        }
        for (const p of pending) {
          await notify(
            tx,
            [p.bookerId],
            'booking.declined',
            { facility: facility.facility.name, startsAt: iso(p.startsAt), reason, by: actor.user.name },
            p.id,
          );
          await audit(tx, c, {
            action: 'booking.decline',
            entityType: 'booking',
            entityId: p.id,
            orgId: facility.school.id,
            before: { status: 'pending' },
            after: { status: 'declined', reason },
          });
        }
        await audit(tx, c, {
          action: 'facility.block',
          entityType: 'booking',
          entityId: block!.id,
          orgId: facility.school.id,
          after: { facility: facility.facility.name, startsAt, endsAt, reason },
        });
        return { blockId: block!.id, declinedIds: pending.map((p) => p.id) };
      });
      const rows = await selectBookings(db).where(inArray(bookings.id, [result.blockId, ...result.declinedIds]));
      const byId = new Map(rows.map((r) => [r.b.id, bookingOut(r)]));
      return c.json({ booking: byId.get(result.blockId)!, declined: result.declinedIds.map((i) => byId.get(i)!) }, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/notifications',
      tags: ['notifications'],
      summary: "The caller's notices, newest first, with the unread count",
      responses: {
        200: json(
          z.object({
            items: z.array(
              z.object({
                id,
                kind: z.string(),
                data: z.record(z.string(), z.unknown()),
                bookingId: id.nullable(),
                read: z.boolean(),
                createdAt: isoTime,
              }),
            ),
            unread: z.number().int(),
            nextCursor: z.null(),
          }),
        ),
        ...commonErrors,
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      const { db } = c.get('deps').database;
      const [rows, [unread]] = await Promise.all([
        db
          .select()
          .from(notifications)
          .where(eq(notifications.userId, actor.user.id))
          .orderBy(desc(notifications.createdAt))
          .limit(50),
        db
          .select({ n: count() })
          .from(notifications)
          .where(and(eq(notifications.userId, actor.user.id), isNull(notifications.readAt))),
      ]);
      const items = rows.map((n) => ({
        id: n.id,
        kind: n.kind,
        data: n.data,
        bookingId: n.bookingId,
        read: n.readAt !== null,
        createdAt: iso(n.createdAt),
      }));
      return c.json({ items, unread: unread?.n ?? 0, nextCursor: null }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/notifications/read',
      tags: ['notifications'],
      summary: 'Mark notices read (all when no ids are given)',
      request: { body: jsonBody(z.object({ ids: z.array(id).max(200).optional() })) },
      responses: { 200: json(z.object({ unread: z.number().int() })), ...commonErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      const { ids } = c.req.valid('json');
      const { db } = c.get('deps').database;
      await db
        .update(notifications)
        .set({ readAt: new Date() })
        .where(
          and(
            eq(notifications.userId, actor.user.id),
            isNull(notifications.readAt),
            ids ? inArray(notifications.id, ids) : undefined,
          ),
        );
      const [unread] = await db
        .select({ n: count() })
        .from(notifications)
        .where(and(eq(notifications.userId, actor.user.id), isNull(notifications.readAt)));
      return c.json({ unread: unread?.n ?? 0 }, 200);
    },
  );
