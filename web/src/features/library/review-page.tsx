import { A, createAsync } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { EmptyState, OkNotice } from '../../components/notice';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useSignedIn } from '../../lib/session-context';
import { useBookNames } from './book-names';
import type { ReviewDecision } from './library.actions';
import { getResources } from './library.queries';
import { downloadUrl, fileType, formatSize } from './library-labels';
import { ReviewActions } from './review-actions';

/**
 * Group and district admins: resources to be shared beyond their school, each published in one click or returned with a
 * comment.
 */
export function ReviewPage() {
  const { t, locale } = useI18n();
  const books = useBookNames();
  useSignedIn();
  const queue = createAsync(() => getResources({ status: 'in_review' }));
  // School admins also see their school's resources in review, but only reviewers act on them here.
  const items = () => (queue()?.items ?? []).filter((r) => r.canReview);
  const [last, setLast] = createSignal<{ decision: ReviewDecision; title: string }>();
  return (
    <>
      <p class="muted">
        <A href="/library">{t('library.back')}</A>
      </p>
      <h1>{t('library.reviewTitle')}</h1>
      <p class="muted">{t('library.reviewIntro')}</p>
      <Show when={last()}>
        {(o) => (
          <OkNotice>
            {t(o().decision === 'publish' ? 'library.published' : 'library.returned', { title: o().title })}
          </OkNotice>
        )}
      </Show>
      <Show when={queue()}>
        <Show
          when={items().length}
          fallback={
            <div class="card">
              <EmptyState title={t('library.reviewEmpty')} hint={t('library.reviewEmptyHint')} />
            </div>
          }
        >
          <ul class="plain review-list">
            <For each={items()}>
              {(r) => (
                <li class="card review-item" data-testid="review-item">
                  <div class="spread">
                    <h2>
                      <A href={`/library/${r.id}`}>{r.title}</A>
                    </h2>
                    <span class="row">
                      <span class="badge kind">{t('library.kinds')[r.kind]}</span>
                      <span class="badge pending">
                        {t('library.sharedTo', { scope: t('library.visibility')[r.visibility] })}
                      </span>
                    </span>
                  </div>
                  <p class="resource-place">
                    {t('library.subjects')[r.subject]} · {t('library.grades')[String(r.grade) as '1']}
                    <Show when={books.place(r)}>{(place) => <> · {place()}</>}</Show>
                  </p>
                  <p class="muted">
                    {t('library.by', { school: r.schoolName, author: r.authorName })} ·{' '}
                    {formatDateTime(r.createdAt, locale())}
                  </p>
                  <Show when={r.summary}>
                    <p>{r.summary}</p>
                  </Show>
                  <Show when={r.file}>
                    {(f) => (
                      <p>
                        <a href={downloadUrl(r.id, { inline: true })} target="_blank" rel="noopener">
                          {f().fileName}
                        </a>{' '}
                        <span class="muted small">
                          {fileType(f().contentType, f().fileName)} · {formatSize(f().size, locale())}
                        </span>
                      </p>
                    )}
                  </Show>
                  <ReviewActions resource={r} onDone={(decision) => setLast({ decision, title: r.title })} />
                </li>
              )}
            </For>
          </ul>
        </Show>
      </Show>
    </>
  );
}
