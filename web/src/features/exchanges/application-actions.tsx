import { useAction } from '@solidjs/router';
import { createSignal, createUniqueId, For, onMount, Show } from 'solid-js';
import type { Application, ApplicationAction } from '../../../../shared/schemas/exchanges';
import { ErrorNotice } from '../../components/notice';
import { useI18n } from '../../lib/i18n';
import { usePending } from '../../lib/pending';
import { decideApplication } from './exchanges.actions';

type WithReason = 'defer' | 'decline' | 'withdraw';
const withReason: readonly WithReason[] = ['defer', 'decline', 'withdraw'];

/**
 * What the person may do to an application now (the server's `myActions`): start the review (the teacher sees it is
 * being looked at) or approve in one action; defer or decline with a reason, withdraw with an optional one, in two.
 * A refusal (full posting, changed state) says so in words.
 */
export function ApplicationActions(props: {
  application: Application;
  onDecided: (decision: ApplicationAction, after: Application) => void;
}) {
  const { t } = useI18n();
  const decide = useAction(decideApplication);
  const [asking, setAsking] = createSignal<WithReason | null>(null);
  const { busy, error, run } = usePending();
  const may = (a: ApplicationAction) => props.application.myActions.includes(a);

  async function act(decision: ApplicationAction, reason?: string) {
    await run(async () => {
      const after = await decide(props.application.id, decision, reason);
      setAsking(null);
      props.onDecided(decision, after);
    });
  }

  return (
    <Show when={props.application.myActions.length > 0}>
      <div class="application-actions">
        <ErrorNotice error={error()} />
        <Show when={busy()}>
          <p class="muted" role="status">
            {t('exchanges.working')}
          </p>
        </Show>
        <div class="row">
          <Show when={may('consider')}>
            <button type="button" disabled={busy()} onClick={() => act('consider')}>
              {t('exchanges.consider')}
            </button>
          </Show>
          <Show when={may('approve')}>
            <button type="button" class="primary" disabled={busy()} onClick={() => act('approve')}>
              {t('exchanges.approve')}
            </button>
          </Show>
          <For each={withReason.filter(may)}>
            {(a) => (
              <button
                type="button"
                class={a === 'decline' ? 'danger' : undefined}
                disabled={busy()}
                aria-expanded={asking() === a}
                onClick={() => setAsking(asking() === a ? null : a)}
              >
                {t(`exchanges.${a}`)}
              </button>
            )}
          </For>
        </div>
        <Show when={asking()} keyed>
          {(a) => (
            <ReasonForm
              action={a}
              busy={busy()}
              onSubmit={(reason) => act(a, reason)}
              onCancel={() => setAsking(null)}
            />
          )}
        </Show>
      </div>
    </Show>
  );
}

/** The reason for a deferral or a decline (required), or a withdrawal (optional). */
function ReasonForm(props: {
  action: WithReason;
  busy: boolean;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const id = createUniqueId();
  const [reason, setReason] = createSignal('');
  const required = () => props.action !== 'withdraw';
  let input: HTMLInputElement | undefined;
  onMount(() => input?.focus());
  return (
    <form
      class="reason-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!required() || reason().trim()) props.onSubmit(reason().trim());
      }}
    >
      <label for={id}>{t(`exchanges.reasons.${props.action}`)}</label>
      <div class="row">
        <input
          id={id}
          ref={input}
          value={reason()}
          required={required()}
          maxlength={500}
          onInput={(e) => setReason(e.currentTarget.value)}
        />
        <button
          type="submit"
          class={props.action === 'withdraw' ? undefined : 'danger'}
          disabled={props.busy || (required() && !reason().trim())}
        >
          {t(`exchanges.confirm.${props.action}`)}
        </button>
        <button type="button" class="link" onClick={() => props.onCancel()}>
          {t('exchanges.cancelReason')}
        </button>
      </div>
    </form>
  );
}
