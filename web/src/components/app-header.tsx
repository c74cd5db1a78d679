import { A } from '@solidjs/router';
import { createEffect, on, Show } from 'solid-js';
import type { Me } from '../../../shared/schemas/auth';
import { useI18n } from '../lib/i18n';
import { CountBadge } from './count-badge';
import { createDisclosure, createMatch } from './disclosure';
import { LangSwitch } from './lang-switch';
import { NavLinks } from './nav-links';
import { AccountLinks, UserMenu } from './user-menu';

/**
 * Below these widths the navigation does not fit on one line beside the brand and the person's name (the longest,
 * an administrator's, measured on a 1366-px school PC): it folds into a menu button. English words are longer.
 */
const FOLD = { zh: '(max-width: 1149px)', en: '(max-width: 1349px)' } as const;

/**
 * The header: the brand, navigation by role (approvals with how many wait), the bell, language, and the person
 * (their settings and signing out). On a phone, and wherever the navigation would not fit on one line, the
 * navigation and the person's links fold into one menu button.
 */
export function AppHeader(props: {
  me: Me | null | undefined;
  waiting: number;
  exchangesWaiting: number;
  unread: number;
}) {
  const { t, locale } = useI18n();
  const folded = createMatch(() => FOLD[locale()]);
  const menu = createDisclosure();
  // The menu button carries what its links count: bookings and exchange applications waiting for the person.
  const waiting = () => props.waiting + props.exchangesWaiting;
  // A window widened past the fold and narrowed again finds the menu closed.
  createEffect(on(folded, menu.close, { defer: true }));
  return (
    <header class="top" classList={{ folded: folded() }}>
      <div class="bar">
        <A href="/" class="brand" aria-label={t('app.name')}>
          <img src="/favicon.svg" alt="" />
          <span>{t('app.name')}</span>
        </A>
        <Show when={!folded() && props.me}>
          {(m) => (
            <nav aria-label={t('nav.menu')}>
              <NavLinks me={m()} waiting={props.waiting} exchangesWaiting={props.exchangesWaiting} />
            </nav>
          )}
        </Show>
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
              <Show when={folded()} fallback={<UserMenu name={m().user.name} />}>
                <button
                  type="button"
                  class="menu-button"
                  ref={menu.button}
                  aria-expanded={menu.open()}
                  aria-controls="site-menu"
                  onClick={menu.toggle}
                >
                  <span class="burger" aria-hidden="true" />
                  {t('nav.menu')}
                  <Show when={waiting() > 0}>
                    <CountBadge count={waiting()} label={t('approvals.waiting', { count: String(waiting()) })} />
                  </Show>
                </button>
              </Show>
            )}
          </Show>
        </div>
      </div>
      <Show when={folded() && menu.open() && props.me}>
        {(m) => (
          <div id="site-menu" class="site-menu" ref={menu.panel}>
            <nav aria-label={t('nav.menu')}>
              <NavLinks me={m()} waiting={props.waiting} exchangesWaiting={props.exchangesWaiting} />
            </nav>
            <AccountLinks name={m().user.name} />
          </div>
        )}
      </Show>
    </header>
  );
}
