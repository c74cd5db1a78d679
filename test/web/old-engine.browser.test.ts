// The school PCs' oldest engine (issue 11): a real Chromium 86 (360 and QQ browsers ship such engines) opens the main
// pages of every role and a rural classroom's big screen plays a live lesson, with no page error — a built-in the
// bundle calls and the engine lacks shows here as "TypeError: … is not a function".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerOf } from '../support/api';
import { browserUnavailable, pageAs, shot, useWebApp } from '../support/browser';
import {
  chromium86Unavailable,
  launchChromium86,
  type OldBrowser,
  type OldPage,
  oldShot,
  watchedPage,
} from '../support/chromium86';
import { scheduleLessonStarted } from '../support/live-lesson';
import { receiveWebhooks, sharedLiveKit } from '../support/livekit';

const lk = sharedLiveKit();
const unavailable = browserUnavailable() ?? chromium86Unavailable();
if (unavailable) console.warn(`Skipping the Chromium 86 tests: ${unavailable}`);
const skip = !!unavailable || !lk;

describe.skipIf(skip)('Chromium 86, the oldest engine on school PCs', () => {
  const web = useWebApp({ livekit: lk, media: true });
  let old: OldBrowser;
  let stopHooks = async () => {};
  beforeAll(async () => {
    old = await launchChromium86();
    stopHooks = await receiveWebhooks(lk!, `${web.url}/api/livekit/webhook`);
  });
  afterAll(async () => {
    await stopHooks();
    await old?.close();
  });

  /** Signs in through the sign-in page itself (its script is the first the engine runs). */
  async function signIn(page: OldPage, email: string) {
    await page.goto(`${web.url}/login`, { waitUntil: 'networkidle0' });
    await page.waitForFunction('!!document.querySelector("input[type=email]")');
    const status = await page.evaluate(
      `fetch('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: ${JSON.stringify(email)}, password: 'tongzhou-demo' }) }).then((r) => r.status)`,
    );
    expect(status).toBe(200);
  }

  /** Opens each path and waits for its heading: any page error or "something went wrong" fails, naming the page. */
  async function visit(page: OldPage, errors: string[], paths: [string, RegExp][]) {
    for (const [path, heading] of paths) {
      await page.goto(`${web.url}${path}`, { waitUntil: 'networkidle0' });
      const h1 = `(document.querySelector('h1') || {}).textContent || ''`;
      await page
        .waitForFunction(`${heading}.test(${h1})`, { timeout: 15_000 })
        .catch(async () => expect.fail(`${path}: heading is "${await page.evaluate(h1)}"; ${errors.join('; ')}`));
      const body = await page.evaluate<string>('document.body.innerText');
      expect(body, `${path} shows an error`).not.toMatch(/出了点问题|Something went wrong/);
      expect(errors, `${path} on Chromium 86`).toEqual([]);
    }
  }

  it('the engine really is Chromium 86, lacking the built-ins the bundle calls', async () => {
    expect(await old.version()).toMatch(/Chrome\/86\./);
    const { page } = await watchedPage(old);
    await page.goto(`${web.url}/login`);
    expect(await page.evaluate("typeof Object.hasOwn + ' ' + typeof [].at")).toBe('function function');
    // …because the page loaded the polyfills: a blank page of the same origin has none.
    await page.goto(`${web.url}/favicon.svg`);
    expect(await page.evaluate("typeof Object.hasOwn + ' ' + typeof [].at")).toBe('undefined undefined');
    await page.close();
  });

  it('a current browser loads none of the polyfills, and gets every script brotli-compressed', async () => {
    const page = await pageAs(web, 'li@jhxx.demo');
    const scripts: string[] = [];
    const encodings = new Set<string>();
    page.on('response', (r) => {
      if (r.request().resourceType() !== 'script') return;
      scripts.push(new URL(r.url()).pathname);
      // Sent compressed (brotli, made at build time), except a file too small to gain from it.
      if (!/polyfills-check-/.test(r.url())) encodings.add(r.headers()['content-encoding'] ?? 'none');
    });
    await page.goto(`${web.url}/`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect([...encodings]).toEqual(['br']);
    expect(scripts.some((s) => /\/polyfills-check-/.test(s))).toBe(true);
    expect(scripts.filter((s) => /\/polyfills-(?!check-)/.test(s))).toEqual([]);
    await page.context().close();
  });

  it("a teacher's pages: home, facilities and a facility's week calendar, library, lessons, bookings", async () => {
    const { page, errors } = await watchedPage(old);
    await signIn(page, 'li@jhxx.demo');
    const gym = await facilityId('体育馆');
    await visit(page, errors, [
      ['/', /李雪梅，您好/],
      ['/facilities', /借用场地/],
      [`/facilities/${gym}`, /体育馆/],
      ['/library?q=分数', /教学资源/],
      ['/lessons', /直播课/],
      ['/bookings', /我的预约/],
      ['/notifications', /通知/],
      ['/settings', /个人设置/],
    ]);
    // The week calendar (the page the issue found empty) shows the gym's bookings.
    await page.goto(`${web.url}/facilities/${gym}`, { waitUntil: 'networkidle0' });
    await page.waitForFunction(`document.querySelectorAll('.ec-header .ec-day').length === 7`, { timeout: 15_000 });
    // Seven days side by side in one row (a grid the engine cannot lay out stacks them one under another).
    const heads = await page.evaluate<{ top: number; left: number }[]>(
      `[].map.call(document.querySelectorAll('.ec-header .ec-day'), function (d) {
        var r = d.getBoundingClientRect(); return { top: Math.round(r.top), left: Math.round(r.left) } })`,
    );
    expect(new Set(heads.map((h) => h.top)).size, JSON.stringify(heads)).toBe(1);
    expect(heads.map((h) => h.left)).toEqual([...heads.map((h) => h.left)].sort((a, b) => a - b));
    await oldShot(page, 'old-engine-facility-week');
    expect(errors).toEqual([]);
    await page.close();
  });

  it("an admin's and the group leader's pages: approvals, organisation, new facility, reports, dashboard, audit", async () => {
    const { page, errors } = await watchedPage(old);
    await signIn(page, 'admin@jhzx.demo');
    await visit(page, errors, [
      ['/approvals', /审批/],
      ['/orgs', /组织与成员/],
      ['/facilities/new', /添加场地/],
      ['/audit', /操作记录/],
    ]);
    await page.close();
    const leader = await watchedPage(old);
    await signIn(leader.page, 'leader@jinghua.demo');
    await visit(leader.page, leader.errors, [
      ['/', /刘建国，您好/],
      ['/reports/facilities', /共享/],
      ['/reports/term', /学期报告/],
      ['/facilities/calendar', /场地/],
    ]);
    // The dashboard on the leader's home draws its figures there too.
    await leader.page.goto(`${web.url}/`, { waitUntil: 'networkidle0' });
    await leader.page.waitForFunction(`!!document.querySelector('[data-testid="dashboard"] table')`, {
      timeout: 15_000,
    });
    expect(leader.errors, 'the dashboard on Chromium 86').toEqual([]);
    await leader.page.close();
  });

  it("a rural classroom's big screen plays the teacher's live lesson, joined in one click from its home page", async () => {
    const teacher = await pageAs(web, 'wang@jhzx.demo');
    const lesson = await scheduleLessonStarted(teacher, web.url, '分数的初步认识（旧浏览器）');
    await teacher.goto(`${web.url}/lessons/${lesson.id}`);
    await teacher.getByRole('link', { name: '开始上课' }).click();
    await teacher.getByRole('button', { name: '开始直播' }).click();
    await teacher.getByText('直播中').first().waitFor();

    const { page, errors } = await watchedPage(old, 1920, 1080);
    await signIn(page, 'zhao@beishan.demo');
    await page.goto(`${web.url}/`, { waitUntil: 'networkidle0' });
    await page.waitForFunction(`!!document.querySelector('.classroom-card a[href$="/live"]')`, { timeout: 15_000 });
    await page.click('.classroom-card a[href$="/live"]');
    // The teacher's picture moves: decoded frames grow over two seconds.
    const frames = `(function(){var v=document.querySelector('video.teacher-main');
      return v && v.videoWidth > 0 ? v.getVideoPlaybackQuality().totalVideoFrames : 0})()`;
    await page.waitForFunction(`${frames} > 0`, { timeout: 30_000 });
    const before = await page.evaluate<number>(frames);
    await page.waitForFunction(`${frames} > ${before + 10}`, { timeout: 15_000 });
    await oldShot(page, 'old-engine-big-screen');
    expect(errors, 'the big screen on Chromium 86').toEqual([]);
    await shot(teacher, 'old-engine-teacher-console');
    await page.close();
  });

  async function facilityId(name: string): Promise<string> {
    const login = await fetch(`${web.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'li@jhxx.demo', password: 'tongzhou-demo' }),
    });
    const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
    const list: AnswerOf<'GET', '/api/facilities'> = await (
      await fetch(`${web.url}/api/facilities`, { headers: { cookie } })
    ).json();
    const found = list.items.find((f) => f.name === name);
    if (!found) throw new Error(`no facility ${name}`);
    return found.id;
  }
});
