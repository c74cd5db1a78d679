import type { Locale } from '../../../../shared/enums';
import type { Booking } from '../../../../shared/schemas/bookings';
import { formatDate, formatDateTime, formatTime } from '../../lib/format';

/** "2026年12月3日 周四 14:00–16:00"; the end's date is written only when it falls on another day. */
export function bookingWhen(b: Pick<Booking, 'startsAt' | 'endsAt'>, locale: Locale): string {
  const p = bookingWhenParts(b, locale);
  return `${p.date} ${p.time}`;
}

/** The same, split where a narrow column may break the line: date | "14:00–16:00". */
export function bookingWhenParts(
  b: Pick<Booking, 'startsAt' | 'endsAt'>,
  locale: Locale,
): { date: string; time: string } {
  const sameDay = formatDate(b.startsAt, locale) === formatDate(b.endsAt, locale);
  const end = sameDay ? formatTime(b.endsAt, locale) : formatDateTime(b.endsAt, locale);
  return { date: formatDate(b.startsAt, locale), time: `${formatTime(b.startsAt, locale)}–${end}` };
}
