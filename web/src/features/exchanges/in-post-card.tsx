import './page-words';
import { A, createAsync } from '@solidjs/router';
import { Show } from 'solid-js';
import { useI18n } from '../../lib/i18n';
import { getPlacement } from './exchanges.queries';
import { LogForm } from './log-form';
import { ThisWeek } from './this-week';

/**
 * The home page of a teacher in post (loaded only for them): this week's log or a reminder that it is empty, the
 * form that logs a day (the hours and one click), the live lessons waiting to be logged, and the way to the page.
 */
export function InPostCard(props: { placementId: string }) {
  const { t } = useI18n();
  const answer = createAsync(() => getPlacement(props.placementId));
  const page = () => `/exchanges/placements/${props.placementId}`;
  return (
    <section class="card in-post-card" aria-labelledby="in-post-title" data-testid="in-post-card">
      <h2 id="in-post-title">{t('exchanges.post.thisWeek')}</h2>
      <Show when={answer()}>
        {(a) => (
          <>
            <ThisWeek placement={a().placement} logs={a().logs} />
            <Show when={a().placement.mayLog}>
              <LogForm placement={a().placement} />
            </Show>
            <Show when={a().offers.length}>
              {(n) => (
                <p>
                  <A href={`${page()}#offers`}>{t('exchanges.post.offersWaiting', { count: String(n()) })}</A>
                </p>
              )}
            </Show>
            <p>
              <A href={page()}>{t('exchanges.post.openPage')}</A>
            </p>
          </>
        )}
      </Show>
    </section>
  );
}
