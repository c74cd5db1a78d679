import { Buffer } from 'node:buffer';
import { createRoute } from '@hono/zod-openapi';
import { and, desc, eq, inArray, lt, or } from 'drizzle-orm';
import { z } from 'zod';
import { id, page } from '../../../shared/schemas/common';
import { auditEvent } from '../../../shared/schemas/orgs';
import { iso } from '../../../shared/time';
import { auditEvents, orgs, users } from '../../db/schema';
import { AppError } from '../../lib/errors';
import { canManageOrg } from '../../lib/policy';
import { commonErrors, json, newRouter } from '../../lib/router';
import { requireActor } from '../auth/auth.middleware';
import { getVisibleOrg, listVisibleOrgs } from '../orgs/orgs.queries';

const PAGE = 50;
const encodeCursor = (seq: number) => Buffer.from(String(seq)).toString('base64url');
function decodeCursor(cursor: string): number {
  const n = Number(Buffer.from(cursor, 'base64url').toString());
  if (!Number.isSafeInteger(n) || n < 0)
    throw new AppError('validation_failed', 'Bad cursor', { fields: { cursor: ['not a cursor from this list'] } });
  return n;
}

export const auditRoutes = newRouter().openapi(
  createRoute({
    method: 'get',
    path: '/audit',
    tags: ['audit'],
    summary: 'Audit trail of the organisations the caller administers, newest first',
    request: {
      query: z.object({
        orgId: id.optional(),
        entityType: z.string().max(40).optional(),
        cursor: z.string().max(40).optional(),
      }),
    },
    responses: { 200: json(page(auditEvent)), ...commonErrors },
  }),
  async (c) => {
    const actor = requireActor(c);
    const { orgId, entityType, cursor } = c.req.valid('query');
    const { db } = c.get('deps').database;
    let orgIds: string[];
    if (orgId) {
      const target = await getVisibleOrg(db, actor, orgId);
      if (!canManageOrg(actor, target)) throw new AppError('forbidden', 'Only administrators read the audit trail');
      orgIds =
        target.kind === 'school'
          ? [target.id]
          : [
              target.id,
              ...(await listVisibleOrgs(db, actor))
                .filter((o) => o.groupId === target.id || o.districtId === target.id)
                .map((o) => o.id),
            ];
    } else {
      orgIds = (await listVisibleOrgs(db, actor)).filter((o) => canManageOrg(actor, o)).map((o) => o.id);
    }
    // A person always sees what was done to their own account and tokens.
    const own = and(eq(auditEvents.actorId, actor.user.id), inArray(auditEvents.entityType, ['user', 'api_token']));
    const scope = orgId
      ? inArray(auditEvents.orgId, orgIds)
      : orgIds.length
        ? or(inArray(auditEvents.orgId, orgIds), own)
        : own;
    const rows = await db
      .select({ e: auditEvents, actorName: users.name })
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.actorId))
      .leftJoin(orgs, eq(orgs.id, auditEvents.orgId))
      .where(
        and(
          scope,
          entityType ? eq(auditEvents.entityType, entityType) : undefined,
          cursor ? lt(auditEvents.seq, decodeCursor(cursor)) : undefined,
        ),
      )
      .orderBy(desc(auditEvents.seq))
      .limit(PAGE + 1);
    const items = rows.slice(0, PAGE).map(({ e, actorName }) => ({
      id: e.id,
      at: iso(e.at),
      actorId: e.actorId,
      actorName,
      onBehalfOfOrgId: e.onBehalfOfOrgId,
      orgId: e.orgId,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      before: e.before ?? null,
      after: e.after ?? null,
    }));
    return c.json({ items, nextCursor: rows.length > PAGE ? encodeCursor(rows[PAGE - 1]!.e.seq) : null }, 200);
  },
);
