import { A, createAsync } from '@solidjs/router';
import { Show } from 'solid-js';
import type { Me } from '../../../../shared/schemas/auth';
import { useI18n } from '../../lib/i18n';
import { getOrg, getOrgs } from '../orgs/orgs.queries';

/** An admin's way into managing their organisation, with the group's schools at a glance. */
export function AdminCard(props: { admin: Me['memberships'][number] }) {
  const { t } = useI18n();
  const admin = () => props.admin;
  const orgs = createAsync(() => getOrgs());
  const detail = createAsync(() => getOrg(admin().orgId));
  const schools = () => {
    const listed = detail()?.schools;
    return listed?.length ? listed : (orgs()?.items.filter((o) => o.kind === 'school' && o.canManage) ?? []);
  };
  return (
    <section class="card" aria-labelledby="admin-title">
      <h2 id="admin-title">{t('home.adminPanel')}</h2>
      <Show when={admin().orgKind !== 'school'}>
        <p>
          {t('home.schoolsInGroup', {
            count: String(schools().length),
            rural: String(schools().filter((s) => s.rural).length),
            supported: String(schools().filter((s) => s.supported).length),
          })}
        </p>
      </Show>
      <div class="row">
        <A class="button primary" href={`/orgs/${admin().orgId}`}>
          {t('home.manageOrg', { org: admin().orgName })}
        </A>
        <A class="button" href="/audit">
          {t('home.auditLog')}
        </A>
        <A class="button" href={`/exchanges/overview?orgId=${admin().orgId}`}>
          {t('home.exchangesView')}
        </A>
        <A class="button" href={`/exchanges/honours?orgId=${admin().orgId}`}>
          {t('home.honours')}
        </A>
      </div>
    </section>
  );
}
