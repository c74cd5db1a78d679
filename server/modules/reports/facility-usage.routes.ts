import { createRoute } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { id } from '../../../shared/schemas/common';
import { type Queryable, rowsOf } from '../../lib/db';
import { commonErrors, json, newRouter } from '../../lib/router';
import { headOf, reportHead, reportScope } from './report-scope';

const hours = z.number();
const usage = z.object({
  ...reportHead,
  /** Each school against its own past, in a fixed order (by name) — never a ranking (clause 4). */
  schools: z.array(
    z.object({
      id,
      name: z.string(),
      rural: z.boolean(),
      supported: z.boolean(),
      lentHours: hours,
      borrowedHours: hours,
      previousLentHours: hours,
      previousBorrowedHours: hours,
    }),
  ),
  facilities: z.array(
    z.object({ id, name: z.string(), schoolId: id, schoolName: z.string(), ownerHours: hours, otherHours: hours }),
  ),
  months: z.array(z.object({ month: z.string(), ownerHours: hours, otherHours: hours })),
});

export interface Row {
  facility_id: string;
  facility_name: string;
  school_id: string;
  school_name: string;
  borrower_id: string;
  month: string;
  hours: string | number;
}

/** Approved hours per facility, borrowing school and month, for facilities of `schoolIds`, in [from, to). */
export async function usageRows(db: Queryable, schoolIds: string[], from: Date, to: Date): Promise<Row[]> {
  if (!schoolIds.length) return [];
  return rowsOf<Row>(
    await db.execute(sql`
      SELECT f.id AS facility_id, f.name AS facility_name, s.id AS school_id, s.name AS school_name, b.borrower_school_id AS borrower_id,
        to_char((b.starts_at AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM') AS month,
        SUM(EXTRACT(EPOCH FROM (b.ends_at - b.starts_at)) / 3600) AS hours
      FROM bookings b JOIN facilities f ON f.id = b.facility_id JOIN orgs s ON s.id = f.school_id
      WHERE b.status = 'approved' AND b.kind = 'booking' AND b.starts_at >= ${from.toISOString()}::timestamptz AND b.starts_at < ${to.toISOString()}::timestamptz
        AND (f.school_id IN (${sql.join(
          schoolIds.map((s) => sql`${s}::uuid`),
          sql`, `,
        )}) OR b.borrower_school_id IN (${sql.join(
          schoolIds.map((s) => sql`${s}::uuid`),
          sql`, `,
        )}))
      GROUP BY f.id, f.name, s.id, s.name, b.borrower_school_id, month`),
  );
}

const round = (n: number) => Math.round(n * 10) / 10;

export const facilityUsageRoutes = newRouter().openapi(
  createRoute({
    method: 'get',
    path: '/reports/facility-usage',
    tags: ['reports'],
    summary: 'Hours of facilities lent and borrowed per school and facility, this term and by month, against last term',
    request: { query: z.object({ orgId: id, at: z.iso.date().optional() }) },
    responses: { 200: json(usage), ...commonErrors },
  }),
  async (c) => {
    const { orgId, at } = c.req.valid('query');
    const scope = await reportScope(c, orgId, at);
    const { db, schools, ids, term, previous } = scope;
    const [now, before] = await Promise.all([
      usageRows(db, ids, term.start, term.end),
      usageRows(db, ids, previous.start, previous.end),
    ]);
    const inScope = new Set(ids);
    const sum = (rows: Row[], f: (r: Row) => boolean) => round(rows.filter(f).reduce((a, r) => a + Number(r.hours), 0));
    const facilities = new Map<
      string,
      { id: string; name: string; schoolId: string; schoolName: string; ownerHours: number; otherHours: number }
    >();
    const months = new Map<string, { month: string; ownerHours: number; otherHours: number }>();
    for (const r of now.filter((r) => inScope.has(r.school_id))) {
      const f = facilities.get(r.facility_id) ?? {
        id: r.facility_id,
        name: r.facility_name,
        schoolId: r.school_id,
        schoolName: r.school_name,
        ownerHours: 0,
        otherHours: 0,
      };
      const m = months.get(r.month) ?? { month: r.month, ownerHours: 0, otherHours: 0 };
      const own = r.borrower_id === r.school_id;
      f[own ? 'ownerHours' : 'otherHours'] = round(f[own ? 'ownerHours' : 'otherHours'] + Number(r.hours));
      m[own ? 'ownerHours' : 'otherHours'] = round(m[own ? 'ownerHours' : 'otherHours'] + Number(r.hours));
      facilities.set(r.facility_id, f);
      months.set(r.month, m);
    }
    return c.json(
      {
        ...headOf(scope),
        schools: schools.map((s) => ({
          id: s.id,
          name: s.name,
          rural: !!s.rural,
          supported: !!s.supported,
          lentHours: sum(now, (r) => r.school_id === s.id && r.borrower_id !== s.id),
          borrowedHours: sum(now, (r) => r.borrower_id === s.id && r.school_id !== s.id),
          previousLentHours: sum(before, (r) => r.school_id === s.id && r.borrower_id !== s.id),
          previousBorrowedHours: sum(before, (r) => r.borrower_id === s.id && r.school_id !== s.id),
        })),
        facilities: [...facilities.values()].sort((a, b) => (a.schoolName + a.name < b.schoolName + b.name ? -1 : 1)),
        months: [...months.values()].sort((a, b) => (a.month < b.month ? -1 : 1)),
      },
      200,
    );
  },
);
