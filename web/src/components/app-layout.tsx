import { A, createAsync, revalidate, useAction, useLocation } from '@solidjs/router';
import { createEffect, ErrorBoundary, For, on, onCleanup, type ParentProps, Show, Suspense } from 'solid-js';
import { getApprovalQueue } from '../features/bookings/bookings.queries';
import { getNotifications } from '../features/notifications/notifications.queries';
import { useI18n } from '../lib/i18n';
import { getMe, rolesOf, signOut } from '../lib/session';
import { LangSwitch } from './lang-switch';
import { ErrorNotice } from './notice';

// Sign-in pages and the classroom's big screen fill the window without the header.
const bare = (path: string) =>
  path === '/login' || path.startsWith('/invite/') || /^\/lessons\/[^/]+\/live$/.test(path);

/** The one layout: header with navigation by role, one Suspense and one ErrorBoundary for every page. */
export function AppLayout(props: ParentProps) {
  const location = useLocation();
  return (
    <Show when={!bare(location.pathname)} fallback={<Page>{props.children}</Page>}>
      <Shell>{props.children}</Shell>
    </Show>
  );
}

function Page(props: ParentProps) {
  const { t } = useI18n();
  return (
    <ErrorBoundary
      fallback={(err, reset) => (
        <main>
          <ErrorNotice error={err} />
          <button onClick={reset}>{t('common.retry')}</button>
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
  const { t, locale, setLocale } = useI18n();
  const me = createAsync(() => getMe());
  const doSignOut = useAction(signOut);
  const signedIn = () => !!me();
  const queue = createAsync(async () => (signedIn() && rolesOf(me()!).isAdmin ? getApprovalQueue() : undefined));
  const notes = createAsync(async () => (signedIn() ? getNotifications() : undefined));
  // Badges stay current: on every page change, when the window comes back into view, and each minute.
  const location = useLocation();
  const refreshBadges = () => signedIn() && revalidate([getNotifications.key, getApprovalQueue.key]);
  createEffect(on(() => location.pathname, refreshBadges, { defer: true }));
  const onVisible = () => document.visibilityState === 'visible' && refreshBadges();
  document.addEventListener('visibilitychange', onVisible);
  const timer = setInterval(refreshBadges, 60_000);
  onCleanup(() => {
    document.removeEventListener('visibilitychange', onVisible);
    clearInterval(timer);
  });
  // The person's remembered language wins once we know who they are.
  let synced = false;
  createEffect(() => {
    const m = me();
    if (m && !synced) {
      synced = true;
      if (m.user.locale !== locale()) setLocale(m.user.locale);
    }
  });
  const links = () => {
    const m = me();
    if (!m) return [];
    const r = rolesOf(m);
    return [
      { href: '/', label: t('nav.home'), end: true },
      { href: '/facilities', label: t('nav.facilities') },
      { href: '/library', label: t('nav.library') },
      { href: '/lessons', label: t('nav.lessons') },
      { href: '/bookings', label: t('nav.bookings') },
      ...(r.isAdmin
        ? [{ href: '/approvals', label: t('nav.approvals'), count: () => queue()?.items.length ?? 0 }]
        : []),
      ...(r.isAdmin ? [{ href: '/reports/facilities', label: t('nav.reports') }] : []),
      { href: '/orgs', label: t('nav.orgs') },
      ...(r.isAdmin ? [{ href: '/audit', label: t('nav.audit') }] : []),
      { href: '/settings', label: t('nav.settings') },
    ];
  };
  return (
    <>
      <a class="skip" href="#main">
        {t('app.skip')}
      </a>
      <header class="top">
        <div class="bar">
          <A href="/" class="brand" aria-label={t('app.name')}>
            <img src="/favicon.svg" alt="" />
            <span>{t('app.name')}</span>
          </A>
          <nav aria-label={t('nav.menu')}>
            <For each={links()}>
              {(l) => (
                <A href={l.href} end={'end' in l ? l.end : false} activeClass="active">
                  {l.label}
                  <Show when={'count' in l && l.count!() > 0}>
                    {' '}
                    <span
                      class="count"
                      aria-label={t('approvals.waiting', { count: String('count' in l ? l.count!() : 0) })}
                    >
                      {'count' in l ? l.count!() : 0}
                    </span>
                  </Show>
                </A>
              )}
            </For>
          </nav>
          <div class="who">
            <Show when={me()}>
              <A
                href="/notifications"
                class="bell"
                aria-label={t('notifications.unread', { count: String(notes()?.unread ?? 0) })}
                data-testid="bell"
              >
                <svg
                  aria-hidden="true"
                  width="20"
                  height="20"
                  viewBox="0 0 24 24"
                  fill="none"
                  stroke="currentColor"
                  stroke-width="2"
                  stroke-linecap="round"
                  stroke-linejoin="round"
                >
                  <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
                  <path d="M13.7 21a2 2 0 0 1-3.4 0" />
                </svg>
                <Show when={(notes()?.unread ?? 0) > 0}>
                  <span class="count">{notes()!.unread}</span>
                </Show>
              </A>
            </Show>
            <LangSwitch signedIn={!!me()} />
            <Show when={me()}>
              {(m) => (
                <>
                  <span data-testid="who">{m().user.name}</span>
                  <button type="button" onClick={() => doSignOut()}>
                    {t('nav.signOut')}
                  </button>
                </>
              )}
            </Show>
          </div>
        </div>
      </header>
      <main id="main" tabindex="-1">
        <Page>{props.children}</Page>
      </main>
    </>
  );
}
