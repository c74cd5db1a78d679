import { createAsync, useAction, useSubmission } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { ErrorNotice } from '../../components/notice';
import { formatDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { acceptOffer, declineOffer } from '../orgs/orgs.actions';
import { getOffers } from '../orgs/orgs.queries';

/** Invitations to join an organisation, waiting for the person's answer: nothing changes until they accept. */
export function OffersCard() {
  const { t, locale } = useI18n();
  const offers = createAsync(() => getOffers());
  const accept = useAction(acceptOffer);
  const decline = useAction(declineOffer);
  const accepting = useSubmission(acceptOffer);
  const declining = useSubmission(declineOffer);
  const busy = () => accepting.pending || declining.pending;
  return (
    <Show when={offers()?.items.length}>
      <section class="card offers" aria-labelledby="offers-title">
        <h2 id="offers-title">{t('home.offers')}</h2>
        <ErrorNotice error={accepting.error ?? declining.error} />
        <ul class="plain">
          <For each={offers()?.items}>
            {(o) => (
              <li>
                <p>
                  {t(o.invitedBy ? 'home.offerBy' : 'home.offer', {
                    by: o.invitedBy ?? '',
                    org: o.orgName,
                    role: t(`roles.${o.role}`),
                  })}
                  <Show when={o.masterTeacher}> · {t('roles.master_teacher')}</Show>
                  <Show when={o.classroomName}>{(c) => <> · {c()}</>}</Show>
                </p>
                <p class="muted">{t('home.offerUntil', { date: formatDate(o.expiresAt, locale()) })}</p>
                <div class="row">
                  <button type="button" class="primary" disabled={busy()} onClick={() => accept(o.id)}>
                    {t('home.acceptOffer')}
                  </button>
                  <button type="button" disabled={busy()} onClick={() => decline(o.id)}>
                    {t('home.declineOffer')}
                  </button>
                </div>
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  );
}
