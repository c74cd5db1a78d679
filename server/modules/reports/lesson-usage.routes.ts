import { createRoute } from '@hono/zod-openapi';
import { and, eq, gte, inArray, lt } from 'drizzle-orm';
import { z } from 'zod';
import { id } from '../../../shared/schemas/common';
import { classrooms, lessonAttendance, lessonClassrooms, lessons, orgs } from '../../db/schema';
import { forbidden } from '../../lib/errors';
import { commonErrors, json, newRouter } from '../../lib/router';
import { requireActor } from '../auth/auth.middleware';
import { minutesPresent, presentUntil } from '../lessons/attendance';
import { headOf, reportHead, reportScope } from './report-scope';

const usage = z.object({
  ...reportHead,
  /** Every classroom of the schools, in a fixed order (school, then class) — never a ranking (clause 4). */
  classrooms: z.array(
    z.object({
      id,
      name: z.string(),
      schoolId: id,
      schoolName: z.string(),
      rural: z.boolean(),
      supported: z.boolean(),
      invited: z.number().int(),
      attended: z.number().int(),
      minutes: z.number().int(),
    }),
  ),
  /** Live lessons given by each school's teachers this term, and their minutes on air. */
  schools: z.array(z.object({ id, name: z.string(), taught: z.number().int(), minutesTaught: z.number().int() })),
  reachedRuralOrSupported: z.object({ lessons: z.number().int(), minutes: z.number().int() }),
});

/**
 * Live lessons this term (journey 6): what each classroom received (from LiveKit's own attendance) and what each school
 * taught.
 */
export const lessonUsageRoutes = newRouter().openapi(
  createRoute({
    method: 'get',
    path: '/reports/lesson-usage',
    tags: ['reports'],
    summary:
      'Live lessons this term: per classroom the lessons it was invited to, attended and the minutes present; per school the lessons its teachers gave',
    request: { query: z.object({ orgId: id, at: z.iso.date().optional() }) },
    responses: { 200: json(usage), ...commonErrors },
  }),
  async (c) => {
    const { orgId, at } = c.req.valid('query');
    // Attendance is for teachers and leaders (as on a lesson's page), not for classroom assistants.
    if (!requireActor(c).memberships.some((m) => m.role !== 'assistant'))
      throw forbidden('Attendance figures are for teachers and leaders');
    const scope = await reportScope(c, orgId, at);
    const { db, schools, ids, term } = scope;
    const inTerm = and(
      gte(lessons.startsAt, term.start),
      lt(lessons.startsAt, term.end),
      inArray(lessons.status, ['live', 'ended']),
    );
    const rooms = await db
      .select({
        id: classrooms.id,
        name: classrooms.name,
        schoolId: orgs.id,
        schoolName: orgs.name,
        rural: orgs.rural,
        supported: orgs.supported,
      })
      .from(classrooms)
      .innerJoin(orgs, eq(orgs.id, classrooms.schoolId))
      .where(inArray(classrooms.schoolId, ids));
    const invitations = rooms.length
      ? await db
          .select({
            lessonId: lessons.id,
            classroomId: lessonClassrooms.classroomId,
            status: lessons.status,
            updatedAt: lessons.updatedAt,
            endsAt: lessons.endsAt,
          })
          .from(lessonClassrooms)
          .innerJoin(lessons, eq(lessons.id, lessonClassrooms.lessonId))
          .where(
            and(
              inArray(
                lessonClassrooms.classroomId,
                rooms.map((r) => r.id),
              ),
              inTerm,
            ),
          )
      : [];
    const taught = await db
      .select({
        id: lessons.id,
        schoolId: lessons.schoolId,
        teacherId: lessons.teacherId,
        status: lessons.status,
        updatedAt: lessons.updatedAt,
      })
      .from(lessons)
      .where(and(inArray(lessons.schoolId, ids), inTerm));
    const lessonIds = [...new Set([...invitations.map((i) => i.lessonId), ...taught.map((t) => t.id)])];
    const sessions = lessonIds.length
      ? await db.select().from(lessonAttendance).where(inArray(lessonAttendance.lessonId, lessonIds))
      : [];
    const minutesOf = (lessonId: string, identity: string, l: { status: string; updatedAt: Date }) =>
      minutesPresent(
        sessions.filter((s) => s.lessonId === lessonId && s.identity === identity),
        presentUntil(l),
      );

    const perRoom = rooms
      .map((r) => {
        const mine = invitations.filter((i) => i.classroomId === r.id);
        const minutes = mine.map((i) => minutesOf(i.lessonId, `classroom:${r.id}`, i));
        return {
          ...r,
          rural: !!r.rural,
          supported: !!r.supported,
          invited: mine.length,
          attended: minutes.filter((m) => m > 0).length,
          minutes: minutes.reduce((a, b) => a + b, 0),
        };
      })
      .sort((a, b) => a.schoolName.localeCompare(b.schoolName, 'zh-CN') || a.name.localeCompare(b.name, 'zh-CN'));
    const helped = perRoom.filter((r) => r.rural || r.supported);
    return c.json(
      {
        ...headOf(scope),
        classrooms: perRoom,
        schools: schools.map((s) => {
          const given = taught.filter((t) => t.schoolId === s.id);
          return {
            id: s.id,
            name: s.name,
            taught: given.length,
            minutesTaught: given.reduce((a, t) => a + minutesOf(t.id, `user:${t.teacherId}`, t), 0),
          };
        }),
        reachedRuralOrSupported: {
          lessons: helped.reduce((a, r) => a + r.attended, 0),
          minutes: helped.reduce((a, r) => a + r.minutes, 0),
        },
      },
      200,
    );
  },
);
