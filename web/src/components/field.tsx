import { createUniqueId, For, type JSX, Show, untrack } from 'solid-js';
import { ApiError } from '../lib/api';

/** A labelled input whose server-side errors (details.fields[name]) appear under it and mark it invalid. */
export function Field(props: {
  label: string;
  name: string;
  error?: unknown;
  hint?: string;
  children: (attrs: { id: string; name: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => JSX.Element;
}) {
  const id = createUniqueId();
  const messages = () => (props.error instanceof ApiError ? (props.error.fields[props.name] ?? []) : []);
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
