// Facilities lent and borrowed: hours held (approved bookings that have ended) per facility, borrowing school, month.
import { sql } from 'drizzle-orm';
import { byCodePoint } from '../../../shared/order';
import type { FacilityUsageReport } from '../../../shared/schemas/reports';
import { type Queryable, rowsOf } from '../../lib/db';
import { type ReportBody, type ReportScope, type Span, uuidList } from './report-scope';

export interface HoursRow {
  facility_id: string;
  facility_name: string;
  school_id: string;
  school_name: string;
  borrower_id: string;
  month: string;
  hours: string | number;
}

/**
 * Hours held per facility, borrowing school and month, for facilities of `schoolIds` or borrowed by them: approved
 * bookings that started in the window and had ended by its end (a booking still to come is not a shared hour yet).
 */
export async function hoursRows(db: Queryable, schoolIds: string[], { from, to }: Span): Promise<HoursRow[]> {
  if (!schoolIds.length) return [];
  const list = uuidList(schoolIds);
  return rowsOf<HoursRow>(
    await db.execute(sql`
      SELECT f.id AS facility_id, f.name AS facility_name, s.id AS school_id, s.name AS school_name,
        b.borrower_school_id AS borrower_id,
        to_char((b.starts_at AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM') AS month,
        SUM(EXTRACT(EPOCH FROM (b.ends_at - b.starts_at)) / 3600) AS hours
      FROM bookings b JOIN facilities f ON f.id = b.facility_id JOIN orgs s ON s.id = f.school_id
      WHERE b.status = 'approved' AND b.kind = 'booking'
        AND b.starts_at >= ${from.toISOString()}::timestamptz AND b.ends_at <= ${to.toISOString()}::timestamptz
        AND (f.school_id IN (${list}) OR b.borrower_school_id IN (${list}))
      GROUP BY f.id, f.name, s.id, s.name, b.borrower_school_id, month`),
  );
}

/** Hours to one decimal. */
export const round = (n: number) => Math.round(n * 10) / 10;

const sumHours = (rows: HoursRow[], f: (r: HoursRow) => boolean) =>
  round(rows.filter(f).reduce((a, r) => a + Number(r.hours), 0));

/** Hours the school's facilities were lent to other schools. */
export const lentHours = (rows: HoursRow[], schoolId: string) =>
  sumHours(rows, (r) => r.school_id === schoolId && r.borrower_id !== schoolId);

/** Hours the school borrowed other schools' facilities. */
export const borrowedHours = (rows: HoursRow[], schoolId: string) =>
  sumHours(rows, (r) => r.borrower_id === schoolId && r.school_id !== schoolId);

type FacilityHours = FacilityUsageReport['facilities'][number];
type MonthHours = FacilityUsageReport['months'][number];

/** Hours lent and borrowed per school and facility, this term and by month, against the same point of last term. */
export async function facilityUsageOf(db: Queryable, scope: ReportScope): Promise<ReportBody<FacilityUsageReport>> {
  const { schools, ids } = scope;
  const now = await hoursRows(db, ids, scope.now);
  const before = await hoursRows(db, ids, scope.before);
  const inScope = new Set(ids);
  const facilities = new Map<string, FacilityHours>();
  const months = new Map<string, MonthHours>();
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
  return {
    schools: schools.map((s) => ({
      id: s.id,
      name: s.name,
      rural: !!s.rural,
      supported: !!s.supported,
      lentHours: lentHours(now, s.id),
      borrowedHours: borrowedHours(now, s.id),
      previousLentHours: lentHours(before, s.id),
      previousBorrowedHours: borrowedHours(before, s.id),
    })),
    // School by school in the schools' order (by name), each school's facilities by name.
    facilities: [...facilities.values()].sort(
      (a, b) => ids.indexOf(a.schoolId) - ids.indexOf(b.schoolId) || byCodePoint(a.name, b.name),
    ),
    months: [...months.values()].sort((a, b) => (a.month < b.month ? -1 : 1)),
  };
}
