import { A } from '@solidjs/router';
import { createSignal, Match, Show, Switch } from 'solid-js';
import type { Posting } from '../../../../shared/schemas/exchanges';
import { OkNotice } from '../../components/notice';
import { useI18n } from '../../lib/i18n';
import { OrgBadges } from '../orgs/org-badges';
import { ApplyForm, NominateForm } from './apply-form';
import { postingWhat, postingWhen } from './exchange-words';

/**
 * One opening: where (rural and supported schools marked in words), what, when, places left, duties and requirements.
 * A teacher applies from it in two actions ("申请", then "提交申请"); a home school's admin nominates from it. Once
 * applied, it says so and links to the application.
 */
export function PostingCard(props: { posting: Posting; canApply: boolean; nominateFrom: string | null }) {
  const { t, locale } = useI18n();
  const p = () => props.posting;
  const [form, setForm] = createSignal<'apply' | 'nominate' | null>(null);
  const [nominated, setNominated] = createSignal('');
  const left = () => Math.max(0, p().places - p().filled);
  const toggle = (which: 'apply' | 'nominate') => {
    setNominated('');
    setForm(form() === which ? null : which);
  };
  return (
    <article class="card posting-card" data-testid="posting" aria-labelledby={`posting-${p().id}`}>
      <div class="spread">
        <h2 id={`posting-${p().id}`}>{p().school.name}</h2>
        <span class="badge kind">{t('exchanges.kinds')[p().kind]}</span>
      </div>
      <OrgBadges org={p().school} />
      <p>
        <strong>{postingWhat(p(), t)}</strong>
        <br />
        <span class="nowrap">{postingWhen(p(), t, locale())}</span>
      </p>
      <p>
        <Switch>
          <Match when={p().open}>
            <span class="badge lead">
              {t('exchanges.placesLeft', { left: String(left()), places: String(p().places) })}
            </span>
          </Match>
          <Match when={left() === 0}>
            <span class="badge">{t('exchanges.full')}</span>
          </Match>
          <Match when={true}>
            <span class="badge">{t('exchanges.closed')}</span>
          </Match>
        </Switch>
      </p>
      <Show when={p().duties}>
        <p class="posting-text">
          <strong>{t('exchanges.duties')}</strong>
          {t('common.colon')}
          {p().duties}
        </p>
      </Show>
      <Show when={p().requirements}>
        <p class="posting-text">
          <strong>{t('exchanges.requirements')}</strong>
          {t('common.colon')}
          {p().requirements}
        </p>
      </Show>
      <p class="muted small">{p().programmeName}</p>
      <Show when={nominated()}>
        <OkNotice>{t('exchanges.nominated', { teacher: nominated() })}</OkNotice>
      </Show>
      <Show
        when={p().myApplication}
        fallback={
          <Show when={p().open && (props.canApply || props.nominateFrom)}>
            <div class="row">
              <Show when={props.canApply}>
                <button
                  type="button"
                  class="primary"
                  aria-expanded={form() === 'apply'}
                  onClick={() => toggle('apply')}
                >
                  {t('exchanges.apply')}
                </button>
              </Show>
              <Show when={props.nominateFrom}>
                <button type="button" aria-expanded={form() === 'nominate'} onClick={() => toggle('nominate')}>
                  {t('exchanges.nominate')}
                </button>
              </Show>
            </div>
          </Show>
        }
      >
        {(mine) => (
          <p class="row" data-testid="my-application">
            <span class={`badge status-${mine().status}`}>
              {mine().status === 'placed' ? t('exchanges.placedHere') : t('exchanges.applied')}
            </span>
            <A href={`/exchanges/applications/${mine().id}`}>{t('exchanges.viewApplication')}</A>
          </p>
        )}
      </Show>
      <Show when={form() === 'apply' && !p().myApplication}>
        <ApplyForm posting={p()} onDone={() => setForm(null)} onCancel={() => setForm(null)} />
      </Show>
      <Show when={form() === 'nominate' && props.nominateFrom}>
        {(school) => (
          <NominateForm
            posting={p()}
            schoolId={school()}
            onDone={(teacher) => {
              setForm(null);
              setNominated(teacher);
            }}
            onCancel={() => setForm(null)}
          />
        )}
      </Show>
    </article>
  );
}
