// Reading lessons: one lesson for a caller who takes part in it (the gates), the caller's lists, and the shape
// the API answers with.
import { and, asc, desc, eq, gt, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import { lessonIsOver } from '../../../shared/lessons';
import type { Lesson, LessonListScope } from '../../../shared/schemas/lessons';
import { iso } from '../../../shared/time';
import { classrooms, lessonClassrooms, lessonMaterials, lessons, orgs, resources, users } from '../../db/schema';
import type { Queryable } from '../../lib/db';
import { AppError, forbidden, notFound } from '../../lib/errors';
import { type Actor, reach } from '../../lib/policy';
import { type LessonPart, roleIn } from './lessons.rules';

export type LessonRow = typeof lessons.$inferSelect & {
  teacherName: string;
  schoolName: string;
  groupId: string | null;
  districtId: string | null;
};
export type ClassroomRow = { lessonId: string; id: string; name: string; schoolId: string; schoolName: string };
type MaterialRow = { lessonId: string; id: string; title: string; kind: string };

/** A lesson as its gate found it: the row, its invited classrooms, how the caller takes part, its materials. */
export interface LessonFor {
  row: LessonRow;
  rooms: ClassroomRow[];
  part: LessonPart;
  materials: MaterialRow[];
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

type Selected = Awaited<ReturnType<typeof selectLessons>>[number];
const rowOf = (x: Selected): LessonRow => ({
  ...x.l,
  teacherName: x.teacherName,
  schoolName: x.schoolName,
  groupId: x.groupId,
  districtId: x.districtId,
});

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

async function materialsOf(db: Queryable, lessonIds: string[]): Promise<MaterialRow[]> {
  if (!lessonIds.length) return [];
  return db
    .select({ lessonId: lessonMaterials.lessonId, id: resources.id, title: resources.title, kind: resources.kind })
    .from(lessonMaterials)
    .innerJoin(resources, eq(resources.id, lessonMaterials.resourceId))
    .where(inArray(lessonMaterials.lessonId, lessonIds))
    .orderBy(asc(lessonMaterials.position));
}

export function lessonOut(row: LessonRow, rooms: ClassroomRow[], actor: Actor, materials: MaterialRow[]): Lesson {
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
    record: row.record,
    myRole: roleIn(actor, row, rooms)?.role ?? null,
  };
}

/** The lesson if the caller takes part in it (any role); 404 otherwise. */
export async function getLessonFor(db: Queryable, actor: Actor, id: string): Promise<LessonFor> {
  const [r] = await selectLessons(db).where(eq(lessons.id, id));
  if (!r) throw notFound('lesson');
  const row = rowOf(r);
  const rooms = await classroomsOf(db, [row.id]);
  const part = roleIn(actor, row, rooms);
  if (!part) throw notFound('lesson');
  return { row, rooms, part, materials: await materialsOf(db, [row.id]) };
}

/** The lesson if the caller teaches it: 404 if they take no part, 403 (`refusal`) if they take another part. */
export async function getTaughtLesson(db: Queryable, actor: Actor, id: string, refusal: string): Promise<LessonFor> {
  const found = await getLessonFor(db, actor, id);
  if (found.part.role !== 'teacher') throw forbidden(refusal);
  return found;
}

/** One invited classroom of a running lesson, as its teacher acts on it in the live room. */
export interface ClassroomInLesson {
  lesson: LessonRow;
  /** `classroom:<id>`, its LiveKit identity. */
  identity: string;
  classroomName: string;
}

/** The lesson's teacher acting on one of its invited classrooms in the live room: checks both, and that it runs. */
export async function teacherOver(
  db: Queryable,
  actor: Actor,
  id: string,
  identity: string,
): Promise<ClassroomInLesson> {
  const { row, rooms } = await getTaughtLesson(db, actor, id, 'Only the lesson’s teacher does this');
  const classroom = rooms.find((r) => `classroom:${r.id}` === identity);
  if (!classroom) throw new AppError('not_found', 'That classroom is not invited to this lesson');
  if (lessonIsOver(row.status)) throw new AppError('invalid_state', 'This lesson is not running');
  return { lesson: row, identity, classroomName: `${classroom.name} · ${classroom.schoolName}` };
}

/** The school a master teacher schedules lessons for; everyone else is refused. */
export function schedulingSchool(actor: Actor): string {
  const master = actor.memberships.find((m) => m.masterTeacher && m.orgKind === 'school');
  if (!master) throw forbidden('Only master teachers schedule live lessons');
  return master.orgId;
}

/** A lesson the caller takes part in, shaped for the answer (after a change). */
export async function lessonAnswerFor(db: Queryable, actor: Actor, id: string): Promise<Lesson> {
  const { row, rooms, materials } = await getLessonFor(db, actor, id);
  return lessonOut(row, rooms, actor, materials);
}

/**
 * Lessons the caller teaches or attends (mine), or also may observe (upcoming), from now on; or, newest first,
 * those already over that the caller took part in or may observe (past: attendance and feedback live there).
 */
export async function listLessons(db: Queryable, actor: Actor, scope: LessonListScope) {
  const r = reach(actor);
  const assistantRooms = actor.memberships.flatMap((m) =>
    m.role === 'assistant' && m.classroomId ? [m.classroomId] : [],
  );
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
  const all = rows.map(rowOf);
  const ids = all.map((l) => l.id);
  const [rooms, materials] = await Promise.all([classroomsOf(db, ids), materialsOf(db, ids)]);
  return all
    .map((l) => ({ l, rooms: rooms.filter((c) => c.lessonId === l.id), materials }))
    .filter(({ l, rooms: rs }) => roleIn(actor, l, rs) !== null);
}

/** Lessons by id, shaped for the caller (after scheduling or moving a series), in start order. */
async function listLessonsByIds(db: Queryable, actor: Actor, ids: string[]): Promise<Lesson[]> {
  if (!ids.length) return [];
  const rows = await selectLessons(db).where(inArray(lessons.id, ids)).orderBy(asc(lessons.startsAt));
  const [rooms, materials] = await Promise.all([classroomsOf(db, ids), materialsOf(db, ids)]);
  return rows.map((x) =>
    lessonOut(
      rowOf(x),
      rooms.filter((c) => c.lessonId === x.l.id),
      actor,
      materials,
    ),
  );
}

/** The answer to a change of several lessons: the one the caller named (`mainId`) and all of them. */
export async function seriesAnswerFor(db: Queryable, actor: Actor, ids: string[], mainId: string) {
  const all = await listLessonsByIds(db, actor, ids);
  const lesson = all.find((l) => l.id === mainId);
  if (!lesson) throw new Error(`the changed lesson ${mainId} is not among the lessons changed`);
  return { lesson, lessons: all };
}
