import { createSignal, Show } from 'solid-js';
import type { Booking } from '../../../../shared/schemas/bookings';
import { useI18n } from '../../lib/i18n';
import { bookingWhen, bookingWhenParts } from './booking-when';
import { DeclinePicker } from './decline-picker';
import { QuotaCell } from './quota-cell';

export const QUEUE_COLUMNS = 7;

/**
 * One waiting booking: who, which school, what, when, how many, why, quota; approve (1 action) or decline with a reason
 * (2).
 */
export function ApprovalRow(props: {
  booking: Booking;
  span: { from: string; to: string };
  showOwner: boolean;
  selected: boolean;
  busy: boolean;
  onSelect: (on: boolean) => void;
  onApprove: () => void;
  onDecline: (reason: string) => void;
}) {
  const { t, locale } = useI18n();
  // Kept open across refreshes of the queue (rows are keyed by id), so a half-typed reason survives.
  const [declining, setDeclining] = createSignal(false);
  const b = () => props.booking;
  const when = () => bookingWhen(b(), locale());
  return (
    <>
      <tr class="queue-row" classList={{ selected: props.selected, declining: declining() }} aria-busy={props.busy}>
        <td class="pick">
          <input
            type="checkbox"
            checked={props.selected}
            disabled={props.busy}
            onChange={(e) => props.onSelect(e.currentTarget.checked)}
            aria-label={t('approvals.select', { who: b().bookerName, purpose: b().purpose, when: when() })}
          />
        </td>
        <td class="who">
          <strong>{b().bookerName}</strong>
          <Show when={b().onBehalf} fallback={<div>{b().borrowerSchoolName}</div>}>
            <div>{t('approvals.onBehalf', { school: b().borrowerSchoolName })}</div>
          </Show>
        </td>
        <td class="what">
          <strong>{b().facilityName}</strong>
          <Show when={props.showOwner}>
            <span class="muted"> · {b().schoolName}</span>
          </Show>
          <div>
            <span class="nowrap">{bookingWhenParts(b(), locale()).date}</span>{' '}
            <span class="nowrap">{bookingWhenParts(b(), locale()).time}</span>
          </div>
        </td>
        <td data-label={t('approvals.attendees')} class="nowrap">
          <Show when={b().attendees !== null} fallback={<span class="muted">{t('approvals.peopleUnknown')}</span>}>
            {t('approvals.people', { n: String(b().attendees) })}
          </Show>
        </td>
        <td data-label={t('approvals.purpose')} class="purpose">
          {b().purpose}
        </td>
        <td data-label={t('approvals.quota')}>
          <QuotaCell booking={b()} span={props.span} />
        </td>
        <td class="decide">
          <Show
            when={!props.busy}
            fallback={
              <span class="muted" role="status">
                {t('approvals.working')}
              </span>
            }
          >
            <div class="row">
              <button type="button" class="primary" onClick={() => props.onApprove()}>
                {t('approvals.approve')}
              </button>
              <button
                type="button"
                class="danger"
                aria-expanded={declining()}
                onClick={() => setDeclining(!declining())}
              >
                {t('approvals.decline')}
              </button>
            </div>
          </Show>
        </td>
      </tr>
      <Show when={declining()}>
        <tr class="decline-row">
          <td colspan={QUEUE_COLUMNS}>
            <DeclinePicker
              busy={props.busy}
              onDecline={(reason) => props.onDecline(reason)}
              onCancel={() => setDeclining(false)}
            />
          </td>
        </tr>
      </Show>
    </>
  );
}
