// What scheduling checks before anything is saved: the classrooms and materials a teacher may invite and hand
// out, the classrooms' other lessons at those times, the rest of a series, and whom to tell.
import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Clash, LessonDefaults } from '../../../shared/schemas/lessons';
import type { Occurrence } from '../../../shared/series';
import { hhmm, iso, toLocal } from '../../../shared/time';
import { classrooms, lessonClassrooms, lessons, memberships, orgs, resources } from '../../db/schema';
import type { Queryable } from '../../lib/db';
import { AppError } from '../../lib/errors';
import { type Actor, canSeeOrg } from '../../lib/policy';
import { owner, visibleResourcesWhere } from '../resources/resources.queries';
import { usualSubjectAndGrade } from './lessons.rules';

/** The classrooms' other scheduled or running lessons that overlap any of the times (half-open ranges). */
export async function findClashes(
  db: Queryable,
  classroomIds: string[],
  times: Occurrence[],
  exceptLessonIds: string[] = [],
): Promise<Clash[]> {
  if (!classroomIds.length || !times.length) return [];
  const overlaps = or(
    ...times.map((o) =>
      and(
        sql`${lessons.startsAt} < ${o.endsAt.toISOString()}::timestamptz`,
        sql`${lessons.endsAt} > ${o.startsAt.toISOString()}::timestamptz`,
      ),
    ),
  );
  const rows = await db
    .select({
      lessonId: lessons.id,
      title: lessons.title,
      startsAt: lessons.startsAt,
      endsAt: lessons.endsAt,
      classroomId: classrooms.id,
      classroomName: classrooms.name,
      schoolName: orgs.name,
    })
    .from(lessons)
    .innerJoin(lessonClassrooms, eq(lessonClassrooms.lessonId, lessons.id))
    .innerJoin(classrooms, eq(classrooms.id, lessonClassrooms.classroomId))
    .innerJoin(orgs, eq(orgs.id, classrooms.schoolId))
    .where(
      and(
        inArray(lessonClassrooms.classroomId, classroomIds),
        inArray(lessons.status, ['scheduled', 'live']),
        overlaps,
        ...(exceptLessonIds.length
          ? [
              sql`${lessons.id} NOT IN (${sql.join(
                exceptLessonIds.map((x) => sql`${x}::uuid`),
                sql`, `,
              )})`,
            ]
          : []),
      ),
    )
    .orderBy(asc(lessons.startsAt))
    .limit(50);
  return rows.map((r) => ({
    lessonId: r.lessonId,
    title: r.title,
    startsAt: iso(r.startsAt),
    endsAt: iso(r.endsAt),
    classroomId: r.classroomId,
    classroomName: `${r.schoolName} ${r.classroomName}`,
  }));
}

export function refuseClashes(clashes: Clash[]) {
  if (clashes.length)
    throw new AppError('conflict', 'Some classrooms already have a live lesson at that time', { clashes });
}

/** Classrooms the teacher may invite: visible schools within the teacher's group or district. */
export async function checkClassrooms(db: Queryable, actor: Actor, ids: string[]) {
  const rooms = await db
    .select({
      id: classrooms.id,
      school: { id: orgs.id, kind: orgs.kind, groupId: orgs.groupId, districtId: orgs.districtId },
    })
    .from(classrooms)
    .innerJoin(orgs, eq(orgs.id, classrooms.schoolId))
    .where(inArray(classrooms.id, ids));
  const invisible = ids.filter((cid) => !rooms.some((r) => r.id === cid && canSeeOrg(actor, r.school)));
  if (invisible.length)
    throw new AppError('validation_failed', 'Some classrooms do not exist or are outside your group and district', {
      fields: { classroomIds: invisible.map((i) => `unknown classroom ${i}`) },
    });
}

/**
 * Library materials the teacher can see and that the classrooms of other schools may open too: published and
 * shared with the group or wider (a draft or a school-only file would show a title they cannot follow).
 */
export async function checkMaterials(db: Queryable, actor: Actor, ids: string[]) {
  if (!ids.length) return;
  const seen = await db
    .select({ id: resources.id })
    .from(resources)
    .innerJoin(owner, eq(owner.id, resources.schoolId))
    .where(
      and(
        inArray(resources.id, ids),
        visibleResourcesWhere(actor),
        eq(resources.status, 'published'),
        inArray(resources.visibility, ['group', 'district', 'public']),
      ),
    );
  const missing = ids.filter((x) => !seen.some((s) => s.id === x));
  if (missing.length)
    throw new AppError(
      'validation_failed',
      'Some materials do not exist, are not published, or are not shared beyond their school',
      { fields: { resourceIds: missing.map((m) => `unknown resource ${m}`) } },
    );
}

/** Assistant teachers of the classrooms of these lessons, to notify. */
export async function assistantsOf(db: Queryable, lessonIds: string[]): Promise<string[]> {
  if (!lessonIds.length) return [];
  const rows = await db
    .selectDistinct({ id: memberships.userId })
    .from(memberships)
    .innerJoin(lessonClassrooms, eq(lessonClassrooms.classroomId, memberships.classroomId))
    .where(and(inArray(lessonClassrooms.lessonId, lessonIds), eq(memberships.role, 'assistant')));
  return rows.map((r) => r.id);
}

/** Lessons of the same series from this one on (for "this and the following"), still scheduled. */
export async function restOfSeries(db: Queryable, lesson: { id: string; seriesId: string | null; startsAt: Date }) {
  if (!lesson.seriesId) return [lesson.id];
  const rows = await db
    .select({ id: lessons.id })
    .from(lessons)
    .where(
      and(
        eq(lessons.seriesId, lesson.seriesId),
        eq(lessons.status, 'scheduled'),
        sql`${lessons.startsAt} >= ${lesson.startsAt.toISOString()}::timestamptz`,
      ),
    );
  return [lesson.id, ...rows.map((r) => r.id).filter((x) => x !== lesson.id)];
}

/** How many of a teacher's latest lessons (or resources) say what they usually teach. */
const LATEST = 20;

/**
 * What a new lesson of this teacher starts with (lessonDefaults): what they usually teach, from their latest lessons
 * or else their resources; and the classrooms (those still within reach), start time and length of their latest.
 */
export async function lessonDefaultsFor(db: Queryable, actor: Actor): Promise<LessonDefaults> {
  const mine = await db
    .select({
      id: lessons.id,
      subject: lessons.subject,
      grade: lessons.grade,
      startsAt: lessons.startsAt,
      endsAt: lessons.endsAt,
    })
    .from(lessons)
    .where(eq(lessons.teacherId, actor.user.id))
    .orderBy(desc(lessons.createdAt), desc(lessons.startsAt))
    .limit(LATEST);
  const usual =
    usualSubjectAndGrade(mine) ??
    usualSubjectAndGrade(
      await db
        .select({ subject: resources.subject, grade: resources.grade })
        .from(resources)
        .where(eq(resources.authorId, actor.user.id))
        .orderBy(desc(resources.createdAt))
        .limit(LATEST),
    );
  const latest = mine[0];
  const rooms = latest
    ? await db
        .select({
          id: classrooms.id,
          school: { id: orgs.id, kind: orgs.kind, groupId: orgs.groupId, districtId: orgs.districtId },
        })
        .from(lessonClassrooms)
        .innerJoin(classrooms, eq(classrooms.id, lessonClassrooms.classroomId))
        .innerJoin(orgs, eq(orgs.id, classrooms.schoolId))
        .where(eq(lessonClassrooms.lessonId, latest.id))
    : [];
  return {
    subject: usual?.subject ?? null,
    grade: usual?.grade ?? null,
    classroomIds: rooms.filter((r) => canSeeOrg(actor, r.school)).map((r) => r.id),
    time: latest ? hhmm(toLocal(latest.startsAt).minutes) : null,
    minutes: latest ? Math.round((latest.endsAt.getTime() - latest.startsAt.getTime()) / 60_000) : null,
  };
}
