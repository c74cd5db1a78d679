import { useSearchParams, useSubmission } from '@solidjs/router';
import { Show } from 'solid-js';
import { Field } from '../../components/field';
import { LangSwitch } from '../../components/lang-switch';
import { ErrorNotice } from '../../components/notice';
import { useI18n } from '../../lib/i18n';
import { signIn } from './auth.actions';

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
          {t('login.demoHint')} <code>tongzhou-demo</code>
        </p>
      </main>
    </div>
  );
}
