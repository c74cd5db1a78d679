import { A, useAction, useSubmission } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import type { Facility } from '../../../../shared/schemas/facilities';
import { ErrorNotice, OkNotice } from '../../components/notice';
import { formatDateTime, formatTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import type { Pick } from './booking-panel';
import { ClosuresPanel } from './closures-panel';
import { blockTime, retireFacility, subscribe } from './facilities.actions';
import { PhotoUpload } from './photo-upload';

/** Subscribe to the facility's calendar; for its managers, block the picked time or retire it. */
export function FacilityTools(props: { facility: Facility; pick: Pick | null; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const feed = useSubmission(subscribe);
  const doSubscribe = useAction(subscribe);
  const blocked = useSubmission(blockTime);
  const doBlock = useAction(blockTime);
  const retire = useAction(retireFacility);
  const [reason, setReason] = createSignal('');
  return (
    <section class="card" aria-labelledby="tools-title">
      <h2 id="tools-title" class="sr-only">
        {t('facilities.calendarFeed')}
      </h2>
      <button type="button" onClick={() => doSubscribe(props.facility.id)}>
        {t('facilities.calendarFeed')}
      </button>
      <Show when={feed.result}>
        {(url) => (
          <p>
            {t('facilities.calendarFeedHelp')} <code>{url()}</code>
          </p>
        )}
      </Show>
      <Show when={props.facility.canManage && props.pick}>
        {(p) => (
          <form
            style={{ 'margin-top': '1rem' }}
            onSubmit={(e) => {
              e.preventDefault();
              doBlock(props.facility.id, p().startsAt, p().endsAt, reason())
                .then(() => props.onChanged())
                .catch(() => {});
            }}
          >
            <div class="field">
              <label for="block-reason">
                {t('facilities.block')} · {formatDateTime(p().startsAt, locale())}–{formatTime(p().endsAt, locale())}
              </label>
              <input
                id="block-reason"
                required
                maxlength={200}
                placeholder={t('facilities.blockReason')}
                value={reason()}
                onInput={(e) => setReason(e.currentTarget.value)}
              />
            </div>
            <button type="submit" class="danger" disabled={blocked.pending}>
              {t('facilities.block')}
            </button>
            <Show when={blocked.result}>
              {(r) => <OkNotice>{t('facilities.blockDone', { count: String(r().declined.length) })}</OkNotice>}
            </Show>
            <ErrorNotice error={blocked.error} />
          </form>
        )}
      </Show>
      <Show when={props.facility.canManage}>
        <PhotoUpload facilityId={props.facility.id} />
        <ClosuresPanel facility={props.facility} onChanged={props.onChanged} />
      </Show>
      <Show when={props.facility.canManage && !props.facility.retired}>
        <p class="row" style={{ 'margin-top': '1rem' }}>
          <A class="button" href={`/facilities/${props.facility.id}/edit`}>
            {t('facilities.editFacility')}
          </A>
          <button
            type="button"
            class="link"
            onClick={() => confirm(`${t('facilities.retire')}?`) && retire(props.facility.id)}
          >
            {t('facilities.retire')}
          </button>
        </p>
      </Show>
    </section>
  );
}
