import { A, createAsync, useNavigate, useSearchParams } from '@solidjs/router';
import { createEffect, createMemo, createSignal, For, on, Show } from 'solid-js';
import type { Resource } from '../../../../shared/schemas/resources';
import { EmptyState, ErrorNotice } from '../../components/notice';
import { useI18n } from '../../lib/i18n';
import { requireMe, rolesOf } from '../../lib/session';
import { BrowseTree } from './browse-tree';
import { getResources, libraryQueryFor } from './library.queries';
import { type FilterKey, LibraryFilters } from './library-filters';
import { ResourceCard } from './resource-card';
import { SearchBox } from './search-box';

/**
 * Journey 5: type "分数", narrow by grade and edition, open or download — the search lives in the address, so Back works.
 */
export function LibraryPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const me = createAsync(() => requireMe());
  const [params, setParams] = useSearchParams();
  const str = (k: string) => (params[k] ? String(params[k]) : undefined);
  const filters = createMemo(() => libraryQueryFor(params));
  // Each answer carries the search it answers, so the suggestions never show titles for older text.
  const first = createAsync(async () => {
    const query = filters();
    return { query, ...(await getResources(query)) };
  });
  // Further pages ("加载更多") are added to the first one until the search changes.
  const [more, setMore] = createSignal<{ items: Resource[]; nextCursor: string | null } | null>(null);
  const [loadingMore, setLoadingMore] = createSignal(false);
  const [moreError, setMoreError] = createSignal<unknown>();
  createEffect(
    on(
      filters,
      () => {
        setMore(null);
        setMoreError(undefined);
      },
      { defer: true },
    ),
  );
  const items = () => [...(first()?.items ?? []), ...(more()?.items ?? [])];
  const nextCursor = () => (more() ? more()!.nextCursor : (first()?.nextCursor ?? null));
  const total = () => first()?.total ?? 0;
  const filtered = () =>
    !!(filters().q || filters().subject || filters().grade || filters().kind || filters().edition || filters().unit);
  const reviewer = () => {
    const m = me();
    return !!m && (rolesOf(m).isGroupAdmin || rolesOf(m).isDistrictAdmin || m.memberships.some((x) => x.reviewer));
  };
  const reviewQueue = createAsync(async () =>
    reviewer() ? (await getResources({ status: 'in_review' })).items.filter((r) => r.canReview) : undefined,
  );

  async function loadMore() {
    const cursor = nextCursor();
    if (!cursor) return;
    setLoadingMore(true);
    setMoreError(undefined);
    try {
      const page = await getResources({ ...filters(), cursor });
      setMore({ items: [...(more()?.items ?? []), ...page.items], nextCursor: page.nextCursor });
    } catch (err) {
      setMoreError(err);
    } finally {
      setLoadingMore(false);
    }
  }

  return (
    <>
      <div class="spread">
        <h1>{t('library.title')}</h1>
        <div class="row">
          <Show when={reviewer()}>
            <A class="button" href="/library/review">
              {reviewQueue()?.length
                ? t('library.reviewCount', { count: String(reviewQueue()!.length) })
                : t('library.review')}
            </A>
          </Show>
          <A class="button" href="/library/collections">
            {t('library.collections')}
          </A>
          <A class="button primary" href="/library/upload">
            {t('library.upload')}
          </A>
        </div>
      </div>
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
          when={items().length}
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
            <For each={items()}>{(r) => <ResourceCard resource={r} highlight={filters().q} />}</For>
          </div>
        </Show>
        <ErrorNotice error={moreError()} />
        <Show when={nextCursor()}>
          <p class="load-more">
            <button type="button" onClick={loadMore} disabled={loadingMore()}>
              {loadingMore() ? t('library.loadingMore') : t('library.loadMore')}
            </button>
          </p>
        </Show>
      </Show>
    </>
  );
}
