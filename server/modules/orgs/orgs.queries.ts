import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { type AnyPgColumn, alias } from 'drizzle-orm/pg-core';
import type { Classroom, Org } from '../../../shared/schemas/orgs';
import { classrooms, orgs } from '../../db/schema';
import type { Queryable } from '../../lib/db';
import { notFound } from '../../lib/errors';
import { type Actor, assertManageOrg, canManageOrg, canSeeOrg, type OrgPlace, reach } from '../../lib/policy';
import { anyOf } from '../../lib/scope-sql';

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

function selectOrgs(db: Queryable) {
  return db
    .select(orgColumns)
    .from(orgs)
    .leftJoin(groups, eq(groups.id, orgs.groupId))
    .leftJoin(districts, eq(districts.id, orgs.districtId));
}
/** An organisation with its group's and district's names. */
export type OrgRow = Awaited<ReturnType<typeof selectOrgs>>[number];

/** SQL condition: organisations within the actor's reach (the same rule as policy.canSeeOrg). */
function visibleOrgsWhere(actor: Actor): SQL {
  const r = reach(actor);
  const ids = (s: Set<string>) => [...s];
  const parts: SQL[] = [sql`false`];
  if (r.schoolIds.size) parts.push(inArray(orgs.id, ids(r.schoolIds)));
  if (r.groupIds.size) parts.push(inArray(orgs.id, ids(r.groupIds)), inArray(orgs.groupId, ids(r.groupIds)));
  if (r.districtIds.size)
    parts.push(inArray(orgs.id, ids(r.districtIds)), inArray(orgs.districtId, ids(r.districtIds)));
  return anyOf(parts);
}

export async function listVisibleOrgs(db: Queryable, actor: Actor): Promise<OrgRow[]> {
  return selectOrgs(db)
    .where(visibleOrgsWhere(actor))
    .orderBy(
      sql`CASE ${orgs.kind} WHEN 'group' THEN 0 WHEN 'district' THEN 1 ELSE 2 END`,
      sql`${orgs.lead} DESC`,
      byName(orgs.name),
    );
}

/** The organisation if the actor can see it; otherwise 404. */
export async function getVisibleOrg(db: Queryable, actor: Actor, id: string): Promise<OrgRow> {
  const [row] = await selectOrgs(db).where(eq(orgs.id, id));
  if (!row || !canSeeOrg(actor, row)) throw notFound('organisation');
  return row;
}

/** The organisation if the actor administers it: 404 out of reach, 403 when visible but not theirs to manage. */
export async function getManagedOrg(db: Queryable, actor: Actor, id: string): Promise<OrgRow> {
  const row = await getVisibleOrg(db, actor, id);
  assertManageOrg(actor, row);
  return row;
}

/** A group's or district's schools: the lead school first, then by name; or only by name (the reports' order). */
export async function listSchoolsOf(
  db: Queryable,
  parent: OrgPlace,
  order: 'lead' | 'name' = 'lead',
): Promise<OrgRow[]> {
  const col = parent.kind === 'group' ? orgs.groupId : orgs.districtId;
  const first = order === 'lead' ? [sql`${orgs.lead} DESC`] : [];
  return selectOrgs(db)
    .where(eq(col, parent.id))
    .orderBy(...first, byName(orgs.name));
}

export function orgOut(row: OrgRow, actor: Actor): Org {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    code: row.code,
    groupId: row.groupId,
    groupName: row.groupName,
    districtId: row.districtId,
    districtName: row.districtName,
    rural: row.rural,
    supported: row.supported,
    lead: row.lead,
    address: row.address,
    canManage: canManageOrg(actor, row),
  };
}

export async function listClassrooms(db: Queryable, schoolIds: string[]): Promise<Classroom[]> {
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

/** One classroom as lists show it. */
export async function classroomOut(db: Queryable, schoolId: string, classroomId: string): Promise<Classroom> {
  const [row] = (await listClassrooms(db, [schoolId])).filter((r) => r.id === classroomId);
  if (!row) throw notFound('classroom');
  return row;
}

/** The classroom with its school, if the actor administers the school: 404 out of reach, 403 when not theirs. */
export async function getManagedClassroom(db: Queryable, actor: Actor, id: string) {
  const [row] = await db
    .select({
      classroom: classrooms,
      school: { id: orgs.id, kind: orgs.kind, groupId: orgs.groupId, districtId: orgs.districtId },
    })
    .from(classrooms)
    .innerJoin(orgs, eq(orgs.id, classrooms.schoolId))
    .where(eq(classrooms.id, id));
  if (!row || !canSeeOrg(actor, row.school)) throw notFound('classroom');
  assertManageOrg(actor, row.school);
  return row;
}
export type ClassroomRow = Awaited<ReturnType<typeof getManagedClassroom>>;

/** Schools by their codes (imports name schools by code), keyed by code. */
export async function schoolsByCode(db: Queryable, codes: string[]) {
  if (!codes.length) return new Map<string, SchoolByCode>();
  const rows = await db
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
  return new Map(rows.flatMap((s) => (s.code ? [[s.code, s] as const] : [])));
}
export interface SchoolByCode extends OrgPlace {
  name: string;
  code: string | null;
}
