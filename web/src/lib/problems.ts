// Problems the API names (shared/problems.ts) in the reader's language: next to their field when the form shows
// it, otherwise as sentences of their own.
import type { Locale } from '../../../shared/enums';
import type { FieldProblem } from '../../../shared/problems';
import type { zh } from '../i18n/zh';
import { formatDate } from './format';
import type { useI18n } from './i18n';

type T = ReturnType<typeof useI18n>['t'];
type Code = Exclude<keyof typeof zh.problems, 'fields' | 'onDate' | 'fieldFallback'>;

/** A field's label: the form's own, else a known name, else "this field". */
function labelOf(field: string, t: T, labels?: Record<string, string>): string {
  if (labels?.[field]) return labels[field];
  const known: unknown = t(`problems.fields.${field}` as 'problems.fields.purpose');
  return typeof known === 'string' && known ? known : t('problems.fieldFallback');
}

/** One problem as a sentence; a series' problem says which date it is about. */
export function problemText(p: FieldProblem, t: T, locale: Locale, labels?: Record<string, string>): string {
  const figures: Record<string, string> = { field: labelOf(p.field, t, labels) };
  for (const [k, v] of Object.entries(p)) if (typeof v === 'number' || typeof v === 'string') figures[k] ??= String(v);
  if (p.code === 'quota_exceeded') figures.left = String(Math.max(0, p.quota - p.held));
  const sentence = t(`problems.${p.code}` as `problems.${Code}`, figures);
  const text = typeof sentence === 'string' && sentence ? sentence : t('problems.invalid', figures);
  return p.startsAt ? t('problems.onDate', { date: formatDate(p.startsAt, locale), problem: text }) : text;
}
