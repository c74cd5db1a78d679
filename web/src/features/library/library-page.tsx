import { A, createAsync, useNavigate, useSearchParams } from '@solidjs/router';
import { createMemo, For, Show } from 'solid-js';
import { EmptyState, ErrorNotice } from '../../components/notice';
import { useI18n } from '../../lib/i18n';
import { BrowseTree } from './browse-tree';
import { getResources, libraryQueryFor } from './library.queries';
import { type FilterKey, LibraryFilters } from './library-filters';
import { LibraryHeader } from './library-header';
import { createMorePages } from './more-pages';
import { ResourceCard } from './resource-card';
import { SearchBox } from './search-box';

/**
 * Journey 5: type "分数", narrow by grade and edition, open or download — the search lives in the address, so Back works.
 */
export function LibraryPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const str = (k: string) => (params[k] ? String(params[k]) : undefined);
  const filters = createMemo(() => libraryQueryFor(params));
  // Each answer carries the search it answers, so the suggestions never show titles for older text.
  const first = createAsync(async () => {
    const query = filters();
    return { query, ...(await getResources(query)) };
  });
  const pages = createMorePages(filters, () => first());
  const total = () => first()?.total ?? 0;
  const filtered = () =>
    !!(filters().q || filters().subject || filters().grade || filters().kind || filters().edition || filters().unit);
  return (
    <>
      <LibraryHeader />
      <SearchBox
        value={filters().q ?? ''}
        results={first()?.items}
        resultsFor={first()?.query.q ?? ''}
        onSearch={(q) => setParams({ q: q || undefined }, { replace: true })}
        onOpen={(id) => navigate(`/library/${id}`)}
      />
      <LibraryFilters
        facets={first()?.facets}
        selected={{ grade: str('grade'), subject: str('subject'), kind: str('kind'), edition: str('edition') }}
        onChange={(key: FilterKey, value) => setParams({ [key]: value })}
      />
      <Show when={!filters().q}>
        <BrowseTree
          subject={filters().subject}
          selected={{ edition: str('edition'), grade: str('grade'), unit: str('unit') }}
          onPick={(p) => setParams(p)}
        />
      </Show>
      <Show when={first()}>
        <div class="spread results-bar">
          <p class="muted" role="status">
            {t('library.results', { count: String(total()) })}
          </p>
          <Show when={filtered()}>
            <button
              type="button"
              class="link"
              onClick={() =>
                setParams({
                  q: undefined,
                  subject: undefined,
                  grade: undefined,
                  kind: undefined,
                  edition: undefined,
                  unit: undefined,
                })
              }
            >
              {t('library.clear')}
            </button>
          </Show>
        </div>
        <Show
          when={pages.items().length}
          fallback={
            <div class="card">
              <EmptyState
                title={filtered() ? t('library.none') : t('library.empty')}
                hint={filtered() ? t('library.noneHint') : t('library.emptyHint')}
              >
                <p>
                  <A class="button primary" href="/library/upload">
                    {t('library.upload')}
                  </A>
                </p>
              </EmptyState>
            </div>
          }
        >
          <div class="grid library-results">
            <For each={pages.items()}>{(r) => <ResourceCard resource={r} highlight={filters().q} />}</For>
          </div>
        </Show>
        <ErrorNotice error={pages.error()} />
        <Show when={pages.nextCursor()}>
          <p class="load-more">
            <button type="button" onClick={pages.loadMore} disabled={pages.loading()}>
              {pages.loading() ? t('library.loadingMore') : t('library.loadMore')}
            </button>
          </p>
        </Show>
      </Show>
    </>
  );
}
