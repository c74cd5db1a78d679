// Creating bookings: rules first (pure), then inserts that the exclusion constraint guards. One date is one statement
// — the booking, its audit event and the approvers' notice written together (CTEs), atomic without a transaction —
// judged on a copy of the facility and its closed days kept for a minute, which the statement itself checks (it writes
// nothing when the facility, its school or that day has changed since; the facility is then read again). A series, or
// a booking against a quota, runs in a transaction on what it reads: each date of a series under a savepoint, so a
// clash is seen per date (`conflicts: 'all'` rolls the whole series back when any date clashes, `available` keeps the
// free dates); a quota under its lock. Nothing is ever half-written.
import { eq, getTableColumns, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { englishOf, type FieldProblem, problemDetails } from '../../../shared/problems';
import type { createBookingInput } from '../../../shared/schemas/bookings';
import { MAX_OCCURRENCES, type Occurrence } from '../../../shared/series';
import { iso } from '../../../shared/time';
import {
  auditEvents,
  bookingSeries,
  bookings,
  closures,
  facilities,
  memberships,
  notifications,
  orgs,
} from '../../db/schema';
import { audit, auditRow } from '../../lib/audit';
import type { RequestMeta } from '../../lib/context';
import { type Db, preparedPer, type Queryable, type Tx } from '../../lib/db';
import { AppError, retryTransient } from '../../lib/errors';
import { type Actor, canManageOrg, canSeeOrg } from '../../lib/policy';
import {
  canManageFacility,
  type FacilityRow,
  type FacilityToBook,
  facilityStamp,
  facilityToBook,
} from '../facilities/facilities.queries';
import { notify } from '../notifications/notifications.service';
import { Clashed, describeConflict } from './bookings.conflicts';
import { isOverlap, lockDays, lockQuota } from './bookings.locks';
import { bookingOut, hoursHeld } from './bookings.queries';
import { type Closure, closureOn, expandWeekly, problemsOf, termOf, toLocal } from './bookings.rules';

type Input = z.infer<typeof createBookingInput>;

/** The school a booking is for: the named one (a leader acting for it), or the booker's own school. */
export async function borrowerFor(
  db: Queryable,
  actor: Actor,
  facility: FacilityRow,
  forSchoolId?: string,
): Promise<{ id: string; name: string; onBehalf: boolean }> {
  const own = actor.memberships.filter((m) => m.orgKind === 'school');
  if (forSchoolId) {
    const mine = own.find((m) => m.orgId === forSchoolId);
    if (mine) return { id: forSchoolId, name: mine.orgName, onBehalf: false };
    const [school] = await db
      .select({ id: orgs.id, name: orgs.name, kind: orgs.kind, groupId: orgs.groupId, districtId: orgs.districtId })
      .from(orgs)
      .where(eq(orgs.id, forSchoolId));
    if (school?.kind !== 'school' || !canSeeOrg(actor, school))
      throw new AppError('validation_failed', 'No such school', {
        fields: { forSchoolId: ['not a school you can see'] },
      });
    if (!canManageOrg(actor, school))
      throw new AppError('forbidden', 'Only group or district leaders book on behalf of a school');
    return { id: school.id, name: school.name, onBehalf: true };
  }
  // A teacher of the owner school books for it; otherwise the first school they belong to.
  const pick = own.find((m) => m.orgId === facility.school.id) ?? own[0];
  if (!pick)
    throw new AppError('validation_failed', 'Choose the school this booking is for', {
      fields: { forSchoolId: ['required when you do not belong to a school'] },
    });
  return { id: pick.orgId, name: pick.orgName, onBehalf: false };
}

type Borrower = Awaited<ReturnType<typeof borrowerFor>>;
type Facility = FacilityToBook;
type Series = NonNullable<ReturnType<typeof expandWeekly>>;

/** What a request asks for: its dates (one, or a weekly series' — at most MAX_OCCURRENCES). */
function datesOf(input: Input): { series: Series | null; wanted: Occurrence[]; first: Occurrence; last: Occurrence } {
  const start = new Date(input.startsAt);
  const end = new Date(input.endsAt);
  const series = input.recurrence ? expandWeekly(start, end, input.recurrence) : null;
  const wanted = series ? series.occurrences : [{ startsAt: start, endsAt: end }];
  if (wanted.length > MAX_OCCURRENCES)
    throw new AppError(
      'validation_failed',
      `A series may have at most ${MAX_OCCURRENCES} dates`,
      problemDetails([{ field: 'recurrence', code: 'series_too_many', max: MAX_OCCURRENCES }]),
    );
  const first = wanted[0];
  const last = wanted[wanted.length - 1];
  if (!first || !last)
    throw new AppError(
      'validation_failed',
      'The repetition gives no dates',
      problemDetails([{ field: 'recurrence', code: 'series_empty' }]),
    );
  return { series, wanted, first, last };
}

/** The dates the rules allow: a series skips closed days; any other problem refuses the whole request. */
function allowedDates(wanted: Occurrence[], series: boolean, facility: Facility, input: Input) {
  const closures: Closure[] = facility.closures;
  const skipped: { startsAt: string; endsAt: string; reason: string }[] = [];
  const candidates: Occurrence[] = [];
  const problems: FieldProblem[] = [];
  for (const occ of wanted) {
    const closed = series ? closureOn(occ, closures) : undefined;
    if (closed) {
      skipped.push({ startsAt: iso(occ.startsAt), endsAt: iso(occ.endsAt), reason: closed.reason });
      continue;
    }
    const found = problemsOf(occ, facility.facility, { now: new Date(), attendees: input.attendees, closures });
    const startsAt = iso(occ.startsAt);
    if (found.length) problems.push(...found.map((p) => ({ ...p, field: 'startsAt', startsAt })));
    else candidates.push(occ);
  }
  if (problems.length) {
    const dates = new Set(problems.map((p) => p.startsAt)).size;
    const which = dates > 1 ? `${dates} of the dates` : 'this time';
    const first = problems.filter((p) => p.startsAt === problems[0]?.startsAt).map(englishOf);
    throw new AppError('validation_failed', `Cannot book ${which}: ${first.join('; ')}`, problemDetails(problems));
  }
  if (!candidates.length)
    throw new AppError('validation_failed', 'Every date of the series falls on a closed day', {
      ...problemDetails([{ field: 'recurrence', code: 'series_all_closed' }]),
      skipped,
    });
  return { candidates, skipped };
}

/** Everything a write needs, read and checked before it. */
interface Plan {
  actor: Actor;
  facility: Facility;
  input: Input;
  borrower: Borrower;
  status: 'pending' | 'approved';
  series: Series | null;
  candidates: Occurrence[];
  skipped: { startsAt: string; endsAt: string; reason: string }[];
  meta: RequestMeta;
}

/**
 * Books a facility once or weekly. One date is one statement, checked against a copy of the facility kept a minute
 * (the statement writes nothing if the facility, its school or its closed days have changed since, and the facility
 * is read again); a series (or a quota) reads the facility afresh and writes in one transaction. A deadlock or
 * serialization failure under load is retried; a clash is answered as 409 with what it clashes with and the nearest
 * free slots.
 */
export async function bookFacility(db: Db, actor: Actor, input: Input, meta: RequestMeta) {
  const { series, wanted } = datesOf(input);
  let read = await facilityFor(db, actor, input.facilityId, !series);
  for (let attempt = 1; ; attempt++) {
    const facility = read.row;
    let plan: Plan;
    try {
      plan = await planOf(db, actor, facility, input, meta, { series, wanted });
    } catch (err) {
      // A refusal is never made on a kept copy: the facility is read again and the request judged anew.
      if (!(err instanceof AppError) || !read.kept) throw err;
      read = await facilityFor(db, actor, input.facilityId, false);
      continue;
    }
    const { borrower, skipped } = plan;
    const quota = !!facility.facility.quotaHoursPerTerm && borrower.id !== facility.school.id;
    const once = !series && !quota && attempt <= 2;
    // A transaction decides on what it reads itself, never on a kept copy.
    if (!once && read.kept) {
      read = await facilityFor(db, actor, input.facilityId, false);
      continue;
    }
    const result = await retryTransient(() =>
      once ? bookOnce(db, plan) : db.transaction((tx) => bookInTransaction(tx, plan)),
    ).catch(async (err) => {
      throw err instanceof Clashed ? await describeConflict(db, actor, facility, err) : err;
    });
    if (!result) {
      // The facility changed since it was read: read it again and judge the request anew (twice at most, then the
      // write runs in a transaction on what it reads).
      read = await facilityFor(db, actor, input.facilityId, false);
      continue;
    }
    const out = result.created.map((b) =>
      bookingOut({
        b,
        facilityName: facility.facility.name,
        schoolId: facility.school.id,
        schoolName: facility.school.name,
        bookerName: actor.user.name,
        borrowerSchoolName: borrower.name,
      }),
    );
    return { bookings: out, skipped, clashed: result.clashed };
  }
}

/** What a request comes to on this reading of its facility, or the refusal (an AppError) that names why not. */
async function planOf(
  db: Db,
  actor: Actor,
  facility: Facility,
  input: Input,
  meta: RequestMeta,
  { series, wanted }: { series: Series | null; wanted: Occurrence[] },
): Promise<Plan> {
  if (facility.facility.retiredAt)
    throw new AppError('invalid_state', 'This facility is retired and takes no new bookings');
  const borrower = await borrowerFor(db, actor, facility, input.forSchoolId);
  const { candidates, skipped } = allowedDates(wanted, !!series, facility, input);
  const manager = canManageFacility(actor, facility);
  const status = facility.facility.approvalRequired && !manager ? 'pending' : 'approved';
  return { actor, facility, input, borrower, status, series, candidates, skipped, meta };
}

/** The facility a booking names (`kept`: a copy read within the minute will do); unseen, a validation problem. */
function facilityFor(db: Db, actor: Actor, id: string, kept: boolean) {
  return facilityToBook(db, actor, id, { kept }).catch((err) => {
    if (err instanceof AppError && err.code === 'not_found')
      throw new AppError('validation_failed', 'No such facility, or it is not visible to you', {
        fields: { facilityId: ['not found'] },
      });
    throw err;
  });
}

/** A booking's row as inserted. */
function valuesOf(p: Plan, occ: Occurrence, seriesId: string | null): typeof bookings.$inferInsert {
  return {
    facilityId: p.facility.facility.id,
    seriesId,
    status: p.status,
    bookerId: p.actor.user.id,
    borrowerSchoolId: p.borrower.id,
    onBehalf: p.borrower.onBehalf,
    purpose: p.input.purpose,
    attendees: p.input.attendees ?? null,
    startsAt: occ.startsAt,
    endsAt: occ.endsAt,
    ...(p.status === 'approved' ? { decidedAt: new Date() } : {}),
  };
}

/** The activity log's entry of a new booking. */
function auditEntryOf(p: Plan, row: { status: string; startsAt: Date; endsAt: Date; purpose: string }) {
  return {
    action: 'booking.create',
    entityType: 'booking',
    orgId: p.facility.school.id,
    onBehalfOfOrgId: p.borrower.onBehalf ? p.borrower.id : null,
    after: {
      facility: p.facility.facility.name,
      status: row.status,
      startsAt: iso(row.startsAt),
      endsAt: iso(row.endsAt),
      purpose: row.purpose,
    },
  };
}

/** What approvers are told of a pending booking. */
function noticeDataOf(p: Plan, count: number, startsAt: Date) {
  return { facility: p.facility.facility.name, count, startsAt: iso(startsAt), booker: p.actor.user.name };
}

/** The approvers told of a pending booking (never the booker, who may be one), and what they are told. */
function noticeOf(p: Plan, count: number, startsAt: Date) {
  if (p.status !== 'pending') return null;
  const to = [...new Set(p.facility.approverIds)].filter((id) => id !== p.actor.user.id);
  return to.length ? { to, data: noticeDataOf(p, count, startsAt) } : null;
}

/**
 * One date, one statement: the booking, its audit event and the approvers' notice as CTEs — all written or none,
 * without a transaction's extra round trips. The booking is written only if the facility and its school are as read
 * (their stamp) and the day is not closed; otherwise nothing is, and the answer is null. The exclusion constraint
 * judges the clash (23P01) as ever.
 */
async function bookOnce(db: Db, p: Plan) {
  const [occ] = p.candidates;
  if (!occ) throw new Error('a single booking without its date');
  const query = bookOnceQuery(db);
  const v = valuesOf(p, occ, null);
  const entry = auditRow(
    p.actor,
    p.meta,
    auditEntryOf(p, { status: p.status, startsAt: occ.startsAt, endsAt: occ.endsAt, purpose: v.purpose }),
  );
  try {
    const created = await query.execute({
      facilityId: v.facilityId,
      schoolId: p.facility.school.id,
      stamp: p.facility.stamp,
      day: toLocal(occ.startsAt).date,
      status: v.status,
      bookerId: v.bookerId,
      borrowerSchoolId: v.borrowerSchoolId,
      onBehalf: v.onBehalf,
      purpose: v.purpose,
      attendees: v.attendees,
      startsAt: occ.startsAt.toISOString(),
      endsAt: occ.endsAt.toISOString(),
      decidedAt: v.decidedAt ? v.decidedAt.toISOString() : null,
      orgId: entry.orgId,
      onBehalfOfOrgId: entry.onBehalfOfOrgId,
      after: JSON.stringify(entry.after),
      requestId: entry.requestId,
      noticeData: JSON.stringify(noticeDataOf(p, 1, occ.startsAt)),
    });
    return created.length ? { created, clashed: [] } : null;
  } catch (err) {
    if (isOverlap(err)) throw new Clashed(p.candidates, false, 1, p.skipped);
    throw err;
  }
}

/**
 * bookOnce's statement, built once per database and prepared on each connection: every value is a parameter. The
 * approvers of a pending booking are its school's admins as they are when it is written (never the booker).
 */
const bookOnceQuery = preparedPer((db: Db) => {
  const param = (name: string) => sql.placeholder(name);
  const facilityId = sql`${param('facilityId')}::uuid`;
  const schoolId = sql`${param('schoolId')}::uuid`;
  const day = sql`${param('day')}::date`;
  const b = db.$with('b', getTableColumns(bookings)).as(
    sql`INSERT INTO ${bookings} (facility_id, status, booker_id, borrower_school_id, on_behalf, purpose, attendees,
        starts_at, ends_at, decided_at)
      SELECT ${facilityId}, ${param('status')}::booking_status, ${param('bookerId')}::uuid,
        ${param('borrowerSchoolId')}::uuid, ${param('onBehalf')}::boolean, ${param('purpose')}::text,
        ${param('attendees')}::integer, ${param('startsAt')}::timestamptz, ${param('endsAt')}::timestamptz,
        ${param('decidedAt')}::timestamptz
      WHERE EXISTS (SELECT FROM ${facilities} JOIN ${orgs} ON ${orgs.id} = ${facilities.schoolId}
          WHERE ${facilities.id} = ${facilityId} AND ${facilityStamp} = ${param('stamp')}::text)
        AND NOT EXISTS (SELECT FROM ${closures} WHERE ${closures.schoolId} = ${schoolId}
          AND (${closures.facilityId} IS NULL OR ${closures.facilityId} = ${facilityId})
          AND ${closures.startsOn} <= ${day} AND ${closures.endsOn} >= ${day})
      RETURNING *`,
  );
  const logged = db.$with('a', { id: auditEvents.id }).as(
    sql`INSERT INTO ${auditEvents} (actor_id, org_id, on_behalf_of_org_id, action, entity_type, entity_id, after,
        request_id)
      SELECT b.booker_id, ${param('orgId')}::uuid, ${param('onBehalfOfOrgId')}::uuid, 'booking.create', 'booking',
        b.id::text, ${param('after')}::jsonb, ${param('requestId')}::text
      FROM b RETURNING id`,
  );
  const told = db.$with('n', { id: notifications.id }).as(
    sql`INSERT INTO ${notifications} (user_id, kind, data, booking_id)
      SELECT DISTINCT ${memberships.userId}, 'booking.pending', ${param('noticeData')}::jsonb, b.id
      FROM b JOIN ${memberships} ON ${memberships.orgId} = ${schoolId} AND ${memberships.role} = 'school_admin'
      WHERE b.status = 'pending' AND ${memberships.userId} <> b.booker_id RETURNING id`,
  );
  return db.with(b, logged, told).select().from(b).prepare('book_once');
});

async function bookInTransaction(tx: Tx, p: Plan) {
  const { facility, candidates, series } = p;
  // 1. Quota: serialised per (facility, borrowing school) so two requests cannot both squeeze under it.
  const quota = facility.facility.quotaHoursPerTerm;
  if (quota && p.borrower.id !== facility.school.id) {
    await lockQuota(tx, facility.facility.id, p.borrower.id);
    const byTerm = new Map<string, { term: ReturnType<typeof termOf>; hours: number }>();
    for (const o of candidates) {
      const term = termOf(o.startsAt);
      const entry = byTerm.get(term.name) ?? { term, hours: 0 };
      entry.hours += (o.endsAt.getTime() - o.startsAt.getTime()) / 3600_000;
      byTerm.set(term.name, entry);
    }
    for (const { term, hours } of byTerm.values()) {
      const held = await hoursHeld(tx, facility.facility.id, p.borrower.id, term.start, term.end);
      if (held + hours > quota + 1e-9) {
        throw new AppError(
          'validation_failed',
          `This would use ${held + hours} of your school's ${quota} hours this term`,
          {
            ...problemDetails([{ field: 'startsAt', code: 'quota_exceeded', quota, held, requested: hours }]),
            quota: { hours: quota, held, requested: hours },
          },
        );
      }
    }
  }

  // 2. Inserts. The exclusion constraint decides every clash, however many requests race. Two series inserting
  // overlapping rows could each wait for the other's uncommitted row (a deadlock PostgreSQL resolves only after
  // deadlock_timeout); a transaction lock per facility and day, taken in order, queues them instead. One date
  // holds one row and waits on no one: it needs no lock.
  if (series) await lockDays(tx, facility.facility.id, candidates);
  const [seriesRow] = series
    ? await tx
        .insert(bookingSeries)
        .values({ facilityId: facility.facility.id, rule: series.rule, createdBy: p.actor.user.id })
        .returning({ id: bookingSeries.id })
    : [undefined];
  const created: (typeof bookings.$inferSelect)[] = [];
  const clashes: Occurrence[] = [];
  if (!series) {
    // One date: a plain INSERT. A clash (23P01) aborts the transaction and is described by the caller.
    try {
      created.push(
        ...(await tx
          .insert(bookings)
          .values(candidates.map((o) => valuesOf(p, o, null)))
          .returning()),
      );
    } catch (err) {
      if (isOverlap(err)) throw new Clashed(candidates, false, 1, p.skipped);
      throw err;
    }
  } else {
    // A series: each date under a savepoint, so one clash does not abort the others.
    for (const occ of candidates) {
      try {
        created.push(
          ...(await tx.transaction((sp) =>
            sp
              .insert(bookings)
              .values(valuesOf(p, occ, seriesRow?.id ?? null))
              .returning(),
          )),
        );
      } catch (err) {
        if (!isOverlap(err)) throw err;
        clashes.push(occ);
      }
    }
    if (clashes.length && (p.input.conflicts === 'all' || !created.length))
      throw new Clashed(clashes, true, candidates.length, p.skipped);
  }

  for (const row of created) await audit(tx, p.actor, p.meta, { ...auditEntryOf(p, row), entityId: row.id });
  const firstCreated = created[0];
  const notice = firstCreated ? noticeOf(p, created.length, firstCreated.startsAt) : null;
  if (notice && firstCreated) await notify(tx, notice.to, 'booking.pending', notice.data, firstCreated.id);
  return { created, clashed: clashes.map((o) => ({ startsAt: iso(o.startsAt), endsAt: iso(o.endsAt) })) };
}
