import type { Locale } from '../../../shared/enums';

const TZ = 'Asia/Shanghai';

function parts(date: Date, locale: Locale, opts: Intl.DateTimeFormatOptions) {
  const fmt = new Intl.DateTimeFormat(locale === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: TZ, ...opts });
  return Object.fromEntries(fmt.formatToParts(date).map((p) => [p.type, p.value])) as Record<string, string>;
}

/** "2026年12月2日 周三" / "Wed 2 Dec 2026", in Beijing time. */
export function formatDate(value: string | Date, locale: Locale): string {
  const d = typeof value === 'string' ? new Date(value) : value;
  const p = parts(d, locale, { year: 'numeric', month: 'numeric', day: 'numeric', weekday: 'short' });
  if (locale === 'zh') return `${p.year}年${p.month}月${p.day}日 ${p.weekday}`;
  const m = parts(d, locale, { month: 'short' }).month;
  return `${p.weekday} ${p.day} ${m} ${p.year}`;
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
