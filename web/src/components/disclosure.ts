import { useLocation } from '@solidjs/router';
import { createEffect, createSignal, on, onCleanup } from 'solid-js';

/**
 * A button that shows and hides a panel (the phone's menu, the account menu). It closes when the page changes or a
 * link in it is followed, on Escape (focus back on its button), and on a click outside it.
 */
export function createDisclosure() {
  const [open, setOpen] = createSignal(false);
  let button: HTMLElement | undefined;
  let panel: HTMLElement | undefined;
  const location = useLocation();
  createEffect(
    on(
      () => location.pathname + location.search,
      () => setOpen(false),
      { defer: true },
    ),
  );
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !open()) return;
    setOpen(false);
    button?.focus();
  };
  const onClick = (e: MouseEvent) => {
    const target = e.target as Element;
    if (!open() || button?.contains(target)) return;
    if (!panel?.contains(target) || target.closest('a')) setOpen(false);
  };
  document.addEventListener('keydown', onKey);
  document.addEventListener('click', onClick);
  onCleanup(() => {
    document.removeEventListener('keydown', onKey);
    document.removeEventListener('click', onClick);
  });
  return {
    open,
    toggle: () => setOpen(!open()),
    close: () => setOpen(false),
    button: (el: HTMLElement) => {
      button = el;
    },
    panel: (el: HTMLElement) => {
      panel = el;
    },
  };
}

/** Whether a media query matches now, kept current as the window changes. */
export function createMatch(query: () => string) {
  const [matches, setMatches] = createSignal(matchMedia(query()).matches);
  createEffect(() => {
    const list = matchMedia(query());
    const update = () => setMatches(list.matches);
    update();
    list.addEventListener('change', update);
    onCleanup(() => list.removeEventListener('change', update));
  });
  return matches;
}
