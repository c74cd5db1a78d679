// How the reports say their terms, days and months, in the reader's language.
import type { Locale } from '../../../../shared/enums';
import type { useI18n } from '../../lib/i18n';

type T = ReturnType<typeof useI18n>['t'];

/** "2026-autumn" → "2026 年秋季学期" / "Autumn term 2026". */
export function termName(t: T, name: string): string {
  const [year = '', season = ''] = name.split('-');
  return t('reports.terms')[season]?.replace('{{ year }}', year) ?? name;
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-09" → "9月" / "Sep". */
export function shortMonth(month: string, locale: Locale): string {
  const m = Number(month.slice(5, 7));
  return locale === 'zh' ? `${m}月` : (MONTHS_EN[m - 1] ?? month);
}

/** The Beijing day of the last instant before `isoTime` (a window's end is exclusive). */
export const dayBefore = (isoTime: string) =>
  new Date(Date.parse(isoTime) - 1 + 8 * 3600_000).toISOString().slice(0, 10);
