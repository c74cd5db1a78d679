import { For } from 'solid-js';

/** A choice of one organisation among several (whose dashboard, report or exchanges a page shows). */
export function OrgSelect(props: {
  orgs: { id: string; name: string }[];
  value: string;
  onChoose: (orgId: string) => void;
  id?: string;
  class?: string;
  /** When no <label for> names it. */
  label?: string;
  disabled?: boolean;
}) {
  return (
    <select
      id={props.id}
      class={props.class}
      aria-label={props.label}
      disabled={props.disabled}
      onChange={(e) => props.onChoose(e.currentTarget.value)}
    >
      <For each={props.orgs}>
        {(o) => (
          <option value={o.id} selected={o.id === props.value}>
            {o.name}
          </option>
        )}
      </For>
    </select>
  );
}
