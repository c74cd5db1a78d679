import { For, Show } from 'solid-js';
import type { z } from 'zod';
import type { BookingConflictDetails, createBookingAnswer } from '../../../../shared/schemas/bookings';
import type { Facility } from '../../../../shared/schemas/facilities';
import { ErrorNotice } from '../../components/notice';
import { ApiError } from '../../lib/api';
import { formatDateTime, formatTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';

type Slot = { startsAt: string; endsAt: string };

/**
 * The immediate answer of journey 1: booked, waiting for the owner school, or exactly what it clashes with
 * and the nearest free slots (one click books one).
 */
export function BookingOutcome(props: {
  facility: Facility;
  result: z.infer<typeof createBookingAnswer> | undefined;
  error: unknown;
  /** Whether a weekly series was asked for: its clash offers "book the rest" instead of other times. */
  series: boolean;
  /** The fields the form shows (name → label): their problems show there, the others here. */
  fields: Record<string, string>;
  onPick: (slot: Slot) => void;
  onBookRest: () => void;
  onClear: () => void;
}) {
  const { t, locale } = useI18n();
  const when = (s: Slot) => `${formatDateTime(s.startsAt, locale())}–${formatTime(s.endsAt, locale())}`;
  const clash = () =>
    props.error instanceof ApiError && props.error.code === 'booking_conflict'
      ? (props.error.details as unknown as BookingConflictDetails)
      : null;
  return (
    <>
      <Show when={props.result}>
        {(r) => (
          <div class="notice ok" role="status" data-testid="booking-result">
            {r().booking.status === 'approved'
              ? t('facilities.booked', { facility: props.facility.name, when: when(r().booking) })
              : t('facilities.waiting', {
                  school: props.facility.schoolName,
                  facility: props.facility.name,
                  when: when(r().booking),
                })}
            <Show when={r().bookings.length > 1}>
              {' '}
              {t('facilities.seriesBooked', { count: String(r().bookings.length) })}
            </Show>
            <Show when={r().skipped.length}>
              {' '}
              {t('facilities.seriesSkipped', { count: String(r().skipped.length) })}
            </Show>
            <Show when={r().clashed.length}>
              {' '}
              {t('facilities.seriesClashed', { count: String(r().clashed.length) })}
            </Show>
          </div>
        )}
      </Show>
      <Show when={clash()} fallback={<ErrorNotice error={props.error} fields={props.fields} />}>
        {(d) => (
          <div class="notice error" role="alert" data-testid="booking-clash">
            <Show when={props.series} fallback={t('facilities.clash')}>
              {t('facilities.clashSeries', { count: String(d().conflicts.length) })}
            </Show>
            <ul>
              <For each={d().conflicts}>
                {(c) => (
                  <For each={c.with}>
                    {(w) => (
                      <li>
                        {t('facilities.clashWith', {
                          when: when(w),
                          status: t('facilities.status')[w.status] ?? w.status,
                        })}
                        {w.purpose ? ` · ${w.purpose}` : ''}
                      </li>
                    )}
                  </For>
                )}
              </For>
            </ul>
            <Show when={d().suggestions?.length}>
              <p>{t('facilities.nearest')}</p>
              <div class="row">
                <For each={d().suggestions ?? []}>
                  {(s) => (
                    <button type="button" onClick={() => props.onPick(s)}>
                      {t('facilities.useSlot', { when: when(s) })}
                    </button>
                  )}
                </For>
              </div>
            </Show>
            <Show when={props.series}>
              <div class="row" style={{ 'margin-top': '.5rem' }}>
                <button type="button" class="primary" onClick={() => props.onBookRest()}>
                  {t('facilities.bookRest')}
                </button>
                <button type="button" onClick={() => props.onClear()}>
                  {t('facilities.bookNothing')}
                </button>
              </div>
            </Show>
          </div>
        )}
      </Show>
    </>
  );
}
