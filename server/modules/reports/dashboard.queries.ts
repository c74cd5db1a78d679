// The group leader's dashboard (journey 6): per school of the group or district, this term up to the report day
// against the same point of the term before — facilities, resources, live lessons, exchange teachers — and what
// reached the rural and supported schools. Schools by name, each against its own past; nothing is ranked.
import { asc, inArray, sql } from 'drizzle-orm';
import type { DashboardReport, PillarFigures } from '../../../shared/schemas/reports';
import { classrooms } from '../../db/schema';
import type { Queryable } from '../../lib/db';
import type { OrgRow } from '../orgs/orgs.queries';
import { type Period, pillarsOf, sumFigures, zeroFigures } from './pillars.queries';
import type { ReportBody, ReportScope } from './report-scope';

/** The scope's two windows as periods: `now` and `before`, each counting bookings held by its own end. */
export const windowPeriods = (scope: ReportScope): Period[] => [
  { key: 'now', ...scope.now, cut: scope.now.to },
  { key: 'before', ...scope.before, cut: scope.before.to },
];

export const helped = (s: { rural: boolean | null; supported: boolean | null }) => !!s.rural || !!s.supported;

/** What reached the rural and supported schools: what they borrowed, used, attended and received. */
export function reachedOf(figures: PillarFigures[]) {
  const f = sumFigures(figures);
  return {
    facilityHours: f.facilityHoursBorrowed,
    resourcesUsed: f.resourcesReceived,
    liveLessons: f.liveLessonsReceived,
    liveMinutes: f.liveMinutesReceived,
    exchangeTeachersInPost: f.exchangeInPost,
    exchangeHours: f.exchangeHours,
  };
}

export const schoolFacts = (s: OrgRow) => ({
  id: s.id,
  name: s.name,
  code: s.code,
  rural: !!s.rural,
  supported: !!s.supported,
});

/** The rural and supported schools' classrooms, school by school in the schools' order, each by name. */
async function helpedClassrooms(db: Queryable, schools: OrgRow[]) {
  const ids = schools.filter(helped).map((s) => s.id);
  if (!ids.length) return [];
  const rows = await db
    .select({ id: classrooms.id, name: classrooms.name, schoolId: classrooms.schoolId })
    .from(classrooms)
    .where(inArray(classrooms.schoolId, ids))
    .orderBy(sql`${classrooms.name} COLLATE "C"`, asc(classrooms.id));
  const order = new Map(ids.map((id, i) => [id, i]));
  return rows.sort((a, b) => (order.get(a.schoolId) ?? 0) - (order.get(b.schoolId) ?? 0));
}

export async function dashboardOf(db: Queryable, scope: ReportScope): Promise<ReportBody<DashboardReport>> {
  const { schools, ids } = scope;
  const pillars = await pillarsOf(db, ids, windowPeriods(scope));
  const rooms = await helpedClassrooms(db, schools);
  const of = (id: string, key: string) => pillars.schools.get(id)?.get(key) ?? zeroFigures();
  const out = schools.map((s) => ({ ...schoolFacts(s), now: of(s.id, 'now'), before: of(s.id, 'before') }));
  const names = new Map(schools.map((s) => [s.id, s.name]));
  const roomOf = (id: string, key: string) => pillars.classrooms.get(id)?.get(key) ?? { lessons: 0, minutes: 0 };
  const reached = out.filter(helped);
  return {
    schools: out,
    classrooms: rooms.map((r) => ({
      id: r.id,
      name: r.name,
      schoolId: r.schoolId,
      schoolName: names.get(r.schoolId) ?? '',
      now: roomOf(r.id, 'now'),
      before: roomOf(r.id, 'before'),
    })),
    reachedRuralOrSupported: {
      now: reachedOf(reached.map((s) => s.now)),
      before: reachedOf(reached.map((s) => s.before)),
    },
  };
}
