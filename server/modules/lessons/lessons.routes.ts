import { createRoute } from '@hono/zod-openapi';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Context } from 'hono';
import { z } from 'zod';
import { id, idParam, page } from '../../../shared/schemas/common';
import {
  attendance,
  cancelLessonInput,
  createLessonInput,
  feedback,
  feedbackInput,
  JOIN_OPENS_MS,
  joinAnswer,
  lesson,
  muteInput,
  participantParam,
  speakInput,
  speaking,
  updateLessonInput,
} from '../../../shared/schemas/lessons';
import { iso } from '../../../shared/time';
import { lessonAttendance, lessonMaterials, lessons, resources } from '../../db/schema';
import { audit } from '../../lib/audit';
import type { AppEnv } from '../../lib/context';
import { AppError, forbidden } from '../../lib/errors';
import { commonErrors, json, jsonBody, newRouter, requestMeta } from '../../lib/router';
import { requireActor } from '../auth/auth.middleware';
import { notify } from '../notifications/notifications.service';
import { newFileKey } from '../resources/storage';
import { attendanceOf } from './attendance';
import { feedbackFor, saveFeedback } from './feedback';
import { getLessonFor, lessonOut, listLessons, listLessonsByIds } from './lessons.queries';
import {
  assistantsOf,
  checkClassrooms,
  checkMaterials,
  findClashes,
  refuseClashes,
  restOfSeries,
  scheduleLessons,
  weekly,
} from './lessons.service';
import {
  closeRoom,
  ensureRoom,
  type LiveKitConfig,
  muteTracks,
  setSpeaking,
  startEgress,
  stopEgress,
  tokenFor,
} from './livekit';

/**
 * The lesson's teacher acting on one of its invited classrooms in the live room: checks both, and that LiveKit is here.
 */
async function teacherOver(
  c: Context<AppEnv>,
  id: string,
  identity: string,
): Promise<{ lk: LiveKitConfig; room: string; lessonId: string; schoolId: string; classroomName: string }> {
  const actor = requireActor(c);
  const { database, config } = c.get('deps');
  const { row, rooms, part } = await getLessonFor(database.db, actor, id);
  if (part.role !== 'teacher') throw forbidden('Only the lesson’s teacher does this');
  const classroom = rooms.find((r) => `classroom:${r.id}` === identity);
  if (!classroom) throw new AppError('not_found', 'That classroom is not invited to this lesson');
  if (row.status === 'ended' || row.status === 'cancelled')
    throw new AppError('invalid_state', 'This lesson is not running');
  const lk = config.livekit;
  if (!lk) throw new AppError('livekit_unavailable', 'No live lesson server is configured here');
  return {
    lk,
    room: row.roomName,
    lessonId: row.id,
    schoolId: row.schoolId,
    classroomName: `${classroom.name} · ${classroom.schoolName}`,
  };
}

/**
 * Closes a lesson's room once its new state is saved; a failure is logged, not answered (the room times out by itself).
 */
async function closeRoomAfter(c: Context<AppEnv>, row: { id: string; roomName: string }) {
  const { config, log } = c.get('deps');
  if (config.livekit)
    await closeRoom(config.livekit, row.roomName).catch((err) =>
      log.log('warn', 'livekit.close_room_failed', { lessonId: row.id, error: String(err) }),
    );
}

export const lessonsRoutes = newRouter()
  .openapi(
    createRoute({
      method: 'post',
      path: '/lessons',
      tags: ['lessons'],
      summary: 'A master teacher schedules a dual-teacher lesson for chosen classrooms',
      request: { body: jsonBody(createLessonInput) },
      responses: {
        201: json(z.object({ lesson, lessons: z.array(lesson) })),
        ...commonErrors,
        409: json(
          z.object({ error: z.any() }),
          'conflict: the classrooms already have lessons then (details.clashes); send allowClashes to schedule anyway',
        ),
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      const input = c.req.valid('json');
      const master = actor.memberships.find((m) => m.masterTeacher && m.orgKind === 'school');
      if (!master) throw forbidden('Only master teachers schedule live lessons');
      const { db } = c.get('deps').database;
      const classroomIds = [...new Set(input.classroomIds)];
      const resourceIds = [...new Set(input.resourceIds)];
      await checkClassrooms(db, actor, classroomIds);
      await checkMaterials(db, actor, resourceIds);
      const times = weekly(new Date(input.startsAt), new Date(input.endsAt), input.weeks);
      if (!input.allowClashes) refuseClashes(await findClashes(db, classroomIds, times));
      const rows = await db.transaction((tx) =>
        scheduleLessons(tx, c, actor, { ...input, classroomIds, resourceIds }, master.orgId, times),
      );
      const full = await listLessonsByIds(
        db,
        actor,
        rows.map((r) => r.id),
      );
      return c.json({ lesson: full[0]!, lessons: full }, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/lessons',
      tags: ['lessons'],
      summary:
        'Lessons the caller teaches or attends (mine), or also may observe (upcoming), from now on; or those already over (past, newest first)',
      request: { query: z.object({ scope: z.enum(['mine', 'upcoming', 'past']).default('mine') }) },
      responses: { 200: json(page(lesson)), ...commonErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      const rows = await listLessons(c.get('deps').database.db, actor, c.req.valid('query').scope);
      return c.json(
        { items: rows.map(({ l, rooms, materials }) => lessonOut(l, rooms, actor, materials)), nextCursor: null },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/lessons/{id}',
      tags: ['lessons'],
      summary: 'A lesson, its classrooms and its status',
      request: { params: idParam },
      responses: { 200: json(z.object({ lesson })), ...commonErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      const { row, rooms, materials } = await getLessonFor(c.get('deps').database.db, actor, c.req.valid('param').id);
      return c.json({ lesson: lessonOut(row, rooms, actor, materials) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/lessons/{id}/join',
      tags: ['lessons'],
      summary: 'A LiveKit URL and a short-lived token with the grants of the caller’s role',
      request: { params: idParam },
      responses: {
        200: json(joinAnswer),
        ...commonErrors,
        409: json(
          z.object({ error: z.any() }),
          'Not open now (more than 15 minutes before, after the end, or cancelled)',
        ),
        503: json(z.object({ error: z.any() }), 'livekit_unavailable'),
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      const { database, config, livekitStatus } = c.get('deps');
      const { row, rooms, part } = await getLessonFor(database.db, actor, c.req.valid('param').id);
      if (row.status === 'cancelled') throw new AppError('invalid_state', 'This lesson was cancelled');
      const now = Date.now();
      if (now < row.startsAt.getTime() - JOIN_OPENS_MS)
        throw new AppError('invalid_state', 'The lesson opens 15 minutes before it starts', {
          opensAt: new Date(row.startsAt.getTime() - JOIN_OPENS_MS).toISOString(),
        });
      if (now > row.endsAt.getTime() || row.status === 'ended')
        throw new AppError('invalid_state', 'This lesson has ended');
      const lk = config.livekit;
      if (!lk) throw new AppError('livekit_unavailable', 'No live lesson server is configured here');
      if (livekitStatus && (await livekitStatus()) === 'down')
        throw new AppError('livekit_unavailable', 'The live lesson server does not answer; try again in a moment');
      await ensureRoom(lk, row.roomName, rooms.length + 60);
      const identity = part.role === 'classroom' ? `classroom:${part.classroomId}` : `user:${actor.user.id}`;
      const name = part.role === 'classroom' ? part.classroomName! : actor.user.name;
      const token = await tokenFor(lk, {
        identity,
        name,
        role: part.role,
        room: row.roomName,
        metadata: { role: part.role, ...(part.classroomId ? { classroomId: part.classroomId } : {}), lessonId: row.id },
      });
      return c.json({ url: lk.url, token, role: part.role }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/lessons/{id}/participants/{identity}/speak',
      tags: ['lessons'],
      summary:
        'The lesson’s teacher lets a connected classroom publish its camera and microphone, or stops it (its tracks are removed)',
      request: { params: participantParam, body: jsonBody(speakInput) },
      responses: {
        200: json(z.object({ participant: speaking })),
        ...commonErrors,
        409: json(z.object({ error: z.any() }), 'The classroom is not connected, or the lesson is not running'),
        503: json(z.object({ error: z.any() }), 'livekit_unavailable'),
      },
    }),
    async (c) => {
      const { id, identity } = c.req.valid('param');
      const { allowed } = c.req.valid('json');
      const t = await teacherOver(c, id, identity);
      const p = await setSpeaking(t.lk, t.room, identity, allowed);
      await audit(c.get('deps').database.db, c.get('actor'), requestMeta(c), {
        action: allowed ? 'lesson.speak.allow' : 'lesson.speak.stop',
        entityType: 'lesson',
        entityId: t.lessonId,
        orgId: t.schoolId,
        after: { identity },
      });
      return c.json({ participant: { identity, name: p.name || t.classroomName, canPublish: p.canPublish } }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/lessons/{id}/participants/{identity}/mute',
      tags: ['lessons'],
      summary:
        'The lesson’s teacher mutes a classroom’s microphone or camera (the classroom may unmute itself while it may speak)',
      request: { params: participantParam, body: jsonBody(muteInput) },
      responses: {
        200: json(z.object({ muted: z.number().int() })),
        ...commonErrors,
        409: json(z.object({ error: z.any() }), 'The classroom is not connected'),
        503: json(z.object({ error: z.any() }), 'livekit_unavailable'),
      },
    }),
    async (c) => {
      const { id, identity } = c.req.valid('param');
      const t = await teacherOver(c, id, identity);
      return c.json({ muted: await muteTracks(t.lk, t.room, identity, c.req.valid('json').source) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/lessons/{id}/end',
      tags: ['lessons'],
      summary: 'The lesson’s teacher ends the lesson: its room closes and everyone in it leaves',
      request: { params: idParam },
      responses: {
        200: json(z.object({ lesson })),
        ...commonErrors,
        409: json(z.object({ error: z.any() }), 'Already ended or cancelled'),
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      const { database } = c.get('deps');
      const { row, part } = await getLessonFor(database.db, actor, c.req.valid('param').id);
      if (part.role !== 'teacher') throw forbidden('Only the lesson’s teacher ends it');
      if (Date.now() < row.startsAt.getTime() - JOIN_OPENS_MS)
        throw new AppError('invalid_state', 'This lesson has not started; cancel it instead');
      const now = new Date();
      const ended = await database.db.transaction(async (tx) => {
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
        await audit(tx, c.get('actor'), requestMeta(c), {
          action: 'lesson.end',
          entityType: 'lesson',
          entityId: row.id,
          orgId: row.schoolId,
        });
        return true;
      });
      if (!ended)
        throw new AppError(
          'invalid_state',
          row.status === 'cancelled' ? 'This lesson was cancelled' : 'This lesson has already ended',
        );
      // The room closes after the state is saved: a LiveKit hiccup here leaves an ended lesson whose room times out by
      // itself.
      await closeRoomAfter(c, row);
      const full = await getLessonFor(database.db, actor, row.id);
      return c.json({ lesson: lessonOut(full.row, full.rooms, actor, full.materials) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/lessons/{id}/attendance',
      tags: ['lessons'],
      summary:
        'Per invited classroom: when it joined and left and the minutes present (for the teacher and the group’s colleagues)',
      request: { params: idParam },
      responses: { 200: json(attendance), ...commonErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      const db = c.get('deps').database.db;
      const { row, rooms, part } = await getLessonFor(db, actor, c.req.valid('param').id);
      if (part.role === 'classroom') throw forbidden('Attendance is for the lesson’s teacher and the group');
      return c.json(await attendanceOf(db, row, rooms), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/lessons/{id}',
      tags: ['lessons'],
      summary:
        'The teacher renames or moves a lesson not yet started (or it and the rest of its series); the classrooms are told',
      request: { params: idParam, body: jsonBody(updateLessonInput) },
      responses: {
        200: json(z.object({ lesson, lessons: z.array(lesson) })),
        ...commonErrors,
        409: json(z.object({ error: z.any() }), 'Started, ended or cancelled; or clashes (details.clashes)'),
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      const input = c.req.valid('json');
      const db = c.get('deps').database.db;
      const { row, rooms, part } = await getLessonFor(db, actor, c.req.valid('param').id);
      if (part.role !== 'teacher') throw forbidden('Only the lesson’s teacher changes it');
      if (row.status !== 'scheduled')
        throw new AppError('invalid_state', 'Only a lesson that has not started can be changed');
      const ids = input.series ? await restOfSeries(db, row) : [row.id];
      const shift = input.startsAt ? new Date(input.startsAt).getTime() - row.startsAt.getTime() : 0;
      const length = input.startsAt
        ? new Date(input.endsAt!).getTime() - new Date(input.startsAt).getTime()
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
      if (input.startsAt && !input.allowClashes)
        refuseClashes(
          await findClashes(
            db,
            rooms.map((r) => r.id),
            moved,
            ids,
          ),
        );
      const changed = await db.transaction(async (tx) => {
        const done: string[] = [];
        for (const m of moved) {
          // Guarded: a lesson that started or was cancelled meanwhile is left as it is.
          const [hit] = await tx
            .update(lessons)
            .set({
              ...(input.title ? { title: input.title } : {}),
              ...(input.startsAt ? { startsAt: m.startsAt, endsAt: m.endsAt } : {}),
              updatedAt: new Date(),
            })
            .where(and(eq(lessons.id, m.id), eq(lessons.status, 'scheduled')))
            .returning({ id: lessons.id });
          if (!hit) continue;
          done.push(m.id);
          await audit(tx, c.get('actor'), requestMeta(c), {
            action: 'lesson.update',
            entityType: 'lesson',
            entityId: m.id,
            orgId: row.schoolId,
            after: {
              ...(input.title ? { title: input.title } : {}),
              ...(input.startsAt ? { startsAt: iso(m.startsAt), endsAt: iso(m.endsAt) } : {}),
            },
          });
        }
        if (!done.includes(row.id))
          throw new AppError('invalid_state', 'This lesson has started or was cancelled meanwhile');
        // The classrooms hear of a move (a new title alone shows on their pages without a notice).
        if (input.startsAt) {
          const first = moved.find((m) => m.id === row.id)!;
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
      const full = await listLessonsByIds(db, actor, changed);
      return c.json({ lesson: full.find((l) => l.id === row.id)!, lessons: full }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/lessons/{id}/cancel',
      tags: ['lessons'],
      summary: 'The teacher cancels a lesson not yet ended (or it and the rest of its series); every classroom is told',
      request: { params: idParam, body: jsonBody(cancelLessonInput) },
      responses: {
        200: json(z.object({ lesson, cancelled: z.number().int() })),
        ...commonErrors,
        409: json(z.object({ error: z.any() }), 'Already ended or cancelled'),
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      const input = c.req.valid('json');
      const { database } = c.get('deps');
      const db = database.db;
      const { row, part } = await getLessonFor(db, actor, c.req.valid('param').id);
      if (part.role !== 'teacher') throw forbidden('Only the lesson’s teacher cancels it');
      if (row.status === 'ended' || row.status === 'cancelled')
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
          await audit(tx, c.get('actor'), requestMeta(c), {
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
      await closeRoomAfter(c, row);
      const full = await getLessonFor(db, actor, row.id);
      return c.json({ lesson: lessonOut(full.row, full.rooms, actor, full.materials), cancelled: done.length }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/lessons/{id}/feedback',
      tags: ['lessons'],
      summary:
        'After the lesson: an assistant teacher’s feedback for their classroom, or an observer’s evaluation with the rubric (one each; writing again replaces it)',
      request: { params: idParam, body: jsonBody(feedbackInput) },
      responses: {
        200: json(z.object({ feedback })),
        ...commonErrors,
        409: json(z.object({ error: z.any() }), 'The lesson has not started yet'),
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      const db = c.get('deps').database.db;
      const found = await getLessonFor(db, actor, c.req.valid('param').id);
      return c.json({ feedback: await saveFeedback(db, c, actor, found, c.req.valid('json')) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/lessons/{id}/feedback',
      tags: ['lessons'],
      summary: 'Feedback and evaluations: all of them for the teacher, one’s own for others',
      request: { params: idParam },
      responses: { 200: json(z.object({ items: z.array(feedback) })), ...commonErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      const db = c.get('deps').database.db;
      const found = await getLessonFor(db, actor, c.req.valid('param').id);
      return c.json({ items: await feedbackFor(db, actor, found) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/lessons/{id}/recording',
      tags: ['lessons'],
      summary:
        'The teacher files the lesson’s recording (a library resource they uploaded) with the lesson’s materials',
      request: { params: idParam, body: jsonBody(z.object({ resourceId: id })) },
      responses: { 200: json(z.object({ lesson })), ...commonErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      const db = c.get('deps').database.db;
      const { row, part } = await getLessonFor(db, actor, c.req.valid('param').id);
      if (part.role !== 'teacher') throw forbidden('Only the lesson’s teacher files its recording');
      const { resourceId } = c.req.valid('json');
      const [own] = await db
        .select({ id: resources.id })
        .from(resources)
        .where(and(eq(resources.id, resourceId), eq(resources.authorId, actor.user.id)));
      if (!own)
        throw new AppError('validation_failed', 'The recording must be a resource you uploaded', {
          fields: { resourceId: ['not your upload'] },
        });
      await db.transaction(async (tx) => {
        await tx.insert(lessonMaterials).values({ lessonId: row.id, resourceId, position: 1000 }).onConflictDoNothing();
        await audit(tx, c.get('actor'), requestMeta(c), {
          action: 'lesson.recording',
          entityType: 'lesson',
          entityId: row.id,
          orgId: row.schoolId,
          after: { resourceId },
        });
      });
      const full = await getLessonFor(db, actor, row.id);
      return c.json({ lesson: lessonOut(full.row, full.rooms, actor, full.materials) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/lessons/{id}/recording/start',
      tags: ['lessons'],
      summary:
        'Where LiveKit Egress is configured, the teacher starts a room-composite recording; it becomes a library resource when it ends (503 otherwise: the browser records)',
      request: { params: idParam },
      responses: {
        200: json(z.object({ recording: z.object({ mode: z.literal('egress'), egressId: z.string() }) })),
        ...commonErrors,
        503: json(z.object({ error: z.any() }), 'No Egress here'),
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      const { database, config } = c.get('deps');
      const { row, part } = await getLessonFor(database.db, actor, c.req.valid('param').id);
      if (part.role !== 'teacher') throw forbidden('Only the lesson’s teacher records it');
      if (row.status === 'ended' || row.status === 'cancelled')
        throw new AppError('invalid_state', 'This lesson is not running');
      if (!config.livekit || !config.egress)
        throw new AppError(
          'service_unavailable',
          'Recording on the live server is not configured here; the teacher’s browser records instead',
          { reason: 'not_configured' },
        );
      if (row.recordingEgressId)
        return c.json({ recording: { mode: 'egress' as const, egressId: row.recordingEgressId } }, 200);
      const key = `${newFileKey()}.mp4`;
      const egressId = await startEgress(config.livekit, config.egress, row.roomName, key);
      // Two starts at once (two tabs, a reload): the first to save wins; the other recording is stopped again.
      const won = await database.db.transaction(async (tx) => {
        const [hit] = await tx
          .update(lessons)
          .set({ recordingEgressId: egressId, recordingKey: key, updatedAt: new Date() })
          .where(and(eq(lessons.id, row.id), isNull(lessons.recordingEgressId)))
          .returning({ id: lessons.id });
        if (hit)
          await audit(tx, c.get('actor'), requestMeta(c), {
            action: 'lesson.recording.start',
            entityType: 'lesson',
            entityId: row.id,
            orgId: row.schoolId,
            after: { egressId },
          });
        return !!hit;
      });
      if (!won) {
        await stopEgress(config.livekit, egressId).catch(() => {});
        const [winner] = await database.db
          .select({ egressId: lessons.recordingEgressId })
          .from(lessons)
          .where(eq(lessons.id, row.id));
        return c.json({ recording: { mode: 'egress' as const, egressId: winner!.egressId! } }, 200);
      }
      return c.json({ recording: { mode: 'egress' as const, egressId } }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/lessons/{id}/recording/stop',
      tags: ['lessons'],
      summary: 'The teacher stops the server-side recording (the file is filed when LiveKit reports it done)',
      request: { params: idParam },
      responses: {
        204: { description: 'Stopped' },
        ...commonErrors,
        503: json(z.object({ error: z.any() }), 'No Egress here'),
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      const { database, config } = c.get('deps');
      const { row, part } = await getLessonFor(database.db, actor, c.req.valid('param').id);
      if (part.role !== 'teacher') throw forbidden('Only the lesson’s teacher records it');
      if (!row.recordingEgressId) throw new AppError('invalid_state', 'Nothing is being recorded on the server');
      if (!config.livekit) throw new AppError('livekit_unavailable', 'No live lesson server is configured here');
      await stopEgress(config.livekit, row.recordingEgressId);
      return c.body(null, 204);
    },
  );
