import { A, createAsync, useParams, useSearchParams } from '@solidjs/router';
import { createEffect, createSignal, For, on, Show } from 'solid-js';
import { describeHours } from '../../../../shared/opening-hours';
import { isoOf, wall } from '../../lib/beijing';
import { useI18n } from '../../lib/i18n';
import { useSignedIn } from '../../lib/session-context';
import { BookingPanel, type Pick } from './booking-panel';
import { getFacility } from './facilities.queries';
import { FacilityTools } from './facility-tools';
import { WeekCalendar } from './week-calendar';

/** One facility: its details, its week, and booking it (journey 1, steps 3–4). */
export function FacilityPage() {
  const { t } = useI18n();
  const params = useParams<{ id: string }>();
  const [search] = useSearchParams();
  useSignedIn();
  const data = createAsync(() => getFacility(params.id));
  // Coming from a search like "周四下午", the slot is already picked.
  const initial = (): Pick | null =>
    search.date && search.start && search.end
      ? {
          startsAt: isoOf(String(search.date), String(search.start)),
          endsAt: isoOf(String(search.date), String(search.end)),
        }
      : null;
  const [pick, setPick] = createSignal<Pick | null>(null);
  // The searched window may be longer than one booking may last: start there, clipped to the longest allowed.
  createEffect(
    on(data, (d) => {
      const w = initial();
      if (!d || !w || pick()) return;
      const max = d.facility.maxLengthMinutes;
      const end = max
        ? Math.min(new Date(w.endsAt).getTime(), new Date(w.startsAt).getTime() + max * 60_000)
        : new Date(w.endsAt).getTime();
      setPick({
        startsAt: w.startsAt,
        endsAt: isoOf(w.startsAt.slice(0, 10), wall(new Date(end).toISOString()).slice(11, 16)),
      });
    }),
  );
  const [refresh, setRefresh] = createSignal(0);
  const [justBooked, setJustBooked] = createSignal<Pick | null>(null);
  return (
    <Show when={data()}>
      {(d) => {
        const f = () => d().facility;
        return (
          <>
            <p class="muted">
              <A href="/facilities">{t('facilities.back')}</A>
            </p>
            <div class="spread">
              <h1>
                {f().name}{' '}
                <span class="muted" style={{ 'font-size': '1rem' }}>
                  · {f().schoolName}
                </span>
              </h1>
              <span class="row">
                <span class="badge">{t('facilities.kinds')[f().kind]}</span>
                <span class="badge">{t('facilities.capacity', { n: String(f().capacity) })}</span>
                <span class={f().approvalRequired ? 'badge pending' : 'badge lead'}>
                  {f().approvalRequired ? t('facilities.approval') : t('facilities.noApproval')}
                </span>
              </span>
            </div>
            <p class="muted">
              <Show when={f().location}>
                {t('facilities.location')}
                {t('common.colon')}
                {f().location} ·{' '}
              </Show>
              <Show when={f().provider}>
                {t('facilities.provider')}
                {t('common.colon')}
                {f().provider} {f().providerAddress} ·{' '}
              </Show>
              {t('facilities.openingHours')}
              {t('common.colon')}
              {describeHours(f().openingHours, t('facilities.weekdays'))}
            </p>
            <Show when={f().description}>
              <p>{f().description}</p>
            </Show>
            <Show when={f().photos.length}>
              <div class="photo-strip">
                <For each={f().photos}>
                  {(p, i) => <img src={p.url} alt={`${f().name} ${i() + 1}`} loading="lazy" />}
                </For>
              </div>
            </Show>
            <div class="booking-layout">
              <WeekCalendar
                facilityId={f().id}
                openingHours={f().openingHours}
                date={initial()?.startsAt.slice(0, 10)}
                refresh={refresh()}
                pick={pick()}
                justBooked={justBooked()}
                onPick={(s, e) => setPick({ startsAt: s, endsAt: e })}
              />
              <div class="stack">
                <BookingPanel
                  facility={f()}
                  pick={pick()}
                  people={Number(search.people) || undefined}
                  onPick={setPick}
                  onBooked={(booking) => {
                    // The new booking shows once, as the person's own on the calendar; the picked slot is gone.
                    if (booking) {
                      setPick(null);
                      setJustBooked(booking);
                    }
                    setRefresh(refresh() + 1);
                  }}
                />
                <FacilityTools facility={f()} pick={pick()} onChanged={() => setRefresh(refresh() + 1)} />
              </div>
            </div>
          </>
        );
      }}
    </Show>
  );
}
