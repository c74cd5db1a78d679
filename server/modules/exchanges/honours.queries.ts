// Rural-service years (seed clause 9): from placements at rural schools the platform saw, plus approved records that
// school admins entered with evidence. The honours list names who reaches 10 / 20 / 30 years this year and next,
// for the admins of a school, group or district, in a fixed order (school, then name) — never a ranking.
import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type HonourYears, honoursOf, PUBLISHED_HONOURS } from '../../../shared/exchanges';
import type { HonourItem } from '../../../shared/schemas/exchanges';
import { toLocal } from '../../../shared/time';
import { exchangePlacements, memberships, orgs, resources, ruralService, users } from '../../db/schema';
import { decodeCount, encodeCursor } from '../../lib/cursor';
import type { Queryable } from '../../lib/db';
import { notFound } from '../../lib/errors';
import { type Actor, adminOf, canManageOrg, canSeeOrg, type OrgPlace } from '../../lib/policy';
import { anyOf } from '../../lib/scope-sql';
import { type ServicePeriod, serviceYears } from './exchanges.rules';
import { ownThresholds, thresholdsOfSchools } from './honour-settings.queries';
import { heldUntil } from './overview.queries';

/**
 * Each person's periods at rural schools: approved records, and completed placements at rural schools (issue 12:
 * "from completed placements"). A placement counts from its first day to the day the host school's final review
 * completed it, or to its planned end if that came first: a post finished early does not go on counting.
 */
export async function periodsOf(db: Queryable, userIds: string[]): Promise<Map<string, ServicePeriod[]>> {
  const out = new Map<string, ServicePeriod[]>(userIds.map((id) => [id, []]));
  if (!userIds.length) return out;
  const records = await db
    .select({ userId: ruralService.userId, startsOn: ruralService.startsOn, endsOn: ruralService.endsOn })
    .from(ruralService)
    .where(and(inArray(ruralService.userId, userIds), eq(ruralService.status, 'approved')));
  const placed = await db
    .select({
      userId: exchangePlacements.teacherId,
      startsOn: exchangePlacements.startsOn,
      endsOn: sql<string>`${heldUntil}::text`,
    })
    .from(exchangePlacements)
    .innerJoin(orgs, eq(orgs.id, exchangePlacements.hostSchoolId))
    .where(
      and(
        inArray(exchangePlacements.teacherId, userIds),
        eq(orgs.rural, true),
        eq(exchangePlacements.status, 'completed'),
      ),
    );
  for (const p of [...records, ...placed]) out.get(p.userId)?.push({ startsOn: p.startsOn, endsOn: p.endsOn });
  return out;
}

/** A person's years and the day each honour given where they teach is (or will be) reached. */
export function yearsOf(periods: ServicePeriod[], today: string, thresholds: HonourYears = PUBLISHED_HONOURS) {
  const y = serviceYears(periods, today);
  return {
    years: y.years,
    days: y.days,
    ongoing: y.ongoing,
    honours: honoursOf(thresholds).map((h) => ({ ...h, reachesOn: y.reachesOn(h.years) })),
  };
}

/** Whether the caller administers one of the person's schools, or a group/district above one. */
export async function leadsPerson(db: Queryable, actor: Actor, userId: string): Promise<boolean> {
  const schools = await db
    .select({ id: orgs.id, kind: orgs.kind, groupId: orgs.groupId, districtId: orgs.districtId })
    .from(memberships)
    .innerJoin(orgs, eq(orgs.id, memberships.orgId))
    .where(and(eq(memberships.userId, userId), eq(orgs.kind, 'school')));
  return schools.some((s) => canManageOrg(actor, s));
}

/**
 * An organisation whose exchange figures and honours are asked for: one within the caller's reach (its schools'
 * figures and honours are no secret inside it); out of reach reads like none.
 */
export async function visibleOrg(db: Queryable, actor: Actor, orgId: string): Promise<OrgPlace & { name: string }> {
  const [org] = await db.select().from(orgs).where(eq(orgs.id, orgId));
  if (!org || !canSeeOrg(actor, org)) throw notFound('organisation');
  return org;
}

/** Teachers and assistants of the org's schools who reach an honour this calendar year or next. */
export async function honourList(db: Queryable, org: OrgPlace, today = toLocal(new Date()).date) {
  const inOrg: SQL =
    org.kind === 'school'
      ? eq(orgs.id, org.id)
      : org.kind === 'group'
        ? eq(orgs.groupId, org.id)
        : eq(orgs.districtId, org.id);
  const people = await db
    .selectDistinctOn([memberships.userId], {
      userId: memberships.userId,
      name: users.name,
      schoolId: orgs.id,
      schoolName: orgs.name,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(orgs, eq(orgs.id, memberships.orgId))
    .where(and(inOrg, inArray(memberships.role, ['teacher', 'assistant', 'school_admin'])))
    .orderBy(memberships.userId, sql`${memberships.role} = 'teacher' DESC`, asc(orgs.name));
  const periods = await periodsOf(
    db,
    people.map((p) => p.userId),
  );
  // Each person's honours are their school's (a district's list may hold groups that set their own).
  const thresholds = await thresholdsOfSchools(db, [org.id, ...people.map((p) => p.schoolId)]);
  const year = Number(today.slice(0, 4));
  const items: HonourItem[] = [];
  for (const p of people) {
    const y = yearsOf(periods.get(p.userId) ?? [], today, thresholds.get(p.schoolId));
    for (const h of y.honours) {
      const at = h.reachesOn ? Number(h.reachesOn.slice(0, 4)) : null;
      if (at !== year && at !== year + 1) continue;
      items.push({
        user: { id: p.userId, name: p.name },
        school: { id: p.schoolId, name: p.schoolName },
        years: y.years,
        honour: { years: h.years, level: h.level },
        reachesOn: h.reachesOn as string,
        when: at === year ? 'this_year' : 'next_year',
      });
    }
  }
  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  items.sort((a, b) => byText(a.school.name, b.school.name) || byText(a.user.name, b.user.name));
  const years = org.kind === 'school' ? thresholds.get(org.id) : await ownThresholds(db, org.id);
  return { orgId: org.id, year, years: years ?? PUBLISHED_HONOURS, items };
}

// ---- records ----

const person = alias(users, 'person');
const recorder = alias(users, 'recorder');
const decider = alias(users, 'decider');
const place = alias(orgs, 'place');

function selectRecords(db: Queryable) {
  return db
    .select({
      r: ruralService,
      personName: person.name,
      schoolName: place.name,
      groupId: place.groupId,
      districtId: place.districtId,
      evidenceTitle: resources.title,
      recorderName: recorder.name,
      deciderName: decider.name,
    })
    .from(ruralService)
    .innerJoin(person, eq(person.id, ruralService.userId))
    .innerJoin(place, eq(place.id, ruralService.schoolId))
    .innerJoin(recorder, eq(recorder.id, ruralService.recordedBy))
    .leftJoin(decider, eq(decider.id, ruralService.decidedBy))
    .leftJoin(resources, eq(resources.id, ruralService.evidenceResourceId));
}
export type RecordRow = Awaited<ReturnType<typeof selectRecords>>[number];

/** Records the caller may read: their own, those they recorded, those at schools (or groups, districts) they run. */
function readableRecords(actor: Actor): SQL {
  const a = adminOf(actor);
  return anyOf([
    eq(ruralService.userId, actor.user.id),
    eq(ruralService.recordedBy, actor.user.id),
    a.schoolIds.length ? inArray(ruralService.schoolId, a.schoolIds) : undefined,
    a.groupIds.length ? inArray(place.groupId, a.groupIds) : undefined,
    a.districtIds.length ? inArray(place.districtId, a.districtIds) : undefined,
  ]);
}

/** Admins of the record's school, group or district decide — never who recorded it, never the person themself. */
export const decidesRecord = (actor: Actor, x: RecordRow) =>
  x.r.recordedBy !== actor.user.id &&
  x.r.userId !== actor.user.id &&
  canManageOrg(actor, { id: x.r.schoolId, kind: 'school', groupId: x.groupId, districtId: x.districtId });

export function recordOut(x: RecordRow, actor: Actor) {
  return {
    id: x.r.id,
    user: { id: x.r.userId, name: x.personName },
    school: { id: x.r.schoolId, name: x.schoolName },
    startsOn: x.r.startsOn,
    endsOn: x.r.endsOn,
    evidence: x.r.evidenceResourceId && x.evidenceTitle ? { id: x.r.evidenceResourceId, title: x.evidenceTitle } : null,
    note: x.r.note,
    status: x.r.status,
    recordedBy: { id: x.r.recordedBy, name: x.recorderName },
    decidedBy: x.r.decidedBy && x.deciderName ? { id: x.r.decidedBy, name: x.deciderName } : null,
    mayDecide: x.r.status === 'pending' && decidesRecord(actor, x),
  };
}

export async function getReadableRecord(db: Queryable, actor: Actor, id: string): Promise<RecordRow> {
  const [row] = await selectRecords(db).where(and(eq(ruralService.id, id), readableRecords(actor)));
  if (!row) throw notFound('rural-service record');
  return row;
}

export async function listRecords(
  db: Queryable,
  actor: Actor,
  f: { status?: 'pending' | 'approved' | 'rejected'; cursor?: string; limit?: number },
) {
  const limit = f.limit ?? 50;
  const offset = f.cursor ? decodeCount(f.cursor) : 0;
  const rows = await selectRecords(db)
    .where(and(readableRecords(actor), f.status ? eq(ruralService.status, f.status) : undefined))
    .orderBy(
      sql`${place.name} COLLATE "C"`,
      sql`${person.name} COLLATE "C"`,
      asc(ruralService.startsOn),
      asc(ruralService.id),
    )
    .limit(limit + 1)
    .offset(offset);
  return {
    items: rows.slice(0, limit).map((x) => recordOut(x, actor)),
    nextCursor: rows.length > limit ? encodeCursor(String(offset + limit)) : null,
  };
}

/** A person the caller may see the years of: themself, or someone at a school they (or their group) run. */
export async function yearsFor(db: Queryable, actor: Actor, userId: string, today = toLocal(new Date()).date) {
  if (userId !== actor.user.id && !(await leadsPerson(db, actor, userId))) throw notFound('person');
  const [u] = await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, userId));
  if (!u) throw notFound('person');
  const periods = (await periodsOf(db, [userId])).get(userId) ?? [];
  // The honours of the person's school (where they teach, if they belong to several).
  const [school] = await db
    .select({ id: memberships.orgId })
    .from(memberships)
    .innerJoin(orgs, eq(orgs.id, memberships.orgId))
    .where(and(eq(memberships.userId, userId), eq(orgs.kind, 'school')))
    .orderBy(sql`${memberships.role} = 'teacher' DESC`, asc(orgs.name))
    .limit(1);
  const thresholds = school ? (await thresholdsOfSchools(db, [school.id])).get(school.id) : undefined;
  return { user: u, ...yearsOf(periods, today, thresholds) };
}
