import { A, useAction } from '@solidjs/router';
import { Show } from 'solid-js';
import { useI18n } from '../lib/i18n';
import { signOut } from '../lib/session';
import { createDisclosure } from './disclosure';

/** The signed-in person's name; it opens their settings and signing out. */
export function UserMenu(props: { name: string }) {
  const { t } = useI18n();
  const doSignOut = useAction(signOut);
  const menu = createDisclosure();
  return (
    <div class="user-menu">
      <button
        type="button"
        ref={menu.button}
        aria-expanded={menu.open()}
        aria-controls="user-menu"
        onClick={menu.toggle}
        data-testid="who"
      >
        {props.name} <span class="sr-only">{t('nav.account')}</span>
        <span class="caret" aria-hidden="true" />
      </button>
      <Show when={menu.open()}>
        <div id="user-menu" class="menu-panel" ref={menu.panel}>
          <A href="/settings">{t('nav.settings')}</A>
          <button type="button" onClick={() => doSignOut()}>
            {t('nav.signOut')}
          </button>
        </div>
      </Show>
    </div>
  );
}

/** Settings and signing out as the phone's menu lists them, under the person's name. */
export function AccountLinks(props: { name: string }) {
  const { t } = useI18n();
  const doSignOut = useAction(signOut);
  return (
    <div class="account-links">
      <span class="who-name" data-testid="who">
        {props.name}
      </span>
      <A href="/settings" activeClass="active">
        {t('nav.settings')}
      </A>
      <button type="button" onClick={() => doSignOut()}>
        {t('nav.signOut')}
      </button>
    </div>
  );
}
