// Reading the audit trail: administrators read their organisations' events (a group's or district's admins
// those of its schools too); everyone reads what was done to their own account and tokens.
import { and, desc, eq, inArray, lt, or } from 'drizzle-orm';
import type { AuditEvent } from '../../../shared/schemas/audit';
import { iso } from '../../../shared/time';
import { auditEvents, orgs, users } from '../../db/schema';
import { decodeCount, encodeCursor } from '../../lib/cursor';
import type { Queryable } from '../../lib/db';
import { forbidden } from '../../lib/errors';
import { type Actor, canManageOrg } from '../../lib/policy';
import { getVisibleOrg, listVisibleOrgs } from '../orgs/orgs.queries';

const PAGE = 50;

/**
 * The organisations whose events the actor reads: the one asked for (404 out of reach, 403 unless they
 * administer it) with its schools, or else every organisation they administer.
 */
async function auditedOrgIds(db: Queryable, actor: Actor, orgId: string | undefined): Promise<string[]> {
  if (!orgId) return (await listVisibleOrgs(db, actor)).filter((o) => canManageOrg(actor, o)).map((o) => o.id);
  const target = await getVisibleOrg(db, actor, orgId);
  if (!canManageOrg(actor, target)) throw forbidden('Only administrators read the audit trail');
  if (target.kind === 'school') return [target.id];
  const schools = (await listVisibleOrgs(db, actor)).filter(
    (o) => o.groupId === target.id || o.districtId === target.id,
  );
  return [target.id, ...schools.map((o) => o.id)];
}

export interface ListAuditParams {
  /** One organisation (and its schools); all that the actor administers when absent. */
  orgId?: string;
  entityType?: string;
  /** The page after the one that answered this cursor. */
  cursor?: string;
}

export async function listAuditEvents(
  db: Queryable,
  actor: Actor,
  params: ListAuditParams,
): Promise<{ items: AuditEvent[]; nextCursor: string | null }> {
  const { orgId, entityType, cursor } = params;
  const orgIds = await auditedOrgIds(db, actor, orgId);
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
        cursor ? lt(auditEvents.seq, decodeCount(cursor)) : undefined,
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
  const last = rows.length > PAGE ? rows[PAGE - 1] : undefined;
  return { items, nextCursor: last ? encodeCursor(String(last.e.seq)) : null };
}
