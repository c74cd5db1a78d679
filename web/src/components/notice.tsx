import { For, type JSX, Show } from 'solid-js';
import { ApiError } from '../lib/api';
import { useI18n } from '../lib/i18n';
import { problemText } from '../lib/problems';

/** How many problems a notice lists before it says how many more there are. */
const LISTED = 5;

/**
 * An error from the API in the person's language, announced to screen readers. For bad input it says each problem
 * the form does not show next to a field (`fields`: the names and labels of the fields it shows), so nothing reads
 * "see the fields marked red" when nothing is marked.
 */
export function ErrorNotice(props: { error: unknown; fields?: Record<string, string> }) {
  const { errorText, t, locale } = useI18n();
  const unshown = () => {
    const err = props.error;
    if (!(err instanceof ApiError) || err.code !== 'validation_failed') return [];
    return err.problems.filter((p) => !(props.fields && p.field in props.fields));
  };
  const sentences = () => unshown().map((p) => problemText(p, t, locale(), props.fields));
  return (
    <Show when={props.error}>
      <div class="notice error" role="alert">
        <Show when={sentences().length} fallback={errorText(props.error)}>
          <Show when={sentences().length > 1} fallback={sentences()[0]}>
            <p>{t('errors.fixThese', { count: String(sentences().length) })}</p>
            <ul>
              <For each={sentences().slice(0, LISTED)}>{(s) => <li>{s}</li>}</For>
              <Show when={sentences().length > LISTED}>
                <li>{t('errors.andMore', { count: String(sentences().length - LISTED) })}</li>
              </Show>
            </ul>
          </Show>
        </Show>
      </div>
    </Show>
  );
}

export function OkNotice(props: { children: JSX.Element }) {
  return (
    <div class="notice ok" role="status">
      {props.children}
    </div>
  );
}

/** What is missing and what to do next. */
export function EmptyState(props: { title: string; hint?: string; children?: JSX.Element }) {
  return (
    <div class="empty">
      <strong>{props.title}</strong>
      <Show when={props.hint}>
        <span>{props.hint}</span>
      </Show>
      {props.children}
    </div>
  );
}
