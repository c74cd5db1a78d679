import { createEffect, createSignal, Show } from 'solid-js';
import { useI18n } from '../../lib/i18n';
import { DeclinePicker } from './decline-picker';

/** Select all, and approve or decline the selected bookings together. */
export function BulkBar(props: {
  count: number;
  total: number;
  busy: boolean;
  allSelected: boolean;
  onSelectAll: (on: boolean) => void;
  onApprove: () => void;
  onDecline: (reason: string) => void;
}) {
  const { t } = useI18n();
  const [declining, setDeclining] = createSignal(false);
  const none = () => props.count === 0 || props.busy;
  let box: HTMLInputElement | undefined;
  // "Some selected" is a third state a screen reader announces as "mixed".
  createEffect(() => {
    if (box) box.indeterminate = props.count > 0 && !props.allSelected;
  });
  // Once the selection is decided (or cleared) the reason list closes; on a failure it stays, with what was typed.
  createEffect(() => props.count === 0 && setDeclining(false));
  return (
    <div class="bulk-bar">
      <div class="spread">
        <label class="check">
          <input
            type="checkbox"
            checked={props.allSelected}
            ref={box}
            onChange={(e) => props.onSelectAll(e.currentTarget.checked)}
            disabled={props.busy}
          />
          {t('approvals.selectAll')}
          <span class="muted" aria-live="polite">
            {t('approvals.selected', { count: String(props.count) })}
          </span>
        </label>
        <div class="row">
          <button type="button" class="primary" disabled={none()} onClick={() => props.onApprove()}>
            {t('approvals.approveSelected', { count: String(props.count) })}
          </button>
          <button
            type="button"
            class="danger"
            disabled={none()}
            aria-expanded={declining() && props.count > 0}
            onClick={() => setDeclining(!declining())}
          >
            {t('approvals.declineSelected', { count: String(props.count) })}
          </button>
        </div>
      </div>
      <Show when={declining() && props.count > 0}>
        <DeclinePicker
          busy={props.busy}
          onDecline={(reason) => props.onDecline(reason)}
          onCancel={() => setDeclining(false)}
        />
      </Show>
    </div>
  );
}
