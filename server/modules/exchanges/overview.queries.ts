// The group's view of exchanges (clause 4: no ranking): per school, in a fixed order (by name), teachers sent and
// received, placements in post now and hours logged in the school year, each against the year before; each programme's
// quota (rotated / eligible, and the key teachers' share, on the programme's own settings); and who becomes eligible
// by next school year.
import { and, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { toLocal } from '../../../shared/time';
import {
  exchangeLogs,
  exchangePlacements,
  exchangePostings,
  exchangeProgrammes,
  memberships,
  orgs,
  users,
} from '../../db/schema';
import type { Queryable } from '../../lib/db';
import { rowsOf } from '../../lib/db';
import type { OrgPlace } from '../../lib/policy';
import { addMonths, schoolYearOf, wholeYears } from './exchanges.rules';

const yearSpan = (y: number) => ({ from: `${y}-09-01`, to: `${y + 1}-09-01` });

/**
 * The placements a school year counts (it starts on 1 September): active or completed, overlapping the year. The
 * figures below and the lists behind them (GET /exchanges/placements?schoolYear=) read the same ones.
 */
export function countedInYear(year: number): SQL {
  const { from, to } = yearSpan(year);
  return sql`${inArray(exchangePlacements.status, ['active', 'completed'])}
    AND ${exchangePlacements.startsOn} < ${to}::date AND ${exchangePlacements.endsOn} > ${from}::date`;
}

/** In post on `day`: active, started, not yet ended (a placement's end is its first day out). */
export const inPostOn = (day: string): SQL =>
  sql`${exchangePlacements.status} = 'active' AND ${exchangePlacements.startsOn} <= ${day}::date
    AND ${exchangePlacements.endsOn} > ${day}::date`;

interface SchoolFigures {
  sent: number;
  received: number;
  inPost: number;
  hours: number;
}

async function schoolsOf(db: Queryable, org: OrgPlace) {
  const inOrg =
    org.kind === 'school'
      ? eq(orgs.id, org.id)
      : org.kind === 'group'
        ? eq(orgs.groupId, org.id)
        : eq(orgs.districtId, org.id);
  return db
    .select({ id: orgs.id, name: orgs.name, code: orgs.code, rural: orgs.rural, supported: orgs.supported })
    .from(orgs)
    .where(and(eq(orgs.kind, 'school'), inOrg))
    .orderBy(sql`${orgs.name} COLLATE "C"`);
}

/** Per school: placements overlapping the year sent from it and received by it, in post on `today`, hours logged. */
async function figuresFor(db: Queryable, schoolIds: string[], year: number, today: string) {
  const { from, to } = yearSpan(year);
  const out = new Map<string, SchoolFigures>(
    schoolIds.map((id) => [id, { sent: 0, received: 0, inPost: 0, hours: 0 }]),
  );
  if (!schoolIds.length) return out;
  const placements = await db
    .select({
      home: exchangePlacements.homeSchoolId,
      host: exchangePlacements.hostSchoolId,
      inPost: sql<boolean>`(${inPostOn(today)})`,
    })
    .from(exchangePlacements)
    .where(
      and(
        or(inArray(exchangePlacements.homeSchoolId, schoolIds), inArray(exchangePlacements.hostSchoolId, schoolIds)),
        countedInYear(year),
      ),
    );
  for (const p of placements) {
    const home = out.get(p.home);
    const host = out.get(p.host);
    if (home) home.sent++;
    if (host) host.received++;
    if (host && p.inPost) host.inPost++;
  }
  const hours = rowsOf<{ host: string; hours: number }>(
    await db.execute(sql`
      SELECT ${exchangePlacements.hostSchoolId} AS host, sum(${exchangeLogs.hours})::float8 AS hours
      FROM ${exchangeLogs} JOIN ${exchangePlacements} ON ${exchangePlacements.id} = ${exchangeLogs.placementId}
      WHERE ${inArray(exchangePlacements.hostSchoolId, schoolIds)}
        AND ${exchangeLogs.on} >= ${from}::date AND ${exchangeLogs.on} < ${to}::date
      GROUP BY 1`),
  );
  for (const h of hours) {
    const f = out.get(h.host);
    if (f) f.hours = Number(h.hours);
  }
  return out;
}

interface TeacherRow {
  userId: string;
  name: string;
  schoolId: string;
  schoolName: string;
  since: string;
  keyTeacher: boolean;
  retiresOn: string | null;
}

async function teachersOf(db: Queryable, schoolIds: string[]): Promise<TeacherRow[]> {
  if (!schoolIds.length) return [];
  return db
    .select({
      userId: memberships.userId,
      name: users.name,
      schoolId: orgs.id,
      schoolName: orgs.name,
      since: memberships.since,
      keyTeacher: memberships.keyTeacher,
      retiresOn: users.retiresOn,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(orgs, eq(orgs.id, memberships.orgId))
    .where(and(inArray(memberships.orgId, schoolIds), eq(memberships.role, 'teacher')));
}

/** Eligible on `day` by the programme's rules: years at the school, distance from retirement. */
const eligibleOn = (t: TeacherRow, day: string, p: { minYearsAtSchool: number; retirementMarginYears: number }) =>
  wholeYears(t.since, day) >= p.minYearsAtSchool &&
  (!t.retiresOn || t.retiresOn > addMonths(day, 12 * p.retirementMarginYears));

export async function exchangeOverview(db: Queryable, org: OrgPlace, today = toLocal(new Date()).date) {
  const year = schoolYearOf(today);
  const schools = await schoolsOf(db, org);
  const ids = schools.map((s) => s.id);
  const [now, last] = [await figuresFor(db, ids, year, today), await figuresFor(db, ids, year - 1, today)];
  const teachers = await teachersOf(db, ids);
  const programmeOrgs = org.kind === 'school' ? [] : [org.id];
  const programmes = programmeOrgs.length
    ? await db
        .select()
        .from(exchangeProgrammes)
        .where(
          and(
            inArray(exchangeProgrammes.orgId, programmeOrgs),
            eq(exchangeProgrammes.schoolYear, `${year}-${year + 1}`),
          ),
        )
        .orderBy(sql`${exchangeProgrammes.name} COLLATE "C"`)
    : [];
  const quotas = [];
  for (const p of programmes) {
    const rotated = await db
      .selectDistinct({ userId: exchangePlacements.teacherId })
      .from(exchangePlacements)
      .innerJoin(exchangePostings, eq(exchangePostings.id, exchangePlacements.postingId))
      .where(and(eq(exchangePostings.programmeId, p.id), inArray(exchangePlacements.status, ['active', 'completed'])));
    const rotatedIds = new Set(rotated.map((r) => r.userId));
    const unique = new Map(teachers.map((t) => [t.userId, t]));
    const eligible = [...unique.values()].filter((t) => eligibleOn(t, p.startsOn, p));
    const keyRotated = [...rotatedIds].filter((id) => unique.get(id)?.keyTeacher).length;
    const keyBase = p.keyShareBase === 'rotated' ? rotatedIds.size : eligible.length;
    quotas.push({
      programme: { id: p.id, name: p.name, kind: p.kind },
      eligible: eligible.length,
      rotated: rotatedIds.size,
      rotationSharePct: p.rotationSharePct,
      rotationMet: rotatedIds.size * 100 >= p.rotationSharePct * eligible.length && eligible.length > 0,
      keyRotated,
      keyBase,
      keyShareBase: p.keyShareBase,
      keySharePct: p.keySharePct,
      keyMet: keyRotated * 100 >= p.keySharePct * keyBase && keyBase > 0,
    });
  }
  // Who is not eligible at this year's start but will be at the next (the latest programme's rules, else 6 / 5).
  const rules = programmes.at(-1) ?? { minYearsAtSchool: 6, retirementMarginYears: 5 };
  const [thisStart, nextStart] = [yearSpan(year).from, yearSpan(year + 1).from];
  const seen = new Set<string>();
  const nextYear = teachers
    .filter((t) => !eligibleOn(t, thisStart, rules) && eligibleOn(t, nextStart, rules))
    .filter((t) => !seen.has(t.userId) && seen.add(t.userId))
    .sort((a, b) => (a.schoolName < b.schoolName ? -1 : a.schoolName > b.schoolName ? 1 : a.name < b.name ? -1 : 1))
    .map((t) => ({
      user: { id: t.userId, name: t.name },
      school: { id: t.schoolId, name: t.schoolName },
      eligibleFrom: addMonths(t.since, 12 * rules.minYearsAtSchool),
    }));
  const zero = { sent: 0, received: 0, inPost: 0, hours: 0 };
  return {
    orgId: org.id,
    schoolYear: `${year}-${year + 1}`,
    schools: schools.map((s) => ({
      school: s,
      thisYear: now.get(s.id) ?? zero,
      lastYear: last.get(s.id) ?? zero,
    })),
    programmes: quotas,
    eligibleNextYear: nextYear,
  };
}
