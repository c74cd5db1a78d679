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
