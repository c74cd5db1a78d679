import { createEffect, createSignal, For, on, onCleanup } from 'solid-js';
import type { Resource } from '../../../../shared/schemas/resources';
import { useI18n } from '../../lib/i18n';

const DEBOUNCE_MS = 250;
const MAX_SUGGESTIONS = 6;

/**
 * The search box of the library (a combobox): results follow the typing after a short pause, and the titles
 * that match drop down under it. Arrow keys move through them, Enter opens one, Escape closes the list.
 */
export function SearchBox(props: {
  value: string;
  results: Resource[] | undefined;
  resultsFor: string;
  onSearch: (text: string) => void;
  onOpen: (id: string) => void;
}) {
  const { t } = useI18n();
  const [text, setText] = createSignal(props.value);
  const [focused, setFocused] = createSignal(false);
  const [dismissed, setDismissed] = createSignal(false);
  const [active, setActive] = createSignal(-1);
  // Back and forward change the query in the address: the box follows.
  createEffect(
    on(
      () => props.value,
      (v) => v !== text().trim() && setText(v),
      { defer: true },
    ),
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));
  const suggestions = () =>
    text().trim() && props.resultsFor === text().trim() ? (props.results ?? []).slice(0, MAX_SUGGESTIONS) : [];
  const open = () => focused() && !dismissed() && suggestions().length > 0;
  createEffect(on(suggestions, () => setActive(-1)));
  const optionId = (i: number) => `library-suggestion-${i}`;

  const onInput = (value: string) => {
    setText(value);
    setDismissed(false);
    clearTimeout(timer);
    timer = setTimeout(() => props.onSearch(value.trim()), DEBOUNCE_MS);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const n = suggestions().length;
    if (e.key === 'ArrowDown' && n) {
      e.preventDefault();
      setDismissed(false);
      setActive((active() + 1) % n);
    } else if (e.key === 'ArrowUp' && n) {
      e.preventDefault();
      setActive(active() <= 0 ? n - 1 : active() - 1);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const pick = open() ? suggestions()[active()] : undefined;
      if (pick) props.onOpen(pick.id);
      else {
        clearTimeout(timer);
        props.onSearch(text().trim());
        setDismissed(true);
      }
    } else if (e.key === 'Escape' && open()) {
      e.preventDefault();
      setDismissed(true);
    }
  };

  return (
    <div class="field library-search">
      <label for="library-search">{t('library.search')}</label>
      <div class="combo">
        <input
          id="library-search"
          type="search"
          role="combobox"
          autocomplete="off"
          aria-autocomplete="list"
          aria-controls="library-suggestions"
          aria-expanded={open()}
          aria-activedescendant={open() && active() >= 0 ? optionId(active()) : undefined}
          aria-describedby="library-search-hint"
          value={text()}
          placeholder={t('library.searchPlaceholder')}
          onInput={(e) => onInput(e.currentTarget.value)}
          onKeyDown={onKeyDown}
          onFocus={() => setFocused(true)}
          onBlur={() => setFocused(false)}
        />
        <ul
          id="library-suggestions"
          // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the ARIA combobox pattern's listbox
          role="listbox"
          aria-label={t('library.suggestions')}
          class="suggestions"
          hidden={!open()}
        >
          <For each={suggestions()}>
            {(r, i) => (
              // biome-ignore lint/a11y/useFocusableInteractive: a combobox option; focus stays in the input
              <li
                id={optionId(i())}
                // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the ARIA combobox pattern's option
                role="option"
                aria-selected={active() === i()}
                classList={{ active: active() === i() }}
                // mousedown, not click: the input keeps its focus, so the list is still there when the click lands.
                onMouseDown={(e) => {
                  e.preventDefault();
                  props.onOpen(r.id);
                }}
                onMouseEnter={() => setActive(i())}
              >
                <Highlight text={r.title} term={text().trim()} />
                <span class="muted small">
                  {' '}
                  · {t('library.subjects')[r.subject]} {t('library.grades')[String(r.grade) as '1']}
                </span>
              </li>
            )}
          </For>
        </ul>
      </div>
      <span id="library-search-hint" class="muted small">
        {t('library.searchHint')}
      </span>
      <span class="sr-only" role="status">
        {open() ? t('library.suggestionsCount', { count: String(suggestions().length) }) : ''}
      </span>
    </div>
  );
}

/** The title with the typed words marked (<mark>, so it is not colour alone). */
export function Highlight(props: { text: string; term: string }) {
  const parts = () => {
    const words = props.term
      .split(/\s+/)
      .filter(Boolean)
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    return words.length ? props.text.split(new RegExp(`(${words.join('|')})`, 'i')) : [props.text];
  };
  return <For each={parts()}>{(p, i) => (i() % 2 ? <mark>{p}</mark> : p)}</For>;
}
