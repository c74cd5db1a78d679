// Reading the library: resources with their school and author, what a person may see of them, the gates of the
// routes, and the shapes they are answered in. Search and the textbook tree are in resources-search.queries.ts.
import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Resource, ResourceVersion } from '../../../shared/schemas/resources';
import { iso } from '../../../shared/time';
import { orgs, resources, resourceVersions, users } from '../../db/schema';
import type { Queryable } from '../../lib/db';
import { AppError, forbidden, notFound } from '../../lib/errors';
import { type Actor, adminOf, canManageOrg, canSeeOrg, type OrgPlace } from '../../lib/policy';
import { anyOf, visibleScopedWhere } from '../../lib/scope-sql';
import { canManageResource, canReview, canSeeResource, reviewerOf } from './resources.rules';

export const owner = alias(orgs, 'owner_school');

const resourceColumns = {
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
export type VersionRow = typeof resourceVersions.$inferSelect;

export function selectResources(db: Queryable) {
  return db
    .select(resourceColumns)
    .from(resources)
    .innerJoin(owner, eq(owner.id, resources.schoolId))
    .innerJoin(users, eq(users.id, resources.authorId));
}

/** SQL twin of canSeeResource over selectResources() (or any query joining `owner` to the resource's school). */
export function visibleResourcesWhere(actor: Actor): SQL {
  const published = and(
    eq(resources.status, 'published'),
    visibleScopedWhere(actor, {
      schoolId: resources.schoolId,
      groupId: owner.groupId,
      districtId: owner.districtId,
      scope: resources.visibility,
    }),
  );
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
  return anyOf(parts);
}

export async function getVisibleResource(db: Queryable, actor: Actor, id: string): Promise<ResourceRow> {
  const [row] = (await selectResources(db).where(eq(resources.id, id))) as ResourceRow[];
  if (!row || !canSeeResource(actor, row)) throw notFound('resource');
  return row;
}

/** A resource the caller sees and manages (the author, the school's admins); one they only see is 403. */
export async function getManagedResource(db: Queryable, actor: Actor, id: string, refusal: string) {
  const row = await getVisibleResource(db, actor, id);
  if (!canManageResource(actor, row)) throw forbidden(refusal);
  return row;
}

/** A resource the caller sees and reviews (see canReview); one they only see is 403. */
export async function getReviewableResource(db: Queryable, actor: Actor, id: string) {
  const row = await getVisibleResource(db, actor, id);
  if (row.r.authorId === actor.user.id) throw forbidden('No one reviews their own resource');
  if (!canReview(actor, row))
    throw forbidden(
      'Only the group’s or district’s admins, or the reviewers they named, review resources shared this widely',
    );
  return row;
}

/** The school a resource belongs to: the named one (its admins or leaders) or the uploader's own. */
export async function ownerSchool(db: Queryable, actor: Actor, schoolId?: string) {
  const own = actor.memberships.filter((m) => m.orgKind === 'school');
  const wanted = schoolId ?? own[0]?.orgId;
  if (!wanted)
    throw new AppError('validation_failed', 'Choose the school the resource belongs to', {
      fields: { schoolId: ['required'] },
    });
  const [school] = await db
    .select({ id: orgs.id, name: orgs.name, kind: orgs.kind, groupId: orgs.groupId, districtId: orgs.districtId })
    .from(orgs)
    .where(eq(orgs.id, wanted));
  if (school?.kind !== 'school' || !canSeeOrg(actor, school))
    throw new AppError('validation_failed', 'No such school', { fields: { schoolId: ['not a school you can see'] } });
  if (!own.some((m) => m.orgId === school.id) && !canManageOrg(actor, school))
    throw forbidden('You can only share resources of your own school');
  return school;
}

/** A file already in the library (same SHA-256) that the uploader can see. */
export async function duplicateOf(db: Queryable, actor: Actor, sha256: string): Promise<ResourceRow | undefined> {
  const rows = (await selectResources(db)
    .innerJoin(resourceVersions, eq(resourceVersions.resourceId, resources.id))
    .where(and(eq(resourceVersions.sha256, sha256), visibleResourcesWhere(actor)))
    .limit(1)) as ResourceRow[];
  return rows[0];
}

/** A resource's versions, newest first. */
export async function versionsOf(db: Queryable, row: ResourceRow): Promise<VersionRow[]> {
  return db
    .select()
    .from(resourceVersions)
    .where(eq(resourceVersions.resourceId, row.r.id))
    .orderBy(desc(resourceVersions.number));
}

/** The version to download: the numbered one, or the newest. */
export async function fileToServe(db: Queryable, row: ResourceRow, number?: number): Promise<VersionRow> {
  const [v] = await db
    .select()
    .from(resourceVersions)
    .where(and(eq(resourceVersions.resourceId, row.r.id), number ? eq(resourceVersions.number, number) : undefined))
    .orderBy(desc(resourceVersions.number))
    .limit(1);
  if (!v) throw notFound('version');
  return v;
}

/** The newest version of each resource. */
export async function currentVersions(db: Queryable, ids: string[]) {
  if (!ids.length) return new Map<string, VersionRow>();
  const rows = await db
    .selectDistinctOn([resourceVersions.resourceId])
    .from(resourceVersions)
    .where(inArray(resourceVersions.resourceId, ids))
    .orderBy(resourceVersions.resourceId, desc(resourceVersions.number));
  return new Map(rows.map((v) => [v.resourceId, v]));
}

export function versionOut(v: VersionRow): ResourceVersion {
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

export function resourceOut(row: ResourceRow, actor: Actor, file: VersionRow | undefined): Resource {
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
    canManage: canManageResource(actor, row),
    canReview: r.status === 'in_review' && canReview(actor, row),
  };
}

/** Resources by id, in the order given, leaving out those the caller may not see. */
export async function resourcesByIds(db: Queryable, actor: Actor, ids: string[]): Promise<Resource[]> {
  if (!ids.length) return [];
  const rows = (await selectResources(db).where(
    and(inArray(resources.id, ids), visibleResourcesWhere(actor)),
  )) as ResourceRow[];
  const versions = await currentVersions(
    db,
    rows.map((r) => r.r.id),
  );
  const byId = new Map(rows.map((r) => [r.r.id, resourceOut(r, actor, versions.get(r.r.id))]));
  return ids.map((i) => byId.get(i)).filter((r) => r !== undefined);
}
