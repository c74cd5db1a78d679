// While in post: the teacher's weekly log (a live lesson logged from the platform's own records), the host school's
// confirmations and reviews (the final one completes the placement and tells the home school), and the mentor.
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { MENTOR_ROLES } from '../../../shared/exchanges';
import type { LessonLogInput, LogEntry, LogInput, Placement } from '../../../shared/schemas/exchanges';
import { toLocal } from '../../../shared/time';
import { exchangeLogs, exchangePlacements, exchangeReviews, memberships } from '../../db/schema';
import { audit } from '../../lib/audit';
import type { RequestMeta } from '../../lib/context';
import type { Db, Queryable } from '../../lib/db';
import { AppError, forbidden, notFound, sqlConstraint, sqlState } from '../../lib/errors';
import type { Actor } from '../../lib/policy';
import { notify } from '../notifications/notifications.service';
import { getVisibleResource } from '../resources/resources.queries';
import { approverIdsFor } from './exchanges.queries';
import {
  confirmsFor,
  getReadablePlacement,
  hostsPlacement,
  lessonOffers,
  logsOf,
  type PlacementRow,
  placementFor,
} from './placements.queries';

const badField = (field: 'on' | 'hours', message: string) =>
  new AppError('validation_failed', message, {
    fields: { [field]: [message] },
    problems: [{ field, code: 'invalid' }],
  });
const badDay = (message: string) => badField('on', message);

/** A day's entries together hold at most a day: the hours the group's figures and reports add up stay true. */
const MAX_HOURS_A_DAY = 24;

/**
 * The placement's row locked until the transaction ends: a log entry, a confirmation and a review of one placement are
 * taken one at a time, each reading the status and the day's hours the one before left (an entry cannot land in a
 * placement completed meanwhile, nor two entries together pass a day's limit).
 */
async function lockPlacement(tx: Queryable, id: string) {
  await tx
    .select({ id: exchangePlacements.id })
    .from(exchangePlacements)
    .where(eq(exchangePlacements.id, id))
    .for('update');
}

/** The teacher in post neither confirms their own log nor reviews their own placement, even as the host's admin. */
const notOwn = (actor: Actor, row: PlacementRow, what: string) => {
  if (row.pl.teacherId === actor.user.id) throw forbidden(`The teacher in post does not ${what} their own placement`);
};

export interface AddLogParams {
  placementId: string;
  input: LogInput | LessonLogInput;
}

/** The teacher logs a day in post; a live lesson is logged from the lesson itself (its day and hours). */
export async function addLog(db: Db, actor: Actor, params: AddLogParams, meta: RequestMeta): Promise<LogEntry> {
  const { input } = params;
  return db.transaction(async (tx) => {
    await lockPlacement(tx, params.placementId);
    const row = await getReadablePlacement(tx, actor, params.placementId);
    if (row.pl.teacherId !== actor.user.id) throw forbidden('Only the teacher in post keeps this log');
    if (row.pl.status !== 'active') throw new AppError('invalid_state', 'The placement is over; its log is closed');
    const values = 'lessonId' in input ? await fromLesson(tx, row, input) : await typed(tx, actor, row, input);
    const [day] = await tx
      .select({ hours: sql<number>`coalesce(sum(${exchangeLogs.hours}), 0)::float8` })
      .from(exchangeLogs)
      .where(and(eq(exchangeLogs.placementId, row.pl.id), eq(exchangeLogs.on, values.on)));
    const logged = Number(day?.hours ?? 0);
    if (logged + values.hours > MAX_HOURS_A_DAY)
      throw badField(
        'hours',
        `A day holds at most ${MAX_HOURS_A_DAY} hours: ${logged} are logged on ${values.on} already`,
      );
    let id: string;
    try {
      const [ins] = await tx.insert(exchangeLogs).values(values).returning({ id: exchangeLogs.id });
      if (!ins) throw new Error('a log insert returned no row');
      id = ins.id;
    } catch (err) {
      if (sqlState(err) === '23505' && sqlConstraint(err) === 'exchange_logs_lesson_key')
        throw new AppError('already_exists', 'This live lesson is in the log already');
      throw err;
    }
    await audit(tx, actor, meta, {
      action: 'exchange.log.add',
      entityType: 'exchange_placement',
      entityId: row.pl.id,
      orgId: row.pl.hostSchoolId,
      after: { on: values.on, hours: values.hours, activity: values.activity, lessonId: values.lessonId ?? null },
    });
    const entry = (await logsOf(tx, row.pl.id)).find((l) => l.id === id);
    if (!entry) throw new Error('a log written in this transaction cannot be read back');
    return entry;
  });
}

type LogValues = typeof exchangeLogs.$inferInsert;

/** A live lesson the platform offers (the teacher's, ended, to rural classrooms, in post, not logged). */
async function fromLesson(tx: Queryable, row: PlacementRow, input: LessonLogInput): Promise<LogValues> {
  const [offer] = await lessonOffers(tx, row, input.lessonId);
  if (!offer) throw notFound('live lesson of yours to rural classrooms in this placement, not yet logged');
  return {
    placementId: row.pl.id,
    on: toLocal(new Date(offer.startsAt)).date,
    hours: offer.hours,
    activity: 'taught',
    note: input.note || offer.title,
    lessonId: offer.lessonId,
  };
}

/** A day typed by the teacher: within the placement, not in the future, with a resource they can see. */
async function typed(tx: Queryable, actor: Actor, row: PlacementRow, input: LogInput): Promise<LogValues> {
  if (input.on < row.pl.startsOn || input.on >= row.pl.endsOn) throw badDay('The day is outside the placement');
  if (input.on > toLocal(new Date()).date) throw badDay('A log records days that have been');
  if (input.resourceId) await getVisibleResource(tx, actor, input.resourceId);
  return {
    placementId: row.pl.id,
    on: input.on,
    hours: input.hours,
    activity: input.activity,
    note: input.note,
    resourceId: input.resourceId ?? null,
  };
}

/** The host school (its admins or the mentor) confirms log entries; confirming twice changes nothing. */
export async function confirmLogs(
  db: Db,
  actor: Actor,
  params: { placementId: string; logIds: string[] },
  meta: RequestMeta,
): Promise<number> {
  return db.transaction(async (tx) => {
    await lockPlacement(tx, params.placementId);
    const row = await getReadablePlacement(tx, actor, params.placementId);
    notOwn(actor, row, 'confirm the log of');
    if (!confirmsFor(actor, row)) throw forbidden('The host school confirms the log');
    const done = await tx
      .update(exchangeLogs)
      .set({ confirmedBy: actor.user.id, confirmedAt: new Date() })
      .where(
        and(
          eq(exchangeLogs.placementId, row.pl.id),
          inArray(exchangeLogs.id, params.logIds),
          isNull(exchangeLogs.confirmedAt),
        ),
      )
      .returning({ id: exchangeLogs.id });
    if (done.length)
      await audit(tx, actor, meta, {
        action: 'exchange.log.confirm',
        entityType: 'exchange_placement',
        entityId: row.pl.id,
        orgId: row.pl.hostSchoolId,
        after: { confirmed: done.length },
      });
    return done.length;
  });
}

export interface ReviewParams {
  placementId: string;
  stage: 'midterm' | 'final';
  summary: string;
  satisfactory: boolean;
}

/** The host school reviews at mid-term and at the end; the final review completes the placement. */
export async function reviewPlacement(
  db: Db,
  actor: Actor,
  params: ReviewParams,
  meta: RequestMeta,
): Promise<Placement> {
  return db.transaction(async (tx) => {
    await lockPlacement(tx, params.placementId);
    const row = await getReadablePlacement(tx, actor, params.placementId);
    if (!hostsPlacement(actor, row)) throw forbidden('The host school’s admins review a placement');
    notOwn(actor, row, 'review');
    if (row.pl.status !== 'active') throw new AppError('invalid_state', 'The placement is over');
    if (toLocal(new Date()).date < row.pl.startsOn)
      throw new AppError('invalid_state', 'A placement is reviewed once it has begun', { startsOn: row.pl.startsOn });
    try {
      await tx.insert(exchangeReviews).values({
        placementId: row.pl.id,
        stage: params.stage,
        summary: params.summary,
        satisfactory: params.satisfactory,
        reviewedBy: actor.user.id,
      });
    } catch (err) {
      if (sqlState(err) === '23505')
        throw new AppError('already_exists', `The ${params.stage} review is written already`);
      throw err;
    }
    // Completed on the review's day (Beijing; now() is the transaction's time, as the review's own reviewed_at).
    if (params.stage === 'final')
      await tx
        .update(exchangePlacements)
        .set({ status: 'completed', completedOn: sql`(now() AT TIME ZONE 'Asia/Shanghai')::date` })
        .where(eq(exchangePlacements.id, row.pl.id));
    await audit(tx, actor, meta, {
      action: 'exchange.placement.review',
      entityType: 'exchange_placement',
      entityId: row.pl.id,
      orgId: row.pl.hostSchoolId,
      after: { stage: params.stage, satisfactory: params.satisfactory },
    });
    await tellHome(tx, row, params.stage);
    return placementFor(tx, actor, await getReadablePlacement(tx, actor, row.pl.id));
  });
}

/** The home school's admins and the teacher hear of each review (the final one is the placement's summary). */
async function tellHome(tx: Parameters<typeof notify>[0], row: PlacementRow, stage: 'midterm' | 'final') {
  const homeAdmins = await approverIdsFor(tx, 'home', {
    homeSchoolId: row.pl.homeSchoolId,
    hostSchoolId: row.pl.hostSchoolId,
    programmeOrgId: row.programmeOrgId,
  });
  await notify(tx, [...homeAdmins, row.pl.teacherId], `exchange.review.${stage}`, {
    teacher: row.teacherName,
    school: row.hostName,
    placementId: row.pl.id,
  });
}

/** The host school names a mentor among its teachers, assistant teachers included (带教: the mentee's mentor). */
export async function setMentor(
  db: Db,
  actor: Actor,
  params: { placementId: string; mentorId: string },
  meta: RequestMeta,
): Promise<Placement> {
  return db.transaction(async (tx) => {
    const row = await getReadablePlacement(tx, actor, params.placementId);
    if (!hostsPlacement(actor, row)) throw forbidden('The host school’s admins name the mentor');
    notOwn(actor, row, 'name the mentor of');
    const [teaches] = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .where(
        and(
          eq(memberships.userId, params.mentorId),
          eq(memberships.orgId, row.pl.hostSchoolId),
          inArray(memberships.role, MENTOR_ROLES),
        ),
      );
    if (!teaches || params.mentorId === row.pl.teacherId) throw notFound('teacher at the host school');
    await tx.update(exchangePlacements).set({ mentorId: params.mentorId }).where(eq(exchangePlacements.id, row.pl.id));
    await audit(tx, actor, meta, {
      action: 'exchange.placement.mentor',
      entityType: 'exchange_placement',
      entityId: row.pl.id,
      orgId: row.pl.hostSchoolId,
      before: { mentorId: row.pl.mentorId },
      after: { mentorId: params.mentorId },
    });
    return placementFor(tx, actor, await getReadablePlacement(tx, actor, row.pl.id));
  });
}
