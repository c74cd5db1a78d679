// The facility calendars' library (@event-calendar/core 4.7, loaded with the page that shows one), set up the way
// people in Beijing read a calendar, in the page's language, and redrawn the moment the language changes. Its dates
// are Beijing wall clocks (lib/beijing.ts); the toolbar is ours (calendar-toolbar.tsx).
import { type Accessor, createEffect, createSignal, on, onCleanup, onMount } from 'solid-js';
import { fromWall, wall } from '../../lib/beijing';
import { formatDate, formatDay, formatTime, formatWeekday } from '../../lib/format';
import { useI18n } from '../../lib/i18n';

export type CalendarView = 'timeGridDay' | 'timeGridWeek' | 'dayGridMonth' | 'resourceTimeGridDay';

/** The calendar's methods that the pages call. */
export interface Ec {
  setOption(name: string, value: unknown): unknown;
  refetchEvents(): unknown;
  unselect(): unknown;
  prev(): unknown;
  next(): unknown;
}

/** What the calendar shows: its view and the days it covers, `end` excluded (wall-clock Dates). */
export interface Shown {
  view: CalendarView;
  start: Date;
  end: Date;
}

type Lib = typeof import('@event-calendar/core');

/** Phones: a day at a time, and a week only in its compact form (styles.css). */
export const narrowScreen = () => window.matchMedia('(max-width: 600px)').matches;

/** The date of a wall-clock Date ("YYYY-MM-DD"); today's in Beijing without an argument. */
export const dayOf = (d?: Date) => (d ? fromWall(d) : wall(new Date().toISOString())).slice(0, 10);

const el = (tag: string, cls: string, text: string) => {
  const e = document.createElement(tag);
  e.className = cls;
  e.textContent = text;
  return e;
};

/**
 * Creates the calendar on `target` once the library has loaded and destroys it with the component. `options` are the
 * page's own (view, events, selection…); the formats, the toolbar and the language are set here.
 */
export function useEventCalendar(
  target: () => HTMLElement,
  setup: (lib: Lib) => { plugins: Lib['TimeGrid'][]; options: Record<string, unknown> },
): { ec: Accessor<Ec | undefined>; shown: Accessor<Shown | undefined> } {
  const { t, locale } = useI18n();
  const [ec, setEc] = createSignal<Ec>();
  const [shown, setShown] = createSignal<Shown>();
  // Dates arrive as wall clocks: formatted as Beijing times of that wall clock, in the language of the moment.
  const at = (d: Date) => fromWall(d);
  const day = (d: Date) => {
    const zh = locale() === 'zh';
    // The full form, and a two-line one (weekday over day of month) for a week on a phone.
    return {
      domNodes: [
        el('span', 'hd-full', formatDay(at(d), locale())),
        el('span', 'hd-short', `${formatWeekday(at(d), locale())} ${d.getDate()}${zh ? '日' : ''}`),
      ],
    };
  };
  const buttonText = (b: Record<string, string>) => ({ ...b, close: t('common.close') });
  let destroy: ((c: never) => unknown) | undefined;
  onMount(async () => {
    const [lib] = await Promise.all([import('@event-calendar/core'), import('@event-calendar/core/index.css')]);
    const { plugins, options } = setup(lib);
    destroy = lib.destroyCalendar as never;
    const calendar = lib.createCalendar(target(), plugins, {
      firstDay: 1,
      allDaySlot: false,
      height: 'auto',
      nowIndicator: true,
      locale: locale() === 'zh' ? 'zh-CN' : 'en-GB',
      // Ours is above the grid: in the page's language, and outside the grid's table role (a toolbar is no row).
      headerToolbar: { start: '', center: '', end: '' },
      buttonText,
      dayHeaderFormat: day,
      dayHeaderAriaLabelFormat: (d: Date) => formatDate(at(d), locale()),
      dayCellFormat: (d: Date) => String(d.getDate()),
      slotLabelFormat: (d: Date) => formatTime(at(d), locale()),
      eventTimeFormat: (start: Date, end: Date) =>
        start.getTime() === end.getTime()
          ? formatTime(at(start), locale())
          : `${formatTime(at(start), locale())}–${formatTime(at(end), locale())}`,
      // Time and title as text, not a heading per booking (a screen reader's list of headings stays the page's).
      eventContent: (info: { timeText: string; event: { title: string; display: string } }) => ({
        domNodes:
          info.event.display === 'background'
            ? []
            : [el('span', 'ec-event-time', info.timeText), el('span', 'ec-event-title', info.event.title)],
      }),
      views: {
        dayGridMonth: {
          dayHeaderFormat: (d: Date) => formatWeekday(at(d), locale()),
          dayHeaderAriaLabelFormat: (d: Date) => formatWeekday(at(d), locale()),
        },
      },
      datesSet: (info: { view: { type: CalendarView; currentStart: Date; currentEnd: Date } }) =>
        setShown({ view: info.view.type, start: info.view.currentStart, end: info.view.currentEnd }),
      ...options,
    }) as unknown as Ec;
    setEc(calendar);
  });
  // Another language: the formats read it when called, so a new locale redraws headers and times; the events'
  // titles come with them.
  createEffect(
    on(
      locale,
      (l) => {
        ec()?.setOption('locale', l === 'zh' ? 'zh-CN' : 'en-GB');
        ec()?.setOption('buttonText', buttonText);
        ec()?.refetchEvents();
      },
      { defer: true },
    ),
  );
  onCleanup(() => {
    const c = ec();
    if (c) destroy?.(c as never);
  });
  return { ec, shown };
}
