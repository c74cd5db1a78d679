import './page-words';
import './view-words';
import './exchange-views.css';
import { A, createAsync, useAction, useSearchParams } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { EmptyState, ErrorNotice, OkNotice } from '../../components/notice';
import { formatPlainDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { usePending } from '../../lib/pending';
import { useSignedIn } from '../../lib/session-context';
import { lastDay } from './last-day';
import { adminSchoolsOf } from './postings-page';
import { ServiceRecordForm } from './service-record-form';
import { decideRuralService } from './views.actions';
import { getServiceRecords, type RecordFilter } from './views.queries';

type ServiceRecord = Awaited<ReturnType<typeof getServiceRecords>>['items'][number];

/**
 * Years at rural schools on record (issue 12, point 6): a school admin records them with evidence; another admin of
 * the school, its group or district approves or rejects each (the server says who may: `mayDecide`).
 */
export function RuralServicePage() {
  const { t } = useI18n();
  const me = useSignedIn();
  const [params, setParams] = useSearchParams();
  const filter = (): RecordFilter => (params.show === 'all' ? 'all' : 'pending');
  const records = createAsync(() => getServiceRecords(filter()));
  const decide = useAction(decideRuralService);
  const [outcome, setOutcome] = createSignal('');
  const { busy, error, run } = usePending();
  async function decideRecord(r: ServiceRecord, decision: 'approve' | 'reject') {
    await run(async () => {
      await decide(r.id, decision);
      setOutcome(
        t(decision === 'approve' ? 'exchanges.service.approved' : 'exchanges.service.rejected', {
          name: r.user.name,
        }),
      );
    });
  }
  return (
    <>
      <div class="spread">
        <h1>{t('exchanges.service.title')}</h1>
        <A class="button" href="/exchanges/honours">
          {t('exchanges.honours.title')}
        </A>
      </div>
      <p class="muted">{t('exchanges.service.intro')}</p>
      <Show when={adminSchoolsOf(me()).length}>
        <ServiceRecordForm />
      </Show>
      <section class="card" aria-labelledby="records-title">
        <div class="spread">
          <h2 id="records-title">{t('exchanges.service.list')}</h2>
          {/* biome-ignore lint/a11y/useSemanticElements: toggle chips, not a form section */}
          <div class="row chips" role="group" aria-label={t('exchanges.service.list')}>
            <button type="button" aria-pressed={filter() === 'pending'} onClick={() => setParams({ show: null })}>
              {t('exchanges.service.pending')}
            </button>
            <button type="button" aria-pressed={filter() === 'all'} onClick={() => setParams({ show: 'all' })}>
              {t('exchanges.service.all')}
            </button>
          </div>
        </div>
        <Show when={outcome()}>
          <OkNotice>{outcome()}</OkNotice>
        </Show>
        <ErrorNotice error={error()} />
        <Show when={records()}>
          {(list) => (
            <Show
              when={list().items.length}
              fallback={
                <EmptyState
                  title={filter() === 'pending' ? t('exchanges.service.emptyPending') : t('exchanges.service.empty')}
                />
              }
            >
              <ul class="plain">
                <For each={list().items}>
                  {(r) => <RecordItem record={r} busy={busy()} onDecide={(d) => decideRecord(r, d)} />}
                </For>
              </ul>
            </Show>
          )}
        </Show>
      </section>
    </>
  );
}

function RecordItem(props: { record: ServiceRecord; busy: boolean; onDecide: (d: 'approve' | 'reject') => void }) {
  const { t, locale } = useI18n();
  const r = () => props.record;
  return (
    <li class="service-record" data-testid="service-record">
      <div class="spread">
        <h3>{r().user.name}</h3>
        <span class={`badge service-${r().status}`}>{t(`exchanges.service.statuses.${r().status}`)}</span>
      </div>
      <p>
        {t('exchanges.service.period', {
          school: r().school.name,
          from: formatPlainDate(r().startsOn, locale()),
          to: r().endsOn ? formatPlainDate(lastDay(r().endsOn as string), locale()) : t('exchanges.service.untilNow'),
        })}
      </p>
      <p>
        <Show when={r().evidence} fallback={<span class="muted">{t('exchanges.service.noEvidenceOnRecord')}</span>}>
          {(e) => <A href={`/library/${e().id}`}>{t('exchanges.service.evidenceLink', { title: e().title })}</A>}
        </Show>
      </p>
      <Show when={r().note}>
        <p class="muted">{r().note}</p>
      </Show>
      <p class="muted">
        {t('exchanges.service.recordedBy', { name: r().recordedBy.name })}
        <Show when={r().decidedBy}>
          {(d) => (
            <>
              {t('common.separator')}
              {t('exchanges.service.decidedBy', { name: d().name })}
            </>
          )}
        </Show>
      </p>
      <Show when={r().mayDecide}>
        <div class="row">
          <button type="button" class="primary" disabled={props.busy} onClick={() => props.onDecide('approve')}>
            {t('exchanges.service.approve')}
          </button>
          <button type="button" class="danger" disabled={props.busy} onClick={() => props.onDecide('reject')}>
            {t('exchanges.service.reject')}
          </button>
        </div>
      </Show>
    </li>
  );
}
