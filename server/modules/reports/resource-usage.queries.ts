// Resources shared: published by a school, used by other schools, and received from other schools.
import { sql } from 'drizzle-orm';
import type { ResourceUsageReport } from '../../../shared/schemas/reports';
import { type Queryable, rowsOf } from '../../lib/db';
import { type ReportBody, type ReportScope, type Span, uuidList } from './report-scope';

interface CountsRow {
  school_id: string;
  contributed: number;
  used_by_others: number;
  received: number;
}

/**
 * Per school in `ids`: resources it published to other schools (visible beyond itself), uses of its resources by
 * other schools, and its uses of others' resources, in the window.
 */
export async function resourceCounts(db: Queryable, ids: string[], { from, to }: Span) {
  const f = from.toISOString();
  const t = to.toISOString();
  const rows = rowsOf<CountsRow>(
    await db.execute(sql`
      SELECT s.id AS school_id,
        (SELECT count(*)::int FROM resources r
          WHERE r.school_id = s.id AND r.status = 'published' AND r.visibility <> 'school'
            AND r.published_at >= ${f}::timestamptz AND r.published_at < ${t}::timestamptz) AS contributed,
        (SELECT count(*)::int FROM resource_uses u JOIN resources r ON r.id = u.resource_id
          WHERE r.school_id = s.id AND u.school_id IS DISTINCT FROM s.id
            AND u.at >= ${f}::timestamptz AND u.at < ${t}::timestamptz) AS used_by_others,
        (SELECT count(*)::int FROM resource_uses u JOIN resources r ON r.id = u.resource_id
          WHERE u.school_id = s.id AND r.school_id <> s.id
            AND u.at >= ${f}::timestamptz AND u.at < ${t}::timestamptz) AS received
      FROM orgs s WHERE s.id IN (${uuidList(ids)})`),
  );
  return new Map(rows.map((r) => [r.school_id, r]));
}

export type ResourceCounts = Awaited<ReturnType<typeof resourceCounts>>;

/** One school's counts (0 for a school with none). */
export function countsOf(counts: ResourceCounts, schoolId: string) {
  const r = counts.get(schoolId);
  return {
    contributed: Number(r?.contributed ?? 0),
    usedByOthers: Number(r?.used_by_others ?? 0),
    received: Number(r?.received ?? 0),
  };
}

/** By month of the term: resources the schools published, uses by other schools, and those by rural or supported. */
async function resourceMonths(db: Queryable, ids: string[], window: Span) {
  const list = uuidList(ids);
  const f = window.from.toISOString();
  const t = window.to.toISOString();
  return rowsOf<{ month: string; contributed: number; used: number; reached: number }>(
    await db.execute(sql`
      WITH m AS (
        SELECT to_char((r.published_at AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM') AS month,
            1 AS contributed, 0 AS used, 0 AS reached
          FROM resources r
          WHERE r.school_id IN (${list}) AND r.status = 'published' AND r.visibility <> 'school'
            AND r.published_at >= ${f}::timestamptz AND r.published_at < ${t}::timestamptz
        UNION ALL
        SELECT to_char((u.at AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM'),
            0, 1, CASE WHEN us.rural OR us.supported THEN 1 ELSE 0 END
          FROM resource_uses u JOIN resources r ON r.id = u.resource_id LEFT JOIN orgs us ON us.id = u.school_id
          -- As the schools' figures count them: a use by a group's or district's people (no school) is another's.
          WHERE r.school_id IN (${list}) AND u.school_id IS DISTINCT FROM r.school_id
            AND u.at >= ${f}::timestamptz AND u.at < ${t}::timestamptz)
      SELECT month, sum(contributed)::int AS contributed, sum(used)::int AS used, sum(reached)::int AS reached
      FROM m GROUP BY month ORDER BY month`),
  );
}

/** Per school this term against the same point of last term, and by month what was shared and what reached rural. */
export async function resourceUsageOf(db: Queryable, scope: ReportScope): Promise<ReportBody<ResourceUsageReport>> {
  const { schools, ids } = scope;
  const now = await resourceCounts(db, ids, scope.now);
  const before = await resourceCounts(db, ids, scope.before);
  const months = await resourceMonths(db, ids, scope.now);
  return {
    schools: schools.map((s) => ({
      id: s.id,
      name: s.name,
      rural: !!s.rural,
      supported: !!s.supported,
      now: countsOf(now, s.id),
      before: countsOf(before, s.id),
    })),
    months: months.map((m) => ({
      month: m.month,
      contributed: Number(m.contributed),
      usedAcrossSchools: Number(m.used),
      reachedRuralOrSupported: Number(m.reached),
    })),
  };
}
