import { useSubmission } from '@solidjs/router';
import { createEffect, on, Show } from 'solid-js';
import { Field } from '../../components/field';
import { ErrorNotice, OkNotice } from '../../components/notice';
import { useI18n } from '../../lib/i18n';
import { changePassword } from './settings.actions';

/** A new password; the fields clear only once it is changed (on an error they keep what was typed). */
export function PasswordCard() {
  const { t } = useI18n();
  const pwSub = useSubmission(changePassword);
  let pwForm!: HTMLFormElement;
  createEffect(
    on(
      () => pwSub.result,
      (ok) => ok && pwForm.reset(),
      { defer: true },
    ),
  );
  return (
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
  );
}
