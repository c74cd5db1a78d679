import { createSignal, createUniqueId, For, onMount } from 'solid-js';
import { useI18n } from '../../lib/i18n';

const presetReasons = ['conflict', 'maintenance', 'quota'] as const;

/** The reasons to decline with: one click on a preset declines (the second action), or type another. */
export function DeclinePicker(props: {
  busy: boolean;
  onDecline: (reason: string) => void;
  onCancel: () => void;
  label?: string;
}) {
  const { t } = useI18n();
  const id = createUniqueId();
  // Kept here, not reset on an error: what the person typed is not lost.
  const [other, setOther] = createSignal('');
  let group: HTMLDivElement | undefined;
  // Keyboard users land on the first reason, one Tab from the rest.
  onMount(() => group?.querySelector('button')?.focus());
  return (
    // biome-ignore lint/a11y/useSemanticElements: reason buttons and a small form of their own, labelled by their title
    <div ref={group} class="decline-picker" role="group" aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`} class="decline-title">
        {props.label ?? t('approvals.pickReason')}
      </p>
      <div class="row">
        <For each={presetReasons}>
          {(r) => (
            <button
              type="button"
              class="danger"
              disabled={props.busy}
              onClick={() => props.onDecline(t(`approvals.reasons.${r}`))}
            >
              {t(`approvals.reasons.${r}`)}
            </button>
          )}
        </For>
      </div>
      <form
        class="row decline-other"
        onSubmit={(e) => {
          e.preventDefault();
          if (other().trim()) props.onDecline(other().trim());
        }}
      >
        <label class="sr-only" for={`${id}-other`}>
          {t('approvals.otherReason')}
        </label>
        <input
          id={`${id}-other`}
          value={other()}
          onInput={(e) => setOther(e.currentTarget.value)}
          maxlength={300}
          placeholder={t('approvals.otherReason')}
        />
        <button type="submit" class="danger" disabled={props.busy || !other().trim()}>
          {t('approvals.declineWith')}
        </button>
        <button type="button" class="link" onClick={() => props.onCancel()}>
          {t('approvals.cancelDecline')}
        </button>
      </form>
    </div>
  );
}
