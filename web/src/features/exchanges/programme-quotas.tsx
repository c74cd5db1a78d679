import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { EmptyState } from '../../components/notice';
import { useI18n } from '../../lib/i18n';
import type { Overview } from './school-figures';

type Quota = Overview['programmes'][number];

/**
 * Each programme of the school year against its own settings: teachers rotated of those eligible, and key teachers'
 * share (of the rotated or of the eligible, as the programme counts it), each a bar with its target marked.
 */
export function ProgrammeQuotas(props: { overview: Overview }) {
  const { t } = useI18n();
  return (
    <section class="card" aria-labelledby="quotas-title">
      <h2 id="quotas-title">{t('exchanges.groupView.quotas')}</h2>
      <Show
        when={props.overview.programmes.length}
        fallback={
          <EmptyState title={t('exchanges.groupView.noProgrammes')} hint={t('exchanges.groupView.noProgrammesHint')} />
        }
      >
        <For each={props.overview.programmes}>{(q) => <ProgrammeQuota quota={q} orgId={props.overview.orgId} />}</For>
      </Show>
    </section>
  );
}

const pctOf = (n: number, base: number) => (base ? Math.round((n * 1000) / base) / 10 : 0);

function ProgrammeQuota(props: { quota: Quota; orgId: string }) {
  const { t } = useI18n();
  const q = () => props.quota;
  return (
    <article class="quota" data-testid="quota">
      <h3>
        {q().programme.name} <span class="badge">{t(`exchanges.kinds.${q().programme.kind}`)}</span>
      </h3>
      <QuotaBar
        label={t('exchanges.groupView.rotation', {
          rotated: String(q().rotated),
          eligible: String(q().eligible),
          pct: String(pctOf(q().rotated, q().eligible)),
          target: String(q().rotationSharePct),
        })}
        value={q().rotated}
        base={q().eligible}
        target={q().rotationSharePct}
        met={q().rotationMet}
      />
      <p class="row">
        <A href={`/exchanges/overview?orgId=${props.orgId}&programme=${q().programme.id}`} data-testid="rotated-link">
          {t('exchanges.groupView.rotatedButton', { n: String(q().rotated) })}
        </A>
        <span class="muted">{t('exchanges.groupView.eligibleCount', { n: String(q().eligible) })}</span>
      </p>
      <QuotaBar
        label={t('exchanges.groupView.key', {
          basis: t(`exchanges.groupView.keyBases.${q().keyShareBase}`),
          key: String(q().keyRotated),
          base: String(q().keyBase),
          pct: String(pctOf(q().keyRotated, q().keyBase)),
          target: String(q().keySharePct),
        })}
        value={q().keyRotated}
        base={q().keyBase}
        target={q().keySharePct}
        met={q().keyMet}
      />
    </article>
  );
}

/** A bar filled to the share reached, a mark at the target, and in words how far it is from it. */
function QuotaBar(props: { label: string; value: number; base: number; target: number; met: boolean }) {
  const { t } = useI18n();
  const pct = () => Math.min(100, pctOf(props.value, props.base));
  // The fewest people that reach the target share of the base.
  const short = () => Math.max(0, Math.ceil((props.target * props.base) / 100) - props.value);
  return (
    <div data-testid="quota-bar">
      <p>{props.label}</p>
      <div
        class="quota-bar"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct()}
        aria-label={props.label}
      >
        <div class="fill" classList={{ met: props.met }} style={{ width: `${pct()}%` }} />
        <div
          class="target"
          style={{ left: `${Math.min(100, props.target)}%` }}
          title={t('exchanges.groupView.target', { target: String(props.target) })}
        />
      </div>
      <p class="muted" data-testid="quota-status">
        {props.base === 0
          ? t('exchanges.groupView.noBase')
          : props.met
            ? t('exchanges.groupView.met')
            : t('exchanges.groupView.short', { n: String(short()) })}
      </p>
    </div>
  );
}
