import './page-words';
import './view-words';
import './exchange-views.css';
import { A, createAsync, useSearchParams } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { honourLevels, type HonourLevel as Level } from '../../../../shared/exchanges';
import type { HonourItem } from '../../../../shared/schemas/exchanges';
import { EmptyState } from '../../components/notice';
import { todayInBeijing } from '../../lib/beijing';
import { formatPlainDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { rolesOf } from '../../lib/session';
import { useSignedIn } from '../../lib/session-context';
import { HonourSettings } from './honour-settings';
import { OrgChoice } from './org-choice';
import { getHonours, orgIdOf } from './views.queries';

/** The national honour first, then the provincial and the county ones: the honours' own order, not the people's. */
const levels = [...honourLevels].reverse();

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
  const of = (level: Level) => list()?.items.filter((i) => i.honour.level === level) ?? [];
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
              <For each={levels.filter((level) => of(level).length)}>
                {(level) => (
                  <HonourLevel
                    level={level}
                    years={l().years[level] ?? of(level)[0]?.honour.years ?? 0}
                    items={of(level)}
                    orgId={l().orgId}
                  />
                )}
              </For>
            </Show>
            <HonourSettings orgId={l().orgId} />
          </>
        )}
      </Show>
    </>
  );
}

/** One honour's teachers; a row whose school's group sets other years than the heading says its own. */
function HonourLevel(props: { level: Level; years: number; items: HonourItem[]; orgId: string }) {
  const { t, locale } = useI18n();
  const id = () => `honour-${props.level}`;
  const reached = (i: HonourItem) => i.reachesOn <= todayInBeijing();
  return (
    <section class="card honour-level" aria-labelledby={id()} data-testid={`honours-${props.level}`}>
      <h2 id={id()}>
        {t(`exchanges.honours.levels.${props.level}`, { years: String(props.years) })}
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
                  <Show when={i.honour.years !== props.years}>
                    {' · '}
                    {t('exchanges.honours.atYears', { years: String(i.honour.years) })}
                  </Show>
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
