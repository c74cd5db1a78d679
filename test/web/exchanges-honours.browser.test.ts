// The group's view and the rural-service honours in a real browser (issue 12, points 6, 7 and 8): the group leader
// opens the exchanges overview from his home page and finds every school by name with the demo's figures against
// last year; a figure opens the placements it counts, a programme's rotated figure the teachers it placed. On the
// honours list 赵春生 stands at 20 years; his certificate reads in Chinese, and printed (print media, and a PDF made
// by Chromium itself) it is one A4 landscape sheet with nothing of the app around it. A school admin records 陈小燕's
// years at 南湖 with evidence, the leader approves, and she joins the list at 10 years. The overview reads in English;
// phone and projector fit.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { toLocal } from '../../shared/time';
import { chineseDate } from '../../web/src/i18n/zh/certificate';
import { browserUnavailable, POLL, useWebApp } from '../support/browser';
import { pageIn } from '../support/demo-pages';
import { misfits } from '../support/fit';
import { listenForData, pageWords, report, wrongWords } from '../support/words';

const unavailable = browserUnavailable();
const SHOTS = '/tmp';

type Overview = {
  orgId: string;
  schools: {
    school: { id: string; name: string };
    thisYear: Record<'sent' | 'received' | 'inPost' | 'hours', number>;
    lastYear: Record<'sent' | 'received' | 'inPost' | 'hours', number>;
  }[];
  programmes: { programme: { name: string }; rotated: number; eligible: number; rotationSharePct: number }[];
};
type Honours = { items: { user: { id: string; name: string }; honour: { years: number }; reachesOn: string }[] };

/** What the API answers the signed-in page, to compare the page with. */
async function api<T>(page: Page, url: string, path: string): Promise<T> {
  const res = await page.request.get(`${url}/api/${path}`);
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as T;
}

describe.skipIf(!!unavailable)('the group’s view of exchanges and the rural honours in Chromium', () => {
  const web = useWebApp();

  async function homeOf(email: string, lang: 'zh' | 'en' = 'zh') {
    const page = await pageIn(web, email, lang, 'laptop');
    await page.goto(`${web.url}/`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    return page;
  }

  /** The group's id, as the leader's session knows it. */
  async function groupOf(page: Page) {
    const me = await api<{ memberships: { orgId: string; role: string }[] }>(page, web.url, 'me');
    return me.memberships.find((m) => m.role === 'group_admin')?.orgId ?? '';
  }

  it('the leader opens the overview from home: schools by name with the demo’s figures; a figure opens its list', async () => {
    const leader = await homeOf('leader@jinghua.demo');
    await leader.getByRole('main').getByRole('link', { name: '交流概览' }).click();
    await leader.getByRole('heading', { level: 1, name: '交流概览' }).waitFor();
    const overview = await api<Overview>(leader, web.url, `exchanges/overview?orgId=${await groupOf(leader)}`);
    const rows = leader.getByTestId('school-row');
    await expect.poll(() => rows.count(), POLL).toBe(4);
    // In the order of their names, never of a figure: 京华实验中学, 京华实验小学, 北山乡中心小学, 南湖村小学.
    const names = overview.schools.map((s) => s.school.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const shown = await rows.locator('th').allInnerTexts();
    expect(shown.map((text, i) => text.startsWith(names[i] ?? '-'))).toEqual([true, true, true, true]);
    // 北山 received 高志远 this school year, none the last; its hours are those he logged.
    const beishan = rows.filter({ hasText: '北山乡中心小学' });
    const bs = overview.schools.find((s) => s.school.name === '北山乡中心小学');
    expect(bs?.thisYear.received).toBe(1);
    expect(await beishan.getByTestId('figure-received').innerText()).toBe('1');
    expect(await beishan.locator('td').nth(1).innerText()).toContain('比上学年多 1');
    expect(await beishan.getByTestId('figure-hours').innerText()).toBe(String(bs?.thisYear.hours));
    expect(await rows.filter({ hasText: '京华实验小学' }).getByTestId('figure-sent').innerText()).toBe('1');
    expect(await rows.filter({ hasText: '南湖村小学' }).locator('td').first().innerText()).toContain('与上学年持平');
    // Clicking 北山's "received" opens the placements it hosts this school year, the list's heading focused.
    await leader.getByRole('link', { name: '北山乡中心小学 接收 1，查看名单' }).click();
    const list = leader.getByTestId('figure-list');
    await expect.poll(() => list.getByRole('heading').innerText(), POLL).toBe('北山乡中心小学 本学年接收的交流教师');
    await expect.poll(() => leader.evaluate(() => document.activeElement?.id), POLL).toBe('figure-list-title');
    expect(await list.getByTestId('figure-item').allInnerTexts()).toEqual([
      expect.stringMatching(
        /^高志远：京华实验小学 → 北山乡中心小学\s+\d{4}年9月1日–\d{4}年8月31日 · 在岗 · 已记录 \d+(\.5)? 小时$/,
      ),
    ]);
    // Each programme against its own settings, as bars with their targets, in words too.
    const q = overview.programmes[0];
    const quota = leader.getByTestId('quota').first();
    const pct = Math.round(((q?.rotated ?? 0) * 1000) / (q?.eligible ?? 1)) / 10;
    expect(await quota.getByTestId('quota-bar').first().innerText()).toContain(
      `交流比例：${q?.rotated} / ${q?.eligible} 人（${pct}%），目标 ${q?.rotationSharePct}%`,
    );
    expect(await quota.getByTestId('quota-status').first().innerText()).toBe('已达到');
    expect(await quota.getByRole('progressbar').count()).toBe(2);
    // The programme's rotated figure opens the teachers it placed.
    await quota.getByTestId('rotated-link').click();
    await expect.poll(() => list.getByRole('heading').innerText(), POLL).toBe(`${q?.programme.name} 已交流的教师`);
    await expect.poll(() => list.getByTestId('figure-item').first().innerText(), POLL).toMatch(/^高志远：/);
    await leader.getByRole('heading', { name: '下学年起符合交流条件的教师' }).waitFor();
    await leader.waitForLoadState('networkidle');
    await leader.screenshot({ path: `${SHOTS}/exchanges-overview-zh.png`, fullPage: true });
    await leader.context().close();
  });

  it('honours: 赵春生 at 20 years; his certificate reads in Chinese and prints alone on one A4 landscape sheet', async () => {
    const leader = await homeOf('leader@jinghua.demo');
    const group = await groupOf(leader);
    await leader.getByRole('main').getByRole('link', { name: '乡村从教荣誉' }).click();
    await leader.getByRole('heading', { level: 1, name: '乡村从教荣誉' }).waitFor();
    const honours = await api<Honours>(leader, web.url, `exchanges/honours?orgId=${group}`);
    const zhao = honours.items.find((i) => i.user.name === '赵春生' && i.honour.years === 20);
    expect(zhao?.reachesOn).toBeTruthy();
    const twenty = leader.getByTestId('honours-provincial');
    await expect.poll(() => twenty.getByRole('heading').innerText(), POLL).toMatch(/^从教满 20 年 · 省级荣誉证书/);
    const row = twenty.getByTestId('honour').filter({ hasText: '赵春生' });
    const [y, m, d] = (zhao?.reachesOn ?? '').split('-');
    expect(await row.innerText()).toMatch(
      new RegExp(`^赵春生 · 北山乡中心小学\\s+乡村从教 20 年 · ${y}年${Number(m)}月${Number(d)}日（已达到） 今年`),
    );
    await leader.screenshot({ path: `${SHOTS}/exchanges-honours-zh.png`, fullPage: true });

    await row.getByRole('link', { name: '打印证书：赵春生' }).click();
    const sheet = leader.getByTestId('certificate');
    await expect.poll(() => sheet.locator('h2').innerText(), POLL).toBe('省级荣誉证书');
    const today = toLocal(new Date()).date;
    const text = await sheet.innerText();
    expect(text).toContain('乡村学校从教二十年');
    expect(text).toContain('赵春生 同志：');
    expect(text).toContain(`截至${chineseDate(`${y}-${m}-${d}`)}，您在乡村学校从教已满二十年`);
    expect(text).toContain('任教学校：北山乡中心小学');
    expect(text).toMatch(new RegExp(`京华教育集团\\s+${chineseDate(today)}`));
    expect(text).toContain('省（区、市）对在乡村学校从教20年以上的教师给予鼓励');
    expect(await sheet.getAttribute('lang')).toBe('zh-CN');
    await leader.screenshot({ path: `${SHOTS}/exchanges-certificate-screen.png`, fullPage: true });

    // The print button opens the browser's print dialogue (counted here instead of shown).
    await leader.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void (window as unknown as { printed: number }).printed++;
    });
    await leader.getByRole('button', { name: '打印' }).click();
    expect(await leader.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

    // On paper: the certificate alone, no header, no buttons.
    await leader.emulateMedia({ media: 'print' });
    expect(await leader.locator('header.top').isVisible()).toBe(false);
    expect(await leader.getByRole('button', { name: '打印' }).isVisible()).toBe(false);
    expect(await leader.getByRole('heading', { level: 1 }).isVisible()).toBe(false);
    expect(await sheet.isVisible()).toBe(true);
    await leader.screenshot({ path: `${SHOTS}/exchanges-certificate-print.png`, fullPage: true });
    // Chromium's own "Save as PDF": one A4 landscape page (842 × 595 pt), its Chinese set in the system's Noto CJK.
    const pdfPath = `${SHOTS}/exchanges-certificate.pdf`;
    await leader.pdf({ path: pdfPath, preferCSSPageSize: true, printBackground: true });
    const pdf = readFileSync(pdfPath).toString('latin1');
    expect(pdf.match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
    expect(pdf).toMatch(/\/MediaBox\s*\[\s*0 0 841\.9\d* 59[45]\.\d+\s*\]/);
    // The fonts embedded are subsets (AAAAAA+) of a CJK face: the system's, nothing shipped by the app.
    expect(pdf).toMatch(/\/FontName\s*\/[A-Z]{6}\+\S*(CJK|SC|Song|Hei|Ming|Kai)/);
    await leader.emulateMedia({ media: 'screen' });
    // Leaving the certificate, printing is the app's own again.
    await leader.getByRole('link', { name: '返回荣誉名单' }).click();
    await leader.getByRole('heading', { level: 1, name: '乡村从教荣誉' }).waitFor();
    expect(await leader.evaluate(() => document.documentElement.classList.contains('certificate-print'))).toBe(false);
    await leader.context().close();
  });

  it('南湖’s admin records 陈小燕’s years with evidence; the leader approves; she joins the honours at 10 years', async () => {
    const admin = await homeOf('admin@nanhu.demo');
    await admin.getByRole('main').getByRole('link', { name: '乡村从教荣誉' }).click();
    await admin.getByRole('link', { name: '乡村从教年限记录' }).click();
    await admin.getByRole('heading', { level: 1, name: '乡村从教年限记录' }).waitFor();
    const form = admin.getByTestId('service-form');
    await form.getByLabel('教师').selectOption({ label: '陈小燕' });
    await form.getByLabel('任教的乡村学校').selectOption({ label: '南湖村小学' });
    await form.getByLabel('开始日期').fill('2016-09-01');
    // The evidence: a document of the library, found by a word of its title.
    const evidence = form.locator('select[name="evidenceResourceId"]');
    await expect.poll(() => evidence.locator('option').count(), POLL).toBeGreaterThan(0);
    const title = await evidence.locator('option').first().innerText();
    await form.getByLabel('查找证明材料').fill(title.slice(0, 2));
    await expect.poll(() => evidence.locator('option').first().innerText(), POLL).toContain(title.slice(0, 2));
    await form.getByLabel('说明').fill('南湖村小学聘任合同（2016 年起）');
    await admin.screenshot({ path: `${SHOTS}/exchanges-rural-service-form-zh.png`, fullPage: true });
    await form.getByRole('button', { name: '提交审核' }).click();
    await expect
      .poll(() => admin.getByRole('status').first().innerText(), POLL)
      .toBe('已记录 陈小燕 的乡村从教年限，等待另一位管理员审核。');
    // Her own record: she may not approve it.
    const mine = admin.getByTestId('service-record').filter({ hasText: '陈小燕' });
    await expect.poll(() => mine.innerText(), POLL).toMatch(/待审核[\s\S]*南湖村小学 · 2016年9月1日 至 今/);
    expect(await mine.getByRole('button', { name: '同意', exact: true }).count()).toBe(0);
    await admin.context().close();

    const leader = await homeOf('leader@jinghua.demo');
    await leader.goto(`${web.url}/exchanges/rural-service`);
    const record = leader.getByTestId('service-record').filter({ hasText: '陈小燕' });
    await expect.poll(() => record.innerText(), POLL).toMatch(/由 郑国强 记录/);
    expect(await record.getByRole('link').innerText()).toMatch(/^证明材料：/);
    await leader.screenshot({ path: `${SHOTS}/exchanges-rural-service-zh.png`, fullPage: true });
    await record.getByRole('button', { name: '同意', exact: true }).click();
    await expect
      .poll(() => leader.getByRole('status').first().innerText(), POLL)
      .toBe('已同意 陈小燕 的记录，年限已计入。');
    await leader.goto(`${web.url}/exchanges/honours`);
    const ten = leader.getByTestId('honours-county');
    await expect.poll(() => ten.getByRole('heading').innerText(), POLL).toMatch(/^从教满 10 年 · 县级荣誉证书/);
    expect(await ten.getByTestId('honour').filter({ hasText: '陈小燕' }).innerText()).toMatch(
      /^陈小燕 · 南湖村小学\s+乡村从教 10 年/,
    );
    await leader.context().close();
  });

  it('the leader sets the group’s years: a wrong order is named at its field; 20 years made national moves 赵春生', async () => {
    const leader = await homeOf('leader@jinghua.demo');
    await leader.goto(`${web.url}/exchanges/honours`);
    const card = leader.getByTestId('honour-settings');
    await expect.poll(() => card.getByTestId('honour-source').innerText(), POLL).toBe('按国家公布的年限');
    expect(await card.getByTestId('honour-years-national').innerText()).toBe('国家荣誉：满 30 年');
    await card.getByRole('button', { name: '修改年限' }).click();
    const national = card.getByLabel('国家荣誉（年）');
    const provincial = card.getByLabel('省级荣誉（年）');
    expect(await national.inputValue()).toBe('30');
    // Provincial above national: refused, said at the national field, nothing saved.
    await provincial.fill('35');
    await card.getByRole('button', { name: '保存年限' }).click();
    await expect
      .poll(() => card.locator('.field').filter({ hasText: '国家荣誉（年）' }).innerText(), POLL)
      .toContain('「国家荣誉（年）」的年限要多于低一级荣誉');
    expect(await national.getAttribute('aria-invalid')).toBe('true');
    await leader.screenshot({ path: `${SHOTS}/exchanges-honour-settings-error-zh.png`, fullPage: true });
    // 10 / 15 / 20: 赵春生's 20 years now earn the national certificate.
    await provincial.fill('15');
    await national.fill('20');
    await card.getByRole('button', { name: '保存年限' }).click();
    await expect.poll(() => card.getByRole('status').innerText(), POLL).toBe('已保存，名单已按新的年限计算。');
    expect(await card.getByTestId('honour-source').innerText()).toMatch(
      /^京华教育集团自定，刘建国于 \d{4}年\d+月\d+日 修改$/,
    );
    const national20 = leader.getByTestId('honours-national');
    await expect.poll(() => national20.getByRole('heading').innerText(), POLL).toMatch(/^从教满 20 年 · 国家荣誉证书/);
    expect(await national20.getByTestId('honour').filter({ hasText: '赵春生' }).count()).toBe(1);
    await leader.screenshot({ path: `${SHOTS}/exchanges-honour-settings-zh.png`, fullPage: true });
    // Back to the published years.
    await card.getByRole('button', { name: '修改年限' }).click();
    await card.getByRole('button', { name: '恢复国家公布的年限' }).click();
    await expect.poll(() => card.getByTestId('honour-source').innerText(), POLL).toBe('按国家公布的年限');
    await expect
      .poll(
        () => leader.getByTestId('honours-provincial').getByTestId('honour').filter({ hasText: '赵春生' }).count(),
        POLL,
      )
      .toBe(1);
    await leader.context().close();
  });

  it('the overview and the honours read in English, with no Chinese but the data', async () => {
    const leader = await homeOf('leader@jinghua.demo', 'en');
    const data = listenForData(leader);
    await leader.getByRole('main').getByRole('link', { name: 'Exchanges overview' }).click();
    await leader.getByRole('heading', { level: 1, name: 'Exchanges overview' }).waitFor();
    await leader.getByTestId('quota').first().waitFor();
    await leader.getByRole('link', { name: '北山乡中心小学: Received 1, show the list' }).click();
    await expect
      .poll(() => leader.getByTestId('figure-list').getByRole('heading').innerText(), POLL)
      .toBe('Exchange teachers 北山乡中心小学 received this school year');
    await leader.waitForLoadState('networkidle');
    const found = wrongWords(await pageWords(leader), 'en', data);
    expect(found, report('/exchanges/overview', found)).toEqual([]);
    await leader.screenshot({ path: `${SHOTS}/exchanges-overview-en.png`, fullPage: true });
    for (const path of ['/exchanges/honours', '/exchanges/rural-service']) {
      await leader.goto(`${web.url}${path}`);
      await leader.getByRole('heading', { level: 1 }).waitFor();
      await leader.waitForLoadState('networkidle');
      const wrong = wrongWords(await pageWords(leader), 'en', data);
      expect(wrong, report(path, wrong)).toEqual([]);
    }
    await leader.screenshot({ path: `${SHOTS}/exchanges-rural-service-en.png`, fullPage: true });
    await leader.context().close();
  });

  it('on a 390-px phone and a 1920×1080 projector nothing reaches past the edge', async () => {
    const problems: string[] = [];
    for (const size of ['phone', 'projector'] as const) {
      const page = await pageIn(web, 'leader@jinghua.demo', 'zh', size);
      const group = await groupOf(page);
      const zhao = (await api<Honours>(page, web.url, `exchanges/honours?orgId=${group}`)).items.find(
        (i) => i.user.name === '赵春生',
      );
      for (const path of [
        '/exchanges/overview',
        '/exchanges/honours',
        `/exchanges/honours/certificate?orgId=${group}&user=${zhao?.user.id}&years=20`,
        '/exchanges/rural-service',
      ]) {
        await page.goto(`${web.url}${path}`);
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        await page.waitForLoadState('networkidle');
        const found = await misfits(page, null);
        if (found.length) problems.push(`${size} ${path}\n  ${found.join('\n  ')}`);
        const name = `${size}${path.split('?')[0]?.replaceAll('/', '-')}`;
        await page.screenshot({ path: `${SHOTS}/exchanges-views-${name}.png`, fullPage: true });
      }
      await page.context().close();
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
