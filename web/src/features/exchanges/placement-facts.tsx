import { createSignal, Show } from 'solid-js';
import type { Placement } from '../../../../shared/schemas/exchanges';
import { OkNotice } from '../../components/notice';
import { formatPlainDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { OrgBadges } from '../orgs/org-badges';
import { lastDay } from './last-day';
import { MentorForm } from './mentor-form';

/** Where, what and when: host and home schools, programme, subject, the days in post, the mentor, the hours. */
export function PlacementFacts(props: { placement: Placement; hosts: boolean }) {
  const { t, locale } = useI18n();
  const p = () => props.placement;
  const day = (d: string) => formatPlainDate(d, locale());
  const [naming, setNaming] = createSignal(false);
  const [named, setNamed] = createSignal('');
  return (
    <section class="card placement-facts" aria-label={t('exchanges.post.facts')} data-testid="placement-facts">
      <p class="row">
        <span class={`badge status-${p().status}`} data-testid="placement-status">
          {t('exchanges.post.status')[p().status]}
        </span>
        <span class="badge kind">{t('exchanges.kinds')[p().kind]}</span>
        <OrgBadges org={p().hostSchool} />
      </p>
      <dl class="details">
        <dt>{t('exchanges.post.host')}</dt>
        <dd>{p().hostSchool.name}</dd>
        <dt>{t('exchanges.post.home')}</dt>
        <dd>{p().homeSchool.name}</dd>
        <dt>{t('exchanges.post.programme')}</dt>
        <dd>{p().programmeName}</dd>
        <dt>{t('exchanges.subjectLabel')}</dt>
        <dd>{t('library.subjects')[p().subject]}</dd>
        <dt>{t('exchanges.post.dates')}</dt>
        <dd>{t('exchanges.post.datesValue', { from: day(p().startsOn), to: day(lastDay(p().endsOn)) })}</dd>
        <Show when={p().completedOn}>
          {(on) => (
            <>
              <dt>{t('exchanges.post.completedOn')}</dt>
              <dd data-testid="completed-on">{day(on())}</dd>
            </>
          )}
        </Show>
        <dt>{t('exchanges.post.mentor')}</dt>
        <dd class="row" data-testid="mentor">
          <span>{p().mentor?.name ?? t('exchanges.post.noMentor')}</span>
          <Show when={props.hosts && p().status === 'active'}>
            <button type="button" aria-expanded={naming()} onClick={() => setNaming(!naming())}>
              {p().mentor ? t('exchanges.post.changeMentor') : t('exchanges.post.setMentor')}
            </button>
          </Show>
        </dd>
      </dl>
      <Show when={naming()}>
        <MentorForm
          placement={p()}
          onDone={(name) => {
            setNaming(false);
            setNamed(name);
          }}
          onCancel={() => setNaming(false)}
        />
      </Show>
      <Show when={named()}>
        <OkNotice>{t('exchanges.post.mentorSet', { name: named() })}</OkNotice>
      </Show>
      <p class="muted" data-testid="placement-hours">
        {t('exchanges.post.hours', { logged: String(p().hoursLogged), confirmed: String(p().hoursConfirmed) })}
      </p>
    </section>
  );
}
