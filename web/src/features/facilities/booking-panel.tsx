import { createAsync, useAction, useSubmission } from '@solidjs/router';
import { createEffect, createSignal, on, Show } from 'solid-js';
import type { Facility } from '../../../../shared/schemas/facilities';
import { Field } from '../../components/field';
import { ApiError } from '../../lib/api';
import { formatDateTime, formatTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { getBookingDefaults } from '../bookings/bookings.queries';
import { BookingOutcome } from './booking-outcome';
import { createBooking } from './facilities.actions';
import { SlotFields } from './slot-fields';

export interface Pick {
  startsAt: string;
  endsAt: string;
}

/** Journey 1, step 4: the picked slot, purpose pre-filled from the last booking, one button to confirm. */
export function BookingPanel(props: {
  facility: Facility;
  pick: Pick | null;
  onPick: (p: Pick) => void;
  /** After every try: `booking` is the new one when it was made (the form then clears), undefined otherwise. */
  onBooked: (booking?: Pick) => void;
  /** How many people, when the search that led here said so ("40人"). */
  people?: number;
}) {
  const { t, locale } = useI18n();
  const defaults = createAsync(() => getBookingDefaults(props.facility.id));
  const submission = useSubmission(createBooking);
  const book = useAction(createBooking);
  const [purpose, setPurpose] = createSignal('');
  const [attendees, setAttendees] = createSignal(props.people ? String(props.people) : '');
  const [repeat, setRepeat] = createSignal(false);
  const [until, setUntil] = createSignal('');
  // Pre-fill once from the last booking; after that, what the person typed stays, even after an error.
  createEffect(on(defaults, (d) => d?.purpose && !purpose() && setPurpose(d.purpose)));
  const when = (p: Pick) => `${formatDateTime(p.startsAt, locale())}–${formatTime(p.endsAt, locale())}`;
  const input = (p: Pick, conflicts: 'all' | 'available' = 'all') => ({
    facilityId: props.facility.id,
    startsAt: p.startsAt,
    endsAt: p.endsAt,
    purpose: purpose(),
    ...(attendees() ? { attendees: Number(attendees()) } : {}),
    ...(repeat() && until() ? { recurrence: { until: until() }, conflicts } : {}),
  });
  // Errors show through `submission`, with what was typed kept; a booking made clears the form (the purpose stays
  // for the next one). Either way the calendar reloads to show the slot's state now.
  const submit = (p: Pick, conflicts?: 'all' | 'available') =>
    book(input(p, conflicts)).then(
      (answer) => {
        setAttendees('');
        setRepeat(false);
        setUntil('');
        props.onBooked(answer.booking);
      },
      () => props.onBooked(),
    );
  const fieldError = () =>
    submission.error instanceof ApiError && submission.error.code === 'validation_failed'
      ? submission.error
      : undefined;
  return (
    <section class="card booking-panel" aria-labelledby="booking-title">
      <h2 id="booking-title">
        {t('facilities.book')} · {props.facility.name}
      </h2>
      <SlotFields pick={props.pick} onPick={props.onPick} form="booking-form" />
      <Show when={props.pick} fallback={<p class="muted">{t('facilities.pickSlot')}</p>}>
        {(p) => (
          <form
            id="booking-form"
            onSubmit={(e) => {
              e.preventDefault();
              submit(p());
            }}
          >
            <p>
              <strong data-testid="picked-slot">{when(p())}</strong>
            </p>
            <Field label={t('facilities.purpose')} name="purpose" error={fieldError()}>
              {(a) => (
                <input
                  {...a}
                  required
                  maxlength={200}
                  value={purpose()}
                  onInput={(e) => setPurpose(e.currentTarget.value)}
                />
              )}
            </Field>
            <Field
              label={t('facilities.attendees')}
              name="attendees"
              error={fieldError()}
              hint={`≤ ${props.facility.capacity}`}
            >
              {(a) => (
                <input
                  {...a}
                  type="number"
                  min={1}
                  max={props.facility.capacity}
                  inputmode="numeric"
                  value={attendees()}
                  onInput={(e) => setAttendees(e.currentTarget.value)}
                />
              )}
            </Field>
            <label class="check">
              <input type="checkbox" checked={repeat()} onChange={(e) => setRepeat(e.currentTarget.checked)} />{' '}
              {t('facilities.repeat')}
            </label>
            <Show when={repeat()}>
              <Field label={t('facilities.until')} name="recurrence" error={fieldError()}>
                {(a) => (
                  <input
                    {...a}
                    type="date"
                    required
                    value={until()}
                    min={p().startsAt.slice(0, 10)}
                    onInput={(e) => setUntil(e.currentTarget.value)}
                  />
                )}
              </Field>
            </Show>
            <button
              class="primary big"
              type="submit"
              disabled={submission.pending}
              style={{ width: '100%', 'margin-top': '.75rem' }}
            >
              {submission.pending ? t('facilities.booking') : t('facilities.confirm')}
            </button>
          </form>
        )}
      </Show>
      <BookingOutcome
        facility={props.facility}
        result={submission.result}
        error={submission.pending ? undefined : submission.error}
        series={repeat() && !!until()}
        fields={{
          purpose: t('facilities.purpose'),
          attendees: t('facilities.attendees'),
          ...(repeat() ? { recurrence: t('facilities.until') } : {}),
        }}
        onPick={(slot) => {
          props.onPick(slot);
          submit(slot);
        }}
        onBookRest={() => props.pick && submit(props.pick, 'available')}
        onClear={() => submission.clear()}
      />
    </section>
  );
}
