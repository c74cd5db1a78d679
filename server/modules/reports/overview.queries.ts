// The group dashboard's figures (journey 6): facilities lent and borrowed, resources shared and used, per school.
import type { OverviewReport } from '../../../shared/schemas/reports';
import type { Queryable } from '../../lib/db';
import { borrowedHours, type HoursRow, hoursRows, lentHours, round } from './facility-usage.queries';
import type { ReportBody, ReportScope } from './report-scope';
import { countsOf, type ResourceCounts, resourceCounts } from './resource-usage.queries';

function figuresOf(schoolId: string, hours: HoursRow[], resources: ResourceCounts) {
  const r = countsOf(resources, schoolId);
  return {
    facilityHoursLent: lentHours(hours, schoolId),
    facilityHoursBorrowed: borrowedHours(hours, schoolId),
    resourcesContributed: r.contributed,
    resourcesUsedByOthers: r.usedByOthers,
    resourcesReceived: r.received,
  };
}

/** Each school's figures this term and last, and what reached the rural and supported schools this term. */
export async function overviewOf(db: Queryable, scope: ReportScope): Promise<ReportBody<OverviewReport>> {
  const { schools, ids, term, previous } = scope;
  const [hoursNow, hoursBefore, resNow, resBefore] = await Promise.all([
    hoursRows(db, ids, term.start, term.end),
    hoursRows(db, ids, previous.start, previous.end),
    resourceCounts(db, ids, term.start, term.end),
    resourceCounts(db, ids, previous.start, previous.end),
  ]);
  const out = schools.map((s) => ({
    id: s.id,
    name: s.name,
    rural: !!s.rural,
    supported: !!s.supported,
    now: figuresOf(s.id, hoursNow, resNow),
    before: figuresOf(s.id, hoursBefore, resBefore),
  }));
  const helped = out.filter((s) => s.rural || s.supported);
  return {
    schools: out,
    reachedRuralOrSupported: {
      facilityHours: round(helped.reduce((a, s) => a + s.now.facilityHoursBorrowed, 0)),
      resourcesUsed: helped.reduce((a, s) => a + s.now.resourcesReceived, 0),
    },
  };
}
