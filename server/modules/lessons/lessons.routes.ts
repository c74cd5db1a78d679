import { createRoute } from '@hono/zod-openapi';
import { eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { idParam, page } from '../../../shared/schemas/common';
import { createLessonInput, joinAnswer, lesson } from '../../../shared/schemas/lessons';
import { classrooms, lessonClassrooms, lessons, orgs } from '../../db/schema';
import { audit } from '../../lib/audit';
import { AppError, forbidden } from '../../lib/errors';
import { canSeeOrg } from '../../lib/policy';
import { commonErrors, json, jsonBody, newRouter } from '../../lib/router';
import { requireActor } from '../auth/auth.middleware';
import { getLessonFor, lessonOut, listLessons } from './lessons.queries';
import { ensureRoom, tokenFor } from './livekit';

/** Joining opens this long before the start (JOURNEYS 3: the button becomes active 15 minutes before). */
export const JOIN_OPENS_MS = 15 * 60_000;

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
  );

