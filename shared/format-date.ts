// Dates as people in Beijing write them, in the reader's language: for the web app (web/src/lib/format.ts) and for
// the pages the server renders itself (a school's public page).
import type { Locale } from './enums';

const TZ = 'Asia/Shanghai';

/** The parts of a moment's Beijing date and time, named as Intl names them. */
export function parts(date: Date, locale: Locale, opts: Intl.DateTimeFormatOptions) {
  const fmt = new Intl.DateTimeFormat(locale === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: TZ, ...opts });
  return Object.fromEntries(fmt.formatToParts(date).map((p) => [p.type, p.value])) as Record<string, string>;
}

/** "2027年8月31日" / "31 Aug 2027": a calendar day without its weekday (when a post ends, a programme starts). */
export function formatPlainDate(value: string | Date, locale: Locale): string {
  const d = typeof value === 'string' ? new Date(value) : value;
  const p = parts(d, locale, { year: 'numeric', month: locale === 'zh' ? 'numeric' : 'short', day: 'numeric' });
  return locale === 'zh' ? `${p.year}年${p.month}月${p.day}日` : `${p.day} ${p.month} ${p.year}`;
}
