import { createAsync } from '@solidjs/router';
import { ErrorBoundary, Match, Show, Suspense, Switch } from 'solid-js';
import type { Booking } from '../../../../shared/schemas/bookings';
import { useI18n } from '../../lib/i18n';
import { getFacilityLoad, hoursText, quotaStatus } from './quota';

/**
 * The quota verdict for one queued booking, in words (never colour alone). Loads on its own so the queue shows at once.
 */
export function QuotaCell(props: { booking: Booking; span: { from: string; to: string } }) {
  const { t } = useI18n();
  return (
    <ErrorBoundary fallback={<span class="muted">{t('approvals.quotaUnknown')}</span>}>
      <Suspense fallback={<span class="muted">{t('approvals.quotaLoading')}</span>}>
        <Verdict booking={props.booking} span={props.span} />
      </Suspense>
    </ErrorBoundary>
  );
}

function Verdict(props: { booking: Booking; span: { from: string; to: string } }) {
  const { t } = useI18n();
  // Same facility and span → same query key → one request however many rows share the facility.
  const load = createAsync(() => getFacilityLoad(props.booking.facilityId, props.span.from, props.span.to));
  const status = () => {
    const l = load();
    return l ? quotaStatus(props.booking, l) : undefined;
  };
  return (
    <Show when={status()}>
      {(s) => (
        <Switch>
          <Match when={s().kind === 'none'}>
            <span class="muted">{t('approvals.quotaNone')}</span>
          </Match>
          <Match when={s().kind === 'own'}>
            <span class="muted">{t('approvals.quotaOwn')}</span>
          </Match>
          <Match
            when={
              s().kind === 'within' || s().kind === 'over'
                ? (s() as Extract<ReturnType<typeof quotaStatus>, { total: number }>)
                : undefined
            }
          >
            {(q) => (
              <div class="quota">
                <span class={`badge ${q().kind === 'over' ? 'over' : 'within'}`}>
                  {q().kind === 'over' ? `⚠ ${t('approvals.quotaOver')}` : `✓ ${t('approvals.quotaWithin')}`}
                </span>
                <div>{t('approvals.quotaUse', { total: hoursText(q().total), quota: String(q().quota) })}</div>
                <div class="muted small">{t('approvals.quotaThis', { hours: hoursText(q().hours) })}</div>
              </div>
            )}
          </Match>
        </Switch>
      )}
    </Show>
  );
}
