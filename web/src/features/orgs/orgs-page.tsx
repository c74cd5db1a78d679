import { A, createAsync } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { EmptyState } from '../../components/notice';
import { useI18n } from '../../lib/i18n';
import { useSignedIn } from '../../lib/session-context';
import { OrgBadges } from './org-badges';
import { getOrgs } from './orgs.queries';

export function OrgsPage() {
  const { t } = useI18n();
  useSignedIn();
  const orgs = createAsync(() => getOrgs());
  const ofKind = (kind: string) => orgs()?.items.filter((o) => o.kind === kind) ?? [];
  return (
    <>
      <h1>{t('nav.orgs')}</h1>
      <div class="grid">
        <For each={['group', 'district'] as const}>
          {(kind) => (
            <For each={ofKind(kind)}>
              {(o) => (
                <section class="card">
                  <p class="muted">{t(`orgKinds.${kind}`)}</p>
                  <h2>
                    <A href={`/orgs/${o.id}`}>{o.name}</A>
                  </h2>
                </section>
              )}
            </For>
          )}
        </For>
      </div>
      <section class="card">
        <h2>{t('orgKinds.school')}</h2>
        <ul class="plain">
          <For each={ofKind('school')} fallback={<EmptyState title={t('home.noMembership')} />}>
            {(o) => (
              <li class="spread">
                <span class="row">
                  <A href={`/orgs/${o.id}`}>{o.name}</A>
                  <OrgBadges org={o} />
                </span>
                <span class="muted">{[o.groupName, o.districtName].filter(Boolean).join(' · ')}</span>
              </li>
            )}
          </For>
        </ul>
        <Show when={!orgs()}>
          <p class="muted">{t('common.loading')}</p>
        </Show>
      </section>
    </>
  );
}
