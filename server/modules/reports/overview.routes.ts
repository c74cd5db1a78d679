import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { id } from '../../../shared/schemas/common';
import { commonErrors, json, newRouter } from '../../lib/router';
import { type Row, usageRows } from './facility-usage.routes';
import { headOf, reportHead, reportScope } from './report-scope';
import { counts } from './resource-usage.routes';

const figures = z.object({
  facilityHoursLent: z.number(),
  facilityHoursBorrowed: z.number(),
  resourcesContributed: z.number().int(),
  resourcesUsedByOthers: z.number().int(),
  resourcesReceived: z.number().int(),
});

const overview = z.object({
  ...reportHead,
  /** Each school's own figures this term and last, in a fixed order (lead school, then by name) — never a ranking. */
  schools: z.array(
    z.object({ id, name: z.string(), rural: z.boolean(), supported: z.boolean(), now: figures, before: figures }),
  ),
  /** What reached the rural and supported schools this term. */
  reachedRuralOrSupported: z.object({ facilityHours: z.number(), resourcesUsed: z.number().int() }),
});

const round = (n: number) => Math.round(n * 10) / 10;

/** The group dashboard's figures (journey 6): facilities lent and borrowed, resources shared and used, per school. */
export const overviewRoutes = newRouter().openapi(
  createRoute({
    method: 'get',
    path: '/reports/overview',
    tags: ['reports'],
    summary: 'The figures of the group dashboard, each school against its own last term',
    request: { query: z.object({ orgId: id, at: z.iso.date().optional() }) },
    responses: { 200: json(overview), ...commonErrors },
  }),
  async (c) => {
    const { orgId, at } = c.req.valid('query');
    const scope = await reportScope(c, orgId, at);
    const { db, schools, ids, term, previous } = scope;
    const [hoursNow, hoursBefore, resNow, resBefore] = await Promise.all([
      usageRows(db, ids, term.start, term.end),
      usageRows(db, ids, previous.start, previous.end),
      counts(db, ids, term.start, term.end),
      counts(db, ids, previous.start, previous.end),
    ]);
    const sum = (rows: Row[], f: (r: Row) => boolean) => round(rows.filter(f).reduce((a, r) => a + Number(r.hours), 0));
    const figuresOf = (sid: string, rows: Row[], res: typeof resNow) => {
      const r = res.get(sid);
      return {
        facilityHoursLent: sum(rows, (x) => x.school_id === sid && x.borrower_id !== sid),
        facilityHoursBorrowed: sum(rows, (x) => x.borrower_id === sid && x.school_id !== sid),
        resourcesContributed: Number(r?.contributed ?? 0),
        resourcesUsedByOthers: Number(r?.used_by_others ?? 0),
        resourcesReceived: Number(r?.received ?? 0),
      };
    };
    const out = schools.map((s) => ({
      id: s.id,
      name: s.name,
      rural: !!s.rural,
      supported: !!s.supported,
      now: figuresOf(s.id, hoursNow, resNow),
      before: figuresOf(s.id, hoursBefore, resBefore),
    }));
    const helped = out.filter((s) => s.rural || s.supported);
    return c.json(
      {
        ...headOf(scope),
        schools: out,
        reachedRuralOrSupported: {
          facilityHours: round(helped.reduce((a, s) => a + s.now.facilityHoursBorrowed, 0)),
          resourcesUsed: helped.reduce((a, s) => a + s.now.resourcesReceived, 0),
        },
      },
      200,
    );
  },
);
