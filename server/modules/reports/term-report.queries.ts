// A term report (issue 13): the four pillars month by month for a chosen term, per school and for the whole group,
// each school with its own trend and against the same point of the term before. Never a ranking (clause 4).
import type { PillarFigures, TermReport } from '../../../shared/schemas/reports';
import { fromLocal, teachingTermsUpTo, toLocal } from '../../../shared/time';
import type { Queryable } from '../../lib/db';
import { helped, schoolFacts } from './dashboard.queries';
import { type Period, pillarsOf, sumFigures, zeroFigures } from './pillars.queries';
import { lastDayOf, type ReportBody, type ReportScope, type Span } from './report-scope';

/** How many terms the picker offers (two school years). */
const TERMS_OFFERED = 4;

/** The calendar months (YYYY-MM, Beijing) a window touches, each cut to the window. */
export function monthsOf(window: Span): (Span & { month: string })[] {
  if (window.to <= window.from) return [];
  const out: (Span & { month: string })[] = [];
  const last = lastDayOf(window).slice(0, 7);
  let month = toLocal(window.from).date.slice(0, 7);
  for (;;) {
    const [y, m] = month.split('-').map(Number) as [number, number];
    const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
    const start = fromLocal(`${month}-01`);
    const end = fromLocal(`${next}-01`);
    out.push({
      month,
      from: new Date(Math.max(start.getTime(), window.from.getTime())),
      to: new Date(Math.min(end.getTime(), window.to.getTime())),
    });
    if (month >= last) return out;
    month = next;
  }
}

export async function termReportOf(db: Queryable, scope: ReportScope): Promise<ReportBody<TermReport>> {
  const { schools, ids } = scope;
  const months = monthsOf(scope.now);
  const periods: Period[] = [
    ...months.map((m) => ({ key: m.month, from: m.from, to: m.to, cut: scope.now.to })),
    { key: 'total', ...scope.now, cut: scope.now.to },
    { key: 'before', ...scope.before, cut: scope.before.to },
  ];
  const pillars = await pillarsOf(db, ids, periods);
  const of = (id: string, key: string) => pillars.schools.get(id)?.get(key) ?? zeroFigures();
  const rowOf = (get: (key: string) => PillarFigures) => ({
    months: months.map((m) => ({ month: m.month, ...get(m.month) })),
    total: get('total'),
    before: get('before'),
  });
  return {
    terms: teachingTermsUpTo(new Date(), TERMS_OFFERED).map((t) => ({ name: t.name })),
    group: rowOf((key) => sumFigures(ids.map((id) => of(id, key)))),
    helped: rowOf((key) => sumFigures(schools.filter(helped).map((s) => of(s.id, key)))),
    schools: schools.map((s) => ({ ...schoolFacts(s), ...rowOf((key) => of(s.id, key)) })),
  };
}
