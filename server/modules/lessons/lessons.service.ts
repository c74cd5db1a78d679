// Scheduling live lessons: once or weekly, for chosen classrooms, with library materials; clashes with the
// classrooms' other lessons are shown before anything is saved; every invited classroom's assistant teachers
// hear of a new, moved or cancelled lesson. Ending and cancelling close the lesson's room once saved.
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { JOIN_OPENS_MS, lessonIsOver } from '../../../shared/lessons';
import type { CancelLessonInput, CreateLessonInput, UpdateLessonInput } from '../../../shared/schemas/lessons';
import { weekly } from '../../../shared/series';
import { iso } from '../../../shared/time';
import { lessonAttendance, lessonClassrooms, lessonMaterials, lessons } from '../../db/schema';
import { audit } from '../../lib/audit';
import type { RequestMeta } from '../../lib/context';
import type { Db } from '../../lib/db';
import { AppError } from '../../lib/errors';
import type { Actor } from '../../lib/policy';
import { notify } from '../notifications/notifications.service';
import type { LessonFor, LessonRow } from './lessons.queries';
import { closeRoomQuietly, type RoomDeps } from './livekit';
import {
  assistantsOf,
  checkClassrooms,
  checkMaterials,
  findClashes,
  refuseClashes,
  restOfSeries,
} from './schedule.queries';

export interface ScheduleLessonsParams {
  /** The master teacher's school (schedulingSchool): the lessons' owner. */
  schoolId: string;
  input: CreateLessonInput;
}

/** Schedules a lesson, or a weekly series of them; answers the new lessons' ids in start order. */
export async function scheduleLessons(
  db: Db,
  actor: Actor,
  params: ScheduleLessonsParams,
  meta: RequestMeta,
): Promise<string[]> {
  const { schoolId } = params;
  const input = {
    ...params.input,
    classroomIds: [...new Set(params.input.classroomIds)],
    resourceIds: [...new Set(params.input.resourceIds)],
  };
  await checkClassrooms(db, actor, input.classroomIds);
  await checkMaterials(db, actor, input.resourceIds);
  const times = weekly(new Date(input.startsAt), new Date(input.endsAt), input.weeks);
  if (!input.allowClashes) refuseClashes(await findClashes(db, input.classroomIds, times));
  const seriesId = times.length > 1 ? crypto.randomUUID() : null;
  const created = await db.transaction(async (tx) => {
    const rows = await tx
      .insert(lessons)
      .values(
        times.map((o) => ({
          teacherId: actor.user.id,
          schoolId,
          title: input.title,
          subject: input.subject,
          grade: input.grade,
          startsAt: o.startsAt,
          endsAt: o.endsAt,
          seriesId,
          record: input.record,
          roomName: `lesson-${crypto.randomUUID()}`,
        })),
      )
      .returning();
    const [first] = rows;
    if (!first) throw new Error('a series of no lessons');
    await tx
      .insert(lessonClassrooms)
      .values(rows.flatMap((r) => input.classroomIds.map((classroomId) => ({ lessonId: r.id, classroomId }))));
    if (input.resourceIds.length)
      await tx
        .insert(lessonMaterials)
        .values(
          rows.flatMap((r) =>
            input.resourceIds.map((resourceId, position) => ({ lessonId: r.id, resourceId, position })),
          ),
        );
    await notify(tx, await assistantsOf(tx, [first.id]), 'lesson.scheduled', {
      lessonId: first.id,
      title: input.title,
      startsAt: iso(first.startsAt),
      by: actor.user.name,
      count: rows.length,
    });
    for (const r of rows)
      await audit(tx, actor, meta, {
        action: 'lesson.create',
        entityType: 'lesson',
        entityId: r.id,
        orgId: schoolId,
        after: { ...input, startsAt: iso(r.startsAt), endsAt: iso(r.endsAt), seriesId },
      });
    return rows;
  });
  return created.map((r) => r.id);
}

export interface MoveLessonsParams {
  /** The lesson as its teacher's gate found it (with its classrooms, whose clashes count). */
  lesson: LessonFor;
  input: UpdateLessonInput;
}

/**
 * Renames or moves a lesson not yet started, or it and the rest of its series; or says whether to record it (also
 * while it is live: the teacher chooses on the console before going live). Answers the ids it changed.
 */
export async function moveLessons(db: Db, actor: Actor, params: MoveLessonsParams, meta: RequestMeta) {
  const { input } = params;
  const { row, rooms } = params.lesson;
  const open: LessonRow['status'][] =
    input.title === undefined && input.startsAt === undefined ? ['scheduled', 'live'] : ['scheduled'];
  if (!open.includes(row.status))
    throw new AppError('invalid_state', 'Only a lesson that has not started can be changed');
  const ids = input.series ? await restOfSeries(db, row) : [row.id];
  // The refinements of updateLessonInput give both times or neither.
  const times = input.startsAt && input.endsAt ? { startsAt: input.startsAt, endsAt: input.endsAt } : null;
  const shift = times ? new Date(times.startsAt).getTime() - row.startsAt.getTime() : 0;
  const length = times
    ? new Date(times.endsAt).getTime() - new Date(times.startsAt).getTime()
    : row.endsAt.getTime() - row.startsAt.getTime();
  const targets = await db
    .select({ id: lessons.id, startsAt: lessons.startsAt })
    .from(lessons)
    .where(inArray(lessons.id, ids));
  const moved = targets.map((x) => ({
    id: x.id,
    startsAt: new Date(x.startsAt.getTime() + shift),
    endsAt: new Date(x.startsAt.getTime() + shift + length),
  }));
  if (times && !input.allowClashes)
    refuseClashes(
      await findClashes(
        db,
        rooms.map((r) => r.id),
        moved,
        ids,
      ),
    );
  return db.transaction(async (tx) => {
    const done: string[] = [];
    for (const m of moved) {
      // Guarded: a lesson that started or was cancelled meanwhile is left as it is.
      const [hit] = await tx
        .update(lessons)
        .set({
          ...(input.title ? { title: input.title } : {}),
          ...(times ? { startsAt: m.startsAt, endsAt: m.endsAt } : {}),
          ...(input.record === undefined ? {} : { record: input.record }),
          updatedAt: new Date(),
        })
        .where(and(eq(lessons.id, m.id), inArray(lessons.status, open)))
        .returning({ id: lessons.id });
      if (!hit) continue;
      done.push(m.id);
      await audit(tx, actor, meta, {
        action: 'lesson.update',
        entityType: 'lesson',
        entityId: m.id,
        orgId: row.schoolId,
        after: {
          ...(input.title ? { title: input.title } : {}),
          ...(times ? { startsAt: iso(m.startsAt), endsAt: iso(m.endsAt) } : {}),
          ...(input.record === undefined ? {} : { record: input.record }),
        },
      });
    }
    if (!done.includes(row.id))
      throw new AppError('invalid_state', 'This lesson has started or was cancelled meanwhile');
    // The classrooms hear of a move (a new title alone shows on their pages without a notice).
    const first = moved.find((m) => m.id === row.id);
    if (times && first) {
      await notify(tx, await assistantsOf(tx, [row.id]), 'lesson.rescheduled', {
        lessonId: row.id,
        title: input.title ?? row.title,
        startsAt: iso(first.startsAt),
        was: iso(row.startsAt),
        by: actor.user.name,
        count: done.length,
      });
    }
    return done;
  });
}

export interface CancelLessonsParams {
  /** The lesson as its teacher's gate found it. */
  lesson: LessonRow;
  input: CancelLessonInput;
}

/** Cancels a lesson not yet ended, or it and the rest of its series; answers how many it cancelled. */
export async function cancelLessons(
  db: Db,
  actor: Actor,
  params: CancelLessonsParams,
  meta: RequestMeta,
  room: RoomDeps,
): Promise<number> {
  const { lesson: row, input } = params;
  if (lessonIsOver(row.status))
    throw new AppError(
      'invalid_state',
      `This lesson has already ${row.status === 'ended' ? 'ended' : 'been cancelled'}`,
    );
  const ids = input.series ? await restOfSeries(db, row) : [row.id];
  const done = await db.transaction(async (tx) => {
    const changed = await tx
      .update(lessons)
      .set({ status: 'cancelled', cancelReason: input.reason || null, updatedAt: new Date() })
      .where(and(inArray(lessons.id, ids), inArray(lessons.status, ['scheduled', 'live'])))
      .returning({ id: lessons.id, roomName: lessons.roomName });
    // Ended or cancelled by someone else meanwhile: say so rather than "cancelled 0".
    if (!changed.some((x) => x.id === row.id))
      throw new AppError('invalid_state', 'This lesson has already ended or been cancelled');
    for (const x of changed)
      await audit(tx, actor, meta, {
        action: 'lesson.cancel',
        entityType: 'lesson',
        entityId: x.id,
        orgId: row.schoolId,
        after: { reason: input.reason },
      });
    await notify(tx, await assistantsOf(tx, [row.id]), 'lesson.cancelled', {
      lessonId: row.id,
      title: row.title,
      startsAt: iso(row.startsAt),
      reason: input.reason,
      by: actor.user.name,
      count: changed.length,
    });
    return changed;
  });
  // Whoever is in its room leaves.
  await closeRoomQuietly(room, row);
  return done.length;
}

export interface EndLessonParams {
  /** The lesson as its teacher's gate found it. */
  lesson: LessonRow;
}

/** The teacher ends a lesson that has opened: everyone's attendance closes now, and so does its room. */
export async function endLesson(db: Db, actor: Actor, params: EndLessonParams, meta: RequestMeta, room: RoomDeps) {
  const row = params.lesson;
  if (Date.now() < row.startsAt.getTime() - JOIN_OPENS_MS)
    throw new AppError('invalid_state', 'This lesson has not started; cancel it instead');
  const now = new Date();
  const ended = await db.transaction(async (tx) => {
    const [done] = await tx
      .update(lessons)
      .set({ status: 'ended', updatedAt: now })
      .where(and(eq(lessons.id, row.id), inArray(lessons.status, ['scheduled', 'live'])))
      .returning({ id: lessons.id });
    if (!done) return false;
    await tx
      .update(lessonAttendance)
      .set({ leftAt: now })
      .where(and(eq(lessonAttendance.lessonId, row.id), isNull(lessonAttendance.leftAt)));
    await audit(tx, actor, meta, { action: 'lesson.end', entityType: 'lesson', entityId: row.id, orgId: row.schoolId });
    return true;
  });
  if (!ended)
    throw new AppError(
      'invalid_state',
      row.status === 'cancelled' ? 'This lesson was cancelled' : 'This lesson has already ended',
    );
  // The room closes after the state is saved: a LiveKit hiccup here leaves an ended lesson whose room times out by
  // itself.
  await closeRoomQuietly(room, row);
}
