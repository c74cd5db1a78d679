/**
 * How many wait, as a badge: the number for the eye, a sentence for screen readers ("2 条待审批"), so the control's
 * name says what the number counts.
 */
export function CountBadge(props: { count: number; label: string }) {
  return (
    <>
      {' '}
      <span class="count" aria-hidden="true">
        {props.count}
      </span>
      <span class="sr-only">{props.label}</span>
    </>
  );
}
