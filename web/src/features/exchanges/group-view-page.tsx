import './page-words';
import './view-words';
import './exchange-views.css';
import { A, createAsync, useSearchParams } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { EmptyState } from '../../components/notice';
import { formatPlainDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useSignedIn } from '../../lib/session-context';
import { FigureList } from './figure-list';
import { OrgChoice } from './org-choice';
import { ProgrammeQuotas } from './programme-quotas';
import { type Overview, SchoolFigures } from './school-figures';
import { getOverview, orgIdOf, viewOrgsOf } from './views.queries';

const one = (v: string | string[] | undefined) => (typeof v === 'string' && v ? v : undefined);

/**
 * The group's view of its exchanges (issue 12, point 7; clause 4: nothing ranked): per school by name against its own
 * last year, each programme against its quotas, who becomes eligible next year; each figure opens its list.
 */
export function GroupViewPage() {
  const { t } = useI18n();
  const me = useSignedIn();
  const [params] = useSearchParams();
  const orgId = () => orgIdOf(params.orgId, me());
  const overview = createAsync(async () => (orgId() ? getOverview(orgId()) : undefined));
  const orgName = () => viewOrgsOf(me()).find((o) => o.id === orgId())?.name ?? '';
  return (
    <>
      <div class="spread">
        <h1>{t('exchanges.groupView.title')}</h1>
        <div class="row">
          <A class="button" href={`/exchanges/honours?orgId=${orgId()}`}>
            {t('exchanges.groupView.toHonours')}
          </A>
          <A class="button" href="/exchanges">
            {t('exchanges.groupView.toPostings')}
          </A>
        </div>
      </div>
      <OrgChoice orgId={orgId()} />
      <Show when={overview()}>
        {(o) => (
          <>
            <p class="muted">{t('exchanges.groupView.intro', { org: orgName(), year: o().schoolYear })}</p>
            <SchoolFigures overview={o()} />
            <FigureList
              overview={o()}
              school={one(params.school)}
              figure={one(params.figure)}
              programme={one(params.programme)}
            />
            <ProgrammeQuotas overview={o()} />
            <EligibleNextYear overview={o()} />
          </>
        )}
      </Show>
    </>
  );
}

/** Teachers not eligible at this school year's start who will be at the next one's, by school and name. */
function EligibleNextYear(props: { overview: Overview }) {
  const { t, locale } = useI18n();
  return (
    <section class="card" aria-labelledby="next-year-title">
      <h2 id="next-year-title">{t('exchanges.groupView.nextYear')}</h2>
      <p class="muted">{t('exchanges.groupView.nextYearHint')}</p>
      <Show
        when={props.overview.eligibleNextYear.length}
        fallback={<EmptyState title={t('exchanges.groupView.nextYearNone')} />}
      >
        <ul class="plain" data-testid="eligible-next-year">
          <For each={props.overview.eligibleNextYear}>
            {(e) => (
              <li>
                <strong>{e.user.name}</strong> · {e.school.name}
                <span class="muted">
                  {' · '}
                  {t('exchanges.groupView.eligibleFrom', { date: formatPlainDate(e.eligibleFrom, locale()) })}
                </span>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
