import { A, createAsync } from '@solidjs/router';
import { Show, Suspense } from 'solid-js';
import { pendingApplicationStatuses } from '../../../../shared/enums';
import { formatPlainDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { lastDay } from './exchange-words';
import { getApplications, getPostings, openPostings } from './exchanges.queries';

/**
 * A teacher's way into exchanges (the first of the ≤ 3 actions of applying): the open posts, their own applications
 * under way, and, while in post, where and until when.
 */
export function ExchangesCard() {
  const { t, locale } = useI18n();
  const postings = createAsync(() => getPostings(openPostings));
  const mine = createAsync(() => getApplications('mine'));
  // While in post: the host school and the placement's last day.
  const inPost = () => {
    const a = (mine()?.items ?? []).find((x) => x.status === 'placed' && x.placement?.status === 'active');
    return a?.placement ? { school: a.posting.school.name, until: lastDay(a.placement.endsOn) } : null;
  };
  const pending = () =>
    (mine()?.items ?? []).filter((a) => (pendingApplicationStatuses as readonly string[]).includes(a.status)).length;
  return (
    <section class="card" aria-labelledby="exchanges-card-title">
      <h2 id="exchanges-card-title">{t('exchanges.title')}</h2>
      <Suspense>
        <Show when={inPost()}>
          {(a) => (
            <p data-testid="in-post">
              {t('exchanges.inPost', { school: a().school, until: formatPlainDate(a().until, locale()) })}
            </p>
          )}
        </Show>
      </Suspense>
      <p class="row">
        <A class="button primary" href="/exchanges">
          {t('exchanges.homePostings')}
        </A>
        {/* The button shows at once; the figures follow when they arrive. */}
        <Suspense>
          <Show when={postings()}>
            {(p) => <span class="muted">{t('exchanges.homeOpen', { count: String(p().items.length) })}</span>}
          </Show>
        </Suspense>
      </p>
      <Suspense>
        <Show when={pending()}>
          <p>
            <A href="/exchanges/applications?tab=mine">{t('exchanges.homePending', { count: String(pending()) })}</A>
          </p>
        </Show>
      </Suspense>
    </section>
  );
}
