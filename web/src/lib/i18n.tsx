import * as i18n from '@solid-primitives/i18n';
import { createContext, createEffect, createMemo, createSignal, type ParentProps, useContext } from 'solid-js';
import type { Locale } from '../../../shared/enums';
import type { ErrorCode } from '../../../shared/errors';
import { type Words, zh } from '../i18n/zh';
import { ApiError } from './api';

/**
 * Chinese comes with the app; English is fetched the first time someone reads it (loadDictionary), so a school PC
 * that reads Chinese never downloads the English words (about a third of the first load's JS).
 */
// Chinese lacks the words of some pages until their code loads (addPageWords); the type has them all.
const dictionaries: Partial<Record<Locale, Words>> = { zh: zh as Words };
const STORAGE_KEY = 'tz.locale';

/** Makes the dictionary of `locale` available; the app is drawn once the stored language's is (index.tsx). */
export async function loadDictionary(locale: Locale): Promise<void> {
  if (!dictionaries[locale]) dictionaries[locale] = (await import('../i18n/en')).en as Words;
}

/** Counts the page words added, so that every translator reads them. */
const [pageWordsAdded, setPageWordsAdded] = createSignal(0);

/**
 * The Chinese words of pages that load lazily, bundled with their code rather than the first load: the page's module
 * adds them as it loads, before it draws anything. (English has every word already.)
 */
export function addPageWords<K extends keyof Words>(part: K, words: Partial<Words[K]>): void {
  Object.assign(zh[part as keyof typeof zh], words);
  setPageWordsAdded((n) => n + 1);
}

export function initialLocale(): Locale {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored === 'zh' || stored === 'en') return stored;
  return 'zh'; // Chinese first (JOURNEYS.md), whatever the browser says
}

function makeI18n() {
  // If the stored language's words could not be fetched (offline on first visit), the page reads Chinese.
  const first = initialLocale();
  const [locale, setLocaleSignal] = createSignal<Locale>(dictionaries[first] ? first : 'zh');
  const dict = createMemo(() => {
    pageWordsAdded();
    return i18n.flatten(dictionaries[locale()] ?? (zh as Words));
  });
  const t = i18n.translator(dict, i18n.resolveTemplate);
  createEffect(() => {
    document.documentElement.lang = locale() === 'zh' ? 'zh-CN' : 'en';
    document.title = t('app.name');
  });
  // The words of a language arrive before the page switches to it (never a page of missing keys); of two quick
  // switches, the last one wins.
  let wanted = locale();
  const setLocale = (next: Locale) => {
    wanted = next;
    localStorage.setItem(STORAGE_KEY, next);
    void loadDictionary(next).then(
      () => wanted === next && setLocaleSignal(next),
      () => undefined, // not fetched (offline): the page stays in the language it reads in
    );
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
    const known: unknown = t(`errors.${err.code}` as `errors.${Exclude<keyof Words['errors'], 'generic'>}`);
    return typeof known === 'string' && known ? known : t('errors.generic', { message: err.message });
  };
  return { locale, setLocale, t, errorText };
}

/** Each error code the API may answer has its own sentence: a code without one fails to compile here. */
type Unworded = Exclude<ErrorCode, keyof Words['errors']>;
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
