import { and, asc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { type AnyPgColumn, alias } from 'drizzle-orm/pg-core';
import { classrooms, memberships, orgs, users } from '../../db/schema';
import type { Queryable } from '../../lib/db';
import { notFound } from '../../lib/errors';
import { type Actor, canManageOrg, canSeeOrg, type OrgPlace, reach } from '../../lib/policy';

/**
 * Fixed, deterministic name order (DOMAIN: fixed orders, never rankings). COLLATE "C" gives the same
 * order on PGlite and on a PostgreSQL server whatever its locale.
 */
export const byName = (col: AnyPgColumn) => sql`${col} COLLATE "C"`;

const groups = alias(orgs, 'group_org');
const districts = alias(orgs, 'district_org');

const orgColumns = {
  id: orgs.id,
  kind: orgs.kind,
  name: orgs.name,
  code: orgs.code,
  groupId: orgs.groupId,
  groupName: groups.name,
  districtId: orgs.districtId,
  districtName: districts.name,
  rural: orgs.rural,
  supported: orgs.supported,
  lead: orgs.lead,
  address: orgs.address,
};
export type OrgRow = { [K in keyof typeof orgColumns]: any } & {
  id: string;
  kind: 'group' | 'district' | 'school';
  name: string;
  groupId: string | null;
  districtId: string | null;
};

function selectOrgs(db: Queryable) {
  return db
    .select(orgColumns)
    .from(orgs)
    .leftJoin(groups, eq(groups.id, orgs.groupId))
    .leftJoin(districts, eq(districts.id, orgs.districtId));
}

/** SQL condition: organisations within the actor's reach (the same rule as policy.canSeeOrg). */
export function visibleOrgsWhere(actor: Actor): SQL {
  const r = reach(actor);
  const ids = (s: Set<string>) => [...s];
  const parts: SQL[] = [sql`false`];
  if (r.schoolIds.size) parts.push(inArray(orgs.id, ids(r.schoolIds)));
  if (r.groupIds.size) parts.push(inArray(orgs.id, ids(r.groupIds)), inArray(orgs.groupId, ids(r.groupIds)));
  if (r.districtIds.size)
    parts.push(inArray(orgs.id, ids(r.districtIds)), inArray(orgs.districtId, ids(r.districtIds)));
  return or(...parts)!;
}

export async function listVisibleOrgs(db: Queryable, actor: Actor): Promise<OrgRow[]> {
  return (await selectOrgs(db)
    .where(visibleOrgsWhere(actor))
    .orderBy(
      sql`CASE ${orgs.kind} WHEN 'group' THEN 0 WHEN 'district' THEN 1 ELSE 2 END`,
      sql`${orgs.lead} DESC`,
      byName(orgs.name),
    )) as OrgRow[];
}

/** The organisation if the actor can see it; otherwise 404. */
export async function getVisibleOrg(db: Queryable, actor: Actor, id: string): Promise<OrgRow> {
  const [row] = (await selectOrgs(db).where(eq(orgs.id, id))) as OrgRow[];
  if (!row || !canSeeOrg(actor, row)) throw notFound('organisation');
  return row;
}

export async function listSchoolsOf(db: Queryable, parent: OrgPlace): Promise<OrgRow[]> {
  const col = parent.kind === 'group' ? orgs.groupId : orgs.districtId;
  return (await selectOrgs(db)
    .where(eq(col, parent.id))
    .orderBy(sql`${orgs.lead} DESC`, byName(orgs.name))) as OrgRow[];
}

export function orgOut(row: OrgRow, actor: Actor) {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    code: row.code ?? null,
    groupId: row.groupId,
    groupName: row.groupName ?? null,
    districtId: row.districtId,
    districtName: row.districtName ?? null,
    rural: !!row.rural,
    supported: !!row.supported,
    lead: !!row.lead,
    address: row.address ?? null,
    canManage: canManageOrg(actor, row),
  };
}

export async function listClassrooms(db: Queryable, schoolIds: string[]) {
  if (!schoolIds.length) return [];
  const rows = await db
    .select({
      id: classrooms.id,
      schoolId: classrooms.schoolId,
      schoolName: orgs.name,
      name: classrooms.name,
      grade: classrooms.grade,
      assistants: sql<{ userId: string; name: string }[] | string>`COALESCE((
        SELECT json_agg(json_build_object('userId', u.id, 'name', u.name) ORDER BY u.name)
        FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.classroom_id = ${classrooms.id}), '[]'::json)`,
    })
    .from(classrooms)
    .innerJoin(orgs, eq(orgs.id, classrooms.schoolId))
    .where(inArray(classrooms.schoolId, schoolIds))
    .orderBy(byName(orgs.name), asc(classrooms.grade), byName(classrooms.name));
  return rows.map((r) => ({
    ...r,
    assistants: typeof r.assistants === 'string' ? JSON.parse(r.assistants) : r.assistants,
  }));
}

export async function getClassroom(db: Queryable, id: string) {
  const [row] = await db
    .select({
      classroom: classrooms,
      school: { id: orgs.id, kind: orgs.kind, groupId: orgs.groupId, districtId: orgs.districtId },
    })
    .from(classrooms)
    .innerJoin(orgs, eq(orgs.id, classrooms.schoolId))
    .where(eq(classrooms.id, id));
  return row ?? null;
}

export async function listMembers(db: Queryable, orgId: string) {
  const rows = await db
    .select({
      membershipId: memberships.id,
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      masterTeacher: memberships.masterTeacher,
      reviewer: memberships.reviewer,
      classroomId: memberships.classroomId,
      active: sql<boolean>`${users.passwordHash} IS NOT NULL`,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.orgId, orgId))
    .orderBy(
      sql`CASE ${memberships.role} WHEN 'school_admin' THEN 0 WHEN 'group_admin' THEN 0 WHEN 'district_admin' THEN 0 WHEN 'teacher' THEN 1 ELSE 2 END`,
      byName(users.name),
    );
  return rows;
}

export async function getMembership(db: Queryable, id: string) {
  const [row] = await db
    .select({
      membership: memberships,
      org: { id: orgs.id, name: orgs.name, kind: orgs.kind, groupId: orgs.groupId, districtId: orgs.districtId },
    })
    .from(memberships)
    .innerJoin(orgs, eq(orgs.id, memberships.orgId))
    .where(eq(memberships.id, id));
  return row ?? null;
}

export async function schoolsByCode(db: Queryable, codes: string[]) {
  if (!codes.length) return [];
  return db
    .select({
      id: orgs.id,
      kind: orgs.kind,
      code: orgs.code,
      name: orgs.name,
      groupId: orgs.groupId,
      districtId: orgs.districtId,
    })
    .from(orgs)
    .where(and(inArray(orgs.code, codes), eq(orgs.kind, 'school')));
}
