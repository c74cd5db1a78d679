import { A, createAsync } from '@solidjs/router';
import { Show } from 'solid-js';
import { useI18n } from '../../lib/i18n';
import { rolesOf } from '../../lib/session';
import { useSignedIn } from '../../lib/session-context';
import { getResources } from './library.queries';

/** The library's title and ways on: the review queue (for reviewers, with how many wait), collections, upload. */
export function LibraryHeader() {
  const { t } = useI18n();
  const me = useSignedIn();
  const reviewer = () => {
    const m = me();
    return !!m && (rolesOf(m).isGroupAdmin || rolesOf(m).isDistrictAdmin || m.memberships.some((x) => x.reviewer));
  };
  const reviewQueue = createAsync(async () =>
    reviewer() ? (await getResources({ status: 'in_review' })).items.filter((r) => r.canReview) : undefined,
  );
  return (
    <div class="spread">
      <h1>{t('library.title')}</h1>
      <div class="row">
        <Show when={reviewer()}>
          <A class="button" href="/library/review">
            {reviewQueue()?.length
              ? t('library.reviewCount', { count: String(reviewQueue()?.length) })
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
  );
}
