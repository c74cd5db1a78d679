// A school's public page as plain HTML: small, readable on a phone without any script, and found by search engines
// (title, description, language, canonical address, the other language's address). Every value from the database
// goes through hono/html's `html` template, which escapes it; only this file's own markup is written as is. The
// words are the web app's dictionaries (web/src/i18n/*/public-page.ts), so the editor and the page say the same.
import { resolveTemplate } from '@solid-primitives/i18n';
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { type Locale, type PublicSection, publicSections } from '../../../shared/enums';
import { formatPlainDate } from '../../../shared/format-date';
import { describeHours } from '../../../shared/opening-hours';
import type { Bilingual, ListContent } from '../../../shared/schemas/public-pages';
import { publicPagePath } from '../../../shared/schemas/public-pages';
import { toLocal } from '../../../shared/time';
import { facilitiesEn } from '../../../web/src/i18n/en/facilities';
import { libraryEn } from '../../../web/src/i18n/en/library';
import { publicPageEn } from '../../../web/src/i18n/en/public-page';
import { facilitiesZh } from '../../../web/src/i18n/zh/facilities';
import { libraryZh } from '../../../web/src/i18n/zh/library';
import { publicPageZh } from '../../../web/src/i18n/zh/public-page';
import type { PublicFacility, PublicPageData, PublicResource } from './public-pages.queries';

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

const WORDS = {
  zh: { page: publicPageZh, library: libraryZh, facilities: facilitiesZh },
  en: { page: publicPageEn, library: libraryEn, facilities: facilitiesEn },
} as const;
const HTML_LANG = { zh: 'zh-CN', en: 'en' } as const;
const HAN = /\p{Script=Han}/u;

/** One rendering: its language, its words, and whether any English fell back to Chinese. */
class Render {
  readonly w;
  fellBack = false;
  constructor(readonly lang: Locale) {
    this.w = WORDS[lang];
  }
  /** A site word with its figures filled in. */
  say(key: keyof typeof publicPageZh.site, args?: Record<string, string>): string {
    return resolveTemplate(this.w.page.site[key], args);
  }
  /** Words a school wrote in both languages: English on the English page, or the Chinese marked as Chinese. */
  text(b: Bilingual): Html {
    if (this.lang === 'zh' || b.en) return html`${this.lang === 'zh' ? b.zh : b.en}`;
    if (!b.zh) return html``;
    this.fellBack = true;
    return html`<span lang="zh-CN">${b.zh}</span>`;
  }
  /** A school's paragraphs (one per line). */
  paragraphs(b: Bilingual): Html[] {
    const own = this.lang === 'en' && b.en ? b.en : b.zh;
    const marked = this.lang === 'en' && !b.en;
    if (marked && own) this.fellBack = true;
    return own
      .split(/\n+/)
      .filter((p) => p.trim())
      .map((p) => (marked ? html`<p lang="zh-CN">${p}</p>` : html`<p>${p}</p>`));
  }
  /**
   * A value people typed in one language only (a name, an address, a title): on the English page, text in Chinese
   * characters is marked as Chinese, so a screen reader reads it as Chinese.
   */
  data(value: string | null | undefined): Html | null {
    if (!value) return null;
    return this.lang === 'en' && HAN.test(value) ? html`<span lang="zh-CN">${value}</span>` : html`${value}`;
  }
  date(d: Date): Html {
    return html`<time datetime="${toLocal(d).date}">${formatPlainDate(d, this.lang)}</time>`;
  }
}

const latest = (dates: (Date | null | undefined)[]) =>
  dates.reduce<Date | null>((a, d) => (d && (!a || d > a) ? d : a), null);

const CSS = `
body{margin:0;font:16px/1.6 system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;color:#1b1b1b}
header,nav,main,footer{max-width:46rem;margin:0 auto;padding:0 1rem}
body>main:first-child{padding-top:1rem}
header{display:flex;justify-content:flex-end;padding-top:.75rem}
h1{font-size:1.6rem;line-height:1.3;margin:.25rem 0}
h1 small{display:block;font-size:1rem;color:#4a4a4a;font-weight:normal}
h2{font-size:1.25rem;margin:2rem 0 .25rem;padding-top:.75rem;border-top:2px solid #d5dbe1}
h3{font-size:1.05rem;margin:1rem 0 .25rem}
p{margin:.4rem 0}
a{color:#0a55c4}
.meta,.updated,.none,footer{color:#4a4a4a}
.updated{font-size:.9rem;margin:0 0 .5rem}
dl{display:grid;grid-template-columns:minmax(6rem,max-content) 1fr;gap:.2rem 1rem;margin:.5rem 0}
dt{font-weight:600}
dd{margin:0;overflow-wrap:anywhere}
nav ol{margin:.5rem 0;padding-left:1.5rem}
.box{border:1px solid #d5dbe1;border-radius:6px;padding:.25rem .75rem;margin:.75rem 0}
ul{padding-left:1.25rem}
footer{font-size:.85rem;margin-top:2.5rem;padding-bottom:2rem}
@media (max-width:30rem){dl{grid-template-columns:1fr;gap:0}dd{margin-bottom:.4rem}}
`;

/** Rows of a definition list, leaving out those with nothing to say. */
function facts(rows: [string, Html | string | null | undefined][]): Html {
  const shown = rows.filter(([, v]) => v !== null && v !== undefined && v !== '');
  return shown.length ? html`<dl>${shown.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>` : html``;
}

function listContent(r: Render, c: ListContent | undefined): Html[] {
  if (!c) return [];
  const items = c.items.map((i) => html`<dt>${r.text(i.name)}</dt><dd>${r.text(i.detail)}</dd>`);
  return [...r.paragraphs(c.intro), items.length ? html`<dl>${items}</dl>` : html``];
}

function basicSection(r: Render, d: PublicPageData): Html[] {
  const b = d.sections.basic?.content;
  const s = d.school;
  const count = (n: number | null | undefined, key: 'people' | 'classCount') =>
    n === null || n === undefined ? null : r.say(key, { n: String(n) });
  return [
    ...(b ? r.paragraphs(b.intro) : []),
    facts([
      [r.say('address'), r.data(s.address)],
      [r.say('stage'), b?.stage.zh ? r.text(b.stage) : null],
      [r.say('founded'), b?.founded ? r.say('foundedYear', { year: String(b.founded) }) : null],
      [r.say('students'), count(b?.students, 'people')],
      [r.say('classes'), count(b?.classes, 'classCount')],
      [r.say('staff'), count(b?.staff, 'people')],
      [r.say('phone'), b?.phone ? html`<a href="tel:${b.phone.replace(/[^0-9+]/g, '')}">${b.phone}</a>` : null],
      [r.say('group'), r.data(s.groupName)],
      [r.say('district'), r.data(s.districtName)],
    ]),
  ];
}

function resourceLine(r: Render, x: PublicResource): Html {
  const names = r.w.library;
  const what = r.say('grade', { grade: names.grades[String(x.grade) as '1'], subject: names.subjects[x.subject] });
  return html`<li>${r.data(x.title)} <span class="meta">${what}</span>${x.summary ? html`<br>${r.data(x.summary)}` : ''}</li>`;
}

function facilityBox(r: Render, f: PublicFacility): Html {
  const words = r.w.facilities;
  const hours = describeHours(f.openingHours, words.weekdays, r.lang === 'zh' ? '，' : ', ');
  const what = r.say('capacity', { kind: words.kinds[f.kind] ?? '', n: String(f.capacity) });
  return html`<div class="box"><h3>${r.data(f.name)}</h3><p class="meta">${what}</p>${facts([
    [words.location, r.data(f.location)],
    [words.openingHours, hours || null],
  ])}${f.description ? html`<p>${r.data(f.description)}</p>` : ''}</div>`;
}

function feesSection(r: Render, d: PublicPageData): Html[] {
  const c = d.sections.fees?.content;
  if (!c) return [];
  const money = new Intl.NumberFormat(HTML_LANG[r.lang], { maximumFractionDigits: 2 });
  const fees = c.items.map(
    (f) =>
      html`<div class="box"><h3>${r.text(f.name)}</h3>${facts([
        [r.say('amount'), r.say('perAmount', { amount: money.format(f.amount), per: r.w.page.periods[f.per] })],
        [r.say('basis'), r.text(f.basis)],
        [r.say('authority'), r.text(f.authority)],
        [
          r.say('complaints'),
          html`<a href="tel:${f.complaintsPhone.replace(/[^0-9+]/g, '')}">${f.complaintsPhone}</a>`,
        ],
      ])}</div>`,
  );
  return [...r.paragraphs(c.intro), ...fees];
}

/** Each section's body and the date its facts last changed; an empty body says the school has not published it. */
function sectionBody(r: Render, d: PublicPageData, key: PublicSection): { body: Html[]; updated: Date | null } {
  const saved = d.sections[key];
  const own = saved?.updatedAt;
  const courses = d.resources.filter((x) => x.kind === 'school_course');
  const others = d.resources.filter((x) => x.kind !== 'school_course');
  switch (key) {
    case 'basic':
      // The name and address come from the school's details: a change to them is a change to this section.
      return { body: basicSection(r, d), updated: latest([own, d.school.updatedAt]) };
    case 'fees':
      return { body: feesSection(r, d), updated: own ?? null };
    case 'courses':
      return {
        body: [
          ...listContent(r, d.sections.courses?.content),
          courses.length
            ? html`<h3>${r.say('schoolCourses')}</h3><ul>${courses.map((x) => resourceLine(r, x))}</ul>`
            : html``,
        ],
        updated: latest([own, ...courses.map((x) => x.updatedAt)]),
      };
    case 'resources':
      return {
        body: [
          ...listContent(r, d.sections.resources?.content),
          others.length ? html`<ul>${others.map((x) => resourceLine(r, x))}</ul>` : html``,
        ],
        updated: latest([own, ...others.map((x) => x.updatedAt)]),
      };
    case 'facilities': {
      const phone = d.sections.basic?.content.phone;
      const intro = d.sections.facilities?.content.intro;
      const ask = d.facilities.length && !intro?.zh && phone ? html`<p>${r.say('howToAsk', { phone })}</p>` : html``;
      return {
        body: [...listContent(r, d.sections.facilities?.content), ...d.facilities.map((f) => facilityBox(r, f)), ask],
        updated: latest([own, ...d.facilities.map((f) => f.updatedAt)]),
      };
    }
    default:
      return { body: listContent(r, d.sections[key]?.content), updated: own ?? null };
  }
}

/** Whether a section has anything to show (an empty template renders to nothing). */
const isEmpty = (parts: Html[]) => parts.every((p) => String(p) === '');

function section(r: Render, d: PublicPageData, key: PublicSection): Html {
  const { body, updated } = sectionBody(r, d, key);
  const title = r.w.page.sections[key];
  const empty = isEmpty(body);
  return html`<section aria-labelledby="${key}-h"><h2 id="${key}-h">${title}</h2>${
    updated && !empty ? html`<p class="updated">${r.say('lastUpdated')}${r.date(updated)}</p>` : ''
  }${empty ? html`<p class="none">${r.say('notPublished')}</p>` : body}</section>`;
}

/** The whole page in one language; `origin` makes its canonical and alternate addresses absolute. */
export function renderPublicPage(d: PublicPageData, lang: Locale, origin: string): string {
  const r = new Render(lang);
  const other: Locale = lang === 'zh' ? 'en' : 'zh';
  const url = (l: Locale) => `${origin}${publicPagePath(d.school.code, l)}`;
  const sections = publicSections.map((k) => section(r, d, k));
  const place = r.data([d.school.groupName, d.school.districtName].filter(Boolean).join(' · '));
  const otherLang = HTML_LANG[other];
  const switchLink = html`<a href="${publicPagePath(d.school.code, other)}" hreflang="${otherLang}" lang="${otherLang}"
    >${r.say('otherLanguage')}</a>`;
  const contents = publicSections.map((k) => html`<li><a href="#${k}-h">${r.w.page.sections[k]}</a></li>`);
  const page = html`<!doctype html>
<html lang="${HTML_LANG[lang]}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="strict-origin-when-cross-origin">
<title>${r.say('title', { school: d.school.name })}</title>
<meta name="description" content="${r.say('description', { school: d.school.name })}">
<link rel="canonical" href="${url(lang)}">
<link rel="alternate" hreflang="zh-CN" href="${url('zh')}">
<link rel="alternate" hreflang="en" href="${url('en')}">
<link rel="alternate" hreflang="x-default" href="${url('zh')}">
<style>${raw(CSS)}</style>
</head>
<body>
<header>${switchLink}</header>
<main>
<h1>${r.data(d.school.name)}<small>${r.say('heading')}</small></h1>
${place ? html`<p class="meta">${place}</p>` : ''}
${r.fellBack ? html`<p class="meta">${r.say('chineseOnly')}</p>` : ''}
<nav aria-label="${r.say('contents')}"><ol>${contents}</ol></nav>
${sections}
</main>
<footer><p>${r.say('footer')}</p></footer>
</body>
</html>
`;
  return String(page);
}

/**
 * A plain page of its own for an address that names no school, or a page that cannot be shown just now: in the
 * address's language, and the other language under it (whoever followed a wrong link may read either).
 */
export function renderProblemPage(kind: 'notFound' | 'unavailable', lang: Locale): string {
  const title = (l: Locale) => new Render(l).say(kind === 'notFound' ? 'notFoundTitle' : 'unavailableTitle');
  const other: Locale = lang === 'zh' ? 'en' : 'zh';
  return String(html`<!doctype html>
<html lang="${HTML_LANG[lang]}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<meta name="referrer" content="strict-origin-when-cross-origin">
<title>${title(lang)}</title>
<style>${raw(CSS)}</style>
</head>
<body>
<main><h1>${title(lang)}</h1><p>${new Render(lang).say(kind)}</p>
<div lang="${HTML_LANG[other]}"><h2>${title(other)}</h2><p>${new Render(other).say(kind)}</p></div></main>
</body>
</html>
`);
}
