// Each invited classroom's time in a lesson, from the sessions LiveKit's webhooks recorded.
import { eq } from 'drizzle-orm';
import type { Attendance } from '../../../shared/schemas/lessons';
import { iso } from '../../../shared/time';
import { lessonAttendance } from '../../db/schema';
import type { Queryable } from '../../lib/db';
import { minutesPresent, presentUntil } from './attendance.rules';
import type { ClassroomRow, LessonRow } from './lessons.queries';

const sorted = (dates: (Date | null)[]) => dates.filter((d): d is Date => !!d).sort((a, b) => +a - +b);

export async function attendanceOf(db: Queryable, lesson: LessonRow, rooms: ClassroomRow[]): Promise<Attendance> {
  const rows = await db.select().from(lessonAttendance).where(eq(lessonAttendance.lessonId, lesson.id));
  const until = presentUntil(lesson);
  const of = (identity: string) => rows.filter((r) => r.identity === identity);
  const items = rooms.map((room) => {
    const s = of(`classroom:${room.id}`);
    const [firstJoin] = sorted(s.map((r) => r.joinedAt));
    const lastLeave = sorted(s.map((r) => r.leftAt)).at(-1);
    return {
      classroomId: room.id,
      name: room.name,
      schoolName: room.schoolName,
      firstJoinedAt: firstJoin ? iso(firstJoin) : null,
      lastLeftAt: lastLeave ? iso(lastLeave) : null,
      minutes: minutesPresent(s, until),
      present: lesson.status !== 'ended' && s.some((r) => r.joinedAt && !r.leftAt),
    };
  });
  return {
    lessonId: lesson.id,
    status: lesson.status,
    items,
    teacherMinutes: minutesPresent(of(`user:${lesson.teacherId}`), until),
  };
}
