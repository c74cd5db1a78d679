// Keyboard and screen readers (issue 11, point 6): axe-core, run in a real Chromium on the main pages of every role,
// the teacher's live console and the classroom's big screen (a real lesson through the run's LiveKit), in Chinese and
// in English, finds no critical and no serious violation. A failure prints each rule, the element and the page.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerOf } from '../support/api';
import { describeFinding, seriousViolations } from '../support/axe';
import { browserUnavailable, newContext, POLL, pageAs, useWebApp } from '../support/browser';
import { playing, scheduleLessonStarted } from '../support/live-lesson';
import { receiveWebhooks, sharedLiveKit } from '../support/livekit';

const lk = sharedLiveKit();
const skip = !!browserUnavailable();
const langs = ['zh', 'en'] as const;
type Lang = (typeof langs)[number];

/** The words an element shows on screen: its text without what is there for screen readers only. */
const visibleText = (e: Element) => {
  const copy = e.cloneNode(true) as Element;
  for (const hidden of copy.querySelectorAll('.sr-only')) hidden.remove();
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
};

describe.skipIf(skip)('accessibility: axe finds nothing critical or serious, in Chinese and in English', () => {
  const web = useWebApp({ livekit: lk, media: true });
  let stopHooks = async () => {};
  beforeAll(async () => {
    if (lk) stopHooks = await receiveWebhooks(lk, `${web.url}/api/livekit/webhook`);
  });
  afterAll(() => stopHooks());

  /** A person's page in `lang`: remembered for the person (as the language button does) and on the device. */
  async function personIn(email: string, lang: Lang, size: 'laptop' | 'projector' = 'laptop') {
    const page = await pageAs(web, email, size);
    const saved = await page.request.patch(`${web.url}/api/me`, {
      data: { locale: lang },
      headers: { origin: web.url },
    });
    expect(saved.status(), await saved.text()).toBe(200);
    await page.context().addInitScript((l) => localStorage.setItem('tz.locale', l), lang);
    return page;
  }

  const findings: string[] = [];
  /** Checks the page as it is now. */
  async function check(page: Page, where: string) {
    for (const f of await seriousViolations(page)) findings.push(describeFinding(where, f));
  }
  /** Opens each path, waits for its heading and for `ready` (what shows once its data has come), and checks it. */
  async function visit(page: Page, lang: Lang, paths: [path: string, ready?: string][]) {
    for (const [path, ready] of paths) {
      await page.goto(`${web.url}${path}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      if (ready) await page.locator(ready).first().waitFor();
      await page.waitForLoadState('networkidle');
      await check(page, `${path} (${lang})`);
    }
  }
  const api = async <T>(page: Page, path: string): Promise<T> => (await page.request.get(`${web.url}${path}`)).json();

  for (const lang of langs) {
    it(`${lang}: a teacher's pages — home, facilities, a facility's week, the group calendar, library, lessons…`, async () => {
      findings.length = 0;
      const page = await personIn('li@jhxx.demo', lang);
      const { items: facilities } = await api<AnswerOf<'GET', '/api/facilities'>>(page, '/api/facilities');
      const { items: resources } = await api<AnswerOf<'GET', '/api/resources'>>(page, '/api/resources');
      const { items: lessons } = await api<AnswerOf<'GET', '/api/lessons'>>(page, '/api/lessons?scope=upcoming');
      const me = await api<AnswerOf<'GET', '/api/me'>>(page, '/api/me');
      await visit(page, lang, [
        ['/'],
        ['/facilities', '.facility-card'],
        [`/facilities/${facilities.find((f) => f.name === '化学实验室')!.id}`, '.ec-body'],
        ['/facilities/calendar', '.ec-body'],
        [`/library?q=${lang === 'zh' ? '分数' : 'fraction'}`],
        [`/library/${resources[0]!.id}`],
        ['/bookings'],
        ['/lessons'],
        [`/lessons/${lessons[0]!.id}`],
        [`/orgs/${me.memberships[0]!.orgId}`],
        ['/notifications'],
        ['/settings'],
        ['/exchanges', '.posting-card'],
        ['/exchanges/applications', '.application-card'],
      ]);
      expect(findings, findings.join('\n')).toEqual([]);
      await page.context().close();
    });

    it(`${lang}: the home page of every other role (a leader's dashboard), both approval queues, exchange set-up, in post, the group's view and honours, the public page's editor, the term report, and signing in`, async () => {
      findings.length = 0;
      const admin = await personIn('admin@jhzx.demo', lang);
      const school = (await api<AnswerOf<'GET', '/api/me'>>(admin, '/api/me')).memberships[0]!.orgId;
      // The public page's editor; the public page itself is checked in public-page.browser.test.ts.
      await visit(admin, lang, [
        ['/'],
        ['/approvals'],
        ['/exchanges/rural-service', 'form'],
        [`/orgs/${school}/public-page`, 'section.card'],
      ]);
      await admin.context().close();
      const gao = await personIn('gao@jhxx.demo', lang);
      const { items: placements } = await api<AnswerOf<'GET', '/api/exchanges/placements'>>(
        gao,
        '/api/exchanges/placements?scope=mine',
      );
      const placement = `/exchanges/placements/${placements[0]!.id}`;
      await visit(gao, lang, [
        ['/', '.in-post-card .log-form'],
        [placement, '.log-week'],
      ]);
      await gao.context().close();
      const pages: [email: string, paths: [path: string, ready?: string][]][] = [
        [
          'admin@beishan.demo',
          [
            ['/exchanges/placements', '.placement-card'],
            [placement, '.log-week'],
          ],
        ],
        ['wang@jhzx.demo', [['/']]],
        ['zhao@beishan.demo', [['/']]],
        [
          'leader@jinghua.demo',
          [
            ['/', '[data-testid="dashboard"] table'],
            ['/reports/term', '#summary table'],
            ['/exchanges/applications', '.application-card'],
            ['/exchanges/programmes/new'],
            ['/exchanges/postings/new', 'form'],
            ['/exchanges/overview', '.quota'],
            ['/exchanges/honours', '.honour-level'],
          ],
        ],
      ];
      for (const [email, paths] of pages) {
        const page = await personIn(email, lang);
        await visit(page, lang, paths);
        await page.context().close();
      }
      const ctx = await newContext(web.browser);
      await ctx.addInitScript((l) => localStorage.setItem('tz.locale', l), lang);
      const page = await ctx.newPage();
      await page.goto(`${web.url}/login`);
      await page.getByRole('button', { name: lang === 'zh' ? '登录' : 'Sign in' }).waitFor();
      await check(page, `/login (${lang})`);
      await ctx.close();
      expect(findings, findings.join('\n')).toEqual([]);
    });
  }

  it('what a control shows is part of its name: the bell "1" is "通知（1 条未读）", "English" is "English · 切换语言"', async () => {
    // A booking of the gym waits for its school: the school admin's bell shows a count.
    const teacher = await personIn('li@jhxx.demo', 'zh');
    const { items } = await api<AnswerOf<'GET', '/api/facilities'>>(teacher, '/api/facilities');
    const day = new Date(Date.now() + 3 * 86400_000).toISOString().slice(0, 10);
    const booked = await teacher.request.post(`${web.url}/api/bookings`, {
      headers: { origin: web.url },
      data: {
        facilityId: items.find((f) => f.name === '体育馆')!.id,
        startsAt: `${day}T19:00:00+08:00`,
        endsAt: `${day}T20:00:00+08:00`,
        purpose: '无障碍检查',
      },
    });
    expect(booked.status(), await booked.text()).toBe(201);
    await teacher.context().close();
    for (const lang of langs) {
      const admin = await personIn('admin@jhzx.demo', lang);
      await admin.goto(`${web.url}/`);
      const bell = admin.getByTestId('bell');
      await expect.poll(() => bell.innerText(), POLL).toMatch(/^[1-9]\d*$/);
      const n = await bell.innerText();
      const bellName = lang === 'zh' ? `通知（${n} 条未读）` : `Notifications (${n} unread)`;
      expect(await admin.getByRole('link', { name: bellName, exact: true }).count()).toBe(1);
      const langName = lang === 'zh' ? 'English · 切换语言' : '中文 · Change language';
      const switcher = admin.getByRole('button', { name: langName, exact: true });
      expect(await switcher.evaluate(visibleText)).toBe(lang === 'zh' ? 'English' : '中文');
      // Every link and button of the header, and the calendar's arrows: the words it shows are in its name.
      for (const [path, scope] of [
        ['/', 'header.top'],
        ['/facilities/calendar', '.cal-toolbar'],
      ] as const) {
        await admin.goto(`${web.url}${path}`);
        await admin.locator(scope).getByRole('button').first().waitFor();
        const controls = admin.locator(scope).locator('a, button');
        expect(await controls.count()).toBeGreaterThan(2);
        for (const control of await controls.all()) {
          const name = /^- \w+ "(.*)"/.exec(await control.ariaSnapshot())?.[1] ?? '';
          const shown = await control.evaluate(visibleText);
          expect(name, `${path}: the control showing "${shown}"`).not.toBe('');
          if (/[\p{L}\p{N}]/u.test(shown)) expect(name, `${path}: its name`).toContain(shown);
        }
      }
      await admin.context().close();
    }
  });

  it.skipIf(!lk)("the teacher's live console and the classroom's big screen, in both languages", async () => {
    findings.length = 0;
    const teacher = await personIn('wang@jhzx.demo', 'zh');
    const lesson = await scheduleLessonStarted(teacher, web.url, '分数的初步认识（无障碍检查）');
    await teacher.goto(`${web.url}/lessons/${lesson.id}/console`);
    await teacher.getByRole('heading', { name: '上课前检查摄像头和麦克风' }).waitFor();
    await check(teacher, 'console, camera check (zh)');
    await teacher.getByRole('button', { name: '开始直播' }).click();
    await teacher.getByText('直播中').first().waitFor();

    const classroom = await personIn('zhao@beishan.demo', 'zh', 'projector');
    await classroom.goto(`${web.url}/lessons/${lesson.id}/live`);
    expect(await playing(classroom, 'video.teacher-main')).toBeGreaterThan(0);
    await teacher.getByRole('heading', { name: '班级（1/2 已进入）' }).waitFor();
    await check(teacher, 'console, live (zh)');
    await check(classroom, 'big screen, live (zh)');

    // English: the teacher switches in the console (no reload, the lesson stays live); the classroom's PC reloads.
    await teacher.getByTestId('lang-switch').click();
    await teacher.getByText('Live', { exact: true }).first().waitFor();
    await check(teacher, 'console, live (en)');
    // The classroom account's remembered language wins over the PC's, so it is switched where it is kept.
    const saved = await classroom.request.patch(`${web.url}/api/me`, {
      data: { locale: 'en' },
      headers: { origin: web.url },
    });
    expect(saved.status(), await saved.text()).toBe(200);
    await classroom.context().addInitScript(() => localStorage.setItem('tz.locale', 'en'));
    await classroom.reload();
    await expect.poll(() => classroom.evaluate(() => document.documentElement.lang), POLL).toBe('en');
    expect(await playing(classroom, 'video.teacher-main')).toBeGreaterThan(0);
    await check(classroom, 'big screen, live (en)');
    expect(findings, findings.join('\n')).toEqual([]);
    await classroom.context().close();
    await teacher.context().close();
  });
});
