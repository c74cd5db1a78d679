// The scope gate of every report: which organisation (within the caller's reach), its schools, this term and the
// last; and the head every report answers first.
import { type SQL, sql } from 'drizzle-orm';
import type { ReportHead } from '../../../shared/schemas/reports';
import { iso, termOf } from '../../../shared/time';
import type { Queryable } from '../../lib/db';
import { AppError } from '../../lib/errors';
import type { Actor } from '../../lib/policy';
import { getVisibleOrg, listSchoolsOf, type OrgRow } from '../orgs/orgs.queries';

export type Term = ReturnType<typeof termOf>;

export interface ReportScope {
  org: OrgRow;
  /** The organisation itself when it is a school, else its schools (lead school first, then by name). */
  schools: OrgRow[];
  ids: string[];
  term: Term;
  previous: Term;
}

/** A report's answer without the head (which `headOf` gives). */
export type ReportBody<T extends ReportHead> = Omit<T, keyof ReportHead>;

/**
 * What every report starts from: the organisation asked about (404 outside reach), its schools, this term and the
 * last. `at` is a day (YYYY-MM-DD) of the term to report; today when left out.
 */
export async function reportScope(db: Queryable, actor: Actor, orgId: string, at?: string): Promise<ReportScope> {
  const org = await getVisibleOrg(db, actor, orgId);
  const schools = org.kind === 'school' ? [org] : await listSchoolsOf(db, org);
  if (!schools.length) throw new AppError('not_found', 'This organisation has no schools yet');
  const term = termOf(at ? new Date(`${at}T12:00:00+08:00`) : new Date());
  const previous = termOf(new Date(term.start.getTime() - 86400_000));
  return { org, schools, ids: schools.map((s) => s.id), term, previous };
}

/** What every report answers first: the organisation, this term and the last. */
export function headOf(scope: ReportScope): ReportHead {
  const { org, term, previous } = scope;
  return {
    org: { id: org.id, name: org.name, kind: org.kind },
    term: { name: term.name, start: iso(term.start), end: iso(term.end) },
    previousTerm: { name: previous.name },
  };
}

/** Schools' ids as an SQL list, for `IN (…)`. */
export const uuidList = (ids: string[]): SQL =>
  sql.join(
    ids.map((s) => sql`${s}::uuid`),
    sql`, `,
  );
