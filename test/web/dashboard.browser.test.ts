// The group leader's dashboard in a real browser (issue 13, journey 6): the leader signs in and sees on one school PC
// screen (1366×768), without scrolling, each school's figures against the same point of last term — in Chinese, then
// in English; a figure opens its row on the term report; a table downloads as a CSV file Excel reads; the report
// prints on A4; the pages fit a projector and a phone.
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { memberships, orgs, users } from '../../server/db/schema';
import { byCodePoint } from '../../shared/order';
import { browserUnavailable, POLL, useWebApp } from '../support/browser';
import { pageIn } from '../support/demo-pages';
import { misfits } from '../support/fit';
import { listenForData, pageWords, report, wrongWords } from '../support/words';

const unavailable = browserUnavailable();
const SHOTS = '/tmp';

/** How far the page reaches below the window: 0 when it fits without scrolling. */
const overflowBelow = (page: Page) => page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);

/** The dashboard, once its figures and its chart are drawn. */
async function dashboardOf(page: Page) {
  const card = page.getByTestId('dashboard');
  await card.getByRole('table').waitFor();
  await expect.poll(() => card.locator('canvas').evaluate((c: HTMLCanvasElement) => c.width > 0), POLL).toBe(true);
  return card;
}

describe.skipIf(!!unavailable)('the leader’s dashboard in Chromium', () => {
  const web = useWebApp();

  it('shows every school’s figures against last term on one 1366×768 screen, in Chinese and in English', async () => {
    const page = await pageIn(web, 'leader@jinghua.demo', 'zh', 'laptop');
    const data = listenForData(page);
    await page.goto(`${web.url}/`);
    const card = await dashboardOf(page);
    await expect.poll(() => card.getByRole('heading', { level: 2 }).innerText(), POLL).toMatch(/共享情况一览/);
    // Schools by name (never a league table), each with its own change: arrows for the eye, words for a reader.
    const names = await card
      .locator('tbody th[scope="row"]')
      .evaluateAll((ths) => ths.map((th) => (th.firstChild?.textContent ?? '').trim()));
    expect(names).toEqual(['京华实验中学', '京华实验小学', '北山乡中心小学', '南湖村小学']);
    expect(names).toEqual([...names].sort(byCodePoint));
    expect(await card.locator('.sr-only').first().innerText()).toMatch(/上学期同期/);
    expect(await card.getByText(/惠及乡村和帮扶学校/).count()).toBeGreaterThan(0);
    expect(await overflowBelow(page)).toBeLessThanOrEqual(0);
    const chinese = wrongWords(await pageWords(page), 'zh', data);
    expect(chinese, report('/ (zh)', chinese)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/dashboard-zh-laptop.png` });

    const saved = page.waitForResponse((r) => r.url().endsWith('/api/me') && r.request().method() === 'PATCH');
    await page.getByTestId('lang-switch').click();
    expect((await saved).status()).toBe(200);
    await expect.poll(() => card.getByRole('heading', { level: 2 }).innerText(), POLL).toMatch(/Sharing at a glance/);
    await expect.poll(() => overflowBelow(page), POLL).toBeLessThanOrEqual(0);
    const english = wrongWords(await pageWords(page), 'en', data);
    expect(english, report('/ (en)', english)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/dashboard-en-laptop.png` });
    await page.context().close();
  });

  it('a figure opens its school’s months on the term report, where the same figure stands', async () => {
    const page = await pageIn(web, 'leader@jinghua.demo', 'zh', 'laptop');
    await page.goto(`${web.url}/`);
    const card = await dashboardOf(page);
    // 北山乡中心小学's hours borrowed (the second figure of its row).
    const figure = card
      .getByRole('row', { name: /北山乡中心小学/ })
      .getByRole('link')
      .nth(1);
    const shown = await figure.locator('.fig').innerText();
    await figure.click();
    await page.waitForURL(/\/reports\/term\?orgId=.*#s-.*-facilityHoursBorrowed$/);
    const row = page.locator('tr.target');
    await row.waitFor();
    expect(await row.locator('th').innerText()).toBe('场地借入（小时）');
    expect(await row.locator('strong').innerText()).toBe(shown);
    expect(await row.evaluate((r) => r.closest('.school-months')?.querySelector('h2')?.textContent)).toBe(
      '北山乡中心小学 逐月',
    );
    await page.screenshot({ path: `${SHOTS}/term-report-zh-laptop.png` });
    await page.context().close();
  });

  it('downloads a table as a CSV file for Excel: UTF-8 with a byte-order mark, named for the group and term', async () => {
    const page = await pageIn(web, 'leader@jinghua.demo', 'zh', 'laptop');
    await page.goto(`${web.url}/reports/term`);
    const link = page.locator('#summary').getByRole('link', { name: /下载「各校汇总」的 CSV 文件/ });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^京华教育集团 \d{4} 年(秋季|春季)学期 各校汇总\.csv$/);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = Papa.parse<string[]>(bytes.subarray(3).toString('utf8'), { skipEmptyLines: true }).data;
    expect(rows[0]!.slice(0, 5)).toEqual(['学校', '学校代码', '乡村学校', '帮扶对象', '场地借出（小时） 本学期']);
    expect(rows.slice(1).map((r) => r[0])).toEqual([
      '京华实验中学',
      '京华实验小学',
      '北山乡中心小学',
      '南湖村小学',
      '京华教育集团（合计）',
      '其中：乡村和帮扶学校',
    ]);
    // The file says what the page says: 北山's hours borrowed this term.
    const onPage = await page
      .locator('#summary')
      .getByRole('row', { name: /北山乡中心小学/ })
      .locator('td')
      .nth(1)
      .locator('.fig')
      .innerText();
    expect(rows.find((r) => r[0] === '北山乡中心小学')![7]).toBe(onPage);
    await page.context().close();
  });

  it('prints on A4: no header, menus or buttons; every table across the page', async () => {
    const page = await pageIn(web, 'leader@jinghua.demo', 'zh', 'laptop');
    await page.goto(`${web.url}/reports/term`);
    await page.locator('#summary table').waitFor();
    // A4 across, less the 12 mm margins: 297 − 24 mm at 96 px to the inch.
    await page.setViewportSize({ width: Math.floor(((297 - 24) / 25.4) * 96), height: 700 });
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.top').isHidden()).toBe(true);
    expect(await page.getByRole('button', { name: '打印' }).isHidden()).toBe(true);
    expect(await page.locator('#report-term').isHidden()).toBe(true);
    expect(await page.getByRole('link', { name: /CSV/ }).first().isHidden()).toBe(true);
    expect(await page.locator('#summary table').isVisible()).toBe(true);
    expect(await page.getByRole('heading', { name: '统计方法' }).isVisible()).toBe(true);
    expect(await misfits(page, null)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/term-report-print.png`, fullPage: true });
    await page.pdf({ path: `${SHOTS}/term-report.pdf`, format: 'A4', landscape: true });
    await page.context().close();
  });

  it('one who leads a district and a group chooses whose dashboard; the address keeps it; it still fits', async () => {
    // 城关学区's office also leads 京华教育集团 (a role only the platform's operators give: set in the database).
    const db = web.database.db;
    const [office] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'office@chengguan.demo'));
    const [group] = await db.select({ id: orgs.id }).from(orgs).where(eq(orgs.name, '京华教育集团'));
    await db.insert(memberships).values({ userId: office!.id, orgId: group!.id, role: 'group_admin' });
    const page = await pageIn(web, 'office@chengguan.demo', 'zh', 'laptop');
    await page.goto(`${web.url}/`);
    let card = await dashboardOf(page);
    const choice = card.getByRole('combobox', { name: '查看哪个集团或学区' });
    const first = await card.getByRole('heading', { level: 2 }).innerText();
    const other = first.includes('城关学区') ? '京华教育集团' : '城关学区';
    await choice.selectOption({ label: other });
    await expect.poll(() => card.getByRole('heading', { level: 2 }).innerText(), POLL).toBe(`共享情况一览 · ${other}`);
    expect(new URL(page.url()).searchParams.get('dashboard')).toBeTruthy();
    await page.reload();
    card = await dashboardOf(page);
    await expect.poll(() => card.getByRole('heading', { level: 2 }).innerText(), POLL).toBe(`共享情况一览 · ${other}`);
    expect(await card.getByRole('combobox').locator('option:checked').innerText()).toBe(other);
    expect(await overflowBelow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SHOTS}/dashboard-two-led-zh.png` });
    await page.context().close();
  });

  it('fits a projector and a phone: the dashboard and the term report', async () => {
    for (const size of ['projector', 'phone'] as const) {
      const page = await pageIn(web, 'leader@jinghua.demo', 'zh', size);
      for (const path of ['/', '/reports/term']) {
        await page.goto(`${web.url}${path}`);
        if (path === '/') await dashboardOf(page);
        else await page.locator('#summary table').waitFor();
        expect(await misfits(page, null), `${path} on a ${size}`).toEqual([]);
        if (size === 'projector' && path === '/') expect(await overflowBelow(page)).toBeLessThanOrEqual(0);
        await page.screenshot({ path: `${SHOTS}/dashboard-${size}${path.replace(/\//g, '-')}.png`, fullPage: true });
      }
      await page.context().close();
    }
  });
});
