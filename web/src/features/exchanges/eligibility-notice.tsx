import { For, Show } from 'solid-js';
import { ApiError } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { type RuleFailure, ruleText } from './exchange-words';

/** Each rule that stops an application, one sentence each: before applying, or from the server's 400 not_eligible. */
export function RuleList(props: { rules: RuleFailure[] }) {
  const { t, locale } = useI18n();
  return (
    <ul data-testid="eligibility-rules">
      <For each={props.rules}>{(r) => <li>{ruleText(r, t, locale())}</li>}</For>
    </ul>
  );
}

/** The rules a refused application named (400 not_eligible, details.rules), or none. */
export const refusedRules = (err: unknown): RuleFailure[] =>
  err instanceof ApiError && err.code === 'not_eligible' && Array.isArray(err.details?.rules)
    ? (err.details.rules as RuleFailure[])
    : [];

/** An error from applying: the rules that stop it, each named, or the error in words (a full posting, a lost link). */
export function ApplyError(props: { error: unknown }) {
  const { t, errorText } = useI18n();
  return (
    <Show when={props.error}>
      <div class="notice error" role="alert">
        <Show when={refusedRules(props.error).length} fallback={errorText(props.error)}>
          <p>{t('exchanges.notEligible')}</p>
          <RuleList rules={refusedRules(props.error)} />
        </Show>
      </div>
    </Show>
  );
}
