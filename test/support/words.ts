// A detector of words in the wrong language. A Chinese page may not show Latin-letter words, an English page may
// not show Han characters — except in what the server sent as data (names, titles, emails, file names), which
// people type in their own language. Everything else on the page (headings, labels, buttons, placeholders,
// options, table headers, badges, alt texts, accessible names, the document title) comes from the app's own
// code and dictionaries, so it must be in the page's language.
//
// Data is learnt by listening: every string value in the API's successful JSON answers counts as data, except
// codes (`lesson.end`, `school_admin`, ids, ISO times) and the stored values the app must translate at display
// (textbook editions and volumes): a page that shows a code or an untranslated stored value fails.
import type { Page } from 'playwright-core';
import { editions, volumes } from '../../shared/enums';

/**
 * Latin words a Chinese page may show, because Chinese writes them so: units, file formats, product names, and the
 * Creative Commons licences' own names (CC BY-SA).
 */
export const LATIN_ALLOWED = new Set(
  ['KB', 'MB', 'GB', 'PDF', 'PPT', 'PPTX', 'DOCX', 'XLSX', 'CSV', 'ZIP', 'PNG', 'JPG', 'JPEG', 'MP3', 'MP4'].concat([
    'Word',
    'Excel',
    'PowerPoint',
    'WPS',
    'Office',
    'CC',
    'BY',
    'SA',
    'NC',
    'ND',
  ]),
);

/** Stored values that read in Chinese but are codes to the app: each has an English name at display. */
const TRANSLATED_VALUES = new Set<string>([...editions, ...volumes]);

const CODE = /^[a-z0-9]+(?:[._:-][a-z0-9]+)*$/;
const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d/;
/**
 * Han characters, with the full-width punctuation that only Chinese writing uses ("位置：", "（", "。"), in runs.
 * Corner brackets are left out: an English sentence quotes a Chinese title in them (「分数的初步认识」).
 */
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff，。：；、（）《》【】！？]+/g;
const HAN_ONLY = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const LATIN = /[A-Za-z]+/g;
/** snake_case or dotted identifiers: how the app's codes look (`school_admin`, `booking.approve`; not "e.g."). */
const RAW_CODE = /\b[a-z]{2,}(?:[._][a-z]{2,})+\b/g;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

const FILE_NAME = /\.(?:pdf|docx?|pptx?|xlsx?|png|jpe?g|gif|mp[34]|webm|wav|zip|txt|csv)$/i;

/** Whether a string from the API is data (a person's words) rather than a code the page must put in words. */
export const isData = (s: string) =>
  (!CODE.test(s) || FILE_NAME.test(s)) && !ISO_TIME.test(s) && !TRANSLATED_VALUES.has(s.trim());

/** The data strings the page's API answers carried: starts listening now, on every later navigation too. */
export function listenForData(page: Page): Set<string> {
  const data = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      if (isData(v)) data.add(v);
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  page.on('response', async (res) => {
    if (!res.url().includes('/api/') || !res.ok()) return;
    if (!(res.headers()['content-type'] ?? '').includes('json')) return;
    walk(await res.json().catch(() => null));
  });
  return data;
}

export interface Finding {
  /** Where on the page: the element (tag, class) or the attribute that holds the words. */
  where: string;
  words: string;
  text: string;
}

/**
 * The page's own words: visible text (screen-reader-only text too), placeholders, accessible names, titles,
 * alt texts, the options of its selects, and the document title. Left out: parts marked with another language
 * (`lang="en"` on the language switch of a Chinese page), code (`<code>Authorization: Bearer …</code>`), what is
 * marked not to be translated (`translate="no"`: the name of a file the person chose), and parts matching `skip`.
 */
export async function pageWords(page: Page, skip: string | null = null): Promise<{ where: string; text: string }[]> {
  return page.evaluate((skipSelector) => {
    const out: { where: string; text: string }[] = [];
    const pageLang = document.documentElement.lang;
    const ours = (el: Element) =>
      (el.closest('[lang]')?.getAttribute('lang') ?? pageLang) === pageLang &&
      !el.closest('code, kbd, samp, [translate="no"]') &&
      !(skipSelector && el.closest(skipSelector));
    const shown = (el: Element) => el.checkVisibility({ visibilityProperty: true }) || el.closest('select') !== null;
    const name = (el: Element) =>
      [el.tagName.toLowerCase(), el.id ? `#${el.id}` : '', ...[...el.classList].map((c) => `.${c}`)].join('');
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const text = n.textContent?.trim();
      if (!el || !text || ['SCRIPT', 'STYLE', 'NOSCRIPT'].includes(el.tagName)) continue;
      if (ours(el) && shown(el)) out.push({ where: name(el), text });
    }
    for (const el of document.body.querySelectorAll(
      '[placeholder],[aria-label],[title],img[alt],[aria-roledescription]',
    )) {
      if (!ours(el) || !(shown(el) || el.matches('.sr-only *'))) continue;
      for (const attr of ['placeholder', 'aria-label', 'title', 'alt', 'aria-roledescription']) {
        const text = el.getAttribute(attr)?.trim();
        if (text) out.push({ where: `${name(el)}[${attr}]`, text });
      }
    }
    out.push({ where: 'document.title', text: document.title });
    return out;
  }, skip);
}

/**
 * Words in the wrong language for a page in `lang`, given the data its API answers carried; in either language, a
 * code (`lesson.end`, `in_review`) or an id shown as it is stored.
 */
export function wrongWords(parts: { where: string; text: string }[], lang: 'zh' | 'en', data: Set<string>) {
  const found: Finding[] = [];
  const all = [...data].join('\n');
  const dataWords = new Set([...data].flatMap((s) => s.match(LATIN) ?? []));
  for (const p of parts) {
    for (const w of p.text.match(RAW_CODE) ?? []) if (!all.includes(w)) found.push({ ...p, words: w });
    for (const w of p.text.match(UUID) ?? []) found.push({ ...p, words: w });
    if (lang === 'zh') {
      for (const w of p.text.match(LATIN) ?? [])
        if (!LATIN_ALLOWED.has(w) && !dataWords.has(w)) found.push({ ...p, words: w });
    } else {
      // Punctuation alone ("Location：") is the page's own, whatever data happens to hold a colon.
      for (const w of p.text.match(HAN) ?? [])
        if (TRANSLATED_VALUES.has(w) || !all.includes(w) || !HAN_ONLY.test(w)) found.push({ ...p, words: w });
    }
  }
  return found;
}

/** One line per finding, grouped by text, for a failure message a person can act on. */
export function report(path: string, found: Finding[]): string {
  const lines = [...new Set(found.map((f) => `  ${f.where}: «${f.words}» in "${f.text.slice(0, 120)}"`))];
  return `${path}\n${lines.join('\n')}`;
}
