import { createAsync, useParams, useSubmission } from '@solidjs/router';
import { Show } from 'solid-js';
import { Field } from '../../components/field';
import { LangSwitch } from '../../components/lang-switch';
import { ErrorNotice } from '../../components/notice';
import { formatDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { acceptInvitation } from './auth.actions';
import { getInvitation } from './auth.queries';

export function InvitePage() {
  const { t, locale } = useI18n();
  const params = useParams<{ token: string }>();
  // An expired or used link is an answer to show here (with what to do), not a page error.
  const invitation = createAsync(() =>
    getInvitation(params.token).then(
      (answer) => ({ invitation: answer.invitation, err: undefined }),
      (err: unknown) => ({ invitation: undefined, err }),
    ),
  );
  const submission = useSubmission(acceptInvitation);
  return (
    <div class="login-wrap">
      <div class="login-top">
        <LangSwitch signedIn={false} />
      </div>
      <main class="login-card" id="main">
        <div class="brand">
          <img src="/favicon.svg" alt="" />
          {t('app.name')}
        </div>
        <h1>{t('invite.title')}</h1>
        <Show when={invitation()}>
          {(inv) => (
            <Show when={inv().invitation} fallback={<ErrorNotice error={inv().err} />}>
              {(i) => (
                <>
                  <p>
                    {t('invite.intro', {
                      name: i().name,
                      org: i().orgName,
                      role: t(`roles.${i().role}`),
                    })}
                  </p>
                  <p class="muted">{t('invite.passwordHelp')}</p>
                  <ErrorNotice error={submission.error} />
                  <form action={acceptInvitation.with(params.token)} method="post">
                    {/* Lets password managers store the new password under the right account. */}
                    <input type="email" name="username" autocomplete="username" value={i().email} readonly hidden />
                    <Field label={t('invite.password')} name="password" error={submission.error}>
                      {(a) => <input {...a} type="password" autocomplete="current-password" minlength={10} required />}
                    </Field>
                    <button class="primary big" type="submit" disabled={submission.pending} style={{ width: '100%' }}>
                      {t('invite.submit')}
                    </button>
                  </form>
                  <p class="muted">{t('invite.expires', { date: formatDate(i().expiresAt, locale()) })}</p>
                </>
              )}
            </Show>
          )}
        </Show>
      </main>
    </div>
  );
}
