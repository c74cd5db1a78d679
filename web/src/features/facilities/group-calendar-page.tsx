import { A, createAsync, useNavigate, useSearchParams } from '@solidjs/router';
import { createEffect, createSignal, For, on } from 'solid-js';
import { type FacilityKind, facilityKinds } from '../../../../shared/enums';
import { fromWall, wall } from '../../lib/beijing';
import { useI18n } from '../../lib/i18n';
import { useSignedIn } from '../../lib/session-context';
import { getOrgs } from '../orgs/orgs.queries';
import { dayOf, useEventCalendar } from './calendar-setup';
import { CalendarToolbar } from './calendar-toolbar';
import { getGroupAvailability } from './facilities.queries';

/** Every facility the person may book, side by side for a day or a week (filter by kind, school, capacity). */
export function GroupCalendarPage() {
  const { t } = useI18n();
  useSignedIn();
  const orgs = createAsync(() => getOrgs());
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const kind = () => (params.kind as FacilityKind | undefined) || undefined;
  const schoolId = () => String(params.schoolId ?? '') || undefined;
  const capacity = () => Number(params.capacity) || undefined;
  let el!: HTMLDivElement;
  const [columns, setColumns] = createSignal(0);
  const label = (status: string) => t('facilities.status')[status] ?? status;
  const load = (from: Date, to: Date) =>
    getGroupAvailability({
      from: fromWall(from),
      to: fromWall(to),
      kind: kind(),
      schoolId: schoolId(),
      capacity: capacity(),
    });
  const { ec, shown } = useEventCalendar(
    () => el,
    (lib) => ({
      plugins: [lib.ResourceTimeGrid, lib.Interaction],
      options: {
        view: 'resourceTimeGridDay',
        slotMinTime: '07:00',
        slotMaxTime: '21:00',
        slotDuration: '00:30',
        selectable: true,
        resources: [],
        eventSources: [
          {
            events: async (info: { start: Date; end: Date }) => {
              const res = await load(info.start, info.end);
              setColumns(res.items.length);
              ec()?.setOption(
                'resources',
                res.items.map((i) => ({
                  id: i.facility.id,
                  title: t('facilities.column', {
                    name: i.facility.name,
                    school: i.facility.schoolName,
                    n: String(i.facility.capacity),
                  }),
                })),
              );
              return res.items.flatMap((i) =>
                i.busy.map((b) => ({
                  resourceIds: [i.facility.id],
                  start: wall(b.startsAt),
                  end: wall(b.endsAt),
                  title: label(b.status),
                  classNames: [`ec-busy-${b.status}`],
                })),
              );
            },
          },
        ],
        // Picking a time in a facility's column opens it with that slot ready to book.
        select: (info: { start: Date; end: Date; resource?: { id: string } }) => {
          if (!info.resource) return;
          const s = fromWall(info.start);
          const e = fromWall(info.end);
          navigate(
            `/facilities/${info.resource.id}?date=${s.slice(0, 10)}&start=${s.slice(11, 16)}&end=${e.slice(11, 16)}`,
          );
        },
      },
    }),
  );
  createEffect(
    on(
      () => [kind(), schoolId(), capacity()],
      () => ec()?.refetchEvents(),
      { defer: true },
    ),
  );
  return (
    <>
      <div class="spread">
        <h1>{t('facilities.groupCalendar')}</h1>
        <A class="button" href="/facilities">
          {t('facilities.back')}
        </A>
      </div>
      <div class="row" style={{ 'align-items': 'flex-end' }}>
        <div class="field">
          <label for="cal-kind">{t('facilities.kind')}</label>
          <select id="cal-kind" onChange={(e) => setParams({ kind: e.currentTarget.value || undefined })}>
            <option value="">{t('facilities.allKinds')}</option>
            <For each={facilityKinds}>
              {(k) => (
                <option value={k} selected={kind() === k}>
                  {t('facilities.kinds')[k]}
                </option>
              )}
            </For>
          </select>
        </div>
        <div class="field">
          <label for="cal-school">{t('orgKinds.school')}</label>
          <select id="cal-school" onChange={(e) => setParams({ schoolId: e.currentTarget.value || undefined })}>
            <option value="">{t('facilities.allSchools')}</option>
            <For each={orgs()?.items.filter((o) => o.kind === 'school')}>
              {(o) => (
                <option value={o.id} selected={schoolId() === o.id}>
                  {o.name}
                </option>
              )}
            </For>
          </select>
        </div>
        <div class="field">
          <label for="cal-capacity">{t('facilities.capacityLabel')}</label>
          <input
            id="cal-capacity"
            type="number"
            min={1}
            inputmode="numeric"
            value={capacity() ?? ''}
            style={{ width: '7rem' }}
            onChange={(e) => setParams({ capacity: e.currentTarget.value || undefined })}
          />
        </div>
      </div>
      <p class="muted">{t('facilities.groupCalendarHint')}</p>
      <section class="facility-calendar" aria-label={t('facilities.groupCalendar')}>
        <CalendarToolbar
          shown={shown()}
          onPrev={() => ec()?.prev()}
          onNext={() => ec()?.next()}
          onToday={() => ec()?.setOption('date', dayOf())}
        />
        {/* A column per facility, at least readable wide: on a phone the grid scrolls sideways. */}
        <div class="calendar-scroll">
          <div ref={el} style={{ 'min-width': `calc(4rem + ${columns()} * 7.5rem)` }} />
        </div>
      </section>
    </>
  );
}
