import { createAsync } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import type { AuditEvent } from '../../../../shared/schemas/audit';
import { EmptyState, ErrorNotice } from '../../components/notice';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useSignedIn } from '../../lib/session-context';
import { getOrgs } from '../orgs/orgs.queries';
import { getAudit } from './audit.queries';

/** before → after, only for the keys that changed, so a reviewer reads the change itself. */
function describeChange(e: AuditEvent): string {
  const before = (e.before ?? {}) as Record<string, unknown>;
  const after = (e.after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  );
  const show = (v: unknown) =>
    v === undefined || v === null ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return keys
    .slice(0, 6)
    .map((k) =>
      e.before && e.after
        ? `${k}: ${show(before[k])} → ${show(after[k])}`
        : `${k}: ${show(e.after ? after[k] : before[k])}`,
    )
    .join('；');
}

export function AuditPage() {
  const { t, locale } = useI18n();
  useSignedIn();
  const orgs = createAsync(() => getOrgs());
  const [orgId, setOrgId] = createSignal('');
  const [pages, setPages] = createSignal<string[]>(['']);
  const [more, { refetch: _ }] = createResource(
    () => ({ orgId: orgId(), cursors: pages() }),
    async ({ orgId, cursors }) => {
      const results = await Promise.all(cursors.map((c) => getAudit(orgId, c)));
      return { items: results.flatMap((r) => r.items), nextCursor: results[results.length - 1]?.nextCursor ?? null };
    },
  );
  return (
    <>
      <h1>{t('audit.title')}</h1>
      <p class="muted">{t('audit.intro')}</p>
      <div class="field" style={{ 'max-width': '24rem' }}>
        <label for="audit-org">{t('audit.org')}</label>
        <select
          id="audit-org"
          value={orgId()}
          onChange={(e) => {
            setOrgId(e.currentTarget.value);
            setPages(['']);
          }}
        >
          <option value="">{t('audit.allOrgs')}</option>
          <For each={orgs()?.items.filter((o) => o.canManage)}>{(o) => <option value={o.id}>{o.name}</option>}</For>
        </select>
      </div>
      <ErrorNotice error={more.error} />
      <section class="card">
        <Show when={more()} fallback={<p class="muted">{t('common.loading')}</p>}>
          {(data) => (
            <Show when={data().items.length} fallback={<EmptyState title={t('audit.empty')} />}>
              <div class="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('audit.when')}</th>
                      <th scope="col">{t('audit.who')}</th>
                      <th scope="col">{t('audit.what')}</th>
                      <th scope="col">{t('audit.detail')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={data().items}>
                      {(e) => (
                        <tr>
                          <td class="nowrap">{formatDateTime(e.at, locale())}</td>
                          <td class="nowrap">{e.actorName ?? t('audit.system')}</td>
                          <td class="nowrap">{t('audit.actions')[e.action] ?? e.action}</td>
                          <td class="mono">{describeChange(e)}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
              <Show when={data().nextCursor}>
                {(c) => (
                  <button type="button" onClick={() => setPages([...pages(), c()])}>
                    {t('audit.more')}
                  </button>
                )}
              </Show>
            </Show>
          )}
        </Show>
      </section>
    </>
  );
}
