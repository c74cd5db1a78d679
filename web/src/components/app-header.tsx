import { A, useAction } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { Me } from '../../../shared/schemas/auth';
import { useI18n } from '../lib/i18n';
import { rolesOf, signOut } from '../lib/session';
import { LangSwitch } from './lang-switch';

type NavLink = { href: string; label: string; end?: boolean; count?: () => number };

/** The header: the brand, navigation by role (approvals with how many wait), the bell, language, who, sign out. */
export function AppHeader(props: { me: Me | null | undefined; waiting: number; unread: number }) {
  const { t } = useI18n();
  const doSignOut = useAction(signOut);
  const links = (): NavLink[] => {
    const m = props.me;
    if (!m) return [];
    const r = rolesOf(m);
    return [
      { href: '/', label: t('nav.home'), end: true },
      { href: '/facilities', label: t('nav.facilities') },
      { href: '/library', label: t('nav.library') },
      { href: '/lessons', label: t('nav.lessons') },
      { href: '/bookings', label: t('nav.bookings') },
      ...(r.isAdmin ? [{ href: '/approvals', label: t('nav.approvals'), count: () => props.waiting }] : []),
      ...(r.isAdmin ? [{ href: '/reports/facilities', label: t('nav.reports') }] : []),
      { href: '/orgs', label: t('nav.orgs') },
      ...(r.isAdmin ? [{ href: '/audit', label: t('nav.audit') }] : []),
      { href: '/settings', label: t('nav.settings') },
    ];
  };
  return (
    <header class="top">
      <div class="bar">
        <A href="/" class="brand" aria-label={t('app.name')}>
          <img src="/favicon.svg" alt="" />
          <span>{t('app.name')}</span>
        </A>
        <nav aria-label={t('nav.menu')}>
          <For each={links()}>
            {(l) => (
              <A href={l.href} end={l.end ?? false} activeClass="active">
                {l.label}
                <Show when={l.count?.()}>
                  {(n) => (
                    <>
                      {' '}
                      <span class="count" aria-hidden="true">
                        {n()}
                      </span>
                      <span class="sr-only">{t('approvals.waiting', { count: String(n()) })}</span>
                    </>
                  )}
                </Show>
              </A>
            )}
          </For>
        </nav>
        <div class="who">
          <Show when={props.me}>
            <A
              href="/notifications"
              class="bell"
              aria-label={t('notifications.unread', { count: String(props.unread) })}
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
              <Show when={props.unread > 0}>
                <span class="count">{props.unread}</span>
              </Show>
            </A>
          </Show>
          <LangSwitch signedIn={!!props.me} />
          <Show when={props.me}>
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
  );
}
