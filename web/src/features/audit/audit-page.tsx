import { createAsync } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { EmptyState, ErrorNotice } from '../../components/notice';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useSignedIn } from '../../lib/session-context';
import { getOrgs } from '../orgs/orgs.queries';
import { getAudit } from './audit.queries';
import { useAuditChanges } from './audit-changes';
import { useAuditSentence } from './audit-sentence';

export function AuditPage() {
  const { t, locale } = useI18n();
  useSignedIn();
  const sentence = useAuditSentence();
  const changes = useAuditChanges();
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
              <ol class="audit-list" aria-label={t('audit.list')}>
                <For each={data().items}>
                  {(e) => (
                    <li>
                      <time class="muted small" datetime={e.at}>
                        {formatDateTime(e.at, locale())}
                      </time>
                      <p>{sentence(e)}</p>
                      <Show when={changes(e).length}>
                        <ul class="audit-changes" aria-label={t('audit.changes')}>
                          <For each={changes(e)}>{(line) => <li>{line}</li>}</For>
                        </ul>
                      </Show>
                    </li>
                  )}
                </For>
              </ol>
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
