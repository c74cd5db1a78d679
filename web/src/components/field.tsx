import { createUniqueId, For, type JSX, Show, untrack } from 'solid-js';
import { ApiError } from '../lib/api';
import { useI18n } from '../lib/i18n';
import { problemText } from '../lib/problems';

/** A labelled input whose server-side errors (details.fields[name]) appear under it and mark it invalid. */
export function Field(props: {
  label: string;
  name: string;
  error?: unknown;
  hint?: string;
  children: (attrs: { id: string; name: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => JSX.Element;
}) {
  const { t, locale } = useI18n();
  const id = createUniqueId();
  // The server's problems for this field in the reader's language; its English messages only when it sent none.
  const messages = () => {
    const err = props.error;
    if (!(err instanceof ApiError)) return [];
    const mine = err.problems.filter((p) => p.field === props.name);
    if (!mine.length) return err.fields[props.name] ?? [];
    return mine.map((p) => problemText(p, t, locale(), { [props.name]: props.label }));
  };
  // Getters keep the invalid state live on the one input element.
  const attrs = {
    id,
    get name() {
      return props.name;
    },
    get 'aria-invalid'() {
      return messages().length > 0;
    },
    get 'aria-describedby'() {
      return messages().length ? `${id}-err` : undefined;
    },
  };
  return (
    <div class="field">
      <label for={id}>
        {props.label}{' '}
        <Show when={props.hint}>
          <span class="hint">{props.hint}</span>
        </Show>
      </label>
      {/* Created once: re-creating the input on an error would throw away what the person typed. */}
      {untrack(() => props.children(attrs))}
      <Show when={messages().length}>
        <span class="field-error" id={`${id}-err`}>
          <For each={messages()}>{(m) => <span>{m} </span>}</For>
        </span>
      </Show>
    </div>
  );
}
