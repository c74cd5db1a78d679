// Further pages of a library search ("加载更多"), added to the first one until the search changes.
import { createEffect, createSignal, on } from 'solid-js';
import type { Resource } from '../../../../shared/schemas/resources';
import { getResources, type LibraryQuery } from './library.queries';

type Page = { items: Resource[]; nextCursor: string | null };

export function createMorePages(filters: () => LibraryQuery, first: () => Page | undefined) {
  const [more, setMore] = createSignal<Page | null>(null);
  const [loading, setLoading] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  createEffect(
    on(
      filters,
      () => {
        setMore(null);
        setError(undefined);
      },
      { defer: true },
    ),
  );
  const nextCursor = () => {
    const m = more();
    return m ? m.nextCursor : (first()?.nextCursor ?? null);
  };
  async function loadMore() {
    const cursor = nextCursor();
    if (!cursor) return;
    setLoading(true);
    setError(undefined);
    try {
      const page = await getResources({ ...filters(), cursor });
      setMore({ items: [...(more()?.items ?? []), ...page.items], nextCursor: page.nextCursor });
    } catch (err) {
      setError(err);
    } finally {
      setLoading(false);
    }
  }
  return {
    items: () => [...(first()?.items ?? []), ...(more()?.items ?? [])],
    nextCursor,
    loading,
    error,
    loadMore,
  };
}
