import { For } from 'solid-js';
import type { Application } from '../../../../shared/schemas/exchanges';
import { formatPlainDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n';

/** How many of the required steps have approved: "2/3 已同意". */
export const approvedCount = (a: Application, t: ReturnType<typeof useI18n>['t']) =>
  t('exchanges.approvedCount', {
    done: String(a.approvals.filter((s) => s.by).length),
    total: String(a.approvals.length),
  });

/** The steps the programme asks for, each approved (who, when) or waiting; then how many of them have approved. */
export function ApprovalSteps(props: { application: Application }) {
  const { t, locale } = useI18n();
  return (
    <div class="approval-steps">
      <ul aria-label={t('exchanges.approvalSteps')}>
        <For each={props.application.approvals}>
          {(s) => (
            <li class={`badge ${s.by ? 'approved' : 'pending'}`} data-testid="approval-step">
              {s.by
                ? `✓ ${t('exchanges.stepDone', {
                    step: t('exchanges.steps')[s.step],
                    who: s.by.name,
                    when: s.at ? formatPlainDate(s.at, locale()) : '',
                  })}`
                : t('exchanges.stepWaiting', { step: t('exchanges.steps')[s.step] })}
            </li>
          )}
        </For>
      </ul>
      <strong data-testid="approved-count">{approvedCount(props.application, t)}</strong>
    </div>
  );
}
