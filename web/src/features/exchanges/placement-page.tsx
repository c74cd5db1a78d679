import './page-words';
import { A, createAsync, useParams } from '@solidjs/router';
import { Show } from 'solid-js';
import type { Me } from '../../../../shared/schemas/auth';
import type { Placement } from '../../../../shared/schemas/exchanges';
import { useI18n } from '../../lib/i18n';
import { useSignedIn } from '../../lib/session-context';
import { getPlacement } from './exchanges.queries';
import { LessonOffers } from './lesson-offers';
import { LogForm } from './log-form';
import { LogWeeks } from './log-weeks';
import { PlacementFacts } from './placement-facts';
import { PlacementReviews } from './placement-reviews';
import { ServiceYears } from './service-years';
import { ThisWeek } from './this-week';

/**
 * Whether the person runs the host school: its admins review and name the mentor (the mentor only confirms) — but
 * not in their own placement, which the teacher in post never reviews.
 */
const hostsOf = (me: Me | undefined, p: Placement) =>
  me?.user.id !== p.teacher.id &&
  !!me?.memberships.some((m) => m.role === 'school_admin' && m.orgId === p.hostSchool.id);

/**
 * "My exchange" for the teacher in post (this week, the log form, the live lessons to log in one click, the log by
 * week, reviews, rural-service years); the same page for the host school confirms the log, reviews and names the
 * mentor, and the home school and leaders read it.
 */
export function PlacementPage() {
  const { t } = useI18n();
  const me = useSignedIn();
  const params = useParams();
  const answer = createAsync(() => getPlacement(params.id ?? ''));
  return (
    <Show when={answer()}>
      {(a) => {
        const p = () => a().placement;
        const mine = () => p().teacher.id === me()?.user.id;
        return (
          <>
            <div class="spread">
              <h1>{mine() ? t('exchanges.post.title') : t('exchanges.post.titleOf', { teacher: p().teacher.name })}</h1>
              <A class="button" href={mine() ? '/exchanges' : '/exchanges/placements'}>
                {mine() ? t('exchanges.toPostings') : t('exchanges.post.backToList')}
              </A>
            </div>
            <PlacementFacts placement={p()} hosts={hostsOf(me(), p())} />
            <div class="placement-layout">
              <div>
                <Show
                  when={p().mayLog}
                  fallback={
                    <Show when={p().status !== 'active'}>
                      <p class="notice info">{t('exchanges.post.closed')}</p>
                    </Show>
                  }
                >
                  <section class="card" id="log" aria-labelledby="this-week-title">
                    <h2 id="this-week-title">{t('exchanges.post.thisWeek')}</h2>
                    <ThisWeek placement={p()} logs={a().logs} />
                    <LogForm placement={p()} />
                  </section>
                  <LessonOffers placementId={p().id} offers={a().offers} />
                </Show>
                <LogWeeks placement={p()} logs={a().logs} />
              </div>
              <div>
                <PlacementReviews placement={p()} hosts={hostsOf(me(), p())} />
                <ServiceYears placement={p()} />
              </div>
            </div>
          </>
        );
      }}
    </Show>
  );
}
