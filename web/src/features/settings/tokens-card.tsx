import { createAsync, useAction, useSubmission } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { Field } from '../../components/field';
import { EmptyState, ErrorNotice, OkNotice } from '../../components/notice';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { createToken, revokeToken } from './settings.actions';
import { getTokens } from './settings.queries';

/** API tokens for scripts and other systems: made with a name (the secret shown once), listed, revoked. */
export function TokensCard() {
  const { t, locale } = useI18n();
  const tokens = createAsync(() => getTokens());
  const tokenSub = useSubmission(createToken);
  const revoke = useAction(revokeToken);
  return (
    <section class="card" aria-labelledby="tokens-title">
      <h2 id="tokens-title">{t('settings.tokens')}</h2>
      <p class="muted">
        {t('settings.tokensHelp')} <code>Authorization: Bearer …</code>
      </p>
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
          {(a) => <input {...a} required maxlength={80} placeholder={t('settings.tokenPlaceholder')} />}
        </Field>
        <div class="field">
          <button type="submit" disabled={tokenSub.pending}>
            {t('settings.createToken')}
          </button>
        </div>
      </form>
      <Show when={tokens()?.items.length === 0}>
        <EmptyState title={t('settings.noTokens')} />
      </Show>
      <ul class="plain">
        <For each={tokens()?.items}>
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
  );
}
