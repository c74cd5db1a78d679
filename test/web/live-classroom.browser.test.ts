// The live lesson as a classroom lives it (issue 11), with real media through the run's LiveKit server: the master
// teacher schedules from the lesson list with their own defaults; the classroom PCs check camera and microphone on
// their home page before the lesson and speak without a prompt afterwards — or, never allowed, say so and how to
// fix it; going offline reads "reconnecting", never "weak link"; raised hands never cover the on-air and recording
// badges; after the lesson only what to do next remains; the feedback form. 北山 (赵) runs in Chinese in a browser
// that grants camera and microphone; 南湖 (陈) in English, then Chinese, in a browser that refuses them until allowed,
// as a real one does when a prompt is declined.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hhmm, toLocal } from '../../shared/time';
import type { AnswerOf } from '../support/api';
import {
  browserUnavailable,
  launchBrowser,
  MEDIA_FLAGS,
  POLL,
  pageAs,
  shot,
  useWebApp,
  viewports,
} from '../support/browser';
import { playing } from '../support/live-lesson';
import { receiveWebhooks, sharedLiveKit } from '../support/livekit';

const lk = sharedLiveKit();
const skip = !!browserUnavailable() || !lk;

const TITLE = '认识分数（课堂演练）';
const WEAK = /网络较弱，已降低清晰度|Weak link: lower video quality/;

/** Every getUserMedia call of a page, with its constraints: when the page asks for camera and microphone. */
const recordCaptures = () => {
  const calls: unknown[] = [];
  const md = navigator.mediaDevices;
  const original = md.getUserMedia.bind(md);
  md.getUserMedia = (c?: MediaStreamConstraints) => {
    calls.push(JSON.parse(JSON.stringify(c ?? {})));
    return original(c);
  };
  Object.defineProperty(window, '__captures', { value: calls });
};
const captures = (page: Page) => page.evaluate(() => (window as unknown as { __captures: unknown[] }).__captures);

/**
 * Remembers in the page whether the weak-link notice showed while the browser was offline (each change of the page is
 * looked at: a MutationObserver, no polling).
 */
const watchForWeakNotice = (page: Page) =>
  page.evaluate((source) => {
    const weak = new RegExp(source);
    const w = window as unknown as { __weakSeen: boolean };
    w.__weakSeen = false;
    const look = () => {
      if (!navigator.onLine && weak.test(document.body.innerText)) w.__weakSeen = true;
    };
    new MutationObserver(look).observe(document.body, { subtree: true, childList: true, characterData: true });
    window.addEventListener('offline', () => setTimeout(look));
  }, WEAK.source);
const weakSeen = (page: Page) => page.evaluate(() => (window as unknown as { __weakSeen: boolean }).__weakSeen);

type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
/** Each element of `notices` against each of `badges`: none may overlap (all of them visible). */
async function noneCovers(page: Page, notices: string, badges: string) {
  const boxes = async (sel: string) =>
    (await Promise.all((await page.locator(sel).all()).map((l) => l.boundingBox()))).filter((b): b is Box => !!b);
  const [ns, bs] = [await boxes(notices), await boxes(badges)];
  expect(ns.length, `no ${notices} on the page`).toBeGreaterThan(0);
  expect(bs.length, `no ${badges} on the page`).toBeGreaterThan(0);
  for (const n of ns)
    for (const b of bs) expect(overlap(n, b), `${JSON.stringify(n)} covers ${JSON.stringify(b)}`).toBe(false);
}

/** The visible buttons and links of the page's part `within`, by name. */
const controls = (page: Page, within: string) =>
  page
    .locator(`${within} :is(button, a):visible`)
    .evaluateAll((els) => els.map((e) => (e.textContent ?? '').trim()).filter(Boolean));

describe.skipIf(skip)('the live lesson as a classroom lives it', () => {
  const web = useWebApp({ livekit: lk, media: true });
  /** A browser that refuses camera and microphone unless the test grants them (a declined prompt). */
  let strict: Browser;
  let stopHooks = async () => {};
  beforeAll(async () => {
    stopHooks = await receiveWebhooks(lk!, `${web.url}/api/livekit/webhook`);
    strict = await launchBrowser(MEDIA_FLAGS.filter((f) => f !== '--use-fake-ui-for-media-stream'));
  });
  afterAll(async () => {
    await strict?.close();
    await stopHooks();
  });

  let teacher: Page;
  let zhao: Page;
  let chen: Page;
  let lessonId: string;
  const setLocale = (page: Page, locale: 'zh' | 'en') =>
    page.request.patch(`${web.url}/api/me`, { data: { locale }, headers: { origin: web.url } });

  it('the master teacher schedules from the lesson list in 5 actions: subject, grade and classrooms are theirs, recording off', async () => {
    teacher = await pageAs(web, 'wang@jhzx.demo');
    await teacher.goto(`${web.url}/lessons`);
    let actions = 0;
    const act = async (done: Promise<void>) => {
      actions++;
      await done;
    };
    // Starting in a few minutes: open to join at once (15 minutes before), today on the classroom PCs.
    const start = toLocal(new Date(Date.now() + 4 * 60_000));
    await act(teacher.getByRole('button', { name: '安排直播课' }).click());
    const form = teacher.locator('form.schedule-form');
    // What 王明远 teaches (his lessons: grade-4 maths) and the classrooms of his latest lesson; nothing recorded.
    expect(await form.getByLabel('学科', { exact: true }).inputValue()).toBe('math');
    expect(await form.getByLabel('年级', { exact: true }).inputValue()).toBe('4');
    expect(await form.getByRole('checkbox', { name: '北山乡中心小学 四年级一班' }).isChecked()).toBe(true);
    expect(await form.getByRole('checkbox', { name: '南湖村小学 五年级一班' }).isChecked()).toBe(true);
    expect(await form.getByRole('checkbox', { name: /录制本课/ }).isChecked()).toBe(false);
    await shot(teacher, 'classroom-01-schedule-form');
    await act(form.getByLabel('课题', { exact: true }).fill(TITLE));
    await act(form.getByLabel('日期', { exact: true }).fill(start.date));
    await act(form.getByLabel('开始时间', { exact: true }).fill(hhmm(start.minutes)));
    await act(form.getByRole('button', { name: '安排', exact: true }).click());
    await teacher.getByText(`已安排：${TITLE}`).waitFor();
    expect(actions).toBeLessThanOrEqual(5);
    const { items }: AnswerOf<'GET', '/api/lessons'> = await (
      await teacher.request.get(`${web.url}/api/lessons?scope=mine`)
    ).json();
    const lesson = items.find((l) => l.title === TITLE)!;
    expect(lesson).toMatchObject({ subject: 'math', grade: 4, record: false });
    expect(lesson.classrooms).toHaveLength(2);
    lessonId = lesson.id;
  });

  it('in English the form starts from the same defaults', async () => {
    const en = await pageAs(web, 'wang@jhzx.demo', 'projector');
    await setLocale(en, 'en');
    await en.goto(`${web.url}/lessons`);
    await en.getByRole('button', { name: 'Schedule a live lesson' }).click();
    const form = en.locator('form.schedule-form');
    expect(await form.getByLabel('Subject', { exact: true }).inputValue()).toBe('math');
    expect(await form.getByLabel('Grade', { exact: true }).inputValue()).toBe('4');
    expect(await form.getByRole('checkbox', { name: /Record this lesson/ }).isChecked()).toBe(false);
    await shot(en, 'classroom-02-schedule-form-en-projector');
    await setLocale(en, 'zh');
    await en.context().close();
  });

  it('北山 checks camera and microphone on its home page before the lesson: preview, sound, its choice remembered', async () => {
    zhao = await pageAs(web, 'zhao@beishan.demo', 'projector');
    await zhao.addInitScript(recordCaptures);
    await zhao.goto(`${web.url}/`);
    const card = zhao.locator('.classroom-card');
    await card.getByText(TITLE).waitFor();
    // Nothing is captured until someone asks for the check.
    expect(await captures(zhao)).toEqual([]);
    await card.getByRole('button', { name: '检查摄像头和麦克风' }).click();
    await expect
      .poll(() => card.locator('.device-preview video').evaluate((v: HTMLVideoElement) => v.videoWidth), POLL)
      .toBeGreaterThan(0);
    await card.getByRole('combobox', { name: '麦克风' }).selectOption({ label: 'Fake Audio Input 2' });
    await expect
      .poll(() => card.locator('meter.sound').getAttribute('data-level').then(Number), POLL)
      .toBeGreaterThan(0);
    await shot(zhao, 'classroom-03-home-device-check');
    await card.getByRole('button', { name: '完成' }).click();
    await card.getByText('已检查，发言时使用：fake_device_0 · Fake Audio Input 2').waitFor();
    // The camera is off again: the check holds nothing while the PC waits for the lesson.
    expect(await card.locator('.device-preview').count()).toBe(0);
    await shot(zhao, 'classroom-04-home-checked');
  });

  it('南湖 (English, a browser that refuses until allowed): the check says it is blocked and how to fix it, then works', async () => {
    chen = await pageAs({ url: web.url, browser: strict }, 'chen@nanhu.demo', 'projector');
    await setLocale(chen, 'en');
    await chen.addInitScript(recordCaptures);
    await chen.goto(`${web.url}/`);
    const card = chen.locator('.classroom-card');
    await card.getByRole('button', { name: 'Check camera and microphone' }).click();
    await card
      .getByText(/The browser blocks this site from using the camera and microphone\. Click the lock icon/)
      .waitFor();
    await shot(chen, 'classroom-05-home-blocked-en');
    // What the sentence says to do, done: the site is allowed to use them.
    await chen.context().grantPermissions(['camera', 'microphone'], { origin: web.url });
    await card.getByRole('button', { name: 'Check camera and microphone' }).click();
    await expect
      .poll(() => card.locator('.device-preview video').evaluate((v: HTMLVideoElement) => v.videoWidth), POLL)
      .toBeGreaterThan(0);
    await shot(chen, 'classroom-06-home-device-check-en');
    await card.getByRole('button', { name: 'Done' }).click();
    await card.getByText(/Checked; used when your class speaks: fake_device_0 · /).waitFor();
  });

  it('the teacher chooses to record on the console (remembered with the lesson) and goes live', async () => {
    await teacher.goto(`${web.url}/lessons/${lessonId}/console`);
    const record = teacher.getByRole('checkbox', { name: /录制本课/ });
    expect(await record.isChecked()).toBe(false);
    await record.check();
    await expect
      .poll(
        async () =>
          (
            (await (await teacher.request.get(`${web.url}/api/lessons/${lessonId}`)).json()) as AnswerOf<
              'GET',
              '/api/lessons/{id}'
            >
          ).lesson.record,
        POLL,
      )
      .toBe(true);
    await shot(teacher, 'classroom-07-console-preview');
    await teacher.getByRole('button', { name: '开始直播' }).click();
    await teacher.locator('.console-top').getByText('直播中').waitFor();
    await teacher.locator('.console-top').getByText('录制中').waitFor();
  });

  /** getUserMedia calls of each classroom page before it was let speak. */
  const watched = { zhao: 0, chen: 0 };

  it('both classrooms join in one click, capturing nothing, and the big screens say the lesson is recorded', async () => {
    watched.zhao = (await captures(zhao)).length;
    watched.chen = (await captures(chen)).length;
    for (const [page, join] of [
      [zhao, '进入课堂'],
      [chen, 'Join the lesson'],
    ] as const) {
      await page.locator('.classroom-card').getByRole('link', { name: join }).click();
      expect(await playing(page, 'video.teacher-main')).toBeGreaterThan(3);
    }
    await zhao.locator('.stage-recording', { hasText: '录制中' }).waitFor();
    await chen.locator('.stage-recording', { hasText: 'Recording' }).waitFor();
    // Watching captures nothing: the camera and microphone wait until the teacher lets the class speak.
    expect(await captures(zhao)).toHaveLength(watched.zhao);
    expect(await captures(chen)).toHaveLength(watched.chen);
    await shot(zhao, 'classroom-08-big-screen');
  });

  it('raised hands float on the console under the on-air and recording badges, never over them (1366 and 1920, both languages)', async () => {
    await zhao.getByRole('button', { name: '举手' }).click();
    await chen.getByRole('button', { name: 'Raise hand' }).click();
    await teacher.locator('.hand-notice').nth(1).waitFor();
    await zhao.getByText('已举手，等待老师点名').waitFor();
    await chen.getByText('Hand raised — waiting for the teacher').waitFor();
    for (const size of ['laptop', 'projector'] as const) {
      await teacher.setViewportSize(viewports[size]);
      await noneCovers(teacher, '.hand-notice', '.console-top .badge.live');
      await shot(teacher, `classroom-09-console-hands-${size}`);
      for (const page of [zhao, chen]) {
        await page.setViewportSize(viewports[size]);
        await noneCovers(page, '.hand-raised', '.stage-recording');
      }
    }
    await shot(zhao, 'classroom-10-big-screen-hand');
    await shot(chen, 'classroom-11-big-screen-hand-en');
    await teacher.getByTestId('lang-switch').click();
    await teacher.locator('.console-top').getByText('Recording').waitFor();
    for (const size of ['laptop', 'projector'] as const) {
      await teacher.setViewportSize(viewports[size]);
      await noneCovers(teacher, '.hand-notice', '.console-top .badge.live');
    }
    await shot(teacher, 'classroom-12-console-hands-en-projector');
    await teacher.getByTestId('lang-switch').click();
    await teacher.locator('.console-top').getByText('录制中').waitFor();
    await teacher.setViewportSize(viewports.laptop);
  });

  it('北山 is let speak: it goes on air at once with the camera and microphone chosen on its home page', async () => {
    await teacher.locator('.hand-notice', { hasText: '四年级一班' }).getByRole('button', { name: '请TA发言' }).click();
    await zhao.getByText(/正在发言/).waitFor();
    const row = teacher.locator('.roster > li', { hasText: '四年级一班' });
    await expect
      .poll(() => row.locator('meter.sound').getAttribute('data-level').then(Number), { ...POLL, timeout: 20_000 })
      .toBeGreaterThan(0);
    expect(await playing(teacher, '.roster > li video.classroom-view')).toBeGreaterThan(0);
    // The big screen asked for the remembered devices, without a click: the choice made before the lesson.
    const saved = await zhao.evaluate(() => JSON.parse(localStorage.getItem('tz.devices') ?? '{}'));
    const asked = JSON.stringify((await captures(zhao)).slice(watched.zhao));
    expect(asked).toContain(saved.microphone.id);
    expect(asked).toContain(saved.camera.id);
    await shot(zhao, 'classroom-13-big-screen-on-air');
    await shot(teacher, 'classroom-14-console-speaking');
    await row.getByRole('button', { name: '结束发言' }).click();
    await zhao.getByRole('button', { name: '举手' }).waitFor();
  });

  it('南湖, allowed on its home page, goes on air the moment it is let speak: no prompt (this browser would refuse one)', async () => {
    await teacher.locator('.hand-notice', { hasText: '五年级一班' }).getByRole('button', { name: '请TA发言' }).click();
    await chen.getByText(/On air/).waitFor();
    const row = teacher.locator('.roster > li', { hasText: '五年级一班' });
    expect(await playing(teacher, '.roster > li video.classroom-view')).toBeGreaterThan(0);
    await row.getByRole('button', { name: '结束发言' }).click();
    await chen.getByRole('button', { name: 'Raise hand' }).waitFor();
  });

  /**
   * 南湖 on another computer that never allowed camera and microphone (a fresh profile of the strict browser), its big
   * screen opened in `locale`; the first one leaves (the same classroom cannot be in the lesson twice).
   */
  const chenElsewhere = async (locale: 'zh' | 'en') => {
    await chen.context().close();
    chen = await pageAs({ url: web.url, browser: strict }, 'chen@nanhu.demo', 'projector');
    await setLocale(chen, locale);
    await chen.addInitScript(recordCaptures);
    await chen.goto(`${web.url}/lessons/${lessonId}/live`);
    const hand = chen.getByRole('button', { name: locale === 'zh' ? '举手' : 'Raise hand' });
    await expect.poll(() => hand.isEnabled(), POLL).toBe(true);
    // The teacher's console sees this computer join before it lets the class speak.
    await teacher
      .locator('.roster > li', { hasText: '五年级一班' })
      .getByRole('button', { name: '请TA发言' })
      .waitFor();
  };

  it('never allowed (Chinese): the big screen asks nothing by itself, says why and how; the fix puts it on air', async () => {
    await chenElsewhere('zh');
    const row = teacher.locator('.roster > li', { hasText: '五年级一班' });
    await row.getByRole('button', { name: '请TA发言' }).click();
    await chen.getByText(/这台电脑还没有允许使用摄像头和麦克风/).waitFor();
    // The teacher learns why nothing comes.
    await row.getByText('已允许发言，但这个班的摄像头和麦克风没有打开').waitFor();
    expect(await captures(chen)).toEqual([]);
    await shot(chen, 'classroom-15-big-screen-never-allowed');
    // Asked from a click, the browser prompts; this one refuses, as a person declining would: how to unblock it.
    await chen.getByRole('button', { name: '允许使用摄像头和麦克风' }).click();
    await chen.getByText(/浏览器禁止了本网站使用摄像头和麦克风.*锁形图标/).waitFor();
    await shot(chen, 'classroom-16-big-screen-blocked');
    await chen.context().grantPermissions(['camera', 'microphone'], { origin: web.url });
    await chen.getByRole('button', { name: '再试一次' }).click();
    await chen.getByText(/正在发言/).waitFor();
    await row.getByText('发言中').waitFor();
    expect(await playing(teacher, '.roster > li video.classroom-view')).toBeGreaterThan(0);
    await row.getByRole('button', { name: '结束发言' }).click();
    await chen.getByRole('button', { name: '举手' }).waitFor();
  });

  it('never allowed (English): the same, in English', async () => {
    await chenElsewhere('en');
    const row = teacher.locator('.roster > li', { hasText: '五年级一班' });
    await row.getByRole('button', { name: '请TA发言' }).click();
    await chen.getByText(/this computer has not been allowed to use its camera and microphone/).waitFor();
    await chen.getByRole('button', { name: 'Allow camera and microphone' }).waitFor();
    expect(await captures(chen)).toEqual([]);
    await shot(chen, 'classroom-17-big-screen-never-allowed-en');
    await row.getByRole('button', { name: '结束发言' }).click();
    await chen.getByRole('button', { name: 'Raise hand' }).waitFor();
  });

  it('offline, both big screens say they are reconnecting (never "weak link") and come back by themselves', async () => {
    for (const [page, text] of [
      [zhao, '正在重新连接…'],
      [chen, 'Reconnecting…'],
    ] as const) {
      await watchForWeakNotice(page);
      const weakBefore = await page.getByText(WEAK).count();
      await page.context().setOffline(true);
      await page.getByText(text).waitFor();
      await shot(page, `classroom-18-offline-${page === zhao ? 'zh' : 'en'}`);
      await page.context().setOffline(false);
      await expect.poll(() => page.getByText(text).count(), { ...POLL, timeout: 30_000 }).toBe(0);
      expect(await playing(page, 'video.teacher-main')).toBeGreaterThan(3);
      expect(await weakSeen(page), 'the weak-link notice showed while offline').toBe(false);
      // Nor did the outage bring one back with it.
      if (!weakBefore) expect(await page.getByText(WEAK).count()).toBe(0);
    }
  });

  it('the lesson ends: no dead buttons on the big screens or the console, only feedback and the way home', async () => {
    teacher.once('dialog', (d) => void d.accept());
    await teacher.getByRole('button', { name: '下课' }).click();
    await teacher.getByRole('heading', { name: '考勤' }).waitFor();
    await zhao.getByText('本节课已结束。').waitFor();
    await chen.getByText('This lesson has ended.').waitFor();
    expect((await controls(zhao, '.stage')).filter((c) => !/全屏/.test(c))).toEqual(['填写课后反馈', '回到首页']);
    expect((await controls(chen, '.stage')).filter((c) => !/full screen/i.test(c))).toEqual([
      'Give feedback on the lesson',
      'Back to the home page',
    ]);
    await shot(zhao, 'classroom-19-big-screen-ended');
    await shot(chen, 'classroom-20-big-screen-ended-en');
    // The console of an ended lesson (the browser's back button) offers what comes next, not "go live".
    await teacher.goBack();
    await teacher.getByText('本节课已结束。').waitFor();
    expect(await controls(teacher, '.console')).toEqual(['查看考勤和反馈', '回到首页']);
    await shot(teacher, 'classroom-21-console-ended');
  });

  it('the feedback form lays out cleanly on the projector and a laptop, in both languages', async () => {
    for (const [page, link, save] of [
      [zhao, '填写课后反馈', '保存'],
      [chen, 'Give feedback on the lesson', 'Save'],
    ] as const) {
      await page.getByRole('link', { name: link }).click();
      const form = page.locator('.feedback-form');
      await form.waitFor();
      for (const size of ['projector', 'laptop'] as const) {
        await page.setViewportSize(viewports[size]);
        await shot(page, `classroom-22-feedback-${page === zhao ? 'zh' : 'en'}-${size}`);
        const card = (await page.locator('.feedback-card').boundingBox())!;
        // Nothing sticks out of its card, and the text boxes use its width.
        for (const field of await form.locator('textarea, button, [role=radiogroup]').all()) {
          const b = (await field.boundingBox())!;
          expect(b.x >= card.x && b.x + b.width <= card.x + card.width + 0.5, 'inside the card').toBe(true);
        }
        for (const area of await form.locator('textarea').all())
          expect((await area.boundingBox())!.width).toBeGreaterThan(card.width * 0.8);
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      }
      await form.getByRole('radiogroup').first().getByRole('radio', { name: '4' }).click();
      await form.getByRole('button', { name: save }).click();
      await page.getByText(page === zhao ? '已保存，谢谢！' : 'Saved — thank you!').waitFor();
    }
  });
});
