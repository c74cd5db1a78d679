import { createRoute } from '@hono/zod-openapi';
import { eq, inArray } from 'drizzle-orm';
import type { Context } from 'hono';
import { z } from 'zod';
import { idParam, page } from '../../../shared/schemas/common';
import { createLessonInput, joinAnswer, lesson, muteInput, participantParam, speakInput, speaking } from '../../../shared/schemas/lessons';
import { classrooms, lessonClassrooms, lessons, orgs } from '../../db/schema';
import { audit } from '../../lib/audit';
import type { AppEnv } from '../../lib/context';
import { AppError, forbidden } from '../../lib/errors';
import { canSeeOrg } from '../../lib/policy';
import { commonErrors, json, jsonBody, newRouter } from '../../lib/router';
import { requireActor } from '../auth/auth.middleware';
import { getLessonFor, lessonOut, listLessons } from './lessons.queries';
import { ensureRoom, muteTracks, setSpeaking, tokenFor, type LiveKitConfig } from './livekit';

/** Joining opens this long before the start (JOURNEYS 3: the button becomes active 15 minutes before). */
export const JOIN_OPENS_MS = 15 * 60_000;

/** The lesson's teacher acting on one of its invited classrooms in the live room: checks both, and that LiveKit is here. */
async function teacherOver(c: Context<AppEnv>, id: string, identity: string): Promise<{ lk: LiveKitConfig; room: string; lessonId: string; schoolId: string; classroomName: string }> {
  const actor = requireActor(c);
  const { database, config } = c.get('deps');
  const { row, rooms, part } = await getLessonFor(database.db, actor, id);
  if (part.role !== 'teacher') throw forbidden('Only the lesson’s teacher does this');
  const classroom = rooms.find((r) => `classroom:${r.id}` === identity);
  if (!classroom) throw new AppError('not_found', 'That classroom is not invited to this lesson');
  if (row.status === 'ended' || row.status === 'cancelled') throw new AppError('invalid_state', 'This lesson is not running');
  const lk = config.livekit;
  if (!lk) throw new AppError('livekit_unavailable', 'No live lesson server is configured here');
  return { lk, room: row.roomName, lessonId: row.id, schoolId: row.schoolId, classroomName: `${classroom.name} · ${classroom.schoolName}` };
}

export const lessonsRoutes = newRouter()
  .openapi(
    createRoute({
      method: 'post', path: '/lessons', tags: ['lessons'], summary: 'A master teacher schedules a dual-teacher lesson for chosen classrooms',
      request: { body: jsonBody(createLessonInput) },
      responses: { 201: json(z.object({ lesson })), ...commonErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      const input = c.req.valid('json');
      const master = actor.memberships.find((m) => m.masterTeacher && m.orgKind === 'school');
      if (!master) throw forbidden('Only master teachers schedule live lessons');
      const { db } = c.get('deps').database;
      const ids = [...new Set(input.classroomIds)];
      const rooms = await db
        .select({ id: classrooms.id, school: { id: orgs.id, kind: orgs.kind, groupId: orgs.groupId, districtId: orgs.districtId } })
        .from(classrooms)
        .innerJoin(orgs, eq(orgs.id, classrooms.schoolId))
        .where(inArray(classrooms.id, ids));
      const invisible = ids.filter((cid) => !rooms.some((r) => r.id === cid && canSeeOrg(actor, r.school)));
      if (invisible.length) throw new AppError('validation_failed', 'Some classrooms do not exist or are outside your group and district', { fields: { classroomIds: invisible.map((i) => `unknown classroom ${i}`) } });
      const created = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(lessons)
          .values({ teacherId: actor.user.id, schoolId: master.orgId, title: input.title, subject: input.subject, grade: input.grade, startsAt: new Date(input.startsAt), endsAt: new Date(input.endsAt), roomName: `lesson-${crypto.randomUUID()}` })
          .returning();
        await tx.insert(lessonClassrooms).values(ids.map((classroomId) => ({ lessonId: row!.id, classroomId })));
        await audit(tx, c, { action: 'lesson.create', entityType: 'lesson', entityId: row!.id, orgId: master.orgId, after: { ...input } });
        return row!;
      });
      const full = await getLessonFor(db, actor, created.id);
      return c.json({ lesson: lessonOut(full.row, full.rooms, actor) }, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get', path: '/lessons', tags: ['lessons'], summary: 'Lessons the caller teaches or attends (mine), or also may observe (upcoming)',
      request: { query: z.object({ scope: z.enum(['mine', 'upcoming']).default('mine') }) },
      responses: { 200: json(page(lesson)), ...commonErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      const rows = await listLessons(c.get('deps').database.db, actor, c.req.valid('query').scope);
      return c.json({ items: rows.map(({ l, rooms }) => lessonOut(l, rooms, actor)), nextCursor: null }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get', path: '/lessons/{id}', tags: ['lessons'], summary: 'A lesson, its classrooms and its status',
      request: { params: idParam }, responses: { 200: json(z.object({ lesson })), ...commonErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      const { row, rooms } = await getLessonFor(c.get('deps').database.db, actor, c.req.valid('param').id);
      return c.json({ lesson: lessonOut(row, rooms, actor) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post', path: '/lessons/{id}/join', tags: ['lessons'], summary: 'A LiveKit URL and a short-lived token with the grants of the caller’s role',
      request: { params: idParam },
      responses: { 200: json(joinAnswer), ...commonErrors, 409: json(z.object({ error: z.any() }), 'Not open now (more than 15 minutes before, after the end, or cancelled)'), 503: json(z.object({ error: z.any() }), 'livekit_unavailable') },
    }),
    async (c) => {
      const actor = requireActor(c);
      const { database, config, livekitStatus } = c.get('deps');
      const { row, rooms, part } = await getLessonFor(database.db, actor, c.req.valid('param').id);
      if (row.status === 'cancelled') throw new AppError('invalid_state', 'This lesson was cancelled');
      const now = Date.now();
      if (now < row.startsAt.getTime() - JOIN_OPENS_MS) throw new AppError('invalid_state', 'The lesson opens 15 minutes before it starts', { opensAt: new Date(row.startsAt.getTime() - JOIN_OPENS_MS).toISOString() });
      if (now > row.endsAt.getTime() || row.status === 'ended') throw new AppError('invalid_state', 'This lesson has ended');
      const lk = config.livekit;
      if (!lk) throw new AppError('livekit_unavailable', 'No live lesson server is configured here');
      if (livekitStatus && (await livekitStatus()) === 'down') throw new AppError('livekit_unavailable', 'The live lesson server does not answer; try again in a moment');
      await ensureRoom(lk, row.roomName, rooms.length + 60);
      const identity = part.role === 'classroom' ? `classroom:${part.classroomId}` : `user:${actor.user.id}`;
      const name = part.role === 'classroom' ? part.classroomName! : actor.user.name;
      const token = await tokenFor(lk, { identity, name, role: part.role, room: row.roomName, metadata: { role: part.role, ...(part.classroomId ? { classroomId: part.classroomId } : {}), lessonId: row.id } });
      return c.json({ url: lk.url, token, role: part.role }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post', path: '/lessons/{id}/participants/{identity}/speak', tags: ['lessons'],
      summary: 'The lesson’s teacher lets a connected classroom publish its camera and microphone, or stops it (its tracks are removed)',
      request: { params: participantParam, body: jsonBody(speakInput) },
      responses: { 200: json(z.object({ participant: speaking })), ...commonErrors, 409: json(z.object({ error: z.any() }), 'The classroom is not connected, or the lesson is not running'), 503: json(z.object({ error: z.any() }), 'livekit_unavailable') },
    }),
    async (c) => {
      const { id, identity } = c.req.valid('param');
      const { allowed } = c.req.valid('json');
      const t = await teacherOver(c, id, identity);
      const p = await setSpeaking(t.lk, t.room, identity, allowed);
      await audit(c.get('deps').database.db, c, { action: allowed ? 'lesson.speak.allow' : 'lesson.speak.stop', entityType: 'lesson', entityId: t.lessonId, orgId: t.schoolId, after: { identity } });
      return c.json({ participant: { identity, name: p.name || t.classroomName, canPublish: p.canPublish } }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post', path: '/lessons/{id}/participants/{identity}/mute', tags: ['lessons'],
      summary: 'The lesson’s teacher mutes a classroom’s microphone or camera (the classroom may unmute itself while it may speak)',
      request: { params: participantParam, body: jsonBody(muteInput) },
      responses: { 200: json(z.object({ muted: z.number().int() })), ...commonErrors, 409: json(z.object({ error: z.any() }), 'The classroom is not connected'), 503: json(z.object({ error: z.any() }), 'livekit_unavailable') },
    }),
    async (c) => {
      const { id, identity } = c.req.valid('param');
      const t = await teacherOver(c, id, identity);
      return c.json({ muted: await muteTracks(t.lk, t.room, identity, c.req.valid('json').source) }, 200);
    },
  );
