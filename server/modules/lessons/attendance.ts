// Minutes present per classroom, from the join/leave pairs LiveKit's webhooks recorded: sessions that overlap
// (a reconnect that joined before the old session's leave arrived) count once.
import { eq } from 'drizzle-orm';
import { iso } from '../../../shared/time';
import { lessonAttendance } from '../../db/schema';
import type { Queryable } from '../../lib/db';

interface Session {
  joinedAt: Date | null;
  leftAt: Date | null;
}

/** Minutes covered by the union of the sessions; an open session runs to `until`. */
export function minutesPresent(sessions: Session[], until: Date): number {
  const spans = sessions
    .filter((s) => s.joinedAt)
    .map((s) => [s.joinedAt!.getTime(), Math.min((s.leftAt ?? until).getTime(), until.getTime())] as const)
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  let total = 0;
  let [start, end] = [NaN, NaN];
  for (const [a, b] of spans) {
    if (!(a <= end)) {
      if (end > start) total += end - start;
      [start, end] = [a, b];
    } else end = Math.max(end, b);
  }
  if (end > start) total += end - start;
  return Math.round(total / 60_000);
}

/** Up to when a lesson's open sessions count: its end for an ended lesson, otherwise now. */
export const presentUntil = (lesson: { status: string; updatedAt: Date }) =>
  lesson.status === 'ended' ? new Date(Math.min(lesson.updatedAt.getTime(), Date.now())) : new Date();

export async function attendanceOf(
  db: Queryable,
  lesson: { id: string; teacherId: string; status: string; endsAt: Date; updatedAt: Date },
  rooms: { id: string; name: string; schoolName: string }[],
) {
  const rows = await db.select().from(lessonAttendance).where(eq(lessonAttendance.lessonId, lesson.id));
  const until = presentUntil(lesson);
  const of = (identity: string) => rows.filter((r) => r.identity === identity);
  const items = rooms.map((room) => {
    const s = of(`classroom:${room.id}`);
    const joins = s
      .map((r) => r.joinedAt)
      .filter((d): d is Date => !!d)
      .sort((a, b) => +a - +b);
    const leaves = s
      .map((r) => r.leftAt)
      .filter((d): d is Date => !!d)
      .sort((a, b) => +a - +b);
    return {
      classroomId: room.id,
      name: room.name,
      schoolName: room.schoolName,
      firstJoinedAt: joins[0] ? iso(joins[0]) : null,
      lastLeftAt: leaves.length ? iso(leaves[leaves.length - 1]!) : null,
      minutes: minutesPresent(s, until),
      present: lesson.status !== 'ended' && s.some((r) => r.joinedAt && !r.leftAt),
    };
  });
  return {
    lessonId: lesson.id,
    status: lesson.status as 'live',
    items,
    teacherMinutes: minutesPresent(of(`user:${lesson.teacherId}`), until),
  };
}
