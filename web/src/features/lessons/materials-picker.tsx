import { createAsync } from '@solidjs/router';
import { createSignal, For } from 'solid-js';
import { useI18n } from '../../lib/i18n';
import { getResources } from '../library/library.queries';

export interface Material {
  id: string;
  title: string;
}

/** Library resources handed to the classrooms: search, click to add, click a chip to take it off. */
export function MaterialsPicker(props: { materials: Material[]; onChange: (materials: Material[]) => void }) {
  const { t } = useI18n();
  const [q, setQ] = createSignal('');
  const found = createAsync(async () => (q().trim().length >= 1 ? getResources({ q: q().trim() }) : undefined));
  const offered = () => (found()?.items ?? []).filter((r) => !props.materials.some((m) => m.id === r.id)).slice(0, 5);
  return (
    <fieldset>
      <legend>
        {t('library.title')} <span class="hint">{t('library.searchPlaceholder')}</span>
      </legend>
      <input type="search" aria-label={t('library.search')} value={q()} onInput={(e) => setQ(e.currentTarget.value)} />
      <ul class="plain">
        <For each={offered()}>
          {(r) => (
            <li>
              <button
                type="button"
                class="link"
                onClick={() => props.onChange([...props.materials, { id: r.id, title: r.title }])}
              >
                + {r.title}
              </button>
            </li>
          )}
        </For>
      </ul>
      <div class="chips">
        <For each={props.materials}>
          {(m) => (
            <button
              type="button"
              aria-pressed="true"
              onClick={() => props.onChange(props.materials.filter((y) => y.id !== m.id))}
            >
              {m.title} ×
            </button>
          )}
        </For>
      </div>
    </fieldset>
  );
}
