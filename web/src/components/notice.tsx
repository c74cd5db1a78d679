import { type JSX, Show } from 'solid-js';
import { useI18n } from '../lib/i18n';

/** An error from the API in the person's language, announced to screen readers. */
export function ErrorNotice(props: { error: unknown }) {
  const { errorText } = useI18n();
  return (
    <Show when={props.error}>
      <div class="notice error" role="alert">
        {errorText(props.error)}
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
