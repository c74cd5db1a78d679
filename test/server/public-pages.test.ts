// A school's public page (信息公开, seed clause 13; issue 13 point 3): anyone reads it at /s/<code>, in Chinese or
// English, as plain HTML cached by its ETag; the school's admins edit it through the API, and see which sections are
// past the update deadline of their school.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { addWorkingDays } from '../../server/modules/public-pages/public-pages.rules';
import { formatPlainDate } from '../../shared/format-date';
import type { PublicPage } from '../../shared/schemas/public-pages';
import { toLocal } from '../../shared/time';
import { detailsOf, expectStatus, type Reply, useHarness } from '../support/harness';

const h = useHarness();

const page = (path: string, headers: Record<string, string> = {}) => h.anon.raw('GET', path, undefined, headers);
const today = () => formatPlainDate(new Date(), 'zh');
const todayEn = () => formatPlainDate(new Date(), 'en');
const editorOf = (res: Reply) => (res.body as { publicPage: PublicPage }).publicPage;

/** The text of one section of the page, from its heading to the next section. */
function sectionOf(html: string, key: string): string {
  const start = html.indexOf(`<section aria-labelledby="${key}-h">`);
  expect(start, `section ${key} in the page`).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf('</section>', start));
}

const basic = (intro: string) => ({
  intro: { zh: intro, en: '' },
  stage: { zh: '初中', en: 'Junior secondary' },
  founded: 1958,
  students: 1600,
  classes: 36,
  staff: 140,
  phone: '010-6123 4500',
});

const fee = {
  name: { zh: '校服费', en: 'School uniform' },
  amount: 180.5,
  per: 'once' as const,
  basis: { zh: '据实收取', en: 'At cost' },
  authority: { zh: '城关区教育委员会', en: 'Chengguan district education commission' },
  complaintsPhone: '12315',
};

describe('public page: anyone reads it, without signing in', () => {
  it('京华实验中学 in Chinese: found by search engines, every section dated, fees with all four facts', async () => {
    const res = await page('/s/JHZX');
    expectStatus(res, 200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = res.text;
    expect(html).toMatch(/^<!doctype html>\n<html lang="zh-CN">/);
    expect(html).toContain('<title>京华实验中学 · 信息公开</title>');
    expect(html).toMatch(/<meta name="description" content="京华实验中学的信息公开：课程设置/);
    expect(html).toContain('<link rel="canonical" href="http://localhost/s/JHZX">');
    expect(html).toContain('<link rel="alternate" hreflang="en" href="http://localhost/s/JHZX/en">');
    expect(html).toContain('<link rel="alternate" hreflang="zh-CN" href="http://localhost/s/JHZX">');
    expect(html).toContain('<a href="/s/JHZX/en" hreflang="en" lang="en"');
    expect(html).not.toContain('<script');
    // Nothing may run in it, even a school's text that somehow became markup: no script is allowed at all.
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/^default-src 'none'; style-src 'unsafe-inline';/);
    expect(csp).not.toMatch(/script-src/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(html).toContain('<meta name="referrer" content="strict-origin-when-cross-origin">');
    // HSTS only over HTTPS (a browser ignores it over HTTP): a proxy that terminates TLS says so.
    expect(res.headers.get('strict-transport-security')).toBeNull();
    const headings = [...html.matchAll(/<h2 id="\w+-h">([^<]+)<\/h2>/g)].map((m) => m[1]);
    expect(headings).toEqual([
      '基本情况',
      '课程设置',
      '教学安排与作息时间',
      '招生入学',
      '收费项目及标准',
      '向社会开放的场地设施',
      '公开的教学资源',
    ]);
    for (const key of ['basic', 'courses', 'timetable', 'enrolment', 'fees', 'facilities', 'resources'])
      expect(sectionOf(html, key), key).toMatch(/最近更新：<time datetime="\d{4}-\d\d-\d\d">\d{4}年\d+月\d+日<\/time>/);
    const fees = sectionOf(html, 'fees');
    for (const fact of ['课后服务费', '300 元（每学期）', '城关区中小学课后服务收费标准', '城关区发展和改革委员会'])
      expect(fees).toContain(fact);
    expect(fees).toContain('<dt>投诉电话</dt><dd><a href="tel:12315">12315</a></dd>');
    // From the library and the facilities: only what the school shares with the public.
    expect(sectionOf(html, 'courses')).toContain('京华科技节 校本课程');
    expect(sectionOf(html, 'resources')).toContain('家长开放日 数学课堂实录');
    expect(sectionOf(html, 'facilities')).toContain('田径场');
    for (const internal of ['体育馆', '化学实验室', '报告厅', '分数的初步认识', '丝绸之路'])
      expect(html).not.toContain(internal);
  });

  it('in English at /s/<code>/en, linked both ways; Chinese-only text is marked as Chinese', async () => {
    const en = await page('/s/JHZX/en');
    expectStatus(en, 200);
    expect(en.text).toMatch(/<html lang="en">/);
    expect(en.text).toContain('<link rel="canonical" href="http://localhost/s/JHZX/en">');
    expect(en.text).toContain('<a href="/s/JHZX" hreflang="zh-CN" lang="zh-CN"');
    expect(sectionOf(en.text, 'fees')).toContain('300 yuan (per term)');
    expect(en.text).toContain('<h2 id="enrolment-h">Enrolment</h2>');
    // The school's name is data, in Chinese: marked so a screen reader says it in Chinese.
    expect(en.text).toContain('<h1><span lang="zh-CN">京华实验中学</span>');

    // 南湖村小学 wrote in Chinese only, and little: the English page says so and marks it.
    const nanhu = await page('/s/NHCXX/en');
    expectStatus(nanhu, 200);
    expect(nanhu.text).toContain('Parts of this page are published in Chinese only');
    expect(sectionOf(nanhu.text, 'enrolment')).toContain('<p lang="zh-CN">招收南湖村');
    expect(sectionOf(nanhu.text, 'fees')).toContain('The school has not published this yet.');
    expect(sectionOf(nanhu.text, 'fees')).not.toContain('Last updated');
  });

  it('is cached by its ETag: the same page answers 304, gzip when asked for, and any edit makes a new one', async () => {
    const first = await page('/s/JHZX');
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    expect(first.headers.get('cache-control')).toBe('public, no-cache');
    expect(first.headers.get('vary')).toBe('Accept-Encoding');
    const again = await page('/s/JHZX', { 'if-none-match': etag });
    expectStatus(again, 304);
    expect(again.text).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    expectStatus(await page('/s/JHZX', { 'if-none-match': 'W/"something-else"' }), 200);
    // The English page is another page with its own validator.
    expect((await page('/s/JHZX/en')).headers.get('etag')).not.toBe(etag);

    const gz = await h.app.request('http://localhost/s/JHZX', { headers: { 'accept-encoding': 'gzip, br' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gz.headers.get('etag')).toBe(etag);
    const unpacked = await new Response(
      (gz.body as ReadableStream).pipeThrough(new DecompressionStream('gzip')),
    ).text();
    expect(unpacked).toBe(first.text);

    const admin = await h.as('admin@jhzx.demo');
    const edit = await admin.patch(`/api/orgs/${h.ids.orgs.jhzx}/public-page`, {
      sections: { timetable: { intro: { zh: '周一至周五上课，7:30 前到校。', en: '' }, items: [] } },
    });
    expectStatus(edit, 200);
    const changed = await page('/s/JHZX', { 'if-none-match': etag });
    expectStatus(changed, 200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(sectionOf(changed.text, 'timetable')).toContain('7:30 前到校');
  });

  it('a page answered from the cache (before any route) says exactly what the route said when it rendered it', async () => {
    const cache = h.deps.publicPageCache!;
    const asked: Record<string, string>[] = [{}, { 'accept-encoding': 'gzip' }];
    for (const path of ['/s/JHZX', '/s/JHZX/en']) {
      for (const headers of asked) {
        cache.forgetSchool(h.ids.orgs.jhzx!);
        const rendered = await h.app.request(`http://localhost${path}`, { headers });
        expect(cache.get(`http://localhost JHZX ${path.endsWith('/en') ? 'en' : 'zh'}`)).toBeTruthy();
        const fromCache = await h.app.request(`http://localhost${path}`, { headers });
        expect(fromCache.status).toBe(200);
        expect([...fromCache.headers].sort()).toEqual([...rendered.headers].sort());
        expect(new Uint8Array(await fromCache.arrayBuffer())).toEqual(new Uint8Array(await rendered.arrayBuffer()));
        const etag = rendered.headers.get('etag') ?? '';
        const revalidated = await h.app.request(`http://localhost${path}`, { headers: { 'if-none-match': etag } });
        expect(revalidated.status).toBe(304);
        expect(revalidated.headers.get('content-security-policy')).toMatch(/^default-src 'none'/);
      }
    }
    // Reached over HTTPS, the page (another, with its https:// links) carries HSTS, from the cache too.
    for (let i = 0; i < 2; i++) {
      const secure = await h.app.request('https://localhost/s/JHZX');
      expect(secure.headers.get('strict-transport-security')).toBe('max-age=15552000; includeSubDomains');
      expect(await secure.text()).toContain('<link rel="canonical" href="https://localhost/s/JHZX">');
    }
    // A POST, or an address with more after the code, is never answered from the cache.
    expect((await h.app.request('http://localhost/s/JHZX', { method: 'POST' })).status).not.toBe(200);
    expect((await h.app.request('http://localhost/s/JHZX/en/more')).status).toBe(404);
  });

  it('an unknown code is a plain 404 page (never the web app); a code in another case redirects to the page', async () => {
    const notCodes = ['/s/JHZX%00', '/s/%F0%9F%8F%AB', "/s/JH'ZX", '/s/%E4%BA%AC%E5%8D%8E/en', `/s/${'X'.repeat(300)}`];
    for (const path of ['/s/NOPE', '/s/NOPE/en', '/s/JHZX/fr', '/s/', ...notCodes]) {
      const res = await page(path);
      expectStatus(res, 404);
      expect(res.headers.get('content-type'), path).toMatch(/^text\/html/);
      expect(res.text, path).toContain('<meta name="robots" content="noindex">');
      expect(res.headers.get('content-security-policy'), path).toMatch(/^default-src 'none'/);
      expect(res.text, path).toContain(path.endsWith('/en') ? '<h1>No such school</h1>' : '<h1>找不到这所学校</h1>');
    }
    const lower = await page('/s/jhzx/en');
    expectStatus(lower, 301);
    expect(lower.headers.get('location')).toBe('/s/JHZX/en');
    // A group has no code and no page.
    expectStatus(await page('/s/京华教育集团'), 404);
  });

  it('openapi.json documents the page and its editing routes', async () => {
    const doc = (await h.anon.raw('GET', '/api/openapi.json')).body as { paths: Record<string, object> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/s/{schoolCode}', '/s/{schoolCode}/en', '/api/orgs/{id}/public-page']),
    );
  });
});

describe('public page: the school admin edits it', () => {
  it('sees every section with its date and which are past the deadline (20 working days by default)', async () => {
    const admin = await h.as('admin@jhzx.demo');
    const res = await admin.get(`/api/orgs/${h.ids.orgs.jhzx}/public-page`);
    expectStatus(res, 200);
    const p = editorOf(res);
    expect(p).toMatchObject({ schoolName: '京华实验中学', code: 'JHZX', path: '/s/JHZX', reviewWorkingDays: 20 });
    // Seeded 5 days ago: current, due 20 working days after that day.
    const enrolment = p.sections.enrolment;
    expect(enrolment.state).toBe('current');
    expect(enrolment.updatedBy).toBe('孙丽华');
    const saved = toLocal(new Date(enrolment.updatedAt ?? '')).date;
    expect(enrolment.dueOn).toBe(addWorkingDays(saved, 20));
    expect(p.listed.courses.map((c) => c.title)).toEqual(['京华科技节 校本课程']);
    expect(p.listed.facilities.map((f) => f.title)).toEqual(['田径场']);

    const nanhu = editorOf(await (await h.as('admin@nanhu.demo')).get(`/api/orgs/${h.ids.orgs.nanhu}/public-page`));
    expect(nanhu.sections.enrolment.state).toBe('overdue');
    expect(nanhu.sections.fees).toMatchObject({ state: 'missing', content: null, updatedAt: null, dueOn: null });
  });

  it('a section older than the review period is flagged; the period is the school’s own setting', async () => {
    const admin = await h.as('admin@jhzx.demo');
    const url = `/api/orgs/${h.ids.orgs.jhzx}/public-page` as const;
    // The fees were updated 30 days ago: past 20 working days.
    await h.deps.database.db.execute(
      sql`UPDATE public_page_sections SET updated_at = now() - interval '30 days'
          WHERE school_id = ${h.ids.orgs.jhzx} AND section = 'fees'`,
    );
    expect(editorOf(await admin.get(url)).sections.fees.state).toBe('overdue');
    const longer = await admin.patch(url, { reviewWorkingDays: 30 });
    expectStatus(longer, 200);
    expect(editorOf(longer).reviewWorkingDays).toBe(30);
    expect(editorOf(longer).sections.fees.state).toBe('current');
    // Checked and saved unchanged: dated today, current again under any period.
    const fees = editorOf(longer).sections.fees.content;
    const shorter = await admin.patch(url, { reviewWorkingDays: 20, sections: { fees: fees ?? undefined } });
    expectStatus(shorter, 200);
    expect(editorOf(shorter).sections.fees.state).toBe('current');
    expect(toLocal(new Date(editorOf(shorter).sections.fees.updatedAt ?? '')).date).toBe(toLocal(new Date()).date);
    for (const days of [0, 121, 2.5]) {
      const bad = await admin.patch(url, { reviewWorkingDays: days });
      expectStatus(bad, 400);
      expect(Object.keys(detailsOf(bad, 'fields'))).toEqual(['reviewWorkingDays']);
    }
  });

  it('an edit shows on the page at once, dated today, and is in the activity log', async () => {
    const admin = await h.as('admin@jhzx.demo');
    const res = await admin.patch(`/api/orgs/${h.ids.orgs.jhzx}/public-page`, {
      sections: { basic: basic('京华实验中学创办于1958年，欢迎家长来校参观。') },
    });
    expectStatus(res, 200);
    expect(editorOf(res).sections.basic).toMatchObject({ state: 'current', updatedBy: '孙丽华' });
    const zh = sectionOf((await page('/s/JHZX')).text, 'basic');
    expect(zh).toContain('欢迎家长来校参观');
    expect(zh).toContain(`最近更新：<time datetime="${toLocal(new Date()).date}">${today()}</time>`);
    // No English given: the English page shows the Chinese, marked.
    const en = sectionOf((await page('/s/JHZX/en')).text, 'basic');
    expect(en).toContain('<p lang="zh-CN">京华实验中学创办于1958年');
    expect(en).toContain(todayEn());

    const log = await admin.get(`/api/audit?orgId=${h.ids.orgs.jhzx}`);
    expectStatus(log, 200);
    const event = log.body.items.find((e) => e.action === 'public_page.update');
    expect(event).toMatchObject({ entityType: 'public_page', entityId: h.ids.orgs.jhzx, actorName: '孙丽华' });
    expect(event?.after).toMatchObject({ section: 'basic' });
  });

  it('hostile text is shown as text: nothing a school types becomes markup', async () => {
    const admin = await h.as('admin@jhzx.demo');
    const hostile = '<script>alert(1)</script><img src=x onerror="alert(2)">';
    const res = await admin.patch(`/api/orgs/${h.ids.orgs.jhzx}/public-page`, {
      sections: {
        enrolment: {
          intro: { zh: hostile, en: `"><a href="javascript:alert(3)">x</a>` },
          items: [{ name: { zh: '</dd></dl><h1>假标题</h1>', en: '' }, detail: { zh: "' onmouseover='x", en: '' } }],
        },
        fees: { intro: { zh: '', en: '' }, items: [{ ...fee, name: { zh: '<b>费</b>', en: '<i>fee</i>' } }] },
      },
    });
    expectStatus(res, 200);
    for (const path of ['/s/JHZX', '/s/JHZX/en']) {
      const html = (await page(path)).text;
      expect(html, path).not.toMatch(/<script|<img|<a href="javascript|<h1>假标题|<b>费|<i>fee/);
      expect(html, path).not.toContain("' onmouseover='x");
    }
    const zh = (await page('/s/JHZX')).text;
    expect(sectionOf(zh, 'enrolment')).toContain(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=&quot;alert(2)&quot;&gt;</p>',
    );
    expect(sectionOf(zh, 'enrolment')).toContain('<dt>&lt;/dd&gt;&lt;/dl&gt;&lt;h1&gt;假标题&lt;/h1&gt;</dt>');
    expect(sectionOf(zh, 'enrolment')).toContain('<dd>&#39; onmouseover=&#39;x</dd>');
    expect(sectionOf((await page('/s/JHZX/en')).text, 'fees')).toContain('<h3>&lt;i&gt;fee&lt;/i&gt;</h3>');
  });

  it('bad input is refused in the contract’s error shape, naming each field, and nothing of it is saved', async () => {
    const admin = await h.as('admin@jhzx.demo');
    const url = `/api/orgs/${h.ids.orgs.jhzx}/public-page` as const;
    const before = editorOf(await admin.get(url));
    const res = await admin.raw('PATCH', url, {
      sections: {
        basic: basic('这次保存不该生效'),
        fees: {
          intro: { zh: '', en: '' },
          items: [{ ...fee, amount: -1, complaintsPhone: 'call us', basis: { zh: '', en: '' } }],
        },
      },
    });
    expectStatus(res, 400);
    expect((res.body as { error: { code: string } }).error.code).toBe('validation_failed');
    expect(Object.keys(detailsOf(res, 'fields')).sort()).toEqual([
      'sections.fees.items.0.amount',
      'sections.fees.items.0.basis.zh',
      'sections.fees.items.0.complaintsPhone',
    ]);
    expect(detailsOf(res, 'problems').map((p) => p.field)).toContain('sections.fees.items.0.amount');
    // The valid basic section was not saved either: all or nothing.
    expect(editorOf(await admin.get(url)).sections.basic).toEqual(before.sections.basic);

    const empty = await admin.raw('PATCH', url, {});
    expectStatus(empty, 400);
    const none = await admin.raw('PATCH', url, { sections: {} });
    expectStatus(none, 400);
    const long = await admin.raw('PATCH', url, { sections: { basic: basic('长'.repeat(2001)) } });
    expectStatus(long, 400);
    expect(Object.keys(detailsOf(long, 'fields'))).toEqual(['sections.basic.intro.zh']);
    const tooMany = { intro: { zh: '', en: '' }, items: Array.from({ length: 31 }, () => fee) };
    expect(Object.keys(detailsOf(await admin.raw('PATCH', url, { sections: { fees: tooMany } }), 'fields'))).toEqual([
      'sections.fees.items',
    ]);
  });
});

describe('public page: who may edit it', () => {
  const url = (school: string) => `/api/orgs/${school}/public-page` as const;
  const change = { sections: { timetable: { intro: { zh: '改动', en: '' }, items: [] } } };

  it('the school’s admins and its group’s leader and district office may; its teachers and sister schools may not', async () => {
    const jhzx = h.ids.orgs.jhzx ?? '';
    for (const email of ['admin@jhzx.demo', 'leader@jinghua.demo', 'office@chengguan.demo']) {
      const who = await h.as(email);
      expectStatus(await who.get(url(jhzx)), 200);
      expectStatus(await who.patch(url(jhzx), change), 200);
    }
    for (const email of ['wang@jhzx.demo', 'admin@jhxx.demo', 'admin@nanhu.demo', 'li@jhxx.demo']) {
      const who = await h.as(email);
      const read = await who.get(url(jhzx));
      expectStatus(read, 403);
      expect((read.body as { error: { code: string } }).error.code).toBe('forbidden');
      expectStatus(await who.patch(url(jhzx), change), 403);
    }
  });

  it('another group’s admin finds no such page, nor drafts; a group has none; signed out is 401', async () => {
    const xiling = await h.as('admin@xiling.demo');
    for (const school of [h.ids.orgs.jhzx, h.ids.orgs.nanhu]) {
      const read = await xiling.get(url(school ?? ''));
      expectStatus(read, 404);
      expect(read.text).not.toContain('京华');
      expectStatus(await xiling.patch(url(school ?? ''), change), 404);
    }
    // Their own school's page is theirs to edit.
    expectStatus(await xiling.patch(url(h.ids.orgs.xiling ?? ''), change), 200);
    expectStatus(await (await h.as('leader@jinghua.demo')).get(url(h.ids.orgs.jinghua ?? '')), 404);
    expectStatus(await h.anon.get(url(h.ids.orgs.jhzx ?? '')), 401);
  });
});
