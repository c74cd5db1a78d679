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
  // Named by what it shows and then what it does ("English · 切换语言"), each part in its own language (WCAG 2.5.3).
  return (
    <button type="button" onClick={toggle} data-testid="lang-switch">
      <span lang={locale() === 'zh' ? 'en' : 'zh-CN'}>{t('lang.switchTo')}</span>
      <span class="sr-only"> · {t('lang.label')}</span>
    </button>
  );
}
