import type { ParentProps } from 'solid-js';

/** A line icon on a 24-unit grid, drawn in the text's colour; hidden from screen readers (its control is named). */
export function Icon(props: ParentProps<{ weight?: number }>) {
  return (
    <svg
      aria-hidden="true"
      width="18"
      height="18"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      stroke-width={props.weight ?? 2}
      stroke-linecap="round"
      stroke-linejoin="round"
    >
      {props.children}
    </svg>
  );
}
