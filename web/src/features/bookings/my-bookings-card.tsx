import { A, createAsync } from '@solidjs/router';
import { For, Show, Suspense } from 'solid-js';
import { EmptyState } from '../../components/notice';
import { useI18n } from '../../lib/i18n';
import { bookingWhen } from './booking-when';
import { getMyBookings } from './bookings.queries';

const SHOWN = 4;

/** Home: the next few bookings and the way into booking a facility (JOURNEYS 1 starts at "借用场地"). */
export function MyBookingsCard() {
  const { t } = useI18n();
  return (
    <section class="card" aria-labelledby="my-bookings-title">
      <div class="spread">
        <h2 id="my-bookings-title">{t('home.myBookings')}</h2>
        <A class="button primary" href="/facilities">
          {t('home.bookFacility')}
        </A>
      </div>
      {/* The button above shows at once; the list follows when it arrives. */}
      <Suspense
        fallback={
          <p class="muted" role="status">
            {t('common.loading')}
          </p>
        }
      >
        <Upcoming />
      </Suspense>
    </section>
  );
}

function Upcoming() {
  const { t, locale } = useI18n();
  const mine = createAsync(() => getMyBookings());
  const upcoming = () =>
    (mine()?.items ?? []).filter((b) => b.status !== 'cancelled' && Date.parse(b.endsAt) > Date.now());
  return (
    <Show
      when={upcoming().length}
      fallback={<EmptyState title={t('home.noUpcoming')} hint={t('home.noUpcomingHint')} />}
    >
      <ul class="plain">
        <For each={upcoming().slice(0, SHOWN)}>
          {(b) => (
            <li>
              <div class="spread">
                <strong>{b.facilityName}</strong>
                <span class={`badge ${b.status}`}>{t(`facilities.status.${b.status}`)}</span>
              </div>
              <div class="muted">{bookingWhen(b, locale())}</div>
            </li>
          )}
        </For>
      </ul>
      <p>
        <A href="/bookings">
          {upcoming().length > SHOWN
            ? t('home.moreBookings', { count: String(upcoming().length - SHOWN) })
            : t('home.allBookings')}
        </A>
      </p>
    </Show>
  );
}
