import * as i18n from '@solid-primitives/i18n';
import { createContext, createEffect, createMemo, createSignal, type ParentProps, useContext } from 'solid-js';
import type { Locale } from '../../../shared/enums';
import type { ErrorCode } from '../../../shared/errors';
import { en } from '../i18n/en';
import { zh } from '../i18n/zh';
import { ApiError } from './api';

const dictionaries = { zh, en } as const;
const STORAGE_KEY = 'tz.locale';

function initialLocale(): Locale {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored === 'zh' || stored === 'en') return stored;
  return 'zh'; // Chinese first (JOURNEYS.md), whatever the browser says
}

function makeI18n() {
  const [locale, setLocaleSignal] = createSignal<Locale>(initialLocale());
  const dict = createMemo(() => i18n.flatten(dictionaries[locale()] as typeof zh));
  const t = i18n.translator(dict, i18n.resolveTemplate);
  createEffect(() => {
    document.documentElement.lang = locale() === 'zh' ? 'zh-CN' : 'en';
    document.title = t('app.name');
  });
  const setLocale = (next: Locale) => {
    localStorage.setItem(STORAGE_KEY, next);
    setLocaleSignal(next);
  };
  /** The message to show for an error from the API, in the person's language. */
  const errorText = (err: unknown): string => {
    if (!(err instanceof ApiError)) return t('errors.generic', { message: String((err as Error)?.message ?? err) });
    if (err.code === 'network_error') return t('errors.network');
    if (err.code === 'too_many_requests')
      return t('errors.too_many_requests', { minutes: String(Math.ceil(Number(err.details?.retryAfter ?? 60) / 60)) });
    if (err.code === 'already_exists') return t('errors.already_exists', { message: err.message });
    // "See the fields marked red" only when the server named fields a form can mark.
    if (err.code === 'validation_failed' && !Object.keys(err.fields).length) return t('errors.checkInput');
    // Every code has its sentence (checked below); an unknown one from a newer server reads as the generic one.
    const known: unknown = t(`errors.${err.code}` as `errors.${Exclude<keyof typeof zh.errors, 'generic'>}`);
    return typeof known === 'string' && known ? known : t('errors.generic', { message: err.message });
  };
  return { locale, setLocale, t, errorText };
}

/** Each error code the API may answer has its own sentence: a code without one fails to compile here. */
type Unworded = Exclude<ErrorCode, keyof typeof zh.errors>;
const everyCodeWorded: [Unworded] extends [never] ? true : Unworded = true;
void everyCodeWorded;

type I18n = ReturnType<typeof makeI18n>;
const I18nContext = createContext<I18n>();

export function I18nProvider(props: ParentProps) {
  return <I18nContext.Provider value={makeI18n()}>{props.children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
