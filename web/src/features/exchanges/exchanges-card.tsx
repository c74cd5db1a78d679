import { A, createAsync } from '@solidjs/router';
import { lazy, Show, Suspense } from 'solid-js';
import { pendingApplicationStatuses } from '../../../../shared/enums';
import { todayInBeijing } from '../../lib/beijing';
import { formatPlainDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { getApplications, getPostings, openPostings } from './exchanges.queries';
import { lastDay } from './last-day';

// Only a teacher in post loads the week's log card (and the exchange pages' words with it): the first load stays small.
const InPostCard = lazy(() => import('./in-post-card').then((m) => ({ default: m.InPostCard })));

/** The active placement of a teacher whose first day has come, if any. */
function usePlacement() {
  const mine = createAsync(() => getApplications('mine'));
  return () => {
    const a = (mine()?.items ?? []).find((x) => x.status === 'placed' && x.placement?.status === 'active');
    return a?.placement ? { ...a.placement, school: a.posting.school.name } : null;
  };
}

/** A teacher in post: this week's log, first on the home page. */
export function InPostSlot() {
  const placement = usePlacement();
  const inPost = () => {
    const p = placement();
    return p && p.startsOn <= todayInBeijing() ? p.id : null;
  };
  return (
    <Suspense>
      <Show when={inPost()}>{(id) => <InPostCard placementId={id()} />}</Show>
    </Suspense>
  );
}

/**
 * A teacher's way into exchanges (the first of the ≤ 3 actions of applying): the open posts, their own applications
 * under way, and, while in post, where and until when.
 */
export function ExchangesCard() {
  const { t, locale } = useI18n();
  const postings = createAsync(() => getPostings(openPostings));
  const mine = createAsync(() => getApplications('mine'));
  const placement = usePlacement();
  // Placed: the host school, the first and last days — "in post" once the first has come.
  const inPost = () => {
    const p = placement();
    if (!p) return null;
    const day = (d: string) => formatPlainDate(d, locale());
    const words = { school: p.school, from: day(p.startsOn), until: day(lastDay(p.endsOn)) };
    return p.startsOn > todayInBeijing() ? t('exchanges.goingTo', words) : t('exchanges.inPost', words);
  };
  const pending = () =>
    (mine()?.items ?? []).filter((a) => (pendingApplicationStatuses as readonly string[]).includes(a.status)).length;
  return (
    <section class="card" aria-labelledby="exchanges-card-title">
      <h2 id="exchanges-card-title">{t('exchanges.title')}</h2>
      <Suspense>
        <Show when={inPost()}>{(line) => <p data-testid="in-post">{line()}</p>}</Show>
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
