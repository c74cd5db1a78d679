import { A, createAsync, useAction, useSubmission } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { EmptyState, ErrorNotice } from '../../components/notice';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { noticeHref, noticeText } from './notice-text';
import { markRead } from './notifications.actions';
import { getNotifications } from './notifications.queries';

/** The person's notices, newest first. Opening the page marks nothing read: the person decides. */
export function NotificationsPage() {
  const { t, locale } = useI18n();
  const notes = createAsync(() => getNotifications());
  const mark = useAction(markRead);
  const markAll = useSubmission(markRead, (input) => input[0] === undefined);
  const items = () => [...(notes()?.items ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const unread = () => notes()?.unread ?? 0;
  // Following a notice reads it; a failure here is harmless (it stays unread), so it is not shown.
  const open = (id: string, read: boolean) => !read && mark([id]).catch(() => undefined);
  return (
    <>
      <h1>{t('notifications.title')}</h1>
      <p class="muted">{t('notifications.intro')}</p>
      <div class="spread notices-bar">
        <strong role="status">
          {unread() > 0 ? t('notifications.unreadCount', { count: String(unread()) }) : t('notifications.allRead')}
        </strong>
        <button
          type="button"
          disabled={unread() === 0 || markAll.pending}
          onClick={() => mark().catch(() => undefined)}
        >
          {t('notifications.markAllRead')}
        </button>
      </div>
      <ErrorNotice error={markAll.error} />
      <Show
        when={items().length}
        fallback={
          <div class="card">
            <EmptyState title={t('notifications.empty')} hint={t('notifications.emptyHint')} />
          </div>
        }
      >
        <section class="card" aria-labelledby="notices-title">
          <h2 id="notices-title" class="sr-only">
            {t('notifications.title')}
          </h2>
          <ul class="plain notices">
            <For each={items()}>
              {(n) => (
                <li classList={{ unread: !n.read }}>
                  <Show when={!n.read}>
                    <span class="badge unread">{t('notifications.unreadWord')}</span>{' '}
                  </Show>
                  <A href={noticeHref(n)} onClick={() => open(n.id, n.read)}>
                    {noticeText(n, t, locale())}
                  </A>
                  <div class="muted small">
                    {t('notifications.received', { when: formatDateTime(n.createdAt, locale()) })}
                  </div>
                </li>
              )}
            </For>
          </ul>
        </section>
      </Show>
    </>
  );
}
