// Pure rules of teacher exchanges: who is eligible for a posting, how an application moves, and who may move it.
// No database here; unit-tested in test/rules/exchanges.rules.test.ts.
import type { ApplicationStatus, ApprovalStep } from '../../../shared/enums';
import type { EligibilityFailure } from '../../../shared/exchanges';
import type { ApplicationAction } from '../../../shared/schemas/exchanges';
import { mondayOf } from '../../../shared/time';

/** A calendar day (YYYY-MM-DD) `months` later; the 31st of a shorter month becomes its last day. */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

/** The school year that holds `day` (from 1 September), e.g. 2026 for 2026-12-05 and for 2027-03-01. */
export function schoolYearOf(day: string): number {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return m >= 9 ? y : y - 1;
}

/**
 * The day `years` whole years from `day` are complete, as wholeYears (and PostgreSQL's interval arithmetic in
 * eligibleSql) count them: the same day of the month, but for 29 February in a common year, whose is 1 March.
 */
export function anniversary(day: string, years: number): string {
  const at = addMonths(day, 12 * years);
  if (!day.endsWith('-02-29') || at.endsWith('-02-29')) return at;
  return new Date(Date.parse(`${at}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** Whole years from `from` to `to` (both days), as a birthday counts them. */
export function wholeYears(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
}

export interface EligibilityInput {
  programme: { open: boolean; minYearsAtSchool: number; retirementMarginYears: number };
  posting: { schoolId: string; startsOn: string; months: number; open: boolean };
  teacher: {
    /** The school where they teach within the programme's group or district; null when none. */
    schoolId: string | null;
    /** Whether they hold a teacher's membership there (not only an assistant's or an admin's). */
    teaches: boolean;
    /** Teaching at that school since. */
    since: string | null;
    retiresOn: string | null;
  };
  /** The teacher's active placements. */
  placements: { startsOn: string; endsOn: string }[];
  /** An application of theirs to this posting is waiting already. */
  pendingHere: boolean;
}

/**
 * Every rule the teacher fails for the posting (empty: eligible). Years at the school and the distance from
 * retirement are counted at the post's start: a teacher who reaches 6 years by September may apply in spring.
 */
export function eligibilityOf(input: EligibilityInput): EligibilityFailure[] {
  const { programme, posting, teacher } = input;
  const failures: EligibilityFailure[] = [];
  if (!programme.open || !posting.open) failures.push({ rule: 'posting_closed' });
  if (!teacher.schoolId) {
    failures.push({ rule: 'outside_programme' });
    return failures;
  }
  if (!teacher.teaches) failures.push({ rule: 'not_a_teacher' });
  if (teacher.schoolId === posting.schoolId) failures.push({ rule: 'own_school' });
  const years = teacher.since ? Math.max(0, wholeYears(teacher.since, posting.startsOn)) : 0;
  if (years < programme.minYearsAtSchool)
    failures.push({ rule: 'years_at_school', required: programme.minYearsAtSchool, years });
  if (teacher.retiresOn && teacher.retiresOn <= addMonths(posting.startsOn, 12 * programme.retirementMarginYears))
    failures.push({
      rule: 'near_retirement',
      marginYears: programme.retirementMarginYears,
      retiresOn: teacher.retiresOn,
    });
  const endsOn = addMonths(posting.startsOn, posting.months);
  const clash = input.placements.find((p) => p.startsOn < endsOn && posting.startsOn < p.endsOn);
  if (clash) failures.push({ rule: 'already_placed', until: clash.endsOn });
  if (input.pendingHere) failures.push({ rule: 'already_applied' });
  return failures;
}

/** The statuses each action moves an application from. Placing is the last approval's doing, not an action. */
export const allowedFrom: Record<ApplicationAction, readonly ApplicationStatus[]> = {
  approve: ['submitted', 'under_consideration'],
  consider: ['submitted'],
  decline: ['submitted', 'under_consideration', 'deferred'],
  defer: ['submitted', 'under_consideration'],
  withdraw: ['submitted', 'under_consideration', 'deferred'],
};

/** The status after an action; an approval that completes every required step places the teacher. */
export function nextStatus(action: ApplicationAction, complete: boolean): ApplicationStatus {
  switch (action) {
    case 'approve':
      return complete ? 'placed' : 'under_consideration';
    case 'consider':
      return 'under_consideration';
    case 'decline':
      return 'declined';
    case 'defer':
      return 'deferred';
    case 'withdraw':
      return 'withdrawn';
  }
}

/** Whether every step the programme asks for has approved. */
export const allApproved = (required: readonly ApprovalStep[], approved: Iterable<ApprovalStep>): boolean => {
  const done = new Set(approved);
  return required.every((s) => done.has(s));
};

export interface ActorPart {
  /** The steps whose approvers the caller is (home-school admin, host-school admin, the programme's leaders). */
  steps: readonly ApprovalStep[];
  isTeacher: boolean;
  isSubmitter: boolean;
}

/**
 * The steps the caller may still approve: those they approve for, that the programme asks for, not yet approved —
 * and none at all for the teacher or whoever submitted it (no one approves their own).
 */
export function stepsFor(part: ActorPart, required: readonly ApprovalStep[], approved: Iterable<ApprovalStep>) {
  if (part.isTeacher || part.isSubmitter) return [];
  const done = new Set(approved);
  return part.steps.filter((s) => required.includes(s) && !done.has(s));
}

/** What the caller may do to an application in `status` now. */
export function actionsFor(
  part: ActorPart,
  status: ApplicationStatus,
  openSteps: readonly ApprovalStep[],
): ApplicationAction[] {
  const approver = part.steps.length > 0 && !part.isTeacher && !part.isSubmitter;
  const may: Record<ApplicationAction, boolean> = {
    approve: approver && openSteps.length > 0,
    consider: approver,
    decline: approver,
    defer: approver,
    withdraw: part.isTeacher || part.isSubmitter,
  };
  return (Object.keys(may) as ApplicationAction[]).filter((a) => may[a] && allowedFrom[a].includes(status));
}

// ---- rural-service years ----

const DAY_MS = 86_400_000;
const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;
const dayOf = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);
/** The fewest days that make `years` calendar years (a leap day every fourth year at most). */
const minDays = (years: number) => years * 365 + Math.floor(years / 4);

export interface ServicePeriod {
  startsOn: string;
  /** Exclusive; null while still serving. */
  endsOn: string | null;
}

export interface ServiceYears {
  /** Days of service up to today: overlapping periods (a placement inside a recorded period) count once. */
  days: number;
  /** Whole years. */
  years: number;
  /** Service goes on today. */
  ongoing: boolean;
  /** The day `years` of service are (or will be) reached; null when service ended short of them. */
  reachesOn(years: number): string | null;
}

/**
 * Years of rural service from its periods. One unbroken period counts as the calendar does (20 years from
 * 2006-09-01 are reached on 2026-09-01); broken ones add up their days, each N years being the fewest days N
 * calendar years can have.
 */
export function serviceYears(periods: readonly ServicePeriod[], today: string): ServiceYears {
  const now = dayNumber(today);
  const spans: [number, number][] = [];
  const sorted = periods
    .map((p) => [dayNumber(p.startsOn), Math.min(p.endsOn ? dayNumber(p.endsOn) : now, now)] as [number, number])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  for (const [s, e] of sorted) {
    const last = spans.at(-1);
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else spans.push([s, e]);
  }
  const days = spans.reduce((sum, [s, e]) => sum + (e - s), 0);
  const ongoing = periods.some((p) => dayNumber(p.startsOn) <= now && (!p.endsOn || dayNumber(p.endsOn) > now));
  const [only] = spans;
  if (spans.length === 1 && only) {
    const start = dayOf(only[0]);
    const end = dayOf(only[1]);
    return {
      days,
      ongoing,
      years: Math.max(0, wholeYears(start, end)),
      reachesOn: (n) => {
        const at = anniversary(start, n);
        return at <= end || ongoing ? at : null;
      },
    };
  }
  let years = 0;
  while (minDays(years + 1) <= days) years++;
  return {
    days,
    ongoing,
    years,
    reachesOn: (n) => {
      let need = minDays(n);
      for (const [s, e] of spans) {
        if (e - s >= need) return dayOf(s + need);
        need -= e - s;
      }
      return ongoing ? dayOf(now + need) : null;
    },
  };
}

// ---- the weekly log ----

// A week's Monday: shared with the web, which groups the log by week the same way.
export { mondayOf };

/** Mondays of the whole weeks in post before this one: from `from`'s week to the week before `today` or `until`. */
export function pastMondays(from: string, until: string, today: string): string[] {
  const out: string[] = [];
  const last = mondayOf(today < until ? today : until);
  for (let d = new Date(`${mondayOf(from)}T00:00:00Z`); ; d.setUTCDate(d.getUTCDate() + 7)) {
    const day = d.toISOString().slice(0, 10);
    if (day >= last) break;
    out.push(day);
  }
  return out;
}
