import type { Locale } from '../../../shared/enums';

import { formatPlainDate, parts } from '../../../shared/format-date';

export { formatPlainDate };

/** "2026年12月2日 周三" / "Wed 2 Dec 2026", in Beijing time. */
export function formatDate(value: string | Date, locale: Locale): string {
  const d = typeof value === 'string' ? new Date(value) : value;
  const p = parts(d, locale, { year: 'numeric', month: 'numeric', day: 'numeric', weekday: 'short' });
  if (locale === 'zh') return `${p.year}年${p.month}月${p.day}日 ${p.weekday}`;
  const m = parts(d, locale, { month: 'short' }).month;
  // British numeric dates pad the day ("08/12/2026"); written with the month's name it has none ("Tue 8 Dec").
  return `${p.weekday} ${Number(p.day)} ${m} ${p.year}`;
}

/** "12月2日 周三" / "Wed 2 Dec": a day where the year is said elsewhere (a calendar's column, under its title). */
export function formatDay(value: string | Date, locale: Locale): string {
  const d = typeof value === 'string' ? new Date(value) : value;
  const p = parts(d, locale, { month: locale === 'zh' ? 'numeric' : 'short', day: 'numeric', weekday: 'short' });
  return locale === 'zh' ? `${p.month}月${p.day}日 ${p.weekday}` : `${p.weekday} ${p.day} ${p.month}`;
}

/** "周三" / "Wed". */
export function formatWeekday(value: string | Date, locale: Locale): string {
  const d = typeof value === 'string' ? new Date(value) : value;
  return parts(d, locale, { weekday: 'short' }).weekday ?? '';
}

/** "2026年12月" / "December 2026". */
export function formatMonth(value: string | Date, locale: Locale): string {
  const d = typeof value === 'string' ? new Date(value) : value;
  const p = parts(d, locale, { year: 'numeric', month: locale === 'zh' ? 'numeric' : 'long' });
  return locale === 'zh' ? `${p.year}年${p.month}月` : `${p.month} ${p.year}`;
}

/**
 * First to last day, both included, saying the year and month once where they repeat: "2026年11月30日–12月6日",
 * "2026年12月7日–13日", "2026年12月28日–2027年1月3日" / "30 Nov – 6 Dec 2026", "7–13 Dec 2026".
 */
export function formatDateRange(first: string | Date, last: string | Date, locale: Locale): string {
  const opts = { year: 'numeric', month: locale === 'zh' ? 'numeric' : 'short', day: 'numeric' } as const;
  const a = parts(typeof first === 'string' ? new Date(first) : first, locale, opts);
  const b = parts(typeof last === 'string' ? new Date(last) : last, locale, opts);
  const sameYear = a.year === b.year;
  const sameMonth = sameYear && a.month === b.month;
  if (locale === 'zh') {
    const end = sameMonth ? `${b.day}日` : `${sameYear ? '' : `${b.year}年`}${b.month}月${b.day}日`;
    return `${a.year}年${a.month}月${a.day}日–${end}`;
  }
  if (sameMonth) return `${a.day}–${b.day} ${b.month} ${b.year}`;
  return `${a.day} ${a.month}${sameYear ? '' : ` ${a.year}`} – ${b.day} ${b.month} ${b.year}`;
}

/** "14:00" in Beijing time, 24-hour clock in both languages. */
export function formatTime(value: string | Date, locale: Locale): string {
  const d = typeof value === 'string' ? new Date(value) : value;
  const p = parts(d, locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return `${p.hour}:${p.minute}`;
}

/** "2026年12月2日 周三 14:00" — how people in Beijing write a date and time. */
export function formatDateTime(value: string | Date, locale: Locale): string {
  return `${formatDate(value, locale)} ${formatTime(value, locale)}`;
}
