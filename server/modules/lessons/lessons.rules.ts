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
