// The writes of bookings. Creating: rules first (pure), then inserts that the exclusion constraint guards; each
// date of a series is inserted under a savepoint, so a clash is seen per date; `conflicts: 'all'` rolls the whole
// series back when any date clashes, `available` keeps the free dates. Deciding and cancelling: one guarded
// UPDATE. Every change writes its audit event and notices in the same transaction; nothing is half-written.
import { and, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Booking, createBookingInput } from '../../../shared/schemas/bookings';
import { MAX_OCCURRENCES, type Occurrence } from '../../../shared/series';
import { iso } from '../../../shared/time';
import { bookingSeries, bookings, orgs } from '../../db/schema';
import { audit } from '../../lib/audit';
import type { RequestMeta } from '../../lib/context';
import type { Db, Queryable, Tx } from '../../lib/db';
import { AppError, forbidden, notFound, retryTransient, sqlConstraint, sqlState } from '../../lib/errors';
import { type Actor, canManageOrg, canSeeOrg } from '../../lib/policy';
import { canManageFacility, closuresFor, type FacilityRow, getVisibleFacility } from '../facilities/facilities.queries';
import { notify } from '../notifications/notifications.service';
import {
  activeOverlapping,
  approverIds,
  bookingOut,
  getReadableBooking,
  hoursHeld,
  selectBookings,
} from './bookings.queries';
import {
  allowedFrom,
  type BookingAction,
  closureOn,
  expandWeekly,
  openIntervals,
  type Problem,
  problemsOf,
  resultOf,
  termOf,
  toLocal,
} from './bookings.rules';

type Input = z.infer<typeof createBookingInput>;

export const isOverlap = (err: unknown) =>
  sqlState(err) === '23P01' && (sqlConstraint(err) ?? 'bookings_no_overlap') === 'bookings_no_overlap';

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

/**
 * Thrown out of the booking transaction when dates clash. A single booking's INSERT aborts the transaction,
 * so what it clashes with is described afterwards, on a fresh connection (describeConflict).
 */
export class Clashed extends Error {
  constructor(
    readonly occurrences: Occurrence[],
    readonly series: boolean,
    readonly candidates: number,
    readonly skipped: { startsAt: string; endsAt: string; reason: string }[],
  ) {
    super('booking clash');
  }
}

export interface Clash {
  startsAt: string;
  endsAt: string;
  /** What is already there. Details only for what the caller may read. */
  with: { startsAt: string; endsAt: string; status: string; purpose?: string }[];
}

export function problemText(p: Problem): string {
  switch (p.code) {
    case 'in_past':
      return 'the time has passed';
    case 'too_short_notice':
      return `must be booked at least ${p.hours} h ahead`;
    case 'too_far_ahead':
      return `can be booked at most ${p.days} days ahead`;
    case 'too_long':
      return `at most ${p.minutes} minutes at a time`;
    case 'outside_opening_hours':
      return 'outside the opening hours';
    case 'closed':
      return `closed: ${p.reason}`;
    case 'over_capacity':
      return `more people than its capacity of ${p.capacity}`;
  }
}

/** Free slots of the same length nearest to the wanted one, within its day and the next two. */
export async function nearestFree(
  tx: Queryable,
  facility: FacilityRow,
  wanted: Occurrence,
  closures: Awaited<ReturnType<typeof closuresFor>>,
  limit = 3,
) {
  const duration = wanted.endsAt.getTime() - wanted.startsAt.getTime();
  const from = new Date(wanted.startsAt.getTime() - 12 * 3600_000);
  const to = new Date(wanted.startsAt.getTime() + 3 * 24 * 3600_000);
  const busy = await activeOverlapping(tx, facility.facility.id, from, to);
  const now = Date.now();
  const candidates: Occurrence[] = [];
  for (const open of openIntervals(facility.facility.openingHours, closures, from, to)) {
    // Half-hour steps within each open interval, skipping anything that touches a busy row.
    for (let s = open.startsAt.getTime(); s + duration <= open.endsAt.getTime(); s += 30 * 60_000) {
      if (s < now) continue;
      const e = s + duration;
      if (busy.some((b) => b.startsAt.getTime() < e && b.endsAt.getTime() > s)) continue;
      candidates.push({ startsAt: new Date(s), endsAt: new Date(e) });
    }
  }
  return candidates
    .sort(
      (a, b) =>
        Math.abs(a.startsAt.getTime() - wanted.startsAt.getTime()) -
        Math.abs(b.startsAt.getTime() - wanted.startsAt.getTime()),
    )
    .slice(0, limit)
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
    .map((o) => ({ startsAt: iso(o.startsAt), endsAt: iso(o.endsAt) }));
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
    throw new AppError('validation_failed', `A series may have at most ${MAX_OCCURRENCES} dates`, {
      fields: { recurrence: ['too many dates'] },
    });

  const first = wanted[0];
  const last = wanted[wanted.length - 1];
  if (!first || !last)
    throw new AppError('validation_failed', 'The repetition gives no dates', {
      fields: { recurrence: ['no dates between the start and the end'] },
    });
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
  const problems: { startsAt: string; problems: string[] }[] = [];
  for (const occ of wanted) {
    const closed = series ? closureOn(occ, closures) : undefined;
    if (closed) {
      skipped.push({ startsAt: iso(occ.startsAt), endsAt: iso(occ.endsAt), reason: closed.reason });
      continue;
    }
    const found = problemsOf(occ, facility.facility, { now: new Date(), attendees: input.attendees, closures });
    if (found.length) problems.push({ startsAt: iso(occ.startsAt), problems: found.map(problemText) });
    else candidates.push(occ);
  }
  const firstProblem = problems[0];
  if (firstProblem) {
    const which = problems.length > 1 ? `${problems.length} of the dates` : 'this time';
    throw new AppError('validation_failed', `Cannot book ${which}: ${firstProblem.problems.join('; ')}`, {
      fields: { startsAt: firstProblem.problems },
      problems,
    });
  }
  if (!candidates.length)
    throw new AppError('validation_failed', 'Every date of the series falls on a closed day', {
      fields: { recurrence: ['all dates closed'] },
      skipped,
    });

  // 2. Quota: serialised per (facility, borrowing school) so two requests cannot both squeeze under it.
  const quota = facility.facility.quotaHoursPerTerm;
  if (quota && borrower.id !== facility.school.id) {
    await tx.execute(sqlLock(`${facility.facility.id}:${borrower.id}`));
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
            fields: { startsAt: [`quota of ${quota} h per term exceeded (${held} h already held)`] },
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

/** The 409 for a clash: what each date clashes with (details only where the caller may read them) and free slots. */
async function describeConflict(db: Queryable, actor: Actor, facility: FacilityRow, clash: Clashed): Promise<AppError> {
  const manager = canManageFacility(actor, facility);
  const details = await describeClashes(db, actor, facility, clash.occurrences, manager);
  let suggestions: { startsAt: string; endsAt: string }[] = [];
  const first = clash.occurrences[0];
  if (!clash.series && first) {
    const closures = await closuresFor(
      db,
      { facilityId: facility.facility.id, schoolId: facility.school.id },
      toLocal(first.startsAt).date,
      toLocal(new Date(first.startsAt.getTime() + 3 * 86400_000)).date,
    );
    suggestions = await nearestFree(db, facility, first, closures);
  }
  return new AppError(
    'booking_conflict',
    clash.series
      ? `${clash.occurrences.length} of ${clash.candidates} dates clash with existing bookings`
      : 'This time clashes with an existing booking',
    { conflicts: details, suggestions, skipped: clash.skipped },
  );
}

async function describeClashes(
  tx: Queryable,
  actor: Actor,
  facility: FacilityRow,
  clashes: Occurrence[],
  manager: boolean,
): Promise<Clash[]> {
  const out: Clash[] = [];
  for (const occ of clashes) {
    const rows = await activeOverlapping(tx, facility.facility.id, occ.startsAt, occ.endsAt);
    out.push({
      startsAt: iso(occ.startsAt),
      endsAt: iso(occ.endsAt),
      with: rows.map((r) => ({
        startsAt: iso(r.startsAt),
        endsAt: iso(r.endsAt),
        status: r.kind === 'block' ? 'blocked' : r.status,
        // Another school's purpose is its own business; the owner's admins and the booker see it.
        ...(manager || r.bookerId === actor.user.id || r.kind === 'block' ? { purpose: r.purpose } : {}),
      })),
    });
  }
  return out;
}

/** Locks (facility, Beijing day) for every day the occurrences touch, in sorted order so two series never deadlock. */
export async function lockDays(tx: Tx, facilityId: string, occurrences: Occurrence[]) {
  const days = new Set<string>();
  for (const o of occurrences) {
    for (let t = o.startsAt.getTime(); t < o.endsAt.getTime(); t += 86400_000) days.add(toLocal(new Date(t)).date);
    days.add(toLocal(new Date(o.endsAt.getTime() - 1)).date);
  }
  for (const day of [...days].sort()) await tx.execute(sqlLock(`${facilityId}:${day}`));
}

/** A transaction-scoped advisory lock keyed by text (hashtext → int4). */
function sqlLock(key: string) {
  return sql`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
}

export interface DecideParams {
  bookingId: string;
  action: BookingAction;
  reason?: string;
}

/**
 * One guarded state change: `UPDATE … WHERE status IN (allowed)`; a double click or a race applies once. The
 * booker hears of a decision on their booking; the approvers hear when the booker cancels an approved one.
 */
export async function decide(db: Db, actor: Actor, params: DecideParams, meta: RequestMeta): Promise<Booking> {
  const { bookingId, action, reason } = params;
  return db.transaction(async (tx) => {
    const current = await getReadableBooking(tx, actor, bookingId);
    if (!current) throw notFound('booking');
    const facility = await getVisibleFacility(tx, actor, current.b.facilityId).catch(() => null);
    const manager = facility ? canManageFacility(actor, facility) : false;
    if (action !== 'cancel' && !manager) throw forbidden('Only the facility’s managers approve or decline');
    if (action === 'cancel' && !manager && current.b.bookerId !== actor.user.id)
      throw forbidden('Only the booker or the facility’s managers cancel');
    if (current.b.kind === 'block' && action !== 'cancel')
      throw new AppError('invalid_state', 'A block-out is not approved or declined; cancel it instead');
    const now = new Date();
    const change =
      action === 'cancel'
        ? { cancelledBy: actor.user.id, cancelledAt: now, cancelReason: reason ?? null }
        : { decidedBy: actor.user.id, decidedAt: now, decisionReason: reason ?? null };
    const [updated] = await tx
      .update(bookings)
      .set({ status: resultOf[action], updatedAt: now, ...change })
      .where(and(eq(bookings.id, bookingId), inArray(bookings.status, [...allowedFrom[action]])))
      .returning({ id: bookings.id });
    if (!updated) {
      throw new AppError('invalid_state', `This booking is ${current.b.status}; it cannot be ${resultOf[action]} now`, {
        status: current.b.status,
      });
    }
    await audit(tx, actor, meta, {
      action: `booking.${action}`,
      entityType: 'booking',
      entityId: bookingId,
      orgId: current.schoolId,
      before: { status: current.b.status },
      after: { status: resultOf[action], reason: reason ?? null },
    });
    const data = {
      facility: current.facilityName,
      startsAt: iso(current.b.startsAt),
      reason: reason ?? null,
      by: actor.user.name,
    };
    if (current.b.bookerId !== actor.user.id)
      await notify(tx, [current.b.bookerId], `booking.${resultOf[action]}`, data, bookingId);
    else if (action === 'cancel' && current.b.status === 'approved')
      await notify(tx, await approverIds(tx, current.schoolId), 'booking.cancelled', data, bookingId);
    const [row] = await selectBookings(tx).where(eq(bookings.id, bookingId));
    if (!row) throw notFound('booking');
    return bookingOut(row);
  });
}

export interface BulkDecideParams {
  action: 'approve' | 'decline';
  ids: string[];
  reason?: string;
}

export type BulkResult =
  | { id: string; ok: true; booking: Booking }
  | { id: string; ok: false; error: { code: string; message: string } };

/** Several decisions, each on its own: one refused booking does not stop the others. */
export async function bulkDecide(
  db: Db,
  actor: Actor,
  params: BulkDecideParams,
  meta: RequestMeta,
): Promise<BulkResult[]> {
  const results: BulkResult[] = [];
  for (const bookingId of new Set(params.ids)) {
    try {
      const booking = await decide(db, actor, { bookingId, action: params.action, reason: params.reason }, meta);
      results.push({ id: bookingId, ok: true, booking });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      results.push({ id: bookingId, ok: false, error: { code: err.code, message: err.message } });
    }
  }
  return results;
}

export interface BlockTimeParams {
  /** The facility, as the caller's gate (managedFacility) returned it. */
  facility: FacilityRow;
  startsAt: string;
  endsAt: string;
  reason: string;
}

/**
 * Blocks time out (maintenance, exams): pending bookings that clash are declined with a notice to their bookers;
 * approved ones hold their time, and the block is refused with what they are (409).
 */
export async function blockTime(
  db: Db,
  actor: Actor,
  params: BlockTimeParams,
  meta: RequestMeta,
): Promise<{ booking: Booking; declined: Booking[] }> {
  const { facility, startsAt, endsAt, reason } = params;
  const from = new Date(startsAt);
  const to = new Date(endsAt);
  const result = await db.transaction(async (tx) => {
    await lockDays(tx, facility.facility.id, [{ startsAt: from, endsAt: to }]);
    const pending = await tx
      .update(bookings)
      .set({
        status: 'declined',
        decidedBy: actor.user.id,
        decidedAt: new Date(),
        decisionReason: reason,
        updatedAt: new Date(),
      })
      .where(
        and(
          eq(bookings.facilityId, facility.facility.id),
          eq(bookings.status, 'pending'),
          lt(bookings.startsAt, to),
          gt(bookings.endsAt, from),
        ),
      )
      .returning();
    const block = await insertBlock(tx, actor, facility, { from, to, reason }).catch(async (err) => {
      if (!isOverlap(err)) throw err;
      const approved = await activeOverlapping(tx, facility.facility.id, from, to);
      throw new AppError('booking_conflict', 'Approved bookings hold part of this time; cancel them first', {
        conflicts: [
          {
            startsAt,
            endsAt,
            with: approved.map((r) => ({
              startsAt: iso(r.startsAt),
              endsAt: iso(r.endsAt),
              status: r.kind === 'block' ? 'blocked' : r.status,
              purpose: r.purpose,
            })),
          },
        ],
      });
    });
    for (const p of pending) {
      const data = { facility: facility.facility.name, startsAt: iso(p.startsAt), reason, by: actor.user.name };
      await notify(tx, [p.bookerId], 'booking.declined', data, p.id);
      await audit(tx, actor, meta, {
        action: 'booking.decline',
        entityType: 'booking',
        entityId: p.id,
        orgId: facility.school.id,
        before: { status: 'pending' },
        after: { status: 'declined', reason },
      });
    }
    await audit(tx, actor, meta, {
      action: 'facility.block',
      entityType: 'booking',
      entityId: block.id,
      orgId: facility.school.id,
      after: { facility: facility.facility.name, startsAt, endsAt, reason },
    });
    return { blockId: block.id, declinedIds: pending.map((p) => p.id) };
  });
  const rows = await selectBookings(db).where(inArray(bookings.id, [result.blockId, ...result.declinedIds]));
  const byId = new Map(rows.map((r) => [r.b.id, bookingOut(r)]));
  const booking = byId.get(result.blockId);
  if (!booking) throw notFound('booking');
  return { booking, declined: result.declinedIds.flatMap((i) => byId.get(i) ?? []) };
}

/** The block's row, under a savepoint: an overlap with an approved booking leaves the transaction usable. */
async function insertBlock(
  tx: Tx,
  actor: Actor,
  facility: FacilityRow,
  block: { from: Date; to: Date; reason: string },
) {
  const [row] = await tx.transaction((sp) =>
    sp
      .insert(bookings)
      .values({
        facilityId: facility.facility.id,
        kind: 'block',
        status: 'approved',
        bookerId: actor.user.id,
        borrowerSchoolId: facility.school.id,
        purpose: block.reason,
        startsAt: block.from,
        endsAt: block.to,
        decidedBy: actor.user.id,
        decidedAt: new Date(),
      })
      .returning({ id: bookings.id }),
  );
  if (!row) throw new Error('INSERT … RETURNING gave no row');
  return row;
}
