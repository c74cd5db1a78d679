import { For } from 'solid-js';

/** A 1–5 rating as five star buttons, read out as a group of radio buttons. */
export function Stars(props: { value: number; onPick: (n: number) => void; label: string }) {
  return (
    <div class="stars" role="radiogroup" aria-label={props.label}>
      <For each={[1, 2, 3, 4, 5]}>
        {(n) => (
          // biome-ignore lint/a11y/useSemanticElements: star buttons (★ filled up to the choice), read out as radios
          <button
            type="button"
            role="radio"
            aria-checked={props.value === n}
            aria-label={`${n}`}
            classList={{ on: n <= props.value }}
            onClick={() => props.onPick(n)}
          >
            ★
          </button>
        )}
      </For>
    </div>
  );
}
