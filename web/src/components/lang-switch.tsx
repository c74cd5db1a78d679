import { useAction } from '@solidjs/router';
import { useI18n } from '../lib/i18n';
import { saveLocale } from '../lib/session';

/** Switches between Chinese and English; remembered on this device and, when signed in, for the person. */
export function LangSwitch(props: { signedIn: boolean }) {
  const { locale, setLocale, t } = useI18n();
  const save = useAction(saveLocale);
  const toggle = async () => {
    const next = locale() === 'zh' ? 'en' : 'zh';
    setLocale(next);
    if (props.signedIn) await save(next).catch(() => {});
  };
  return (
    <button
      type="button"
      onClick={toggle}
      aria-label={t('lang.label')}
      lang={locale() === 'zh' ? 'en' : 'zh-CN'}
      data-testid="lang-switch"
    >
      {t('lang.switchTo')}
    </button>
  );
}
