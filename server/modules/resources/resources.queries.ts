import { and, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { iso } from '../../../shared/time';
import { orgs, resources, resourceUses, resourceVersions, users } from '../../db/schema';
import type { Queryable } from '../../lib/db';
import { notFound } from '../../lib/errors';
import { type Actor, adminOf, canManageOrg, canSeeScoped, type OrgPlace } from '../../lib/policy';
import { visibleScopedWhere } from '../../lib/scope-sql';

export const owner = alias(orgs, 'owner_school');

export const resourceColumns = {
  r: resources,
  school: { id: owner.id, name: owner.name, kind: owner.kind, groupId: owner.groupId, districtId: owner.districtId },
  authorName: users.name,
  users: sql<number>`(SELECT count(DISTINCT u.user_id)::int FROM resource_uses u WHERE u.resource_id = ${resources.id})`,
};
export type ResourceRow = {
  r: typeof resources.$inferSelect;
  school: OrgPlace & { name: string };
  authorName: string;
  users: number;
};

export function selectResources(db: Queryable) {
  return db
    .select(resourceColumns)
    .from(resources)
    .innerJoin(owner, eq(owner.id, resources.schoolId))
    .innerJoin(users, eq(users.id, resources.authorId));
}

/**
 * Reviewers of a resource shared beyond its school: admins of its group (group scope and wider) or district (district
 * and wider).
 */
export function canReview(actor: Actor, row: Pick<ResourceRow, 'school'> & { r: { visibility: string } }): boolean {
  const a = adminOf(actor);
  const v = row.r.visibility;
  const g = reviewerOf(actor);
  return (
    (v !== 'school' &&
      row.school.groupId !== null &&
      (a.groupIds.includes(row.school.groupId) || g.groupIds.includes(row.school.groupId))) ||
    ((v === 'district' || v === 'public') &&
      row.school.districtId !== null &&
      (a.districtIds.includes(row.school.districtId) || g.districtIds.includes(row.school.districtId)))
  );
}

/**
 * Groups and districts whose shared resources the person was named to review (as a teacher of one of their schools).
 */
export function reviewerOf(actor: Actor): { groupIds: string[]; districtIds: string[] } {
  const named = actor.memberships.filter((m) => m.reviewer && m.orgKind === 'school');
  return {
    groupIds: named.flatMap((m) => (m.groupId ? [m.groupId] : [])),
    districtIds: named.flatMap((m) => (m.districtId ? [m.districtId] : [])),
  };
}

/** Editing, new versions, retiring: the author, and the admins of the owner school (and above). */
export function canManageResource(actor: Actor, row: ResourceRow): boolean {
  return row.r.authorId === actor.user.id || canManageOrg(actor, row.school);
}

/**
 * Who sees a resource: published ones by their visibility; unpublished ones only by the author, the owner
 * school's admins and the reviewers.
 */
export function canSeeResource(actor: Actor | null, row: ResourceRow): boolean {
  if (row.r.status === 'published')
    return canSeeScoped(actor, row.school, row.r.visibility) || (!!actor && canManageResource(actor, row));
  return !!actor && (canManageResource(actor, row) || (row.r.status === 'in_review' && canReview(actor, row)));
}

/** SQL twin of canSeeResource over selectResources(). */
export function visibleResourcesWhere(actor: Actor | null): SQL {
  const published = and(
    eq(resources.status, 'published'),
    visibleScopedWhere(actor, {
      schoolId: resources.schoolId,
      groupId: owner.groupId,
      districtId: owner.districtId,
      scope: resources.visibility,
    }),
  )!;
  if (!actor) return published;
  const a = adminOf(actor);
  const parts: (SQL | undefined)[] = [published, eq(resources.authorId, actor.user.id)];
  if (a.schoolIds.length) parts.push(inArray(resources.schoolId, a.schoolIds));
  if (a.groupIds.length) parts.push(inArray(owner.groupId, a.groupIds));
  if (a.districtIds.length) parts.push(inArray(owner.districtId, a.districtIds));
  // Named reviewers see what waits for review in their group (or district, for district-wide sharing).
  const g = reviewerOf(actor);
  if (g.groupIds.length)
    parts.push(
      and(
        eq(resources.status, 'in_review'),
        inArray(owner.groupId, g.groupIds),
        sql`${resources.visibility} <> 'school'`,
      ),
    );
  if (g.districtIds.length)
    parts.push(
      and(
        eq(resources.status, 'in_review'),
        inArray(owner.districtId, g.districtIds),
        inArray(resources.visibility, ['district', 'public']),
      ),
    );
  return or(...parts)!;
}

export async function getVisibleResource(db: Queryable, actor: Actor | null, id: string): Promise<ResourceRow> {
  const [row] = (await selectResources(db).where(eq(resources.id, id))) as ResourceRow[];
  if (!row || !canSeeResource(actor, row)) throw notFound('resource');
  return row;
}

export async function currentVersions(db: Queryable, ids: string[]) {
  if (!ids.length) return new Map<string, typeof resourceVersions.$inferSelect>();
  const rows = await db
    .selectDistinctOn([resourceVersions.resourceId])
    .from(resourceVersions)
    .where(inArray(resourceVersions.resourceId, ids))
    .orderBy(resourceVersions.resourceId, desc(resourceVersions.number));
  return new Map(rows.map((v) => [v.resourceId, v]));
}

export function versionOut(v: typeof resourceVersions.$inferSelect) {
  return {
    id: v.id,
    number: v.number,
    fileName: v.fileName,
    contentType: v.contentType,
    size: v.size,
    sha256: v.sha256,
    uploadedBy: v.uploadedBy,
    createdAt: iso(v.createdAt),
  };
}

export function resourceOut(
  row: ResourceRow,
  actor: Actor | null,
  file: typeof resourceVersions.$inferSelect | undefined,
) {
  const r = row.r;
  return {
    id: r.id,
    schoolId: row.school.id,
    schoolName: row.school.name,
    authorId: r.authorId,
    authorName: row.authorName,
    title: r.title,
    summary: r.summary,
    subject: r.subject,
    grade: r.grade,
    kind: r.kind,
    edition: r.edition,
    volume: r.volume,
    unit: r.unit,
    tags: r.tags,
    licence: r.licence,
    visibility: r.visibility,
    status: r.status,
    reviewComment: r.reviewComment,
    downloads: r.downloads,
    users: Number(row.users ?? 0),
    file: file ? versionOut(file) : null,
    createdAt: iso(r.createdAt),
    publishedAt: iso(r.publishedAt),
    canManage: actor ? canManageResource(actor, row) : false,
    canReview: actor ? r.status === 'in_review' && canReview(actor, row) : false,
  };
}

export async function recordUse(db: Queryable, resourceId: string, actor: Actor | null) {
  const schoolId = actor?.memberships.find((m) => m.orgKind === 'school')?.orgId ?? null;
  await db.insert(resourceUses).values({ resourceId, userId: actor?.user.id ?? null, schoolId });
  await db
    .update(resources)
    .set({ downloads: sql`${resources.downloads} + 1` })
    .where(eq(resources.id, resourceId));
}
