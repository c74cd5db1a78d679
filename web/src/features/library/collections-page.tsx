import { A, createAsync, useParams } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { EmptyState } from '../../components/notice';
import { useI18n } from '../../lib/i18n';
import { useSignedIn } from '../../lib/session-context';
import { ResourceCard } from './resource-card';
import { getCollection, getCollections } from './social.queries';

/** Resource packs colleagues gathered for a unit, and one's own. */
export function CollectionsPage() {
  const { t } = useI18n();
  useSignedIn();
  const all = createAsync(() => getCollections(false));
  return (
    <>
      <p class="muted">
        <A href="/library">{t('library.back')}</A>
      </p>
      <h1>{t('library.collections')}</h1>
      <div class="grid">
        <For
          each={all()?.items}
          fallback={
            <div class="card">
              <EmptyState title={t('library.noCollections')} hint={t('library.noCollectionsHint')} />
            </div>
          }
        >
          {(c) => (
            <article class="card">
              <h2>
                <A href={`/library/collections/${c.id}`}>{c.title}</A>
              </h2>
              <p class="muted">
                {c.schoolName} · {c.ownerName} · {t('library.collectionCount', { n: String(c.count) })}
              </p>
              <span class="badge">{t('library.visibility')[c.visibility]}</span>
            </article>
          )}
        </For>
      </div>
    </>
  );
}

export function CollectionPage() {
  const { t } = useI18n();
  const params = useParams<{ id: string }>();
  useSignedIn();
  const data = createAsync(() => getCollection(params.id));
  return (
    <Show when={data()}>
      {(d) => (
        <>
          <p class="muted">
            <A href="/library/collections">{t('library.collections')}</A>
          </p>
          <h1>{d().collection.title}</h1>
          <p class="muted">
            {d().collection.schoolName} · {d().collection.ownerName}
          </p>
          <Show when={d().collection.description}>
            <p>{d().collection.description}</p>
          </Show>
          <div class="grid library-results">
            <For
              each={d().collection.resources}
              fallback={
                <div class="card">
                  <EmptyState title={t('library.emptyCollection')} />
                </div>
              }
            >
              {(r) => <ResourceCard resource={r} />}
            </For>
          </div>
        </>
      )}
    </Show>
  );
}
