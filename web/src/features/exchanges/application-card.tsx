import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import type { Application, ApplicationAction } from '../../../../shared/schemas/exchanges';
import { formatPlainDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { OrgBadges } from '../orgs/org-badges';
import { ApplicationActions } from './application-actions';
import { ApprovalSteps } from './approval-steps';
import { postingWhat, postingWhen } from './exchange-words';
import { lastDay } from './last-day';

/**
 * One application: who, from which school to which, what and when; its approval steps with who and when, how many
 * have approved; its reasons; its placement; and what the reader may do to it now.
 */
export function ApplicationCard(props: {
  application: Application;
  onDecided: (decision: ApplicationAction, after: Application) => void;
}) {
  const { t, locale } = useI18n();
  const a = () => props.application;
  const day = (d: string) => formatPlainDate(d, locale());
  return (
    <article class="card application-card" data-testid="application" aria-labelledby={`application-${a().id}`}>
      <div class="spread">
        <h2 id={`application-${a().id}`}>
          <A href={`/exchanges/applications/${a().id}`}>
            {t('exchanges.from', { teacher: a().teacher.name, school: a().homeSchool.name })} →{' '}
            {a().posting.school.name}
          </A>
        </h2>
        <span class={`badge status-${a().status}`} data-testid="application-status">
          {t('exchanges.status')[a().status]}
        </span>
      </div>
      <p class="row">
        <span class="badge kind">{t('exchanges.kinds')[a().posting.kind]}</span>
        <OrgBadges org={a().posting.school} />
        <span>{postingWhat(a().posting, t)}</span>
        <span class="nowrap">{postingWhen(a().posting, t, locale())}</span>
      </p>
      <Show when={a().nominated}>
        <p class="muted">{t('exchanges.nominatedBy', { by: a().submittedBy.name })}</p>
      </Show>
      <Show when={a().statement}>
        <blockquote class="statement">{a().statement}</blockquote>
      </Show>
      <ApprovalSteps application={a()} />
      <Show when={a().placement}>
        {(p) => (
          <p class="row">
            <span>{t('exchanges.placement', { from: day(p().startsOn), to: day(lastDay(p().endsOn)) })}</span>
            <A href={`/exchanges/placements/${p().id}`}>{t('exchanges.post.view')}</A>
          </p>
        )}
      </Show>
      <Show when={a().status === 'declined' && a().declineReason}>
        {(r) => <p class="notice error">{t('exchanges.declineReason', { reason: r() })}</p>}
      </Show>
      <Show when={a().status === 'deferred' && a().deferralReason}>
        {(r) => <p class="notice info">{t('exchanges.deferralReason', { reason: r() })}</p>}
      </Show>
      <ApplicationActions application={a()} onDecided={props.onDecided} />
    </article>
  );
}
