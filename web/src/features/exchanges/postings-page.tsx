import './page-words';
import { A, createAsync, useSearchParams } from '@solidjs/router';
import { createMemo, For, Show } from 'solid-js';
import type { Me } from '../../../../shared/schemas/auth';
import { CountBadge } from '../../components/count-badge';
import { EmptyState } from '../../components/notice';
import { useI18n } from '../../lib/i18n';
import { rolesOf } from '../../lib/session';
import { useSignedIn } from '../../lib/session-context';
import { getApplications, getPostings, postingFiltersFor } from './exchanges.queries';
import { PostingCard } from './posting-card';
import { PostingFilters } from './posting-filters';

/** The schools whose admin the person is: they nominate their teachers and post openings for them. */
export const adminSchoolsOf = (me: Me | undefined) =>
  (me?.memberships ?? []).filter((m) => m.role === 'school_admin').map((m) => m.orgId);
/** Whether the person leads a group or district (sets up programmes, posts for any of its schools). */
export const leadsAny = (me: Me | undefined) =>
  !!me?.memberships.some((m) => m.role === 'group_admin' || m.role === 'district_admin');

/** Exchange openings with their filters; rural and supported schools first, as the server orders them. */
export function PostingsPage() {
  const { t } = useI18n();
  const me = useSignedIn();
  const [params] = useSearchParams();
  const filters = createMemo(() => postingFiltersFor(params));
  const postings = createAsync(() => getPostings(filters()));
  const items = () => postings()?.items ?? [];
  // Keyed by id: a refresh after applying keeps each card, and an open form on another one.
  const byId = createMemo(() => new Map(items().map((p) => [p.id, p])));
  const canApply = () => {
    const m = me();
    return !!m && rolesOf(m).isTeacher;
  };
  const admin = () => {
    const m = me();
    return !!m && rolesOf(m).isAdmin;
  };
  // An approver's way to what waits for them (the header's 教师交流 counts it and leads here).
  const queue = createAsync(async () => (admin() ? getApplications('to_approve') : undefined));
  const waiting = () => queue()?.items.length ?? 0;
  const nominateFrom = (hostId: string) => adminSchoolsOf(me()).find((id) => id !== hostId) ?? null;
  const filtered = () => !!(filters().kind || filters().subject || filters().schoolId) || filters().open;
  return (
    <>
      <div class="spread">
        <h1>{t('exchanges.title')}</h1>
        <div class="row">
          <Show when={waiting()}>
            <A class="button primary" href="/exchanges/applications?tab=to_approve">
              {t('exchanges.toApprove')}
              <CountBadge count={waiting()} label={t('exchanges.waiting', { count: String(waiting()) })} />
            </A>
          </Show>
          <A class="button" href="/exchanges/applications?tab=mine">
            {t('exchanges.myApplications')}
          </A>
          {/* Teachers in post and the schools and leaders around them: the placements, their logs and reviews. */}
          <A class="button" href="/exchanges/placements">
            {admin() ? t('exchanges.post.toList') : t('exchanges.post.toMine')}
          </A>
          <Show when={adminSchoolsOf(me()).length || leadsAny(me())}>
            <A class="button" href="/exchanges/postings/new">
              {t('exchanges.newPosting')}
            </A>
          </Show>
          <Show when={leadsAny(me())}>
            <A class="button" href="/exchanges/programmes/new">
              {t('exchanges.newProgramme')}
            </A>
          </Show>
        </div>
      </div>
      <p class="muted">{t('exchanges.intro')}</p>
      <PostingFilters filters={filters()} />
      <Show when={postings()}>
        <Show
          when={items().length}
          fallback={
            <div class="card">
              <EmptyState
                title={t('exchanges.none')}
                hint={filtered() ? t('exchanges.noneHint') : t('exchanges.noneAtAll')}
              />
            </div>
          }
        >
          <div class="grid postings">
            <For each={items().map((p) => p.id)}>
              {(id) => (
                <Show when={byId().get(id)}>
                  {(p) => (
                    <PostingCard posting={p()} canApply={canApply()} nominateFrom={nominateFrom(p().school.id)} />
                  )}
                </Show>
              )}
            </For>
          </div>
        </Show>
      </Show>
    </>
  );
}
