import { A, createAsync } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { Me } from '../../../../shared/schemas/auth';
import { EmptyState } from '../../components/notice';
import { useI18n } from '../../lib/i18n';
import { rolesOf } from '../../lib/session';
import { getApprovalQueue } from '../bookings/bookings.queries';
import { getApplications } from '../exchanges/exchanges.queries';
import { getOrgInvitations } from '../orgs/orgs.queries';

/** Things waiting for this person: bookings and exchange applications to approve, invitations not yet accepted. */
export function TodoCard(props: { me: Me }) {
  const { t } = useI18n();
  const adminSchools = () => props.me.memberships.filter((m) => m.role === 'school_admin');
  const queue = createAsync(async () => (rolesOf(props.me).isAdmin ? getApprovalQueue() : undefined));
  const exchanges = createAsync(async () => (rolesOf(props.me).isAdmin ? getApplications('to_approve') : undefined));
  const invites = createAsync(() =>
    Promise.all(
      adminSchools().map(async (s) => ({
        orgId: s.orgId,
        pending: (await getOrgInvitations(s.orgId)).items.length,
      })),
    ),
  );
  const waiting = () => queue()?.items.length ?? 0;
  const exchangesWaiting = () => exchanges()?.items.length ?? 0;
  const pendingInvites = () => (invites() ?? []).filter((i) => i.pending > 0);
  return (
    <section class="card" aria-labelledby="todo-title">
      <h2 id="todo-title">{t('home.todo')}</h2>
      <Show
        when={waiting() > 0 || exchangesWaiting() > 0 || pendingInvites().length}
        fallback={<EmptyState title={t('home.nothingToday')} hint={t('home.nextStepTeacher')} />}
      >
        <ul class="plain">
          <Show when={waiting() > 0}>
            <li>
              <A class="button primary" href="/approvals">
                {t('home.pendingApprovals', { count: String(waiting()) })}
              </A>
            </li>
          </Show>
          <Show when={exchangesWaiting() > 0}>
            <li>
              <A class="button primary" href="/exchanges/applications?tab=to_approve">
                {t('exchanges.waiting', { count: String(exchangesWaiting()) })}
              </A>
            </li>
          </Show>
          <For each={pendingInvites()}>
            {(i) => (
              <li>
                <A href={`/orgs/${i.orgId}`}>{t('home.pendingInvites', { count: String(i.pending) })}</A>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
