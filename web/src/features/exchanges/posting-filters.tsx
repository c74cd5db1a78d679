import { createAsync, useSearchParams } from '@solidjs/router';
import { For } from 'solid-js';
import { exchangeKinds, subjects } from '../../../../shared/enums';
import { useI18n } from '../../lib/i18n';
import { getOrgs } from '../orgs/orgs.queries';
import type { PostingFilters as Filters } from './exchanges.queries';

/** Kind (chips), subject and school (lists), and "open only" — on by default; all kept in the page's address. */
export function PostingFilters(props: { filters: Filters }) {
  const { t } = useI18n();
  const [, setParams] = useSearchParams();
  const orgs = createAsync(() => getOrgs());
  const schools = () => (orgs()?.items ?? []).filter((o) => o.kind === 'school');
  return (
    <section class="posting-filters" aria-label={t('exchanges.filters')}>
      {/* biome-ignore lint/a11y/useSemanticElements: toggle chips, not a form section */}
      <div class="row chips" role="group" aria-label={t('exchanges.kindLabel')}>
        <button type="button" aria-pressed={!props.filters.kind} onClick={() => setParams({ kind: undefined })}>
          {t('exchanges.allKinds')}
        </button>
        <For each={exchangeKinds}>
          {(k) => (
            <button
              type="button"
              aria-pressed={props.filters.kind === k}
              onClick={() => setParams({ kind: props.filters.kind === k ? undefined : k })}
            >
              {t('exchanges.kinds')[k]}
            </button>
          )}
        </For>
      </div>
      <div class="row filter-fields">
        <FilterSelect
          label={t('exchanges.subjectLabel')}
          all={t('exchanges.allSubjects')}
          value={props.filters.subject}
          options={subjects.map((s) => ({ value: s, label: t('library.subjects')[s] }))}
          onPick={(subject) => setParams({ subject })}
        />
        <FilterSelect
          label={t('exchanges.schoolLabel')}
          all={t('exchanges.allSchools')}
          value={props.filters.schoolId}
          options={schools().map((s) => ({ value: s.id, label: s.name }))}
          onPick={(school) => setParams({ school })}
        />
        <label class="check">
          <input
            type="checkbox"
            checked={props.filters.open}
            onChange={(e) => setParams({ all: e.currentTarget.checked ? undefined : '1' })}
          />{' '}
          {t('exchanges.openOnly')}
        </label>
      </div>
    </section>
  );
}

/** A labelled list whose first choice is "all" (no filter). */
function FilterSelect(props: {
  label: string;
  all: string;
  value: string | undefined;
  options: { value: string; label: string }[];
  onPick: (value: string | undefined) => void;
}) {
  return (
    <label>
      {props.label}{' '}
      <select onChange={(e) => props.onPick(e.currentTarget.value || undefined)}>
        <option value="" selected={!props.value}>
          {props.all}
        </option>
        <For each={props.options}>
          {(o) => (
            <option value={o.value} selected={props.value === o.value}>
              {o.label}
            </option>
          )}
        </For>
      </select>
    </label>
  );
}
