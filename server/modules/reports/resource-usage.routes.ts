import { createRoute } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { id } from '../../../shared/schemas/common';
import { type Queryable, rowsOf } from '../../lib/db';
import { commonErrors, json, newRouter } from '../../lib/router';
import { headOf, reportHead, reportScope } from './report-scope';

const figures = z.object({ contributed: z.number().int(), usedByOthers: z.number().int(), received: z.number().int() });
const usage = z.object({
  ...reportHead,
  /** Each school against its own last term, in a fixed order (by name) — never a ranking (clause 4). */
  schools: z.array(
    z.object({ id, name: z.string(), rural: z.boolean(), supported: z.boolean(), now: figures, before: figures }),
  ),
  months: z.array(
    z.object({
      month: z.string(),
      contributed: z.number().int(),
      usedAcrossSchools: z.number().int(),
      reachedRuralOrSupported: z.number().int(),
    }),
  ),
});

export interface Counts {
  school_id: string;
  contributed: number;
  used_by_others: number;
  received: number;
}

/** Per school in `ids`: resources it published, uses of them by other schools, and its uses of others' resources. */
export async function counts(db: Queryable, ids: string[], from: Date, to: Date): Promise<Map<string, Counts>> {
  const list = sql.join(
    ids.map((s) => sql`${s}::uuid`),
    sql`, `,
  );
  const f = from.toISOString();
  const t = to.toISOString();
  const rows = rowsOf<Counts>(
    await db.execute(sql`
      SELECT s.id AS school_id,
        (SELECT count(*)::int FROM resources r WHERE r.school_id = s.id AND r.status = 'published' AND r.published_at >= ${f}::timestamptz AND r.published_at < ${t}::timestamptz) AS contributed,
        (SELECT count(*)::int FROM resource_uses u JOIN resources r ON r.id = u.resource_id
          WHERE r.school_id = s.id AND u.school_id IS DISTINCT FROM s.id AND u.at >= ${f}::timestamptz AND u.at < ${t}::timestamptz) AS used_by_others,
        (SELECT count(*)::int FROM resource_uses u JOIN resources r ON r.id = u.resource_id
          WHERE u.school_id = s.id AND r.school_id <> s.id AND u.at >= ${f}::timestamptz AND u.at < ${t}::timestamptz) AS received
      FROM orgs s WHERE s.id IN (${list})`),
  );
  return new Map(rows.map((r) => [r.school_id, r]));
}

export const resourceUsageRoutes = newRouter().openapi(
  createRoute({
    method: 'get',
    path: '/reports/resource-usage',
    tags: ['reports'],
    summary:
      'Resources contributed, used by other schools and received, per school this term against last term, and what reached rural and supported schools by month',
    request: { query: z.object({ orgId: id, at: z.iso.date().optional() }) },
    responses: { 200: json(usage), ...commonErrors },
  }),
  async (c) => {
    const { orgId, at } = c.req.valid('query');
    const scope = await reportScope(c, orgId, at);
    const { db, schools, ids, term, previous } = scope;
    const [now, before] = await Promise.all([
      counts(db, ids, term.start, term.end),
      counts(db, ids, previous.start, previous.end),
    ]);
    const pick = (m: Map<string, Counts>, sid: string) => {
      const r = m.get(sid);
      return {
        contributed: Number(r?.contributed ?? 0),
        usedByOthers: Number(r?.used_by_others ?? 0),
        received: Number(r?.received ?? 0),
      };
    };
    const list = sql.join(
      ids.map((s) => sql`${s}::uuid`),
      sql`, `,
    );
    const months = rowsOf<{ month: string; contributed: number; used: number; reached: number }>(
      await db.execute(sql`
        WITH m AS (
          SELECT to_char((r.published_at AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM') AS month, 1 AS contributed, 0 AS used, 0 AS reached
            FROM resources r WHERE r.school_id IN (${list}) AND r.status = 'published' AND r.published_at >= ${term.start.toISOString()}::timestamptz AND r.published_at < ${term.end.toISOString()}::timestamptz
          UNION ALL
          SELECT to_char((u.at AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM'), 0, 1, CASE WHEN us.rural OR us.supported THEN 1 ELSE 0 END
            FROM resource_uses u JOIN resources r ON r.id = u.resource_id JOIN orgs us ON us.id = u.school_id
            WHERE r.school_id IN (${list}) AND u.school_id <> r.school_id AND u.at >= ${term.start.toISOString()}::timestamptz AND u.at < ${term.end.toISOString()}::timestamptz)
        SELECT month, sum(contributed)::int AS contributed, sum(used)::int AS used, sum(reached)::int AS reached FROM m GROUP BY month ORDER BY month`),
    );
    return c.json(
      {
        ...headOf(scope),
        schools: schools.map((s) => ({
          id: s.id,
          name: s.name,
          rural: !!s.rural,
          supported: !!s.supported,
          now: pick(now, s.id),
          before: pick(before, s.id),
        })),
        months: months.map((m) => ({
          month: m.month,
          contributed: Number(m.contributed),
          usedAcrossSchools: Number(m.used),
          reachedRuralOrSupported: Number(m.reached),
        })),
      },
      200,
    );
  },
);
