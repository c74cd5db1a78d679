import './page-words';
import { A, createAsync, useParams, useSearchParams } from '@solidjs/router';
import { createMemo, createSignal, For, Show } from 'solid-js';
import type { Application, ApplicationAction } from '../../../../shared/schemas/exchanges';
import { CountBadge } from '../../components/count-badge';
import { EmptyState, OkNotice } from '../../components/notice';
import { useI18n } from '../../lib/i18n';
import { rolesOf } from '../../lib/session';
import { useSignedIn } from '../../lib/session-context';
import { ApplicationCard } from './application-card';
import { decisionOutcome } from './decision-outcome';
import { type ApplicationScope, getApplication, getApplications } from './exchanges.queries';

/** The sentence of the last decision, shown above the list (the decided card may leave it) and focused. */
function useOutcome() {
  const { t } = useI18n();
  const [text, setText] = createSignal('');
  let el: HTMLDivElement | undefined;
  const view = () => (
    <div ref={el} tabindex="-1" class="outcome" data-testid="decision-outcome">
      <Show when={text()}>
        <OkNotice>{text()}</OkNotice>
      </Show>
    </div>
  );
  const record = (decision: ApplicationAction, after: Application) => {
    setText(decisionOutcome(decision, after, t));
    el?.focus();
  };
  return { view, record };
}

/** The pages' title, and the way to the other page. */
function Heading(props: { href: string; link: string }) {
  const { t } = useI18n();
  return (
    <div class="spread">
      <h1>{t('exchanges.applicationsTitle')}</h1>
      <A class="button" href={props.href}>
        {props.link}
      </A>
    </div>
  );
}

/**
 * The person's applications and nominations, and (for approvers) those waiting for them, each with its three steps;
 * the tab with a count of how many wait.
 */
export function ApplicationsPage() {
  const { t } = useI18n();
  const me = useSignedIn();
  const [params, setParams] = useSearchParams();
  const approves = () => {
    const m = me();
    return !!m && rolesOf(m).isAdmin;
  };
  const scope = (): ApplicationScope =>
    params.tab === 'mine' || params.tab === 'to_approve'
      ? (params.tab as ApplicationScope)
      : approves()
        ? 'to_approve'
        : 'mine';
  const list = createAsync(() => getApplications(scope()));
  const queue = createAsync(async () => (approves() ? getApplications('to_approve') : undefined));
  const items = () => list()?.items ?? [];
  const byId = createMemo(() => new Map(items().map((a) => [a.id, a])));
  const outcome = useOutcome();
  const waiting = () => queue()?.items.length ?? 0;
  return (
    <>
      <Heading href="/exchanges" link={t('exchanges.toPostings')} />
      <Show when={approves()}>
        {/* biome-ignore lint/a11y/useSemanticElements: toggle chips, not a form section */}
        <div class="row chips" role="group" aria-label={t('exchanges.tabs')}>
          <button
            type="button"
            aria-pressed={scope() === 'to_approve'}
            onClick={() => setParams({ tab: 'to_approve' })}
          >
            {t('exchanges.toApprove')}
            <Show when={waiting()}>
              <CountBadge count={waiting()} label={t('exchanges.waiting', { count: String(waiting()) })} />
            </Show>
          </button>
          <button type="button" aria-pressed={scope() === 'mine'} onClick={() => setParams({ tab: 'mine' })}>
            {t('exchanges.mine')}
          </button>
        </div>
      </Show>
      {outcome.view()}
      <Show when={list()}>
        <Show
          when={items().length}
          fallback={
            <div class="card">
              <Show
                when={scope() === 'to_approve'}
                fallback={<EmptyState title={t('exchanges.emptyMine')} hint={t('exchanges.emptyMineHint')} />}
              >
                <EmptyState title={t('exchanges.emptyQueue')} hint={t('exchanges.emptyQueueHint')} />
              </Show>
            </div>
          }
        >
          {/* Keyed by id: a refresh keeps each remaining card and a half-typed reason in it. */}
          <For each={items().map((a) => a.id)}>
            {(id) => (
              <Show when={byId().get(id)}>
                {(a) => <ApplicationCard application={a()} onDecided={outcome.record} />}
              </Show>
            )}
          </For>
        </Show>
      </Show>
    </>
  );
}

/** One application (from a notice, or a posting's "view application"). */
export function ApplicationPage() {
  const { t } = useI18n();
  useSignedIn();
  const params = useParams();
  const answer = createAsync(() => getApplication(params.id ?? ''));
  const outcome = useOutcome();
  return (
    <>
      <Heading href="/exchanges/applications" link={t('exchanges.backToList')} />
      {outcome.view()}
      <Show when={answer()}>{(a) => <ApplicationCard application={a().application} onDecided={outcome.record} />}</Show>
    </>
  );
}
