// Live lessons this term (journey 6): what each classroom received (from LiveKit's own attendance) and what each
// school taught.
import { and, eq, gte, inArray, lt } from 'drizzle-orm';
import { byCodePoint } from '../../../shared/order';
import type { LessonUsageReport } from '../../../shared/schemas/reports';
import { classrooms, lessonAttendance, lessonClassrooms, lessons, orgs } from '../../db/schema';
import type { Queryable } from '../../lib/db';
import { forbidden } from '../../lib/errors';
import { type Actor, canSeeOrg, type OrgPlace } from '../../lib/policy';
import { minutesPresent, presentUntil } from '../lessons/attendance.rules';
import type { ReportBody, ReportScope, Span } from './report-scope';

/**
 * Attendance is for teachers and leaders (as on a lesson's page), not for classroom assistants: the organisation
 * must be within reach of the person's other memberships — an assistant at one group's school who teaches at another
 * group's reads the attendance of the second group only.
 */
export function requireAttendanceReader(actor: Actor, org: OrgPlace): void {
  const asTeacherOrLeader = { ...actor, memberships: actor.memberships.filter((m) => m.role !== 'assistant') };
  if (!canSeeOrg(asTeacherOrLeader, org)) throw forbidden('Attendance figures are for teachers and leaders');
}

/** Lessons live or given that started in the window. */
const inWindow = (window: Span) =>
  and(gte(lessons.startsAt, window.from), lt(lessons.startsAt, window.to), inArray(lessons.status, ['live', 'ended']));

/** Every classroom of the schools, with its school. */
function classroomsOf(db: Queryable, schoolIds: string[]) {
  return db
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
    .where(inArray(classrooms.schoolId, schoolIds));
}

/** The classrooms' invitations to lessons live or given this term. */
async function invitationsOf(db: Queryable, classroomIds: string[], window: Span) {
  if (!classroomIds.length) return [];
  return db
    .select({
      lessonId: lessons.id,
      classroomId: lessonClassrooms.classroomId,
      status: lessons.status,
      updatedAt: lessons.updatedAt,
      endsAt: lessons.endsAt,
    })
    .from(lessonClassrooms)
    .innerJoin(lessons, eq(lessons.id, lessonClassrooms.lessonId))
    .where(and(inArray(lessonClassrooms.classroomId, classroomIds), inWindow(window)));
}

/** Lessons the schools' teachers gave this term (live or ended). */
function lessonsTaught(db: Queryable, schoolIds: string[], window: Span) {
  return db
    .select({
      id: lessons.id,
      schoolId: lessons.schoolId,
      teacherId: lessons.teacherId,
      status: lessons.status,
      updatedAt: lessons.updatedAt,
    })
    .from(lessons)
    .where(and(inArray(lessons.schoolId, schoolIds), inWindow(window)));
}

async function sessionsOf(db: Queryable, lessonIds: string[]) {
  if (!lessonIds.length) return [];
  return db.select().from(lessonAttendance).where(inArray(lessonAttendance.lessonId, lessonIds));
}

/** Per classroom the lessons it was invited to, attended and the minutes present; per school the lessons given. */
export async function lessonUsageOf(db: Queryable, scope: ReportScope): Promise<ReportBody<LessonUsageReport>> {
  const { schools, ids } = scope;
  const rooms = await classroomsOf(db, ids);
  const invitations = await invitationsOf(
    db,
    rooms.map((r) => r.id),
    scope.now,
  );
  const taught = await lessonsTaught(db, ids, scope.now);
  const lessonIds = [...new Set([...invitations.map((i) => i.lessonId), ...taught.map((t) => t.id)])];
  const sessions = await sessionsOf(db, lessonIds);
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
    // School by school in the schools' order (by name), each school's classrooms by name: never a ranking.
    .sort((a, b) => ids.indexOf(a.schoolId) - ids.indexOf(b.schoolId) || byCodePoint(a.name, b.name));
  const helped = perRoom.filter((r) => r.rural || r.supported);
  return {
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
  };
}
