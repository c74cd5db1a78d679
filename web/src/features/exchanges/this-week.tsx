import { For, Show } from 'solid-js';
import type { Locale } from '../../../../shared/enums';
import type { LogEntry, Placement } from '../../../../shared/schemas/exchanges';
import { addDays, mondayOf } from '../../../../shared/time';
import { todayInBeijing } from '../../lib/beijing';
import { formatDateRange, formatDay } from '../../lib/format';
import { useI18n } from '../../lib/i18n';

/** A week in post by its Monday, as its days: "2026年11月30日–12月6日" / "30 Nov – 6 Dec 2026". */
export const weekRange = (monday: string, locale: Locale) => formatDateRange(monday, addDays(monday, 6), locale);

/**
 * This week's log at a glance (what is in it, or a reminder that nothing is), and the past weeks in post without an
 * entry: the teacher's home card and page both open with it.
 */
export function ThisWeek(props: { placement: Placement; logs: LogEntry[] }) {
  const { t, locale } = useI18n();
  const monday = mondayOf(todayInBeijing());
  const range = (m: string) => weekRange(m, locale());
  const entries = () => props.logs.filter((l) => mondayOf(l.on) === monday);
  const hours = () => entries().reduce((sum, e) => sum + e.hours, 0);
  const missed = () => props.placement.weeksWithoutEntry;
  return (
    <div class="this-week">
      <Show
        when={entries().length}
        fallback={
          <p class="notice info" data-testid="week-reminder">
            {t('exchanges.post.thisWeekNone', { week: range(monday) })}
          </p>
        }
      >
        <p data-testid="this-week">
          {t('exchanges.post.thisWeekSome', { count: String(entries().length), hours: String(hours()) })}
        </p>
        <ul class="plain compact">
          <For each={entries()}>
            {(e) => (
              <li data-testid="this-week-entry">
                {formatDay(e.on, locale())} · {t('exchanges.post.activities')[e.activity]} ·{' '}
                {t('exchanges.post.hoursValue', { hours: String(e.hours) })}
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={missed().length}>
        <p class="muted" data-testid="missed-weeks">
          {t('exchanges.post.missedWeeks', {
            count: String(missed().length),
            weeks: missed().map(range).join(t('common.separator')),
          })}
        </p>
      </Show>
    </div>
  );
}
