import { createAsync, useAction, useSubmission } from '@solidjs/router';
import { createEffect, For, on, Show } from 'solid-js';
import { Field } from '../../components/field';
import { EmptyState, ErrorNotice, OkNotice } from '../../components/notice';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { requireMe, saveLocale } from '../../lib/session';
import { changePassword, createToken, revokeToken, saveName } from './settings.actions';
import { getTokens } from './settings.queries';

export function SettingsPage() {
  const { t, locale, setLocale } = useI18n();
  const me = createAsync(() => requireMe());
  const tokens = createAsync(() => getTokens());
  const nameSub = useSubmission(saveName);
  const pwSub = useSubmission(changePassword);
  const tokenSub = useSubmission(createToken);
  const revoke = useAction(revokeToken);
  const remember = useAction(saveLocale);
  let pwForm!: HTMLFormElement;
  createEffect(
    on(
      () => pwSub.result,
      (ok) => ok && pwForm.reset(),
      { defer: true },
    ),
  );
  return (
    <>
      <h1>{t('settings.title')}</h1>
      <div class="grid">
        <section class="card" aria-labelledby="profile-title">
          <h2 id="profile-title">{t('settings.profile')}</h2>
          <Show when={nameSub.result}>
            <OkNotice>{t('common.saved')}</OkNotice>
          </Show>
          <ErrorNotice error={nameSub.error} />
          <form action={saveName} method="post">
            <Field label={t('settings.name')} name="name" error={nameSub.error}>
              {(a) => <input {...a} required maxlength={80} value={me()?.user.name ?? ''} />}
            </Field>
            <button type="submit" disabled={nameSub.pending}>
              {t('common.save')}
            </button>
          </form>
          <div class="field" style={{ 'margin-top': '1rem' }}>
            <label for="locale">{t('settings.language')}</label>
            <select
              id="locale"
              value={locale()}
              onChange={(e) => {
                const l = e.currentTarget.value as 'zh' | 'en';
                setLocale(l);
                remember(l).catch(() => {});
              }}
            >
              <option value="zh">中文</option>
              <option value="en">English</option>
            </select>
          </div>
        </section>
        <section class="card" aria-labelledby="pw-title">
          <h2 id="pw-title">{t('settings.password')}</h2>
          <Show when={pwSub.result}>
            <OkNotice>{t('settings.passwordChanged')}</OkNotice>
          </Show>
          <ErrorNotice error={pwSub.error} />
          <form ref={pwForm} action={changePassword} method="post">
            <Field label={t('settings.currentPassword')} name="currentPassword" error={pwSub.error}>
              {(a) => <input {...a} type="password" autocomplete="current-password" required />}
            </Field>
            <Field label={t('settings.newPassword')} name="newPassword" error={pwSub.error}>
              {(a) => <input {...a} type="password" autocomplete="new-password" minlength={10} required />}
            </Field>
            <button type="submit" disabled={pwSub.pending}>
              {t('settings.changePassword')}
            </button>
          </form>
        </section>
      </div>
      <section class="card" aria-labelledby="tokens-title">
        <h2 id="tokens-title">{t('settings.tokens')}</h2>
        <p class="muted">{t('settings.tokensHelp')}</p>
        <Show when={tokenSub.result}>
          {(tok) => (
            <OkNotice>
              {t('settings.tokenCreated')} <code data-testid="new-token">{tok()}</code>
            </OkNotice>
          )}
        </Show>
        <ErrorNotice error={tokenSub.error} />
        <form action={createToken} method="post" class="row" style={{ 'align-items': 'flex-end' }}>
          <Field label={t('settings.tokenName')} name="name" error={tokenSub.error}>
            {(a) => <input {...a} required maxlength={80} placeholder="排课系统同步" />}
          </Field>
          <div class="field">
            <button type="submit" disabled={tokenSub.pending}>
              {t('settings.createToken')}
            </button>
          </div>
        </form>
        <ul class="plain">
          <For each={tokens()?.items} fallback={<EmptyState title={t('settings.noTokens')} />}>
            {(tok) => (
              <li class="spread">
                <span>
                  <strong>{tok.name}</strong>{' '}
                  <span class="muted">
                    · {t('settings.lastUsed')}{' '}
                    {tok.lastUsedAt ? formatDateTime(tok.lastUsedAt, locale()) : t('settings.never')} ·{' '}
                    {tok.expiresAt
                      ? `${t('settings.expires')} ${formatDateTime(tok.expiresAt, locale())}`
                      : t('settings.noExpiry')}
                  </span>
                </span>
                <button type="button" class="danger" onClick={() => revoke(tok.id)}>
                  {t('settings.revoke')}
                </button>
              </li>
            )}
          </For>
        </ul>
      </section>
    </>
  );
}
