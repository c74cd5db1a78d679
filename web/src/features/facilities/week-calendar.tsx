import { createEffect, on, onCleanup, onMount } from 'solid-js';
import type { OpeningHours } from '../../../../shared/schemas/facilities';
import { fromWall, wall } from '../../lib/beijing';
import { useI18n } from '../../lib/i18n';
import { getAvailability } from './facilities.queries';

type Ec = { setOption(name: string, value: unknown): unknown; refetchEvents(): unknown; unselect(): unknown };

/** Earliest opening and latest closing over the week, so the grid shows only useful hours. */
function hoursRange(hours: OpeningHours): [string, string] {
  const all = Object.values(hours).flatMap((list) => list ?? []);
  const min = all.map((i) => i.start).sort()[0];
  const max = all
    .map((i) => i.end)
    .sort()
    .reverse()[0];
  if (!min || !max) return ['07:00', '21:00'];
  return [`${min}:00`, max === '24:00' ? '24:00:00' : `${max}:00`];
}

/**
 * Week / day / month calendar of one facility (event-calendar, loaded on this page only). Busy times come
 * from the availability API; a click picks an hour, a drag picks a range; `onPick` gets ISO times (+08:00).
 */
export function WeekCalendar(props: {
  facilityId: string;
  openingHours: OpeningHours;
  date?: string;
  refresh: number;
  /** The slot being booked, drawn on the grid. */
  pick: { startsAt: string; endsAt: string } | null;
  /** The booking just made: drawn as the person's own, so it reads as done and is shown once. */
  justBooked?: { startsAt: string; endsAt: string } | null;
  onPick: (startsAt: string, endsAt: string) => void;
}) {
  const { t, locale } = useI18n();
  let el!: HTMLElement;
  let ec: Ec | undefined;
  let destroy: ((c: never) => unknown) | undefined;
  const label = (status: string) => t('facilities.status')[status] ?? status;
  onMount(async () => {
    const [lib] = await Promise.all([import('@event-calendar/core'), import('@event-calendar/core/index.css')]);
    const [slotMinTime, slotMaxTime] = hoursRange(props.openingHours);
    destroy = lib.destroyCalendar as never;
    ec = lib.createCalendar(el, [lib.TimeGrid, lib.DayGrid, lib.Interaction], {
      view: 'timeGridWeek',
      ...(props.date ? { date: props.date } : {}),
      firstDay: 1,
      locale: locale() === 'zh' ? 'zh-CN' : 'en-GB',
      allDaySlot: false,
      slotMinTime,
      slotMaxTime,
      slotDuration: '00:30',
      height: 'auto',
      nowIndicator: true,
      selectable: true,
      headerToolbar: { start: 'prev,next today', center: 'title', end: 'timeGridDay,timeGridWeek,dayGridMonth' },
      buttonText: (b: Record<string, string>) => ({
        ...b,
        today: t('facilities.today'),
        timeGridDay: t('facilities.day'),
        timeGridWeek: t('facilities.week'),
        dayGridMonth: t('facilities.month'),
      }),
      eventSources: [
        {
          events: async (info: { start: Date; end: Date }) => {
            const a = await getAvailability(props.facilityId, fromWall(info.start), fromWall(info.end));
            return [
              ...a.open.map((o) => ({
                start: wall(o.startsAt),
                end: wall(o.endsAt),
                display: 'background' as const,
                classNames: ['ec-open'],
              })),
              ...a.busy.map((b) => {
                const mine = props.justBooked?.startsAt === b.startsAt && props.justBooked.endsAt === b.endsAt;
                return {
                  start: wall(b.startsAt),
                  end: wall(b.endsAt),
                  title: mine ? `${t('facilities.yourBooking')} · ${label(b.status)}` : label(b.status),
                  classNames: [`ec-busy-${b.status}`, ...(mine ? ['ec-mine'] : [])],
                };
              }),
              ...(props.pick
                ? [
                    {
                      start: wall(props.pick.startsAt),
                      end: wall(props.pick.endsAt),
                      title: t('facilities.picked'),
                      classNames: ['ec-picked'],
                    },
                  ]
                : []),
            ];
          },
        },
      ],
      select: (info: { start: Date; end: Date }) => props.onPick(fromWall(info.start), fromWall(info.end)),
      dateClick: (info: { date: Date; allDay: boolean }) => {
        if (info.allDay) return;
        props.onPick(fromWall(info.date), fromWall(new Date(info.date.getTime() + 3600_000)));
      },
    }) as unknown as Ec;
  });
  createEffect(
    on(
      () => [props.refresh, props.pick, props.justBooked],
      () => ec?.refetchEvents(),
      { defer: true },
    ),
  );
  createEffect(on(locale, (l) => ec?.setOption('locale', l === 'zh' ? 'zh-CN' : 'en-GB'), { defer: true }));
  onCleanup(() => ec && destroy?.(ec as never));
  return <section ref={el} class="facility-calendar" aria-label={t('facilities.pickSlot')} />;
}
