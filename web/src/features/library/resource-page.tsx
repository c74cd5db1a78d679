import { A, createAsync, useParams } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import type { Resource } from '../../../../shared/schemas/resources';
import { OkNotice } from '../../components/notice';
import { formatDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useSignedIn } from '../../lib/session-context';
import { useBookNames } from './book-names';
import type { ReviewDecision } from './library.actions';
import { getResource } from './library.queries';
import { downloadUrl, fileType, formatSize } from './library-labels';
import { NewVersion } from './new-version';
import { DownloadIcon } from './resource-card';
import { ResourcePreview } from './resource-preview';
import { ResourceSocial } from './resource-social';
import { ReviewActions } from './review-actions';
import { StatusBadge } from './status-badge';
import { VersionsList } from './versions-list';

/** One resource (journey 5, the last steps): what it is, the file in the page, download in one click. */
export function ResourcePage() {
  const { t, locale } = useI18n();
  const books = useBookNames();
  const params = useParams<{ id: string }>();
  useSignedIn();
  const data = createAsync(() => getResource(params.id));
  const [reviewed, setReviewed] = createSignal<{ decision: ReviewDecision; title: string }>();
  return (
    <Show when={data()}>
      {(d) => {
        const r = () => d().resource;
        return (
          <>
            <p class="muted">
              <A href="/library">{t('library.back')}</A>
            </p>
            <div class="spread">
              <h1>{r().title}</h1>
              <span class="row">
                <span class="badge kind">{t('library.kinds')[r().kind]}</span>
                <span class="badge">{t('library.visibility')[r().visibility]}</span>
                <StatusBadge status={r().status} />
              </span>
            </div>
            <p class="resource-place">
              {t('library.subjects')[r().subject]} · {t('library.grades')[String(r().grade) as '1']}
              <Show when={books.place(r())}>{(place) => <> · {place()}</>}</Show>
            </p>
            <Show when={reviewed()}>
              {(o) => (
                <OkNotice>
                  {t(o().decision === 'publish' ? 'library.published' : 'library.returned', { title: o().title })}
                </OkNotice>
              )}
            </Show>
            <Show when={r().status === 'returned' && r().reviewComment}>
              {(comment) => (
                <div class="notice error" role="status">
                  {t('library.returnedBecause', { comment: comment() })}
                </div>
              )}
            </Show>
            <Show when={r().status === 'in_review'}>
              <p class="notice info">{t('library.inReviewHint')}</p>
            </Show>
            <div class="resource-layout">
              <ResourcePreview resource={r()} />
              <aside class="stack">
                <section class="card download-card" aria-labelledby="details-title">
                  <h2 id="details-title" class="sr-only">
                    {t('library.details')}
                  </h2>
                  <Show when={r().file}>
                    {(f) => (
                      <a
                        class="button primary big download"
                        href={downloadUrl(r().id)}
                        download=""
                        data-testid="download"
                      >
                        <DownloadIcon /> {t('library.download')}{' '}
                        <span class="small">
                          ({fileType(f().contentType, f().fileName)} · {formatSize(f().size, locale())})
                        </span>
                      </a>
                    )}
                  </Show>
                  <Show when={r().summary}>
                    <p>{r().summary}</p>
                  </Show>
                  <Details resource={r()} />
                </section>
                <Show when={r().canReview}>
                  <section class="card" aria-labelledby="review-title">
                    <h2 id="review-title">{t('library.review')}</h2>
                    <ReviewActions resource={r()} onDone={(decision) => setReviewed({ decision, title: r().title })} />
                  </section>
                </Show>
                <ResourceSocial resource={r()} />
                <section class="card" aria-labelledby="versions-title">
                  <h2 id="versions-title">{t('library.versions')}</h2>
                  <VersionsList resourceId={r().id} versions={d().versions} />
                  <Show when={r().canManage}>
                    <NewVersion resource={r()} />
                  </Show>
                </section>
              </aside>
            </div>
          </>
        );
      }}
    </Show>
  );
}

function Details(props: { resource: Resource }) {
  const { t, locale } = useI18n();
  const r = () => props.resource;
  return (
    <dl class="details">
      <dt>{t('library.school')}</dt>
      <dd>{r().schoolName}</dd>
      <dt>{t('library.author')}</dt>
      <dd>{r().authorName}</dd>
      <dt>{r().publishedAt ? t('library.publishedAt') : t('library.uploadedAt')}</dt>
      <dd>{formatDate(r().publishedAt ?? r().createdAt, locale())}</dd>
      <dt>{t('library.licenceLabel')}</dt>
      <dd>{t('library.licences')[r().licence]}</dd>
      <Show when={r().tags.length}>
        <dt>{t('library.tags')}</dt>
        <dd class="row tags">
          <For each={r().tags}>{(tag) => <span class="badge">{tag}</span>}</For>
        </dd>
      </Show>
      <dt>{t('library.usage')}</dt>
      <dd>
        {r().users ? t('library.usedBy', { n: String(r().users) }) : t('library.usedByNone')} ·{' '}
        {t('library.downloads', { n: String(r().downloads) })}
      </dd>
    </dl>
  );
}
