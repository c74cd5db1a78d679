// The scope gate of every report: which organisation (within the caller's reach), its schools in a fixed order, and
// the two stretches of time every report compares (this term up to the report day, and the same point of the term
// before); and the head every report answers first.
import { type SQL, sql } from 'drizzle-orm';
import type { ReportHead } from '../../../shared/schemas/reports';
import { fromLocal, iso, previousTeachingTerm, type Term, termNamed, termOf, toLocal } from '../../../shared/time';
import type { Queryable } from '../../lib/db';
import { AppError } from '../../lib/errors';
import type { Actor } from '../../lib/policy';
import { getVisibleOrg, listSchoolsOf, type OrgRow } from '../orgs/orgs.queries';

export type { Term } from '../../../shared/time';

/** A stretch of time, half-open: [from, to). */
export interface Span {
  from: Date;
  to: Date;
}

export interface ReportScope {
  org: OrgRow;
  /** The organisation itself when it is a school, else its schools, by name (COLLATE "C") — never ranked. */
  schools: OrgRow[];
  ids: string[];
  term: Term;
  /** The teaching term before (the summer holiday skipped). */
  previous: Term;
  /** This term up to the report day and no later than now: only what has happened counts. */
  now: Span;
  /** The same point of the term before (as many days in), or all of it when this term's window reaches its end. */
  before: Span;
}

/** A report's answer without the head (which `headOf` gives). */
export type ReportBody<T extends ReportHead> = Omit<T, keyof ReportHead>;

const DAY_MS = 86400_000;

/**
 * This term's window and the previous term's same point. `day` (YYYY-MM-DD, Beijing) ends the window after that
 * day; without it the window runs to the term's end. Nothing later than `now` counts: a booking is counted once held.
 */
export function windowsOf(term: Term, day: string | undefined, now = new Date()) {
  const previous = previousTeachingTerm(term);
  const dayEnd = day ? fromLocal(day, 24 * 60) : term.end;
  const to = new Date(Math.max(term.start.getTime(), Math.min(now.getTime(), dayEnd.getTime(), term.end.getTime())));
  const elapsed = to.getTime() - term.start.getTime();
  const whole = to.getTime() >= term.end.getTime();
  const beforeTo = whole
    ? previous.end
    : new Date(Math.min(previous.start.getTime() + elapsed, previous.end.getTime()));
  return { previous, now: { from: term.start, to }, before: { from: previous.start, to: beforeTo } };
}

/**
 * What every report starts from: the organisation asked about (404 outside reach), its schools, the term and the
 * windows. `at` is a day (YYYY-MM-DD) of the term to report up to, `termName` a whole term; today when neither.
 */
export async function reportScope(
  db: Queryable,
  actor: Actor,
  orgId: string,
  at?: string,
  termName?: string,
): Promise<ReportScope> {
  const org = await getVisibleOrg(db, actor, orgId);
  const schools = org.kind === 'school' ? [org] : await listSchoolsOf(db, org, 'name');
  if (!schools.length) throw new AppError('not_found', 'This organisation has no schools yet');
  // The query's schema lets through only names of terms (termName).
  const named = termName ? termNamed(termName) : null;
  const term = named ?? termOf(at ? fromLocal(at, 12 * 60) : new Date());
  const { previous, now, before } = windowsOf(term, named ? undefined : at);
  return { org, schools, ids: schools.map((s) => s.id), term, previous, now, before };
}

/** The Beijing day a window's last instant falls on (its first day when it is empty). */
export const lastDayOf = (span: Span) => toLocal(new Date(Math.max(span.from.getTime(), span.to.getTime() - 1))).date;

/** What every report answers first: the organisation, this term and the last, and the windows compared. */
export function headOf(scope: ReportScope): ReportHead {
  const { org, term, previous, now, before } = scope;
  return {
    org: { id: org.id, name: org.name, kind: org.kind },
    term: { name: term.name, start: iso(term.start), end: iso(term.end) },
    previousTerm: { name: previous.name },
    window: {
      day: lastDayOf(now),
      daysIn: Math.ceil((now.to.getTime() - now.from.getTime()) / DAY_MS),
      from: iso(now.from),
      to: iso(now.to),
      previousFrom: iso(before.from),
      previousTo: iso(before.to),
    },
  };
}

/** Schools' ids as an SQL list, for `IN (…)`. */
export const uuidList = (ids: string[]): SQL =>
  sql.join(
    ids.map((s) => sql`${s}::uuid`),
    sql`, `,
  );
