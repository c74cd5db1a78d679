// Pure rules of live lessons: who takes part in a lesson and as what. No database here.
import type { Actor } from '../../lib/policy';

/** How a person takes part in a lesson; a classroom's assistant teachers take part as their classroom. */
export type LessonPart =
  | { role: 'teacher' }
  | { role: 'classroom'; classroomId: string; classroomName: string }
  | { role: 'observer' };

/** What the role depends on: the lesson's teacher and where its school sits. */
export interface LessonPlace {
  teacherId: string;
  groupId: string | null;
  districtId: string | null;
}

/** An invited classroom, as far as roles and names go. */
export interface InvitedRoom {
  id: string;
  name: string;
  schoolName: string;
}

/**
 * How a person takes part (CONTRACT: who may join a lesson): its teacher; the assistant teachers of its invited
 * classrooms, as their classroom; teachers and admins of the same group or district, as hidden observers.
 */
export function roleIn(actor: Actor, lesson: LessonPlace, rooms: InvitedRoom[]): LessonPart | null {
  if (lesson.teacherId === actor.user.id) return { role: 'teacher' };
  const mine = actor.memberships.find(
    (m) => m.role === 'assistant' && m.classroomId && rooms.some((r) => r.id === m.classroomId),
  );
  const room = mine && rooms.find((r) => r.id === mine.classroomId);
  if (room) return { role: 'classroom', classroomId: room.id, classroomName: `${room.name} · ${room.schoolName}` };
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

/** One lesson or resource of a teacher, newest first, as far as what they teach goes. */
export interface Taught<S extends string = string> {
  subject: S;
  grade: number;
}

/**
 * The subject a teacher usually teaches, from their latest lessons (or resources), newest first: the most frequent,
 * the newer on a tie; and the grade most frequent with it, the newer on a tie. Null when there is nothing to go on.
 */
export function usualSubjectAndGrade<S extends string>(latest: Taught<S>[]): Taught<S> | null {
  const mostFrequent = <K>(keys: K[]): K | undefined => {
    const counts = new Map<K, number>();
    for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
    // Map keeps first-seen order, and the list is newest first: on a tie the newer wins.
    let best: K | undefined;
    for (const [k, n] of counts) if (best === undefined || n > (counts.get(best) ?? 0)) best = k;
    return best;
  };
  const subject = mostFrequent(latest.map((x) => x.subject));
  if (subject === undefined) return null;
  const grade = mostFrequent(latest.filter((x) => x.subject === subject).map((x) => x.grade));
  return grade === undefined ? null : { subject, grade };
}
