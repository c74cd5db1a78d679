import { nextWeekday } from '../../server/db/seed';
import { fromLocal, toLocal } from '../../server/modules/bookings/bookings.rules';

/** ISO times (+08:00) for a Beijing wall-clock slot on the next given weekday at least `minDays` ahead. */
export function slot(
  weekday: number,
  startHour: number,
  endHour: number,
  minDays = 3,
): { startsAt: string; endsAt: string; day: string } {
  const day = nextWeekday(weekday, minDays);
  const fmt = (h: number) =>
    `${day}T${String(Math.floor(h)).padStart(2, '0')}:${String(Math.round((h % 1) * 60)).padStart(2, '0')}:00+08:00`;
  return { startsAt: fmt(startHour), endsAt: fmt(endHour), day };
}

export const addDays = (day: string, n: number) => toLocal(new Date(fromLocal(day).getTime() + n * 86400_000)).date;

/** An ISO time `m` minutes from now. */
export const minutesFromNow = (m: number) => new Date(Date.now() + m * 60_000).toISOString();

/**
 * A live lesson's body for POST /api/lessons that may be joined at once (joining opens 15 minutes before the start):
 * it starts in 5 minutes and lasts 45, for `classroomIds`, clashes allowed (tests schedule many).
 */
export function lessonSoon(classroomIds: string[], title = '直播：分数的初步认识') {
  return {
    title,
    subject: 'math' as const,
    grade: 4,
    startsAt: minutesFromNow(5),
    endsAt: minutesFromNow(50),
    classroomIds,
    allowClashes: true,
  };
}
