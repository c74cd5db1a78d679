// The group's view of exchanges (clause 4: no ranking): per school, in a fixed order (by name), teachers sent and
// received, placements in post now and hours logged in the school year, each against the year before; each programme's
// quota (rotated / eligible, and the key teachers' share, on the programme's own settings); and who becomes eligible
// by next school year.
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
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
import { addMonths, anniversary, schoolYearOf } from './exchanges.rules';

const yearSpan = (y: number) => ({ from: `${y}-09-01`, to: `${y + 1}-09-01` });

/**
 * A placement held (active, or completed) is held over [starts_on, held_until): its planned end, or the day its final
 * review completed it when that came first (LEAST passes over the NULL of one not completed). The figures and the
 * lists behind them read it alike, whichever day they are read on. `pl` names exchange_placements in raw SQL.
 */
export const heldUntil = sql`LEAST(${exchangePlacements.endsOn}, ${exchangePlacements.completedOn})`;
const held = sql`${inArray(exchangePlacements.status, ['active', 'completed'])}`;
const plHeld = sql`pl.status IN ('active', 'completed')`;
const plHeldUntil = sql`LEAST(pl.ends_on, pl.completed_on)`;

/**
 * The placements a school year counts (it starts on 1 September): held at some time in the year. The figures below
 * and the lists behind them (GET /exchanges/placements?schoolYear=) read the same ones.
 */
export function countedInYear(year: number): SQL {
  const { from, to } = yearSpan(year);
  return sql`${held} AND ${exchangePlacements.startsOn} < ${to}::date AND ${heldUntil} > ${from}::date`;
}

/** In post on `day`: held on that day — started, and neither ended nor completed by it (an end is a first day out). */
export const inPostOn = (day: string): SQL =>
  sql`${held} AND ${exchangePlacements.startsOn} <= ${day}::date AND ${heldUntil} > ${day}::date`;

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

/** A stretch of days [from, to) (YYYY-MM-DD) whose exchange figures are counted, and the day "in post" is read on. */
export interface DaySpan {
  key: string;
  from: string;
  to: string;
  day: string;
}

/**
 * Per school and span, in one statement: placements overlapping the span sent from the school and received by it
 * (active or completed), those of them in post there on the span's day, and the hours logged there in the span. The
 * group's view reads it for the school year, the reports for a term's window and its months.
 */
export async function exchangeFigures(db: Queryable, schoolIds: string[], spans: DaySpan[]) {
  const out = new Map<string, Map<string, SchoolFigures>>();
  for (const id of schoolIds)
    out.set(id, new Map(spans.map((p) => [p.key, { sent: 0, received: 0, inPost: 0, hours: 0 }])));
  if (!schoolIds.length || !spans.length) return out;
  const values = sql.join(
    spans.map((p) => sql`(${p.key}, ${p.from}::date, ${p.to}::date, ${p.day}::date)`),
    sql`, `,
  );
  const overlaps = sql`${plHeld} AND pl.starts_on < p.t AND ${plHeldUntil} > p.f`;
  const rows = rowsOf<{
    school_id: string;
    key: string;
    sent: number;
    received: number;
    in_post: number;
    hours: number;
  }>(
    await db.execute(sql`
      WITH p(key, f, t, d) AS (VALUES ${values}),
        s(id) AS (SELECT unnest(ARRAY[${sql.join(
          schoolIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )}]))
      SELECT s.id AS school_id, p.key,
        (SELECT count(*) FROM ${exchangePlacements} pl
          WHERE pl.home_school_id = s.id AND ${overlaps})::int AS sent,
        (SELECT count(*) FROM ${exchangePlacements} pl
          WHERE pl.host_school_id = s.id AND ${overlaps})::int AS received,
        (SELECT count(*) FROM ${exchangePlacements} pl
          WHERE pl.host_school_id = s.id AND ${overlaps}
            AND pl.starts_on <= p.d AND p.d < ${plHeldUntil})::int AS in_post,
        (SELECT coalesce(sum(l.hours), 0) FROM ${exchangeLogs} l
          JOIN ${exchangePlacements} pl ON pl.id = l.placement_id
          WHERE pl.host_school_id = s.id AND l.on >= p.f AND l.on < p.t)::float8 AS hours
      FROM s CROSS JOIN p`),
  );
  for (const r of rows) {
    const f = out.get(r.school_id)?.get(r.key);
    if (f) Object.assign(f, { sent: r.sent, received: r.received, inPost: r.in_post, hours: Number(r.hours) });
  }
  return out;
}

/** Per school: placements overlapping the school year sent and received, in post on `day`, hours logged. */
async function figuresFor(db: Queryable, schoolIds: string[], year: number, day: string) {
  const span = { key: 'year', ...yearSpan(year), day };
  const figures = await exchangeFigures(db, schoolIds, [span]);
  return new Map([...figures].map(([id, bySpan]) => [id, bySpan.get('year') as SchoolFigures]));
}

interface Rules {
  minYearsAtSchool: number;
  retirementMarginYears: number;
}

/**
 * Whether a teacher is eligible on `day` by a programme's rules, in SQL: exactly the rule of exchanges.rules
 * (whole years at the school as a birthday counts them; retiring more than the margin after the day), so the view
 * counts thousands of teachers without reading them. `day` and the rules are SQL (a programme's columns) or values.
 */
export const eligibleSql = (since: SQL, retiresOn: SQL, day: SQL, minYears: SQL, marginYears: SQL) =>
  sql`(${since} <= (${day} - make_interval(years => ${minYears}))::date
    AND (${retiresOn} IS NULL OR ${retiresOn} > (${day} + make_interval(years => ${marginYears}))::date))`;

/**
 * The teachers of these schools (none for none), one row each: their earliest teacher's membership among them (the
 * school they have taught at longest, as applying counts it), whether they are a key teacher there, when they retire.
 */
const teachersOf = (schoolIds: string[]) => sql`SELECT DISTINCT ON (m.user_id) m.user_id, u.name, m.org_id AS school_id,
    o.name AS school_name, m.since, m.key_teacher, u.retires_on
  FROM ${memberships} m JOIN ${users} u ON u.id = m.user_id JOIN ${orgs} o ON o.id = m.org_id
  WHERE ${inArray(sql`m.org_id`, schoolIds)} AND m.role = 'teacher'
  ORDER BY m.user_id, m.since, m.org_id`;

interface QuotaRow {
  id: string;
  name: string;
  kind: (typeof exchangeProgrammes.$inferSelect)['kind'];
  rotation_share_pct: number;
  key_share_pct: number;
  key_share_base: (typeof exchangeProgrammes.$inferSelect)['keyShareBase'];
  min_years_at_school: number;
  retirement_margin_years: number;
  eligible: number;
  rotated: number;
  key_rotated: number;
}

/** This year's programmes of the org with their quota figures, counted in one statement. */
async function quotasOf(db: Queryable, orgId: string, schoolYear: string, schoolIds: string[]) {
  return rowsOf<QuotaRow>(
    await db.execute(sql`
      WITH t AS (${teachersOf(schoolIds)})
      SELECT p.id, p.name, p.kind, p.rotation_share_pct, p.key_share_pct, p.key_share_base, p.min_years_at_school,
        p.retirement_margin_years,
        (SELECT count(*) FROM t WHERE ${eligibleSql(
          sql`t.since`,
          sql`t.retires_on`,
          sql`p.starts_on`,
          sql`p.min_years_at_school`,
          sql`p.retirement_margin_years`,
        )})::int AS eligible,
        r.rotated, r.key_rotated
      FROM ${exchangeProgrammes} p
      CROSS JOIN LATERAL (
        SELECT count(DISTINCT pl.teacher_id)::int AS rotated,
          count(DISTINCT pl.teacher_id) FILTER (WHERE t.key_teacher)::int AS key_rotated
        FROM ${exchangePlacements} pl
        JOIN ${exchangePostings} ps ON ps.id = pl.posting_id
        LEFT JOIN t ON t.user_id = pl.teacher_id
        WHERE ps.programme_id = p.id AND ${plHeld}) r
      WHERE p.org_id = ${orgId} AND p.school_year = ${schoolYear}
      ORDER BY p.name COLLATE "C"`),
  );
}

/** Who is not eligible at this year's start but will be at the next, by `rules`; by school, then name. */
async function eligibleNextYearOf(db: Queryable, schoolIds: string[], rules: Rules, year: number) {
  if (!schoolIds.length) return [];
  const [thisStart, nextStart] = [yearSpan(year).from, yearSpan(year + 1).from];
  const on = (day: string) =>
    eligibleSql(
      sql`t.since`,
      sql`t.retires_on`,
      sql`${day}::date`,
      sql`${rules.minYearsAtSchool}::int`,
      sql`${rules.retirementMarginYears}::int`,
    );
  const rows = rowsOf<{ user_id: string; name: string; school_id: string; school_name: string; since: string }>(
    await db.execute(sql`
      WITH t AS (${teachersOf(schoolIds)})
      SELECT t.user_id, t.name, t.school_id, t.school_name, t.since::text AS since FROM t
      WHERE NOT ${on(thisStart)} AND ${on(nextStart)}
      ORDER BY t.school_name COLLATE "C", t.name COLLATE "C", t.user_id`),
  );
  return rows.map((t) => ({
    user: { id: t.user_id, name: t.name },
    school: { id: t.school_id, name: t.school_name },
    eligibleFrom: anniversary(t.since, rules.minYearsAtSchool),
  }));
}

export async function exchangeOverview(db: Queryable, org: OrgPlace, today = toLocal(new Date()).date) {
  const year = schoolYearOf(today);
  const schools = await schoolsOf(db, org);
  const ids = schools.map((s) => s.id);
  // Last year's "in post" on the same day a year ago, as this year's is read today.
  const [now, last] = [
    await figuresFor(db, ids, year, today),
    await figuresFor(db, ids, year - 1, addMonths(today, -12)),
  ];
  const programmes = org.kind === 'school' ? [] : await quotasOf(db, org.id, `${year}-${year + 1}`, ids);
  const quotas = programmes.map((p) => {
    const keyBase = p.key_share_base === 'rotated' ? p.rotated : p.eligible;
    return {
      programme: { id: p.id, name: p.name, kind: p.kind },
      eligible: p.eligible,
      rotated: p.rotated,
      rotationSharePct: p.rotation_share_pct,
      rotationMet: p.rotated * 100 >= p.rotation_share_pct * p.eligible && p.eligible > 0,
      keyRotated: p.key_rotated,
      keyBase,
      keyShareBase: p.key_share_base,
      keySharePct: p.key_share_pct,
      keyMet: p.key_rotated * 100 >= p.key_share_pct * keyBase && keyBase > 0,
    };
  });
  // The latest programme's rules, else the policy's 6 years at the school and 5 from retirement.
  const latest = programmes.at(-1);
  const rules: Rules = latest
    ? { minYearsAtSchool: latest.min_years_at_school, retirementMarginYears: latest.retirement_margin_years }
    : { minYearsAtSchool: 6, retirementMarginYears: 5 };
  const nextYear = await eligibleNextYearOf(db, ids, rules, year);
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
