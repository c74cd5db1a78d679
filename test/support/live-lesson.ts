// A live lesson in real browsers, for the browser tests that take one (test/web/live*.browser.test.ts).
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { AnswerOf, BodyOf } from './api';
import { POLL } from './browser';

/** The two rural classrooms of the demo data that the master teacher invites. */
export async function classroomIds(page: Page, url: string): Promise<string[]> {
  const { items: rooms }: AnswerOf<'GET', '/api/classrooms'> = await (
    await page.request.get(`${url}/api/classrooms`)
  ).json();
  return rooms
    .filter((r) => ['北山乡中心小学 四年级一班', '南湖村小学 五年级一班'].includes(`${r.schoolName} ${r.name}`))
    .map((r) => r.id);
}

/**
 * The master teacher (signed in on `teacher`) schedules a lesson for both rural classrooms that started a minute
 * ago, so that it is today's lesson on the classroom PCs and open to join.
 */
export async function scheduleLessonStarted(
  teacher: Page,
  url: string,
  title: string,
  minutes = 40,
): Promise<AnswerOf<'POST', '/api/lessons'>['lesson']> {
  const created = await teacher.request.post(`${url}/api/lessons`, {
    data: {
      title,
      subject: 'math',
      grade: 4,
      startsAt: new Date(Date.now() - 60_000).toISOString(),
      endsAt: new Date(Date.now() + minutes * 60_000).toISOString(),
      classroomIds: await classroomIds(teacher, url),
      allowClashes: true,
    } satisfies BodyOf<'POST', '/api/lessons'>,
  });
  expect(created.status(), await created.text()).toBe(201);
  return ((await created.json()) as AnswerOf<'POST', '/api/lessons'>).lesson;
}

/**
 * Frames decoded by a video element, read a second apart: the picture is moving when the count grows and it has
 * a size. Retried until `timeout` (at least ten readings), since an element may be replaced (a track re-attached)
 * between two readings, or show a still picture until its track comes back.
 */
export async function playing(page: Page, selector: string, timeout = 30_000) {
  const deadline = Date.now() + timeout;
  const frames = () =>
    page
      .locator(selector)
      .evaluate((v: HTMLVideoElement) => ({ n: v.getVideoPlaybackQuality().totalVideoFrames, w: v.videoWidth }));
  await expect.poll(async () => (await frames()).w, { ...POLL, timeout }).toBeGreaterThan(0);
  let grew = 0;
  for (let i = 0; (i < 10 || Date.now() < deadline) && grew <= 0; i++) {
    const a = await frames();
    await page.waitForTimeout(1000);
    grew = (await frames()).n - a.n;
  }
  return grew;
}
