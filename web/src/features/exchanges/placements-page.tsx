import './page-words';
import { A, createAsync, useSearchParams } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { Placement } from '../../../../shared/schemas/exchanges';
import { EmptyState } from '../../components/notice';
import { formatPlainDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { rolesOf } from '../../lib/session';
import { useSignedIn } from '../../lib/session-context';
import { OrgBadges } from '../orgs/org-badges';
import { lastDay } from './last-day';
import { getPlacements, type PlacementScope } from './placements.queries';
import { weekRange } from './this-week';

/**
 * Teachers on exchange: a host school's (and the mentor's) list, everything a leader or home school may read, or the
 * teacher's own. Each card says where, when, the hours logged and confirmed, and leads to the placement's page.
 */
export function PlacementsPage() {
  const { t } = useI18n();
  const me = useSignedIn();
  const [params, setParams] = useSearchParams();
  const roles = () => {
    const m = me();
    return m ? rolesOf(m) : null;
  };
  const tabs = (): PlacementScope[] => [
    ...(roles()?.isSchoolAdmin ? (['hosted'] as const) : []),
    ...(roles()?.isAdmin ? (['all'] as const) : []),
    ...(roles()?.isTeacher ? (['mine'] as const) : []),
  ];
  const scope = (): PlacementScope => {
    const asked = params.tab as PlacementScope;
    return tabs().includes(asked) ? asked : (tabs()[0] ?? 'mine');
  };
  const list = createAsync(() => getPlacements(scope()));
  const empty = () =>
    scope() === 'mine'
      ? { title: t('exchanges.post.emptyMine'), hint: t('exchanges.post.emptyMineHint') }
      : { title: scope() === 'hosted' ? t('exchanges.post.emptyHosted') : t('exchanges.post.emptyAll') };
  return (
    <>
      <div class="spread">
        <h1>{t('exchanges.post.listTitle')}</h1>
        <A class="button" href="/exchanges">
          {t('exchanges.toPostings')}
        </A>
      </div>
      <p class="muted">{t('exchanges.post.listIntro')}</p>
      <Show when={tabs().length > 1}>
        {/* biome-ignore lint/a11y/useSemanticElements: toggle chips, not a form section */}
        <div class="row chips" role="group" aria-label={t('exchanges.post.tabs')}>
          <For each={tabs()}>
            {(tab) => (
              <button type="button" aria-pressed={scope() === tab} onClick={() => setParams({ tab })}>
                {t('exchanges.post')[tab]}
              </button>
            )}
          </For>
        </div>
      </Show>
      <Show when={list()}>
        {(l) => (
          <Show
            when={l().items.length}
            fallback={
              <div class="card">
                <EmptyState title={empty().title} hint={empty().hint} />
              </div>
            }
          >
            <div class="grid postings">
              <For each={l().items}>{(p) => <PlacementCard placement={p} />}</For>
            </div>
          </Show>
        )}
      </Show>
    </>
  );
}

function PlacementCard(props: { placement: Placement }) {
  const { t, locale } = useI18n();
  const p = () => props.placement;
  const day = (d: string) => formatPlainDate(d, locale());
  return (
    <article class="card placement-card" data-testid="placement" aria-labelledby={`placement-${p().id}`}>
      <div class="spread">
        <h2 id={`placement-${p().id}`}>
          <A href={`/exchanges/placements/${p().id}`}>{p().teacher.name}</A>
        </h2>
        <span class={`badge status-${p().status}`}>{t('exchanges.post.status')[p().status]}</span>
      </div>
      <p>
        {p().homeSchool.name} → {p().hostSchool.name}
      </p>
      <p class="row">
        <span class="badge kind">{t('exchanges.kinds')[p().kind]}</span>
        <OrgBadges org={p().hostSchool} />
        <span>{t('library.subjects')[p().subject]}</span>
      </p>
      <p>{t('exchanges.post.datesValue', { from: day(p().startsOn), to: day(lastDay(p().endsOn)) })}</p>
      <p class="muted">
        {t('exchanges.post.hours', { logged: String(p().hoursLogged), confirmed: String(p().hoursConfirmed) })}
      </p>
      <Show when={p().weeksWithoutEntry.length}>
        <p class="muted">
          {t('exchanges.post.missedWeeks', {
            count: String(p().weeksWithoutEntry.length),
            weeks: p()
              .weeksWithoutEntry.map((m) => weekRange(m, locale()))
              .join(t('common.separator')),
          })}
        </p>
      </Show>
    </article>
  );
}
