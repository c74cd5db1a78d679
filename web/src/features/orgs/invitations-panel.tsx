import { createAsync, useAction, useSubmission } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { Org } from '../../../../shared/schemas/orgs';
import { ErrorNotice } from '../../components/notice';
import { formatDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { revokeInvitation } from './orgs.actions';
import { getOrgInvitations } from './orgs.queries';

/** An organisation's open invitations, for its admins: who was asked, for what, until when; withdraw one. */
export function InvitationsPanel(props: { org: Org }) {
  const { t, locale } = useI18n();
  const open = createAsync(() => getOrgInvitations(props.org.id));
  const revoke = useAction(revokeInvitation);
  const revoking = useSubmission(revokeInvitation);
  return (
    <Show when={open()?.items.length}>
      <section class="card" aria-labelledby="invitations-title">
        <h2 id="invitations-title">
          {t('orgs.openInvitations')} <span class="muted">({open()?.items.length})</span>
        </h2>
        <p class="muted">{t('orgs.openInvitationsHint')}</p>
        <ErrorNotice error={revoking.error} />
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('orgs.name')}</th>
                <th scope="col">{t('orgs.email')}</th>
                <th scope="col">{t('orgs.role')}</th>
                <th scope="col">{t('orgs.expires')}</th>
                <th scope="col">
                  <span class="sr-only">{t('orgs.revoke')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              <For each={open()?.items}>
                {(i) => (
                  <tr>
                    <td>
                      {i.name} <span class="badge pending">{t('orgs.pending')}</span>
                    </td>
                    <td class="mono">{i.email}</td>
                    <td>{t(`roles.${i.role}`)}</td>
                    <td>{formatDate(i.expiresAt, locale())}</td>
                    <td>
                      <button
                        type="button"
                        class="link"
                        disabled={revoking.pending}
                        onClick={() => confirm(t('orgs.revokeConfirm', { name: i.name })) && revoke(props.org.id, i.id)}
                      >
                        {t('orgs.revoke')}
                      </button>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </section>
    </Show>
  );
}
