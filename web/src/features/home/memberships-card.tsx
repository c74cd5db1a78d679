import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { Me } from '../../../../shared/schemas/auth';
import { useI18n } from '../../lib/i18n';

/** Where the person works, with their role in each. */
export function MembershipsCard(props: { me: Me }) {
  const { t } = useI18n();
  return (
    <section class="card" aria-labelledby="orgs-title">
      <h2 id="orgs-title">{t('home.yourOrgs')}</h2>
      <ul class="plain">
        <For each={props.me.memberships}>
          {(m) => (
            <li class="spread">
              <A href={`/orgs/${m.orgId}`}>{m.orgName}</A>
              <span class="row">
                <span class="badge">{t(`roles.${m.role}`)}</span>
                <Show when={m.masterTeacher}>
                  <span class="badge lead">{t('roles.master_teacher')}</span>
                </Show>
              </span>
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}
