import { createAsync, revalidate, useLocation } from '@solidjs/router';
import { createEffect, ErrorBoundary, on, onCleanup, type ParentProps, Show, Suspense } from 'solid-js';
import { getApprovalQueue } from '../features/bookings/bookings.queries';
import { getApplications } from '../features/exchanges/exchanges.queries';
import { getNotifications } from '../features/notifications/notifications.queries';
import { useI18n } from '../lib/i18n';
import { rolesOf } from '../lib/session';
import { SessionProvider, useMe } from '../lib/session-context';
import { AppHeader } from './app-header';
import { ErrorNotice } from './notice';

// Sign-in pages and the classroom's big screen fill the window without the header.
const bare = (path: string) =>
  path === '/login' || path.startsWith('/invite/') || /^\/lessons\/[^/]+\/live$/.test(path);

/** The one layout: header with navigation by role, one Suspense and one ErrorBoundary for every page. */
export function AppLayout(props: ParentProps) {
  const location = useLocation();
  return (
    <SessionProvider>
      <LocaleSync />
      <Show when={!bare(location.pathname)} fallback={<Page>{props.children}</Page>}>
        <Shell>{props.children}</Shell>
      </Show>
    </SessionProvider>
  );
}

/**
 * The person's remembered language wins once we know who they are: on every page, those without the header too (a
 * classroom PC that opens or reloads its big screen).
 */
function LocaleSync() {
  const { locale, setLocale } = useI18n();
  const me = useMe();
  let synced = false;
  createEffect(() => {
    const m = me();
    if (m && !synced) {
      synced = true;
      if (m.user.locale !== locale()) setLocale(m.user.locale);
    }
  });
  return null;
}

function Page(props: ParentProps) {
  const { t } = useI18n();
  return (
    <ErrorBoundary
      fallback={(err, reset) => (
        <main>
          <ErrorNotice error={err} />
          <button type="button" onClick={reset}>
            {t('common.retry')}
          </button>
        </main>
      )}
    >
      <Suspense
        fallback={
          <main>
            <p class="muted" role="status">
              {t('common.loading')}
            </p>
          </main>
        }
      >
        {props.children}
      </Suspense>
    </ErrorBoundary>
  );
}

function Shell(props: ParentProps) {
  const { t } = useI18n();
  const me = useMe();
  const signedIn = () => !!me();
  const approves = () => {
    const m = me();
    return !!m && rolesOf(m).isAdmin;
  };
  const queue = createAsync(async () => (approves() ? getApprovalQueue() : undefined));
  const exchanges = createAsync(async () => (approves() ? getApplications('to_approve') : undefined));
  const notes = createAsync(async () => (signedIn() ? getNotifications() : undefined));
  // Badges stay current: on every page change, when the window comes back into view, and each minute.
  const location = useLocation();
  const refreshBadges = () =>
    signedIn() && revalidate([getNotifications.key, getApprovalQueue.key, getApplications.keyFor('to_approve')]);
  createEffect(on(() => location.pathname, refreshBadges, { defer: true }));
  const onVisible = () => document.visibilityState === 'visible' && refreshBadges();
  document.addEventListener('visibilitychange', onVisible);
  const timer = setInterval(refreshBadges, 60_000);
  onCleanup(() => {
    document.removeEventListener('visibilitychange', onVisible);
    clearInterval(timer);
  });
  return (
    <>
      {/* target: the router leaves the link to the browser, which moves focus to the content (the router only
          scrolls). */}
      <a class="skip" href="#main" target="_self">
        {t('app.skip')}
      </a>
      <AppHeader
        me={me()}
        waiting={queue()?.items.length ?? 0}
        exchangesWaiting={exchanges()?.items.length ?? 0}
        unread={notes()?.unread ?? 0}
      />
      <main id="main" tabindex="-1">
        <Page>{props.children}</Page>
      </main>
    </>
  );
}
