import { action, redirect, revalidate, useSearchParams, useSubmission } from '@solidjs/router';
import { Show } from 'solid-js';
import { Field } from '../../components/field';
import { LangSwitch } from '../../components/lang-switch';
import { ErrorNotice } from '../../components/notice';
import { call, client } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { getMe, requireMe } from '../../lib/session';

const signIn = action(async (form: FormData) => {
  const email = String(form.get('email') ?? '');
  const password = String(form.get('password') ?? '');
  await call(client.auth.login.$post({ json: { email, password } }));
  await revalidate([getMe.key, requireMe.key]);
  const next = String(form.get('next') || '/');
  // Only same-site paths: a crafted ?next= must not send people elsewhere.
  throw redirect(next.startsWith('/') && !next.startsWith('//') ? next : '/');
}, 'signIn');

export function LoginPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const submission = useSubmission(signIn);
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
        <p class="muted">{t('app.tagline')}</p>
        <h1>{t('login.title')}</h1>
        <ErrorNotice error={submission.error} />
        {/* Inputs are uncontrolled and never reset on error: nothing typed is lost. */}
        <form action={signIn} method="post">
          <input type="hidden" name="next" value={String(params.next ?? '/')} />
          <Field label={t('login.email')} name="email" error={submission.error}>
            {(a) => <input {...a} type="email" autocomplete="username" required autofocus />}
          </Field>
          <Field label={t('login.password')} name="password" error={submission.error}>
            {(a) => <input {...a} type="password" autocomplete="current-password" required />}
          </Field>
          <button class="primary big" type="submit" disabled={submission.pending} style={{ width: '100%' }}>
            <Show when={submission.pending} fallback={t('login.submit')}>
              {t('login.submitting')}
            </Show>
          </button>
        </form>
        <p class="muted" style={{ 'font-size': '.9rem' }}>
          {t('login.forgot')}
          <br />
          {t('login.demoHint')}
        </p>
      </main>
    </div>
  );
}
