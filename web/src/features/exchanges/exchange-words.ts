// How a posting's and an application's facts are written on the page, in the reader's language.
import type { Locale } from '../../../../shared/enums';
import type { EligibilityFailure } from '../../../../shared/exchanges';
import type { Posting } from '../../../../shared/schemas/exchanges';
import { formatMonth, formatPlainDate } from '../../lib/format';
import type { useI18n } from '../../lib/i18n';
import { lastDay } from './last-day';

type T = ReturnType<typeof useI18n>['t'];
type PostFacts = Pick<Posting, 'subject' | 'gradeFrom' | 'gradeTo' | 'startsOn' | 'months'>;

/** "2027年2月起 · 12个月" / "From February 2027 · 12 months". */
export const postingWhen = (p: PostFacts, t: T, locale: Locale) =>
  t('exchanges.when', { month: formatMonth(p.startsOn, locale), months: String(p.months) });

/** "数学 · 三年级至六年级" / "Maths · Grade 3 to Grade 6". */
export function postingWhat(p: PostFacts, t: T): string {
  const grade = (g: number) => t('library.grades')[String(g) as '1'];
  const grades =
    p.gradeFrom === p.gradeTo
      ? grade(p.gradeFrom)
      : t('exchanges.gradeRange', { from: grade(p.gradeFrom), to: grade(p.gradeTo) });
  return `${t('library.subjects')[p.subject]} · ${grades}`;
}

/** A failed eligibility rule as the API names it: its code, its figures, and an English message for API clients. */
export type RuleFailure = { rule: EligibilityFailure['rule'] } & Record<string, string | number>;

/** One failed rule as a sentence, with its figures: "需在本校连续任教满 6 年（目前 3 年）". */
export function ruleText(f: RuleFailure, t: T, locale: Locale): string {
  const day = (v: unknown) => (typeof v === 'string' && v ? formatPlainDate(v, locale) : '');
  const figures = Object.fromEntries(Object.entries(f).map(([k, v]) => [k, String(v)]));
  const sentence = t(`exchanges.rules.${f.rule}`, {
    ...figures,
    retiresOn: day(f.retiresOn),
    until: typeof f.until === 'string' ? day(lastDay(f.until)) : '',
  });
  return typeof sentence === 'string' && sentence ? sentence : String(f.message ?? f.rule);
}
