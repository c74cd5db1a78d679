// Creating bookings: rules first (pure), then inserts that the exclusion constraint guards. Each date of a series is
// inserted under a savepoint, so a clash is seen per date; `conflicts: 'all'` rolls the whole series back when any
// date clashes, `available` keeps the free dates. The audit events and the approvers' notice are written in the
// same transaction; nothing is ever half-written.
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { englishOf, type FieldProblem, problemDetails } from '../../../shared/problems';
import type { createBookingInput } from '../../../shared/schemas/bookings';
import { MAX_OCCURRENCES, type Occurrence } from '../../../shared/series';
import { iso } from '../../../shared/time';
import { bookingSeries, bookings, orgs } from '../../db/schema';
import { audit } from '../../lib/audit';
import type { RequestMeta } from '../../lib/context';
import type { Db, Tx } from '../../lib/db';
import { AppError, retryTransient } from '../../lib/errors';
import { type Actor, canManageOrg, canSeeOrg } from '../../lib/policy';
import { canManageFacility, closuresFor, type FacilityRow } from '../facilities/facilities.queries';
import { notify } from '../notifications/notifications.service';
import { Clashed, describeConflict } from './bookings.conflicts';
import { isOverlap, lockDays, lockQuota } from './bookings.locks';
import { approverIds, bookingOut, hoursHeld } from './bookings.queries';
import { closureOn, expandWeekly, problemsOf, termOf, toLocal } from './bookings.rules';

type Input = z.infer<typeof createBookingInput>;

/** The school a booking is for: the named one (a leader acting for it), or the booker's own school. */
export async function borrowerFor(
  tx: Tx,
  actor: Actor,
  facility: FacilityRow,
  forSchoolId?: string,
): Promise<{ id: string; name: string; onBehalf: boolean }> {
  const own = actor.memberships.filter((m) => m.orgKind === 'school');
  if (forSchoolId) {
    const mine = own.find((m) => m.orgId === forSchoolId);
    if (mine) return { id: forSchoolId, name: mine.orgName, onBehalf: false };
    const [school] = await tx
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

export interface BookFacilityParams {
  /** The facility, as the caller's gate (bookableFacility) returned it. */
  facility: FacilityRow;
  input: Input;
}

/**
 * Books a facility once or weekly. A deadlock or serialization failure under load is retried; a clash is answered
 * as 409 with what it clashes with and the nearest free slots. Everything the answer names is already at hand.
 */
export async function bookFacility(db: Db, actor: Actor, params: BookFacilityParams, meta: RequestMeta) {
  const { facility, input } = params;
  const result = await retryTransient(() =>
    db.transaction((tx) => createBookings(tx, actor, facility, input, meta)),
  ).catch(async (err) => {
    throw err instanceof Clashed ? await describeConflict(db, actor, facility, err) : err;
  });
  const out = result.created.map((b) =>
    bookingOut({
      b,
      facilityName: facility.facility.name,
      schoolId: facility.school.id,
      schoolName: facility.school.name,
      bookerName: actor.user.name,
      borrowerSchoolName: result.borrower.name,
    }),
  );
  return { bookings: out, skipped: result.skipped, clashed: result.clashed };
}

async function createBookings(tx: Tx, actor: Actor, facility: FacilityRow, input: Input, meta: RequestMeta) {
  if (facility.facility.retiredAt)
    throw new AppError('invalid_state', 'This facility is retired and takes no new bookings');
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
  const closures = await closuresFor(
    tx,
    { facilityId: facility.facility.id, schoolId: facility.school.id },
    toLocal(first.startsAt).date,
    toLocal(last.endsAt).date,
  );
  const manager = canManageFacility(actor, facility);
  const borrower = await borrowerFor(tx, actor, facility, input.forSchoolId);

  // 1. Rules, per date. A series skips closed days; any other problem refuses the request.
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

  // 2. Quota: serialised per (facility, borrowing school) so two requests cannot both squeeze under it.
  const quota = facility.facility.quotaHoursPerTerm;
  if (quota && borrower.id !== facility.school.id) {
    await lockQuota(tx, facility.facility.id, borrower.id);
    const byTerm = new Map<string, { term: ReturnType<typeof termOf>; hours: number }>();
    for (const o of candidates) {
      const term = termOf(o.startsAt);
      const entry = byTerm.get(term.name) ?? { term, hours: 0 };
      entry.hours += (o.endsAt.getTime() - o.startsAt.getTime()) / 3600_000;
      byTerm.set(term.name, entry);
    }
    for (const { term, hours } of byTerm.values()) {
      const held = await hoursHeld(tx, facility.facility.id, borrower.id, term.start, term.end);
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

  // 3. Inserts. The exclusion constraint decides every clash, however many requests race. Two transactions
  // inserting overlapping rows would each wait for the other's uncommitted row (a deadlock PostgreSQL resolves
  // only after deadlock_timeout); a transaction lock per facility and day, taken in order, queues them instead.
  await lockDays(tx, facility.facility.id, candidates);
  const status = facility.facility.approvalRequired && !manager ? 'pending' : 'approved';
  const [seriesRow] = series
    ? await tx
        .insert(bookingSeries)
        .values({ facilityId: facility.facility.id, rule: series.rule, createdBy: actor.user.id })
        .returning({ id: bookingSeries.id })
    : [undefined];
  const values = (occ: Occurrence): typeof bookings.$inferInsert => ({
    facilityId: facility.facility.id,
    seriesId: seriesRow?.id ?? null,
    status,
    bookerId: actor.user.id,
    borrowerSchoolId: borrower.id,
    onBehalf: borrower.onBehalf,
    purpose: input.purpose,
    attendees: input.attendees ?? null,
    startsAt: occ.startsAt,
    endsAt: occ.endsAt,
    ...(status === 'approved' ? { decidedAt: new Date() } : {}),
  });
  const created: (typeof bookings.$inferSelect)[] = [];
  const clashes: Occurrence[] = [];
  if (!series) {
    // One date: a plain INSERT. A clash (23P01) aborts the transaction and is described by the caller.
    try {
      created.push(...(await tx.insert(bookings).values(candidates.map(values)).returning()));
    } catch (err) {
      if (isOverlap(err)) throw new Clashed(candidates, false, 1, skipped);
      throw err;
    }
  } else {
    // A series: each date under a savepoint, so one clash does not abort the others.
    for (const occ of candidates) {
      try {
        created.push(...(await tx.transaction((sp) => sp.insert(bookings).values(values(occ)).returning())));
      } catch (err) {
        if (!isOverlap(err)) throw err;
        clashes.push(occ);
      }
    }
    if (clashes.length && (input.conflicts === 'all' || !created.length))
      throw new Clashed(clashes, true, candidates.length, skipped);
  }

  for (const row of created) {
    await audit(tx, actor, meta, {
      action: 'booking.create',
      entityType: 'booking',
      entityId: row.id,
      orgId: facility.school.id,
      onBehalfOfOrgId: borrower.onBehalf ? borrower.id : null,
      after: {
        facility: facility.facility.name,
        status: row.status,
        startsAt: iso(row.startsAt),
        endsAt: iso(row.endsAt),
        purpose: row.purpose,
      },
    });
  }
  const firstCreated = created[0];
  if (status === 'pending' && firstCreated) {
    const approvers = (await approverIds(tx, facility.school.id)).filter((id) => id !== actor.user.id);
    const data = {
      facility: facility.facility.name,
      count: created.length,
      startsAt: iso(firstCreated.startsAt),
      booker: actor.user.name,
    };
    await notify(tx, approvers, 'booking.pending', data, firstCreated.id);
  }
  return {
    created,
    borrower,
    clashed: clashes.map((o) => ({ startsAt: iso(o.startsAt), endsAt: iso(o.endsAt) })),
    skipped,
  };
}
