import { For, Show } from 'solid-js';
import { Icon } from '../../components/icon';
import { fromWall } from '../../lib/beijing';
import { formatDate, formatDateRange, formatMonth } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { type CalendarView, dayOf, type Shown } from './calendar-setup';

/** An icon button's name, also shown as a tooltip to those who point at it. */
const named = (name: string) => ({ 'aria-label': name, title: name });

const period = { timeGridDay: 'Day', resourceTimeGridDay: 'Day', timeGridWeek: 'Week', dayGridMonth: 'Month' } as const;

/**
 * Above a facility calendar: earlier and later (named for what they move by), today, the title —
 * "2026年11月30日–12月6日", "2026年12月2日 周三", "2026年12月" — announced when it changes, and the views offered.
 */
export function CalendarToolbar(props: {
  shown: Shown | undefined;
  /** The views offered, when there is a choice. */
  views?: CalendarView[];
  onPrev: () => void;
  onNext: () => void;
  onToday: () => void;
  onView?: (view: CalendarView) => void;
}) {
  const { t, locale } = useI18n();
  const by = () => period[props.shown?.view ?? 'timeGridWeek'];
  const title = () => {
    const s = props.shown;
    if (!s) return '';
    const last = new Date(s.end);
    last.setDate(last.getDate() - 1);
    if (s.view === 'dayGridMonth') return formatMonth(fromWall(s.start), locale());
    if (s.view === 'timeGridWeek') return formatDateRange(fromWall(s.start), fromWall(last), locale());
    return formatDate(fromWall(s.start), locale());
  };
  const showsToday = () => {
    const s = props.shown;
    const today = dayOf();
    return !!s && dayOf(s.start) <= today && today < dayOf(s.end);
  };
  const viewName = (v: CalendarView) =>
    v === 'dayGridMonth' ? t('facilities.month') : v === 'timeGridWeek' ? t('facilities.week') : t('facilities.day');
  return (
    <div class="cal-toolbar">
      <span class="row">
        <button type="button" class="icon" onClick={() => props.onPrev()} {...named(t(`facilities.prev${by()}`))}>
          <Chevron back />
        </button>
        <button type="button" class="icon" onClick={() => props.onNext()} {...named(t(`facilities.next${by()}`))}>
          <Chevron />
        </button>
        <button type="button" onClick={() => props.onToday()} disabled={showsToday()}>
          {t('facilities.today')}
        </button>
      </span>
      <h2 class="cal-title" aria-live="polite" data-testid="calendar-title">
        {title()}
      </h2>
      <Show when={(props.views ?? []).length > 1}>
        <fieldset class="button-group">
          <legend class="sr-only">{t('facilities.viewBy')}</legend>
          <For each={props.views}>
            {(v) => (
              <button type="button" aria-pressed={props.shown?.view === v} onClick={() => props.onView?.(v)}>
                {viewName(v)}
              </button>
            )}
          </For>
        </fieldset>
      </Show>
    </div>
  );
}

function Chevron(props: { back?: boolean }) {
  return (
    <Icon weight={2.5}>
      <path d={props.back ? 'M15 5l-7 7 7 7' : 'M9 5l7 7-7 7'} />
    </Icon>
  );
}
