import './page-words';
import './view-words';
import './exchange-views.css';
import { A, createAsync, useSearchParams } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { HONOURS } from '../../../../shared/exchanges';
import type { HonourItem } from '../../../../shared/schemas/exchanges';
import { EmptyState } from '../../components/notice';
import { todayInBeijing } from '../../lib/beijing';
import { formatPlainDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { rolesOf } from '../../lib/session';
import { useSignedIn } from '../../lib/session-context';
import { OrgChoice } from './org-choice';
import { getHonours, orgIdOf } from './views.queries';

/** The national honour first, then the provincial and the county ones: the honours' own order, not the people's. */
const levels = [...HONOURS].reverse();

/** The certificate's address: the organisation that issues it, the teacher, the years. */
export const certificateHref = (orgId: string, item: HonourItem) =>
  `/exchanges/honours/certificate?orgId=${orgId}&user=${item.user.id}&years=${item.honour.years}`;

/**
 * Rural-service honours (issue 12, point 6; clause 9): who reaches 10, 20 or 30 years at rural schools this year or
 * next, by honour, then school and name as the server orders them; a certificate to print for each one reached.
 */
export function HonoursPage() {
  const { t } = useI18n();
  const me = useSignedIn();
  const [params] = useSearchParams();
  const orgId = () => orgIdOf(params.orgId, me());
  const list = createAsync(async () => (orgId() ? getHonours(orgId()) : undefined));
  const of = (years: number) => list()?.items.filter((i) => i.honour.years === years) ?? [];
  const admin = () => {
    const m = me();
    return !!m && rolesOf(m).isAdmin;
  };
  return (
    <>
      <div class="spread">
        <h1>{t('exchanges.honours.title')}</h1>
        <div class="row">
          <Show when={admin()}>
            <A class="button" href="/exchanges/rural-service">
              {t('exchanges.honours.toRecords')}
            </A>
          </Show>
          <A class="button" href={`/exchanges/overview?orgId=${orgId()}`}>
            {t('exchanges.honours.toOverview')}
          </A>
        </div>
      </div>
      <OrgChoice orgId={orgId()} />
      <Show when={list()}>
        {(l) => (
          <>
            <p class="muted">{t('exchanges.honours.intro', { year: String(l().year), next: String(l().year + 1) })}</p>
            <Show
              when={l().items.length}
              fallback={
                <div class="card">
                  <EmptyState title={t('exchanges.honours.none')} hint={t('exchanges.honours.noneHint')} />
                </div>
              }
            >
              <For each={levels.filter((h) => of(h.years).length)}>
                {(h) => <HonourLevel level={h} items={of(h.years)} orgId={l().orgId} />}
              </For>
            </Show>
          </>
        )}
      </Show>
    </>
  );
}

function HonourLevel(props: { level: (typeof HONOURS)[number]; items: HonourItem[]; orgId: string }) {
  const { t, locale } = useI18n();
  const id = () => `honour-${props.level.years}`;
  const reached = (i: HonourItem) => i.reachesOn <= todayInBeijing();
  return (
    <section class="card honour-level" aria-labelledby={id()} data-testid={`honours-${props.level.years}`}>
      <h2 id={id()}>
        {t(`exchanges.honours.levels.${props.level.level}`, { years: String(props.level.years) })}
        <span class="badge">{t('exchanges.honours.count', { n: String(props.items.length) })}</span>
      </h2>
      <ul class="plain">
        <For each={props.items}>
          {(i) => (
            <li class="spread" data-testid="honour">
              <div>
                <strong>{i.user.name}</strong>
                {' · '}
                {i.school.name}
                <p class="muted">
                  {t('exchanges.honours.yearsNow', { years: String(i.years) })}
                  {' · '}
                  {t(reached(i) ? 'exchanges.honours.reachedOn' : 'exchanges.honours.reachesOn', {
                    date: formatPlainDate(i.reachesOn, locale()),
                  })}{' '}
                  <span class="badge">
                    {t(i.when === 'this_year' ? 'exchanges.honours.thisYear' : 'exchanges.honours.nextYear')}
                  </span>
                </p>
              </div>
              <Show when={reached(i)} fallback={<span class="muted">{t('exchanges.honours.notYet')}</span>}>
                <A
                  class="button"
                  href={certificateHref(props.orgId, i)}
                  aria-label={`${t('exchanges.honours.printCertificate')}${t('common.colon')}${i.user.name}`}
                >
                  {t('exchanges.honours.printCertificate')}
                </A>
              </Show>
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}
