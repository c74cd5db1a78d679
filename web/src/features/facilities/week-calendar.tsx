import { createEffect, on } from 'solid-js';
import type { OpeningHours } from '../../../../shared/schemas/facilities';
import { fromWall, wall } from '../../lib/beijing';
import { useI18n } from '../../lib/i18n';
import { type CalendarView, dayOf, narrowScreen, useEventCalendar } from './calendar-setup';
import { CalendarToolbar } from './calendar-toolbar';
import { getAvailability } from './facilities.queries';

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
 * Week / day / month calendar of one facility (a day at a time on a phone). Busy times come from the availability
 * API; a click picks an hour, a drag picks a range; `onPick` gets ISO times (+08:00). The slot picked here or typed
 * beside it (slot-fields.tsx) is drawn on the grid, which moves to its day.
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
  const { t } = useI18n();
  let el!: HTMLDivElement;
  const narrow = narrowScreen();
  const views: CalendarView[] = narrow
    ? ['timeGridDay', 'timeGridWeek']
    : ['timeGridDay', 'timeGridWeek', 'dayGridMonth'];
  const label = (status: string) => t('facilities.status')[status] ?? status;
  const { ec, shown } = useEventCalendar(
    () => el,
    (lib) => {
      const [slotMinTime, slotMaxTime] = hoursRange(props.openingHours);
      return {
        plugins: [lib.TimeGrid, lib.DayGrid, lib.Interaction],
        options: {
          view: narrow ? 'timeGridDay' : 'timeGridWeek',
          ...(props.date ? { date: props.date } : {}),
          slotMinTime,
          slotMaxTime,
          slotDuration: '00:30',
          selectable: true,
          eventSources: [{ events: (info: { start: Date; end: Date }) => events(info.start, info.end) }],
          select: (info: { start: Date; end: Date }) => props.onPick(fromWall(info.start), fromWall(info.end)),
          dateClick: (info: { date: Date; allDay: boolean }) => {
            if (info.allDay) return;
            props.onPick(fromWall(info.date), fromWall(new Date(info.date.getTime() + 3600_000)));
          },
        },
      };
    },
  );
  const events = async (start: Date, end: Date) => {
    const a = await getAvailability(props.facilityId, fromWall(start), fromWall(end));
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
  };
  createEffect(
    on(
      () => [props.refresh, props.justBooked],
      () => ec()?.refetchEvents(),
      { defer: true },
    ),
  );
  // A new pick (dragged, clicked or typed) is drawn as "picked", replacing the drag's shading, on the day it is on.
  createEffect(
    on(
      () => props.pick,
      (p) => {
        const c = ec();
        const s = shown();
        if (!c) return;
        c.unselect();
        const day = p?.startsAt.slice(0, 10);
        if (day && s && (day < dayOf(s.start) || day >= dayOf(s.end))) c.setOption('date', day);
        c.refetchEvents();
      },
      { defer: true },
    ),
  );
  return (
    <section class="facility-calendar" aria-label={t('facilities.calendar')}>
      <CalendarToolbar
        shown={shown()}
        views={views}
        onPrev={() => ec()?.prev()}
        onNext={() => ec()?.next()}
        onToday={() => ec()?.setOption('date', dayOf())}
        onView={(v) => ec()?.setOption('view', v)}
      />
      <div ref={el} />
    </section>
  );
}
