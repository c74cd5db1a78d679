// The first figures of the group dashboard (journey 6): facilities lent and borrowed, resources shared and used, per
// school; the same windows and counting as the dashboard (dashboard.queries.ts), of which it is a part.
import type { OverviewReport, PillarFigures } from '../../../shared/schemas/reports';
import type { Queryable } from '../../lib/db';
import { helped, windowPeriods } from './dashboard.queries';
import { round } from './facility-usage.queries';
import { pillarsOf, zeroFigures } from './pillars.queries';
import type { ReportBody, ReportScope } from './report-scope';

const figuresOf = (f: PillarFigures) => ({
  facilityHoursLent: f.facilityHoursLent,
  facilityHoursBorrowed: f.facilityHoursBorrowed,
  resourcesContributed: f.resourcesShared,
  resourcesUsedByOthers: f.resourcesUsedByOthers,
  resourcesReceived: f.resourcesReceived,
});

/** Each school's figures this term and at the same point of the last, and what reached the rural and supported. */
export async function overviewOf(db: Queryable, scope: ReportScope): Promise<ReportBody<OverviewReport>> {
  const { schools, ids } = scope;
  const pillars = await pillarsOf(db, ids, windowPeriods(scope));
  const of = (id: string, key: string) => figuresOf(pillars.schools.get(id)?.get(key) ?? zeroFigures());
  const out = schools.map((s) => ({
    id: s.id,
    name: s.name,
    rural: !!s.rural,
    supported: !!s.supported,
    now: of(s.id, 'now'),
    before: of(s.id, 'before'),
  }));
  const reached = out.filter(helped);
  return {
    schools: out,
    reachedRuralOrSupported: {
      facilityHours: round(reached.reduce((a, s) => a + s.now.facilityHoursBorrowed, 0)),
      resourcesUsed: reached.reduce((a, s) => a + s.now.resourcesReceived, 0),
    },
  };
}
