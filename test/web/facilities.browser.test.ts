// Journeys 1 and 2 in a real browser: a teacher books the lab in ≤ 4 actions from the home page, a second
// try shows the clash in the page, the gym booking waits for approval, the owner's admin approves it from
// the queue, and the teacher sees it approved.
import { describe, expect, it } from 'vitest';
import { toLocal } from '../../server/modules/bookings/bookings.rules';
import { browserUnavailable, POLL, signedInPage, useWebApp } from '../support/browser';

const unavailable = browserUnavailable();
const ZH_DAYS = ['', '一', '二', '三', '四', '五', '六', '日'];

/** A weekday (Mon–Fri) 2–6 days ahead, so "周X下午" means that day and it is not today. */
function targetDay(): { weekday: number; date: string } {
  for (let i = 2; i < 7; i++) {
    const l = toLocal(new Date(Date.now() + i * 86400_000));
    if (l.weekday <= 5) return { weekday: l.weekday, date: l.date };
  }
  throw new Error('unreachable');
}

describe.skipIf(!!unavailable)('facilities in Chromium: journeys 1 and 2', () => {
  const web = useWebApp();

  const signedIn = (email: string) => signedInPage(web, email);

  it('a teacher books the chemistry lab in 4 actions, and a second try shows the clash with free times', async () => {
    const page = await signedIn('li@jhxx.demo');
    const day = targetDay();
    let actions = 0;
    await page.getByRole('link', { name: '借用场地' }).first().click();
    actions++;
    await page.getByLabel('搜索场地').fill(`实验室 周${ZH_DAYS[day.weekday]}下午 40人`);
    actions++;
    // The page reads the search: that day 14:00–18:00, 40 people, and lists what is free then.
    await expect.poll(() => page.getByRole('status').first().innerText(), POLL).toMatch(/14:00–18:00 空闲 · 40 人/);
    await page.getByRole('link', { name: '化学实验室' }).click();
    actions++;
    await page.waitForURL(/\/facilities\/[0-9a-f-]{36}/);
    const lab = new URL(page.url()).pathname.split('/').pop();
    // Clipped to the lab's 3-hour limit.
    await expect
      .poll(() => page.getByTestId('picked-slot').innerText(), POLL)
      .toMatch(new RegExp(`${Number(day.date.slice(5, 7))}月${Number(day.date.slice(8))}日 .* 14:00–17:00`));
    // The purpose is pre-filled from this teacher's last booking of the lab (or of a lab), and the 40 people searched
    // for are carried in: nothing to type.
    await expect.poll(() => page.getByLabel('用途').inputValue(), POLL).not.toBe('');
    expect(await page.getByLabel(/^人数/).inputValue()).toBe('40');
    await page.getByRole('button', { name: '确认预约' }).click();
    actions++;
    await expect.poll(() => page.getByTestId('booking-result').innerText(), POLL).toMatch(/^已预约：化学实验室/);
    expect(actions).toBeLessThanOrEqual(4);
    // The form clears (nothing left to book twice by mistake), and the new booking shows once, as the teacher's.
    expect(await page.getByRole('button', { name: '确认预约' }).count()).toBe(0);
    await expect.poll(() => page.locator('.ec-mine').count(), POLL).toBe(1);
    expect(await page.locator('.ec-picked').count()).toBe(0);
    expect(await page.locator('.ec-mine').innerText()).toMatch(/您刚约的/);

    // The search now finds the lab free for the rest of the afternoon only, and says so.
    await page.goto(`${web.url}/facilities?q=${encodeURIComponent(`实验室 周${ZH_DAYS[day.weekday]}下午 40人`)}`);
    await expect.poll(() => page.getByTestId('free-times').first().innerText(), POLL).toMatch(/这时有空：17:00–18:00/);

    // The same time again: the page says what it clashes with and offers the nearest free times.
    await page.goto(`${web.url}/facilities/${lab}?date=${day.date}&start=14:00&end=17:00`);
    await page.getByRole('button', { name: '确认预约' }).click();
    await expect.poll(() => page.getByTestId('booking-clash').innerText(), POLL).toMatch(/这个时间已被占用/);
    const clash = await page.getByTestId('booking-clash').innerText();
    expect(clash).toContain('14:00–17:00（已批准）');
    expect(await page.getByTestId('booking-clash').getByRole('button', { name: /^改订/ }).count()).toBeGreaterThan(0);

    // It shows in the teacher's bookings.
    await page.getByRole('link', { name: '我的预约' }).first().click();
    await expect
      .poll(() => page.getByTestId('my-booking').allInnerTexts(), POLL)
      .toEqual(expect.arrayContaining([expect.stringMatching(/14:00–17:00 · 化学实验室/)]));
    await page.context().close();
  });

  it('the gym booking waits for 京华实验中学; its admin approves it from the queue; the teacher sees it approved', async () => {
    const day = targetDay();
    const teacher = await signedIn('li@jhxx.demo');
    await teacher.getByRole('link', { name: '借用场地' }).first().click();
    await teacher.getByLabel('搜索场地').fill(`体育馆 周${ZH_DAYS[day.weekday]}上午`);
    await expect.poll(() => teacher.getByRole('status').first().innerText(), POLL).toMatch(/08:00–12:00 空闲/);
    await teacher.getByRole('link', { name: '体育馆' }).click();
    await teacher.getByTestId('picked-slot').waitFor();
    await teacher.getByLabel('用途').fill('篮球友谊赛');
    await teacher.getByRole('button', { name: '确认预约' }).click();
    await expect
      .poll(() => teacher.getByTestId('booking-result').innerText(), POLL)
      .toMatch(/^已提交，等待 京华实验中学 审批：体育馆/);

    const admin = await signedIn('admin@jhzx.demo');
    // The badge in the header says how many wait; one click opens the queue, one approves.
    await admin.getByRole('link', { name: /^审批/ }).click();
    const row = admin.getByRole('row').filter({ hasText: '篮球友谊赛' });
    await expect.poll(() => row.innerText(), POLL).toMatch(/李雪梅[\s\S]*京华实验小学[\s\S]*体育馆/);
    await row.getByRole('button', { name: '批准' }).click();
    await expect.poll(() => admin.getByRole('row').filter({ hasText: '篮球友谊赛' }).count(), POLL).toBe(0);

    await teacher.getByRole('link', { name: '我的预约' }).first().click();
    await expect
      .poll(() => teacher.getByTestId('my-booking').filter({ hasText: '篮球友谊赛' }).innerText(), POLL)
      .toMatch(/已批准/);
    // And the teacher was told.
    await expect.poll(() => teacher.getByTestId('bell').getAttribute('aria-label'), POLL).toMatch(/[1-9]\d* 条未读/);
  });
});
