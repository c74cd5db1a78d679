import { A, createAsync, useAction, useSubmission } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { EmptyState, ErrorNotice } from '../../components/notice';
import { formatDateTime, formatTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useSignedIn } from '../../lib/session-context';
import { subscribe } from '../facilities/facilities.actions';
import { cancelBooking } from './bookings.actions';
import { getMyBookings } from './bookings.queries';

/** The caller's upcoming bookings, with cancel, and their personal calendar feed. */
export function MyBookingsPage() {
  const { t, locale } = useI18n();
  useSignedIn();
  const bookings = createAsync(() => getMyBookings());
  const cancel = useAction(cancelBooking);
  const cancelled = useSubmission(cancelBooking);
  const feed = useSubmission(subscribe);
  const doSubscribe = useAction(subscribe);
  return (
    <>
      <div class="spread">
        <h1>{t('facilities.myBookings')}</h1>
        <div class="row">
          <A class="button primary" href="/facilities">
            {t('facilities.title')}
          </A>
          <button type="button" onClick={() => doSubscribe()}>
            {t('facilities.calendarFeed')}
          </button>
        </div>
      </div>
      <Show when={feed.result}>
        {(url) => (
          <p class="notice info">
            {t('facilities.calendarFeedHelp')} <code>{url()}</code>
          </p>
        )}
      </Show>
      <ErrorNotice error={cancelled.error} />
      <section class="card">
        <ul class="plain">
          <For
            each={bookings()?.items.filter((b) => b.status === 'pending' || b.status === 'approved')}
            fallback={<EmptyState title={t('facilities.noBookings')} />}
          >
            {(b) => (
              <li class="spread" data-testid="my-booking">
                <span>
                  <strong>
                    {formatDateTime(b.startsAt, locale())}–{formatTime(b.endsAt, locale())}
                  </strong>{' '}
                  · <A href={`/facilities/${b.facilityId}`}>{b.facilityName}</A>
                  <span class="muted">
                    {' '}
                    · {b.schoolName} · {b.purpose}
                  </span>
                </span>
                <span class="row">
                  <span class={b.status === 'approved' ? 'badge lead' : 'badge pending'}>
                    {t('facilities.status')[b.status]}
                  </span>
                  <button
                    type="button"
                    class="link"
                    onClick={() => confirm(`${t('facilities.cancel')}?`) && cancel(b.id)}
                  >
                    {t('facilities.cancel')}
                  </button>
                </span>
              </li>
            )}
          </For>
        </ul>
      </section>
    </>
  );
}
