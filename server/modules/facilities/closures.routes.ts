import { createRoute } from '@hono/zod-openapi';
import { and, asc, eq, gte, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { id, idParam, page } from '../../../shared/schemas/common';
import { toLocal } from '../../../shared/time';
import { closures, facilities, orgs } from '../../db/schema';
import { audit } from '../../lib/audit';
import type { Queryable } from '../../lib/db';
import { AppError, forbidden, notFound } from '../../lib/errors';
import { type Actor, canManageOrg, canSeeOrg } from '../../lib/policy';
import { commonErrors, json, jsonBody, newRouter, noContent, requestMeta } from '../../lib/router';
import { requireActor } from '../auth/auth.middleware';

const closure = z.object({
  id,
  schoolId: id,
  facilityId: id.nullable(),
  startsOn: z.iso.date(),
  endsOn: z.iso.date(),
  reason: z.string(),
});
const closureInput = z
  .object({
    schoolId: id,
    facilityId: id.nullable().optional(),
    startsOn: z.iso.date(),
    endsOn: z.iso.date(),
    reason: z.string().trim().min(1).max(120),
  })
  .refine((v) => v.endsOn >= v.startsOn, { message: 'must not be before startsOn', path: ['endsOn'] });

async function school(db: Queryable, actor: Actor, schoolId: string) {
  const [row] = await db
    .select({ id: orgs.id, kind: orgs.kind, groupId: orgs.groupId, districtId: orgs.districtId })
    .from(orgs)
    .where(eq(orgs.id, schoolId));
  if (!row || row.kind !== 'school' || !canSeeOrg(actor, row)) throw notFound('school');
  return row;
}

/** Days a school (or one facility) is closed: holidays, term breaks. Recurring bookings skip them. */
export const closuresRoutes = newRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/closures',
      tags: ['facilities'],
      summary: "A school's closed days from today on",
      request: { query: z.object({ schoolId: id }) },
      responses: { 200: json(page(closure)), ...commonErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      const { db } = c.get('deps').database;
      const s = await school(db, actor, c.req.valid('query').schoolId);
      const today = toLocal(new Date()).date;
      const rows = await db
        .select()
        .from(closures)
        .where(and(eq(closures.schoolId, s.id), gte(closures.endsOn, today)))
        .orderBy(asc(closures.startsOn));
      return c.json({ items: rows.map(({ createdBy: _c, createdAt: _a, ...r }) => r), nextCursor: null }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/closures',
      tags: ['facilities'],
      summary: "Close a school's facilities (or one) for some days",
      request: { body: jsonBody(closureInput) },
      responses: { 201: json(z.object({ closure })), ...commonErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      const input = c.req.valid('json');
      const { db } = c.get('deps').database;
      const s = await school(db, actor, input.schoolId);
      if (!canManageOrg(actor, s)) throw forbidden("Only the school's administrators set its closed days");
      if (input.facilityId) {
        const [f] = await db
          .select({ id: facilities.id })
          .from(facilities)
          .where(and(eq(facilities.id, input.facilityId), eq(facilities.schoolId, s.id)));
        if (!f)
          throw new AppError('validation_failed', 'The facility is not of this school', {
            fields: { facilityId: ['not of this school'] },
          });
      }
      const row = await db.transaction(async (tx) => {
        const [r] = await tx
          .insert(closures)
          .values({ ...input, facilityId: input.facilityId ?? null, createdBy: actor.user.id })
          .returning();
        await audit(tx, c.get('actor'), requestMeta(c), {
          action: 'closure.create',
          entityType: 'closure',
          entityId: r!.id,
          orgId: s.id,
          after: input,
        });
        return r!;
      });
      const { createdBy: _c, createdAt: _a, ...out } = row;
      return c.json({ closure: out }, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/closures/{id}',
      tags: ['facilities'],
      summary: 'Reopen: remove a closure',
      request: { params: idParam },
      responses: { 204: noContent, ...commonErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      const { db } = c.get('deps').database;
      const [row] = await db
        .select()
        .from(closures)
        .where(eq(closures.id, c.req.valid('param').id));
      if (!row) throw notFound('closure');
      const s = await school(db, actor, row.schoolId);
      if (!canManageOrg(actor, s)) throw forbidden("Only the school's administrators change its closed days");
      await db.transaction(async (tx) => {
        await tx.delete(closures).where(inArray(closures.id, [row.id]));
        await audit(tx, c.get('actor'), requestMeta(c), {
          action: 'closure.delete',
          entityType: 'closure',
          entityId: row.id,
          orgId: s.id,
          before: row,
        });
      });
      return c.body(null, 204);
    },
  );
