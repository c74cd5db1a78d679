// The facility calendars (issue 11, points 6–8): booked with the keyboard alone, written the Beijing way in Chinese
// and in English (and switched without a reload), a day at a time on a phone with nothing cut short, readable on a
// classroom projector.
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { toLocal } from '../../shared/time';
import type { AnswerOf } from '../support/api';
import { browserUnavailable, POLL, pageAs, useWebApp, type viewports } from '../support/browser';

const unavailable = browserUnavailable();

/** A weekday (Mon–Fri) 2–6 days ahead, so the lab is open and the booking is not too soon. */
function weekdayAhead(): string {
  for (let i = 2; i < 7; i++) {
    const l = toLocal(new Date(Date.now() + i * 86400_000));
    if (l.weekday <= 5) return l.date;
  }
  throw new Error('unreachable');
}

/**
 * The keys that type `date` (YYYY-MM-DD) into this Chromium's date field: its segments follow the browser's own
 * language (year first in Chinese, month first in American English), so the order is found on a blank page first.
 */
async function dateKeys(ctx: BrowserContext, date: string): Promise<string> {
  const [y, m, d] = date.split('-') as [string, string, string];
  for (const keys of [y + m + d, m + d + y, d + m + y]) {
    const probe = await ctx.newPage();
    await probe.setContent('<input type="date">');
    await probe.focus('input');
    await probe.keyboard.type(keys);
    const typed = await probe.locator('input').inputValue();
    await probe.close();
    if (typed === date) return keys;
  }
  throw new Error('this browser has a date field of an order not known here');
}

/** Text in the calendar that does not fit its box (cut short by an ellipsis or clipped). */
const cutShort = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('.facility-calendar [role=columnheader], .cal-title, .ec-event-body')]
      .filter((e) => (e as HTMLElement).offsetParent !== null && e.textContent?.trim())
      .filter((e) => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1)
      .map((e) => e.textContent),
  );

describe.skipIf(!!unavailable)('facility calendars in Chromium', () => {
  const web = useWebApp();
  let lab = '';
  async function teacher(lang: 'zh' | 'en' = 'zh', size: keyof typeof viewports = 'laptop') {
    const page = await pageAs(web, 'li@jhxx.demo', size);
    await page.request.patch(`${web.url}/api/me`, { data: { locale: lang }, headers: { origin: web.url } });
    await page.context().addInitScript((l) => localStorage.setItem('tz.locale', l), lang);
    if (!lab) {
      const list: AnswerOf<'GET', '/api/facilities'> = await (
        await page.request.get(`${web.url}/api/facilities`)
      ).json();
      lab = list.items.find((f) => f.name === '化学实验室')!.id;
    }
    return page;
  }
  const title = (page: Page) => page.getByTestId('calendar-title').innerText();

  it('a teacher books the lab with the keyboard alone: Tab to the date, type it and the times, Enter', async () => {
    const page = await teacher();
    const day = weekdayAhead();
    const keys = await dateKeys(page.context(), day);
    await page.goto(`${web.url}/facilities/${lab}`);
    await page.locator('.ec-body').waitFor();
    // The skip link, then Tab through the page's controls to the date: no mouse anywhere.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('跳到主要内容');
    await page.keyboard.press('Enter');
    let tabs = 0;
    while ((await page.evaluate(() => document.activeElement?.id)) !== 'slot-date') {
      await page.keyboard.press('Tab');
      expect(++tabs, 'Tab presses from the main content to the date').toBeLessThanOrEqual(10);
    }
    expect(await page.getByLabel('日期').evaluate((e) => e === document.activeElement)).toBe(true);
    await page.keyboard.type(keys);
    // Chromium's Tab also walks a field's own parts (its picker, AM/PM in some languages): on to the next field.
    const tabTo = async (id: string) => {
      for (let i = 0; (await page.evaluate(() => document.activeElement?.id)) !== id; i++) {
        expect(i, `Tab presses to #${id}`).toBeLessThan(4);
        await page.keyboard.press('Tab');
      }
    };
    await tabTo('slot-start');
    await page.keyboard.type('1400');
    await tabTo('slot-end');
    await page.keyboard.type('1500');
    // The calendar moved to that day's week and shows the typed slot as picked; the form says it in words.
    const [, mm, dd] = day.split('-').map(Number);
    await expect
      .poll(() => page.locator('.ec-header [role=columnheader]').allInnerTexts(), POLL)
      .toContainEqual(expect.stringMatching(new RegExp(`^${mm}月${dd}日 周.$`)));
    await page.locator('.ec-picked').getByText('14:00–15:00').waitFor();
    await expect
      .poll(() => page.getByTestId('picked-slot').innerText(), POLL)
      .toMatch(new RegExp(`${mm}月${dd}日 周. 14:00–15:00`));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('booking-result').innerText(), POLL).toMatch(/^已预约：化学实验室/);
    await expect.poll(() => page.locator('.ec-busy-approved').getByText('14:00–15:00').count(), POLL).toBe(1);
    await page.context().close();
  });

  it('a slot dragged on the calendar shows in the date and time fields', async () => {
    const page = await teacher();
    const day = weekdayAhead();
    await page.goto(`${web.url}/facilities/${lab}?date=${day}&start=08:00&end=08:30`);
    await page.locator('.ec-picked').waitFor();
    // Drag in that day's column from 12:00 to 13:00, as a mouse user does (mid-screen: near an edge it scrolls).
    const weekday = toLocal(new Date(`${day}T12:00:00+08:00`)).weekday;
    const column = (await page
      .locator('.ec-body [role=cell]')
      .nth(weekday - 1)
      .boundingBox())!;
    const line = async (time: string) =>
      (await page.locator(`.ec-body time[datetime$="T${time}"]`).boundingBox())!.y + 12;
    await page.locator('.ec-body time[datetime$="T12:00:00"]').evaluate((e) => e.scrollIntoView({ block: 'center' }));
    const x = column.x + column.width / 2;
    await page.mouse.move(x, (await line('12:00:00')) + 4);
    await page.mouse.down();
    await page.mouse.move(x, (await line('13:00:00')) - 4, { steps: 8 });
    await page.mouse.up();
    await expect.poll(() => page.getByLabel('开始').inputValue(), POLL).toBe('12:00');
    expect(await page.getByLabel('结束').inputValue()).toBe('13:00');
    expect(await page.getByLabel('日期').inputValue()).toBe(day);
    await page.context().close();
  });

  it('titles, columns and times the Beijing way in Chinese, and in English the moment the language changes', async () => {
    const page = await teacher('zh');
    await page.goto(`${web.url}/facilities/${lab}?date=2026-12-02&start=14:00&end=15:00`);
    await page.locator('.ec-picked').waitFor();
    expect(await title(page)).toBe('2026年11月30日–12月6日');
    const headers = () => page.locator('.ec-header [role=columnheader]').allInnerTexts();
    expect(await headers()).toContain('12月2日 周三');
    expect(await page.locator('.ec-picked .ec-event-time').innerText()).toBe('14:00–15:00');
    expect(await page.locator('.ec-body time[datetime$="T14:00:00"]').innerText()).toBe('14:00');
    // No English on the Chinese page: the toolbar's words and its buttons' names.
    const toolbar = page.locator('.cal-toolbar');
    expect(await toolbar.innerText()).not.toMatch(/[A-Za-z]/);
    expect(await toolbar.getByRole('button', { name: '上一周' }).count()).toBe(1);
    expect(await toolbar.getByRole('button', { name: '下一周' }).count()).toBe(1);
    expect(await page.locator('.facility-calendar').innerText()).not.toMatch(/[A-Za-z]|上午|下午/);

    await page.getByTestId('lang-switch').click();
    await expect.poll(() => title(page), POLL).toBe('30 Nov – 6 Dec 2026');
    await expect.poll(headers, POLL).toContain('Wed 2 Dec');
    await expect.poll(() => page.locator('.ec-picked .ec-event-title').innerText(), POLL).toBe('Your pick');
    expect(await page.locator('.ec-picked .ec-event-time').innerText()).toBe('14:00–15:00');
    expect(await toolbar.getByRole('button', { name: 'Previous week' }).count()).toBe(1);
    expect(await toolbar.innerText()).not.toMatch(/[\u4e00-\u9fff]/);
    expect(await page.locator('.facility-calendar').innerText()).not.toMatch(/[\u4e00-\u9fff]|AM|PM/);

    // The group calendar: a day, and the same switch back.
    await page.goto(`${web.url}/facilities/calendar`);
    await page.locator('.ec-body').waitFor();
    expect(await title(page)).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2,3} \d{4}$/);
    expect(await page.getByRole('button', { name: 'Next day' }).count()).toBe(1);
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => title(page), POLL).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 周[一二三四五六日]$/);
    await page.getByRole('button', { name: '后一天' }).waitFor();
    expect(await page.locator('.cal-toolbar').innerText()).not.toMatch(/[A-Za-z]/);
    await page.context().close();
  });

  it('on a phone the calendar opens on a day, moves a day at a time, and cuts nothing short', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const page = await teacher(lang, 'phone');
      const day = weekdayAhead();
      await page.goto(`${web.url}/facilities/${lab}?date=${day}&start=14:00&end=15:00`);
      await page.locator('.ec-picked').waitFor();
      expect(await page.locator('.ec-header [role=columnheader]').count()).toBe(1);
      const dayButton = page.getByRole('button', { name: lang === 'zh' ? '日' : 'Day', exact: true });
      expect(await dayButton.getAttribute('aria-pressed')).toBe('true');
      const first = await title(page);
      await page.getByRole('button', { name: lang === 'zh' ? '后一天' : 'Next day' }).click();
      await expect.poll(() => title(page), POLL).not.toBe(first);
      await page.getByRole('button', { name: lang === 'zh' ? '前一天' : 'Previous day' }).click();
      await expect.poll(() => title(page), POLL).toBe(first);
      expect(await cutShort(page)).toEqual([]);
      // A week fits as two short lines a column ("周三" over "2日"), never "1…".
      await page.getByRole('button', { name: lang === 'zh' ? '周' : 'Week', exact: true }).click();
      await expect.poll(() => page.locator('.ec-header [role=columnheader]').count(), POLL).toBe(7);
      expect(await cutShort(page)).toEqual([]);
      expect(await page.locator('.ec-header [role=columnheader]').first().innerText()).toMatch(
        lang === 'zh' ? /^周一\s+\d{1,2}日$/ : /^Mon\s+\d{1,2}$/,
      );
      // The group calendar: every facility's name whole, the grid scrolling sideways.
      await page.goto(`${web.url}/facilities/calendar`);
      await expect.poll(() => page.locator('.ec-header [role=columnheader]').count(), POLL).toBeGreaterThan(2);
      expect(await cutShort(page)).toEqual([]);
      await page.context().close();
    }
  });

  it('on a classroom projector the week is large enough to read from the back and nothing is cut short', async () => {
    const page = await teacher('zh', 'projector');
    await page.goto(`${web.url}/facilities/${lab}?date=2026-12-02&start=14:00&end=15:00`);
    await page.locator('.ec-picked').waitFor();
    expect(await page.locator('.ec-header [role=columnheader]').count()).toBe(7);
    const px = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((e) => Number.parseFloat(getComputedStyle(e).fontSize));
    expect(await px('.ec-header [role=columnheader]')).toBeGreaterThanOrEqual(18);
    expect(await px('.ec-body time')).toBeGreaterThanOrEqual(18);
    expect(await cutShort(page)).toEqual([]);
    await page.context().close();
  });
});
