import { For, Show } from 'solid-js';
import type { Booking } from '../../../../shared/schemas/bookings';
import { OkNotice } from '../../components/notice';
import { useI18n } from '../../lib/i18n';
import type { Decision } from './approvals.actions';
import { bookingWhen } from './booking-when';

export type Outcome = { decision: Decision; done: number; failures: { booking: Booking; message: string }[] };

/**
 * What the last approve/decline did: how many went through, and each one that did not, named (its row may have left the
 * queue).
 */
export function DecisionOutcome(props: { outcome: Outcome; ref?: (el: HTMLDivElement) => void }) {
  const { t, locale } = useI18n();
  return (
    <div ref={props.ref} tabindex="-1" class="outcome">
      <Show when={props.outcome.done > 0}>
        <OkNotice>
          {t(props.outcome.decision === 'approve' ? 'approvals.approved' : 'approvals.declined', {
            count: String(props.outcome.done),
          })}
        </OkNotice>
      </Show>
      <Show when={props.outcome.failures.length}>
        <div class="notice error" role="alert">
          {t('approvals.failed', { count: String(props.outcome.failures.length) })}
          <ul>
            <For each={props.outcome.failures}>
              {(f) => (
                <li>
                  {t('approvals.failedRow', {
                    who: f.booking.bookerName,
                    facility: f.booking.facilityName,
                    when: bookingWhen(f.booking, locale()),
                    message: f.message,
                  })}
                </li>
              )}
            </For>
          </ul>
        </div>
      </Show>
    </div>
  );
}
