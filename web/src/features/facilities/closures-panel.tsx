import { createAsync, useAction, useSubmission } from '@solidjs/router';
import { createSignal, For } from 'solid-js';
import type { Facility } from '../../../../shared/schemas/facilities';
import { ErrorNotice } from '../../components/notice';
import { formatDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { addClosure, removeClosure } from './facilities.actions';
import { getClosures } from './facilities.queries';

/** Closed days (holidays, exams, term breaks) of this facility or the whole school; recurring bookings skip them. */
export function ClosuresPanel(props: { facility: Facility; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const closures = createAsync(() => getClosures(props.facility.schoolId));
  const add = useAction(addClosure);
  const remove = useAction(removeClosure);
  const added = useSubmission(addClosure);
  const [from, setFrom] = createSignal('');
  const [to, setTo] = createSignal('');
  const [reason, setReason] = createSignal('');
  const [wholeSchool, setWholeSchool] = createSignal(false);
  const mine = () => closures()?.items.filter((c) => c.facilityId === null || c.facilityId === props.facility.id) ?? [];
  return (
    <details style={{ 'margin-top': '1rem' }}>
      <summary>
        {t('facilities.closures')} ({mine().length})
      </summary>
      <ul class="plain">
        <For each={mine()}>
          {(c) => (
            <li class="spread">
              <span>
                {formatDate(`${c.startsOn}T12:00:00+08:00`, locale())}
                {c.endsOn !== c.startsOn ? ` – ${formatDate(`${c.endsOn}T12:00:00+08:00`, locale())}` : ''} · {c.reason}
                {c.facilityId ? '' : ` · ${t('facilities.wholeSchool')}`}
              </span>
              <button type="button" class="link" onClick={() => remove(c.id).then(() => props.onChanged())}>
                {t('common.remove')}
              </button>
            </li>
          )}
        </For>
      </ul>
      <ErrorNotice error={added.error} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          add({
            schoolId: props.facility.schoolId,
            facilityId: wholeSchool() ? null : props.facility.id,
            startsOn: from(),
            endsOn: to() || from(),
            reason: reason(),
          })
            .then(() => {
              setReason('');
              props.onChanged();
            })
            .catch(() => {});
        }}
      >
        <div class="row">
          <label>
            {t('facilities.closedFrom')}{' '}
            <input type="date" required value={from()} onInput={(e) => setFrom(e.currentTarget.value)} />
          </label>
          <label>
            {t('facilities.closedTo')}{' '}
            <input type="date" value={to()} min={from()} onInput={(e) => setTo(e.currentTarget.value)} />
          </label>
        </div>
        <div class="field">
          <label for="closure-reason">{t('facilities.closureReason')}</label>
          <input
            id="closure-reason"
            required
            maxlength={120}
            value={reason()}
            onInput={(e) => setReason(e.currentTarget.value)}
          />
        </div>
        <label class="check">
          <input type="checkbox" checked={wholeSchool()} onChange={(e) => setWholeSchool(e.currentTarget.checked)} />{' '}
          {t('facilities.wholeSchool')}
        </label>
        <button type="submit" disabled={added.pending}>
          {t('facilities.addClosure')}
        </button>
      </form>
    </details>
  );
}
