import { For, Show } from 'solid-js';
import type { z } from 'zod';
import { editions, resourceKinds, subjects } from '../../../../shared/enums';
import type { resourceSearch } from '../../../../shared/schemas/resources';
import { useI18n } from '../../lib/i18n';
import { useBookNames } from './book-names';

type Facets = z.infer<typeof resourceSearch>['facets'];
export type FilterKey = 'grade' | 'subject' | 'kind' | 'edition';
export type Filters = Partial<Record<FilterKey, string>>;

const KEYS: FilterKey[] = ['grade', 'subject', 'kind', 'edition'];
const order: Record<FilterKey, (v: string) => number> = {
  grade: (v) => Number(v),
  subject: (v) => subjects.indexOf(v as never),
  kind: (v) => resourceKinds.indexOf(v as never),
  edition: (v) => editions.indexOf(v as never) + 1 || 99,
};

/**
 * Chips for grade, subject, kind and edition, each with how many results it would leave; one click filters, again
 * clears.
 */
export function LibraryFilters(props: {
  facets: Facets | undefined;
  selected: Filters;
  onChange: (key: FilterKey, value: string | undefined) => void;
}) {
  const { t } = useI18n();
  const books = useBookNames();
  const label = (key: FilterKey, v: string) =>
    key === 'grade'
      ? t('library.grades')[v as '1']
      : key === 'subject'
        ? t('library.subjects')[v as 'math']
        : key === 'kind'
          ? t('library.kinds')[v as 'other']
          : books.edition(v);
  const title = {
    grade: 'library.gradeLabel',
    subject: 'library.subjectLabel',
    kind: 'library.kindLabel',
    edition: 'library.editionLabel',
  } as const;
  const all = {
    grade: 'library.allGrades',
    subject: 'library.allSubjects',
    kind: 'library.allKinds',
    edition: 'library.allEditions',
  } as const;
  // The chosen value stays visible (and can be cleared) even when nothing matches it any more.
  const values = (key: FilterKey) => {
    const list = (props.facets?.[key] ?? []).filter((f) => f.value);
    const chosen = props.selected[key];
    const withChosen = chosen && !list.some((f) => f.value === chosen) ? [...list, { value: chosen, count: 0 }] : list;
    return [...withChosen].sort((a, b) => order[key](a.value) - order[key](b.value));
  };
  return (
    <div class="library-filters">
      <For each={KEYS}>
        {(key) => (
          <Show when={values(key).length}>
            {/* biome-ignore lint/a11y/useSemanticElements: toggle chips, not a form section */}
            <div class="filter-row" role="group" aria-labelledby={`filter-${key}`}>
              <span id={`filter-${key}`} class="filter-label">
                {t(title[key])}
              </span>
              <div class="row chips">
                <button
                  type="button"
                  aria-pressed={!props.selected[key]}
                  onClick={() => props.onChange(key, undefined)}
                >
                  {t(all[key])}
                </button>
                <For each={values(key)}>
                  {(f) => (
                    <button
                      type="button"
                      aria-pressed={props.selected[key] === f.value}
                      onClick={() => props.onChange(key, props.selected[key] === f.value ? undefined : f.value)}
                    >
                      {label(key, f.value)} <span class="chip-count">{f.count}</span>
                    </button>
                  )}
                </For>
              </div>
            </div>
          </Show>
        )}
      </For>
    </div>
  );
}
