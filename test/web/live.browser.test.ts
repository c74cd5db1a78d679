// Journeys 3 and 4 with real media: headless Chromium with a fake camera and microphone, the run's real
// livekit-server on loopback, the teacher and two classrooms (and a hidden observer) in separate pages.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../shared/errors';
import type { AnswerOf } from '../support/api';
import { browserUnavailable, POLL, pageAs, pagesShow, shot, useWebApp } from '../support/browser';
import { playing, scheduleLessonStarted } from '../support/live-lesson';
import { receiveWebhooks, sharedLiveKit } from '../support/livekit';

const lk = sharedLiveKit();
const skip = !!browserUnavailable() || !lk;

describe.skipIf(skip)('live lesson in the browser, real media through LiveKit', () => {
  const web = useWebApp({ livekit: lk, media: true });
  let stopHooks = async () => {};
  beforeAll(async () => {
    stopHooks = await receiveWebhooks(lk!, `${web.url}/api/livekit/webhook`);
  });
  afterAll(() => stopHooks());

  // One lesson, taken step by step: each step proves one thing and waits on what the pages show, so a failure
  // names its step (and a slow machine's budget is per step, not for the whole lesson).
  let teacher: Page;
  let lesson: AnswerOf<'POST', '/api/lessons'>['lesson'];
  const classrooms: Page[] = [];
  let observer: Page;
  const zhao = () => classrooms[0]!;
  const chen = () => classrooms[1]!;

  it('the master teacher schedules a lesson for both rural classrooms that started a minute ago', async () => {
    teacher = await pageAs(web, 'wang@jhzx.demo');
    lesson = await scheduleLessonStarted(teacher, web.url, '分数的初步认识（直播）');
  });

  it('the teacher opens the lesson, checks camera and microphone, chooses to record, and goes live', async () => {
    // JOURNEYS 4: lesson page → Start → (preview with device choice) → Go live.
    await teacher.goto(`${web.url}/lessons/${lesson.id}`);
    await teacher.getByRole('link', { name: '开始上课' }).click();
    await teacher.getByRole('heading', { name: '上课前检查摄像头和麦克风' }).waitFor();
    await expect
      .poll(() => teacher.locator('video.self-view').evaluate((v: HTMLVideoElement) => v.videoWidth), POLL)
      .toBeGreaterThan(0);
    await shot(teacher, 'live-1-teacher-preview');
    // Recording is the teacher's choice: ticked here, before going live.
    await teacher.getByRole('checkbox', { name: /录制本课/ }).check();
    await teacher.getByRole('button', { name: '开始直播' }).click();
    await teacher.getByText('直播中').first().waitFor();
    await teacher.getByText('录制中').waitFor();
  });

  it('both classrooms join in 1 action from their home page and play the teacher with sound, capturing nothing', async () => {
    // JOURNEYS 3: the classroom PC's home page → one click → the big screen plays the teacher.
    for (const email of ['zhao@beishan.demo', 'chen@nanhu.demo']) {
      const page = await pageAs(web, email, 'projector');
      await page.goto(`${web.url}/`);
      await page.locator('.classroom-card').getByRole('link', { name: '进入课堂' }).first().click();
      classrooms.push(page);
    }
    for (const page of classrooms) expect(await playing(page, 'video.teacher-main')).toBeGreaterThan(5);
    // Sound plays: the teacher's audio is attached and running on the big screen.
    await expect
      .poll(
        () =>
          classrooms[0]!.evaluate(() => [...document.querySelectorAll('audio')].some((a) => !a.paused && a.srcObject)),
        POLL,
      )
      .toBe(true);
    // No device dialogs for a classroom that only watches: nothing of its own is captured.
    expect(await classrooms[0]!.evaluate(() => document.querySelectorAll('video.self-view').length)).toBe(0);
  });

  it('the observer joins hidden: the console counts two classrooms and never names the observer', async () => {
    // The observer joins hidden: the teacher's console still counts two classrooms and never names them.
    observer = await pageAs(web, 'li@jhxx.demo');
    await observer.goto(`${web.url}/lessons/${lesson.id}/live`);
    await observer.getByText('您在听课：班级看不到您。').waitFor();
    expect(await playing(observer, 'video.teacher-main')).toBeGreaterThan(5);
    // (The "开启声音" fallback is not exercised: pages driven by playwright count as activated, so sound always plays.)
    await teacher.getByRole('heading', { name: '班级（2/2 已进入）' }).waitFor();
    expect(await teacher.locator('.roster > li').count()).toBe(2);
    expect(await teacher.getByText('李').count()).toBe(0);
  });

  it('screen share is one button: large on the big screen with the camera inset, and back to the camera', async () => {
    // Screen share is one button: the big screen shows it large, the camera inset; stopping brings the camera back.
    await teacher.getByRole('button', { name: '共享屏幕' }).click();
    await classrooms[1]!.locator('video.teacher-inset').waitFor();
    expect(await playing(classrooms[1]!, 'video.teacher-inset')).toBeGreaterThan(0);
    expect(await playing(classrooms[1]!, 'video.teacher-main')).toBeGreaterThan(0);
    await shot(classrooms[1]!, 'live-11-classroom-screen-share');
    await teacher.getByRole('button', { name: '停止共享' }).click();
    await expect.poll(() => classrooms[1]!.locator('video.teacher-inset').count(), POLL).toBe(0);
  });

  it('a raised hand floats on the console; one click lets the classroom speak and the teacher hears and sees it; one click stops it', async () => {
    // A hand goes up; the teacher sees it float and lets that classroom speak with one click.
    await zhao().getByRole('button', { name: /举手/ }).click();
    const notice = teacher.locator('.hand-notice', { hasText: '四年级一班' });
    await notice.waitFor();
    await shot(teacher, 'live-2-teacher-hand');
    await shot(zhao(), 'live-3-classroom-hand');
    await notice.getByRole('button', { name: '请TA发言' }).click();
    await zhao()
      .getByText(/正在发言/)
      .waitFor();
    // The teacher's page receives the classroom's audio (the fake microphone's tone) and its camera.
    const row = teacher.locator('.roster > li', { hasText: '四年级一班' });
    await expect
      .poll(() => row.locator('meter.sound').getAttribute('data-level').then(Number), { ...POLL, timeout: 20_000 })
      .toBeGreaterThan(0);
    expect(await playing(teacher, '.roster > li video.classroom-view')).toBeGreaterThan(0);
    await shot(teacher, 'live-4-teacher-speaking');
    await shot(zhao(), 'live-5-classroom-on-air');
    await shot(observer, 'live-6-observer');

    // One click ends it: the on-air sign goes and the hand button returns.
    await row.getByRole('button', { name: '结束发言' }).click();
    await zhao().getByRole('button', { name: /举手/ }).waitFor();
    expect(
      await zhao()
        .getByText(/正在发言/)
        .count(),
    ).toBe(0);
  });

  it('chat reaches the classrooms', async () => {
    // Chat reaches the classrooms.
    await teacher.getByPlaceholder('输入消息，回车发送').fill('请大家翻到第 32 页');
    await teacher.getByPlaceholder('输入消息，回车发送').press('Enter');
    await zhao().getByRole('button', { name: '文字交流' }).click();
    await zhao().getByText('请大家翻到第 32 页').waitFor();
  });

  it('a network drop: the big screen says it is reconnecting and comes back by itself', async () => {
    // A network drop: the big screen says it is reconnecting and comes back by itself.
    await chen().context().setOffline(true);
    await chen().getByText('正在重新连接…').waitFor({ timeout: 20_000 });
    await shot(chen(), 'live-10-classroom-reconnecting');
    await chen().context().setOffline(false);
    await expect.poll(() => chen().getByText('正在重新连接…').count(), { ...POLL, timeout: 30_000 }).toBe(0);
    expect(await playing(chen(), 'video.teacher-main')).toBeGreaterThan(5);
  });

  it('the same classroom on a second computer takes over; the first says so and continues on request', async () => {
    // The same classroom opened on a second computer: that one takes over, this one says so and does not fight back.
    const second = await pageAs(web, 'zhao@beishan.demo', 'projector');
    await second.goto(`${web.url}/lessons/${lesson.id}/live`);
    expect(await playing(second, 'video.teacher-main')).toBeGreaterThan(0);
    await zhao().getByText('本班已在另一台电脑上进入课堂，这里已断开。').waitFor();
    await second.close();
    await zhao().getByRole('button', { name: '在这台电脑上继续' }).click();
    expect(await playing(zhao(), 'video.teacher-main')).toBeGreaterThan(0);
  });

  it('ending asks once, then shows attendance from the webhooks and the recording filed with the lesson', async () => {
    // Ending asks once, then shows attendance from the server's own webhooks.
    teacher.once('dialog', (d) => void d.accept());
    await teacher.getByRole('button', { name: '下课' }).click();
    await teacher.getByRole('heading', { name: '考勤' }).waitFor();
    await expect.poll(() => teacher.locator('table.attendance tbody tr').count(), POLL).toBe(2);
    // Recorded in the teacher's browser (no Egress here), uploaded with a progress bar, filed with the lesson.
    await teacher.getByRole('link', { name: '分数的初步认识（直播）（课堂实录）' }).click();
    await teacher.getByRole('heading', { level: 1, name: '分数的初步认识（直播）（课堂实录）' }).waitFor();
    await teacher.goBack();
    await zhao().getByText('本节课已结束。').waitFor();
    await shot(teacher, 'live-7-teacher-after');
    await shot(zhao(), 'live-8-classroom-ended');
  });

  it("after the lesson the assistant gives feedback from the big screen's link, and the teacher reads it", async () => {
    // After the lesson: the assistant gives feedback from the big screen's link; the teacher reads it.
    await zhao().getByRole('link', { name: '填写课后反馈' }).click();
    await zhao().getByRole('heading', { name: '课后反馈' }).waitFor();
    await zhao().getByRole('radiogroup', { name: '总体评价' }).getByRole('radio', { name: '4' }).click();
    await zhao().getByLabel('这节课效果如何').fill('学生很投入，跟得上节奏。');
    await zhao().getByLabel('学生提出的问题').fill('分母可以是 0 吗？');
    await zhao().getByRole('button', { name: '保存' }).click();
    await zhao().getByText('已保存，谢谢！').waitFor();
    await teacher.reload();
    await teacher.getByText('学生很投入，跟得上节奏。').waitFor();
    await teacher.getByText('学生提出的问题：分母可以是 0 吗？').waitFor();
  });
});

describe.skipIf(!!browserUnavailable())('live lesson while the LiveKit server is down', () => {
  // A LiveKit server is configured, but nothing answers at its address.
  const web = useWebApp({
    livekit: { url: 'ws://127.0.0.1:9', apiKey: 'tongzhou', apiSecret: 'a-secret-of-at-least-32-characters-long' },
  });

  it('every other page works; join answers 503; the classroom page says so and keeps retrying', async () => {
    const teacher = await pageAs(web, 'wang@jhzx.demo');
    const lesson = await scheduleLessonStarted(teacher, web.url, '停电演练', 30);
    const join = await teacher.request.post(`${web.url}/api/lessons/${lesson.id}/join`);
    expect(join.status()).toBe(503);
    const refused: ErrorBody = await join.json();
    expect(refused.error.code).toBe('livekit_unavailable');
    expect(join.headers()['retry-after']).toBe('5');
    const health: AnswerOf<'GET', '/api/health'> = await (await teacher.request.get(`${web.url}/api/health`)).json();
    expect(health.livekit).toBe('down');

    // This classroom PC runs in English: the pages and the big screen's notices are in English too.
    const zhao = await pageAs(web, 'zhao@beishan.demo', 'projector');
    await zhao.request.patch(`${web.url}/api/me`, { data: { locale: 'en' }, headers: { origin: web.url } });
    await pagesShow(zhao, web.url, [
      ['/library', 'Library'],
      ['/facilities', 'Book a facility'],
      ['/lessons', 'Live lessons'],
    ]);
    let attempts = 0;
    zhao.on('request', (r) => {
      if (r.url().endsWith(`/api/lessons/${lesson.id}/join`)) attempts++;
    });
    await zhao.goto(`${web.url}/`);
    await zhao.locator('.classroom-card').getByRole('link', { name: 'Join the lesson' }).first().click();
    await zhao.getByText(/The live server cannot be reached/).waitFor();
    await shot(zhao, 'live-9-classroom-unavailable-en');
    // It tries again by itself (after 3 s, then longer), and "retry now" tries at once.
    await expect.poll(() => attempts, { ...POLL, timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    await zhao.getByRole('button', { name: 'Retry now' }).click();
    await expect.poll(() => attempts, POLL).toBeGreaterThanOrEqual(3);
    await zhao.getByText(/The live server cannot be reached/).waitFor();
  });
});
