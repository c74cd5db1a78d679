import { and, asc, desc, eq, gt, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import type { LessonRole } from '../../../shared/enums';
import { iso } from '../../../shared/time';
import { classrooms, lessonClassrooms, lessonMaterials, lessons, orgs, resources, users } from '../../db/schema';
import type { Queryable } from '../../lib/db';
import { notFound } from '../../lib/errors';
import { type Actor, reach } from '../../lib/policy';

type LessonRow = typeof lessons.$inferSelect & {
  teacherName: string;
  schoolName: string;
  groupId: string | null;
  districtId: string | null;
};
type ClassroomRow = { lessonId: string; id: string; name: string; schoolId: string; schoolName: string };

/**
 * How a person takes part (CONTRACT: who may join a lesson): its teacher; the assistant teachers of its invited
 * classrooms, as their classroom; teachers and admins of the same group or district, as hidden observers.
 */
export function roleIn(
  actor: Actor,
  lesson: LessonRow,
  rooms: ClassroomRow[],
): { role: LessonRole; classroomId?: string; classroomName?: string } | null {
  if (lesson.teacherId === actor.user.id) return { role: 'teacher' };
  const mine = actor.memberships.find(
    (m) => m.role === 'assistant' && m.classroomId && rooms.some((r) => r.id === m.classroomId),
  );
  if (mine) {
    const room = rooms.find((r) => r.id === mine.classroomId)!;
    return { role: 'classroom', classroomId: room.id, classroomName: `${room.name} · ${room.schoolName}` };
  }
  // Each teacher's or admin's own membership decides (an assistant elsewhere does not widen it).
  const sameGroup = (g: string | null | undefined) => !!g && g === lesson.groupId;
  const sameDistrict = (d: string | null | undefined) => !!d && d === lesson.districtId;
  const colleague = actor.memberships.some(
    (m) =>
      (m.role === 'teacher' || m.role.endsWith('_admin')) &&
      (m.orgKind === 'school'
        ? sameGroup(m.groupId) || sameDistrict(m.districtId)
        : m.orgKind === 'group'
          ? sameGroup(m.orgId)
          : sameDistrict(m.orgId)),
  );
  return colleague ? { role: 'observer' } : null;
}

function selectLessons(db: Queryable) {
  return db
    .select({
      l: lessons,
      teacherName: users.name,
      schoolName: orgs.name,
      groupId: orgs.groupId,
      districtId: orgs.districtId,
    })
    .from(lessons)
    .innerJoin(users, eq(users.id, lessons.teacherId))
    .innerJoin(orgs, eq(orgs.id, lessons.schoolId));
}

async function classroomsOf(db: Queryable, lessonIds: string[]): Promise<ClassroomRow[]> {
  if (!lessonIds.length) return [];
  return db
    .select({
      lessonId: lessonClassrooms.lessonId,
      id: classrooms.id,
      name: classrooms.name,
      schoolId: orgs.id,
      schoolName: orgs.name,
    })
    .from(lessonClassrooms)
    .innerJoin(classrooms, eq(classrooms.id, lessonClassrooms.classroomId))
    .innerJoin(orgs, eq(orgs.id, classrooms.schoolId))
    .where(inArray(lessonClassrooms.lessonId, lessonIds))
    .orderBy(sql`${orgs.name} COLLATE "C"`, sql`${classrooms.name} COLLATE "C"`);
}

type MaterialRow = { lessonId: string; id: string; title: string; kind: string };

async function materialsOf(db: Queryable, lessonIds: string[]): Promise<MaterialRow[]> {
  if (!lessonIds.length) return [];
  return db
    .select({ lessonId: lessonMaterials.lessonId, id: resources.id, title: resources.title, kind: resources.kind })
    .from(lessonMaterials)
    .innerJoin(resources, eq(resources.id, lessonMaterials.resourceId))
    .where(inArray(lessonMaterials.lessonId, lessonIds))
    .orderBy(asc(lessonMaterials.position));
}

export function lessonOut(row: LessonRow, rooms: ClassroomRow[], actor: Actor, materials: MaterialRow[] = []) {
  return {
    id: row.id,
    title: row.title,
    subject: row.subject,
    grade: row.grade,
    startsAt: iso(row.startsAt),
    endsAt: iso(row.endsAt),
    status: row.status,
    teacherId: row.teacherId,
    teacherName: row.teacherName,
    schoolId: row.schoolId,
    schoolName: row.schoolName,
    classrooms: rooms.map(({ lessonId: _l, ...c }) => c),
    materials: materials.filter((m) => m.lessonId === row.id).map(({ lessonId: _l, ...m }) => m),
    seriesId: row.seriesId,
    cancelReason: row.cancelReason,
    myRole: roleIn(actor, row, rooms)?.role ?? null,
  };
}

/** The lesson if the caller takes part in it (any role); 404 otherwise. */
export async function getLessonFor(db: Queryable, actor: Actor, id: string) {
  const [r] = await selectLessons(db).where(eq(lessons.id, id));
  if (!r) throw notFound('lesson');
  const row: LessonRow = {
    ...r.l,
    teacherName: r.teacherName,
    schoolName: r.schoolName,
    groupId: r.groupId,
    districtId: r.districtId,
  };
  const rooms = await classroomsOf(db, [row.id]);
  const part = roleIn(actor, row, rooms);
  if (!part) throw notFound('lesson');
  return { row, rooms, part, materials: await materialsOf(db, [row.id]) };
}

/**
 * Lessons the caller teaches or attends (mine), or also may observe (upcoming), from now on; or, newest first,
 * those already over that the caller took part in or may observe (past: attendance and feedback live there).
 */
export async function listLessons(db: Queryable, actor: Actor, scope: 'mine' | 'upcoming' | 'past') {
  const r = reach(actor);
  const assistantRooms = actor.memberships
    .filter((m) => m.role === 'assistant' && m.classroomId)
    .map((m) => m.classroomId!);
  const attends: SQL | undefined = assistantRooms.length
    ? sql`EXISTS (SELECT 1 FROM lesson_classrooms lc WHERE lc.lesson_id = ${lessons.id} AND lc.classroom_id IN (${sql.join(
        assistantRooms.map((c) => sql`${c}::uuid`),
        sql`, `,
      )}))`
    : undefined;
  const near: SQL[] = [];
  if (scope !== 'mine') {
    if (r.groupIds.size) near.push(inArray(orgs.groupId, [...r.groupIds]));
    if (r.districtIds.size) near.push(inArray(orgs.districtId, [...r.districtIds]));
  }
  const when =
    scope === 'past' ? lt(lessons.endsAt, new Date()) : gt(lessons.endsAt, new Date(Date.now() - 3 * 3600_000));
  const rows = await selectLessons(db)
    .where(and(when, or(eq(lessons.teacherId, actor.user.id), attends, ...near)))
    .orderBy(scope === 'past' ? desc(lessons.startsAt) : asc(lessons.startsAt))
    .limit(200);
  const all = rows.map((x) => ({
    ...x.l,
    teacherName: x.teacherName,
    schoolName: x.schoolName,
    groupId: x.groupId,
    districtId: x.districtId,
  }));
  const [rooms, materials] = await Promise.all([
    classroomsOf(
      db,
      all.map((l) => l.id),
    ),
    materialsOf(
      db,
      all.map((l) => l.id),
    ),
  ]);
  return all
    .map((l) => ({ l, rooms: rooms.filter((c) => c.lessonId === l.id), materials }))
    .filter(({ l, rooms: rs }) => roleIn(actor, l, rs) !== null);
}

export { classroomsOf };

/** Lessons by id, shaped for the caller (after scheduling a series), in start order. */
export async function listLessonsByIds(db: Queryable, actor: Actor, ids: string[]) {
  if (!ids.length) return [];
  const rows = await selectLessons(db).where(inArray(lessons.id, ids)).orderBy(asc(lessons.startsAt));
  const all = rows.map((x) => ({
    ...x.l,
    teacherName: x.teacherName,
    schoolName: x.schoolName,
    groupId: x.groupId,
    districtId: x.districtId,
  }));
  const [rooms, materials] = await Promise.all([classroomsOf(db, ids), materialsOf(db, ids)]);
  return all.map((l) =>
    lessonOut(
      l,
      rooms.filter((c) => c.lessonId === l.id),
      actor,
      materials,
    ),
  );
}
