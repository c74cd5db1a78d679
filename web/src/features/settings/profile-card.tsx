import { useAction, useSubmission } from '@solidjs/router';
import { Show } from 'solid-js';
import { Field } from '../../components/field';
import { ErrorNotice, OkNotice } from '../../components/notice';
import { useI18n } from '../../lib/i18n';
import { saveLocale } from '../../lib/session';
import { useSignedIn } from '../../lib/session-context';
import { saveName } from './settings.actions';

/** The person's name, and the language of the pages (switched at once, remembered for the person). */
export function ProfileCard() {
  const { t, locale, setLocale } = useI18n();
  const me = useSignedIn();
  const nameSub = useSubmission(saveName);
  const remember = useAction(saveLocale);
  return (
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
          <option value="zh" lang="zh-CN">
            中文
          </option>
          <option value="en" lang="en">
            English
          </option>
        </select>
      </div>
    </section>
  );
}
