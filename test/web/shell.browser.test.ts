// The spine in a real browser: sign in, see the home page for one's role, switch language (remembered),
// and an admin invites a teacher who sets a password through the link.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserUnavailable, newContext, POLL, useWebApp } from '../support/browser';

const unavailable = browserUnavailable();

describe.skipIf(!!unavailable)('web shell in Chromium', () => {
  const web = useWebApp();

  async function signIn(page: Page, email: string, password = 'tongzhou-demo') {
    await page.goto(`${web.url}/`);
    await page.waitForURL(/\/login/);
    await page.getByLabel('邮箱').fill(email);
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: '登录' }).click();
  }

  it('a wrong password says so in Chinese and keeps the email typed', async () => {
    const ctx = await newContext(web.browser);
    const page = await ctx.newPage();
    await signIn(page, 'zhao@beishan.demo', 'wrong-password');
    await expect.poll(() => page.getByRole('alert').innerText(), POLL).toMatch(/邮箱或密码不正确/);
    expect(await page.getByLabel('邮箱').inputValue()).toBe('zhao@beishan.demo');
    await ctx.close();
  });

  it('an assistant teacher signs in, sees their classroom on the home page, and switches to English for good', async () => {
    const ctx = await newContext(web.browser);
    const page = await ctx.newPage();
    await signIn(page, 'zhao@beishan.demo');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText(), POLL).toBe('赵春生，您好');
    await page.getByRole('heading', { name: '四年级一班 · 北山乡中心小学' }).waitFor({ state: 'visible' });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    // Dates as people in Beijing write them: 2026年11月29日 周日
    await page.getByText(/今天是 \d{4}年\d{1,2}月\d{1,2}日 周[一二三四五六日]/).waitFor({ state: 'visible' });

    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText(), POLL).toBe('Hello, 赵春生');
    await page.getByRole('link', { name: 'Organisations' }).waitFor({ state: 'visible' });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await ctx.close();

    // Remembered per person: a fresh browser (no local storage) turns English after sign-in.
    const other = await newContext(web.browser);
    const page2 = await other.newPage();
    await signIn(page2, 'zhao@beishan.demo');
    await expect.poll(() => page2.getByRole('heading', { level: 1 }).innerText(), POLL).toBe('Hello, 赵春生');
    await page2.getByTestId('lang-switch').click();
    await expect.poll(() => page2.getByRole('heading', { level: 1 }).innerText(), POLL).toBe('赵春生，您好');
    await other.close();
  });

  it('a school admin invites a teacher, who opens the link, sets a password and lands signed in', async () => {
    const ctx = await newContext(web.browser);
    const page = await ctx.newPage();
    await signIn(page, 'admin@jhzx.demo');
    await page.getByRole('link', { name: '管理 京华实验中学' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText(), POLL).toContain('京华实验中学');
    await page.getByRole('button', { name: '邀请成员' }).click();
    const form = page.getByRole('region', { name: '邀请成员加入 京华实验中学' });
    await form.getByLabel('名称').fill('吴晓东');
    await form.getByLabel('邮箱').fill('wu.xiaodong@jhzx.demo');
    await form.getByLabel('名师（可开设直播课）').check();
    await form.getByRole('button', { name: '邀请成员' }).click();
    const link = await form.getByTestId('invite-link').textContent();
    expect(link).toMatch(/\/invite\//);
    await expect.poll(() => page.getByRole('cell', { name: /吴晓东/ }).innerText(), POLL).toContain('待接受邀请');
    await ctx.close();

    const invitee = await newContext(web.browser);
    const p2 = await invitee.newPage();
    await p2.goto(link!);
    await p2.getByText(/吴晓东，您被邀请以「教师」身份加入 京华实验中学/).waitFor({ state: 'visible' });
    await p2.getByLabel('密码（至少 10 位）').fill('wu-xiaodong-2026');
    await p2.getByRole('button', { name: '接受邀请并进入' }).click();
    await expect.poll(() => p2.getByRole('heading', { level: 1 }).innerText(), POLL).toBe('吴晓东，您好');
    await p2.getByText('名师', { exact: true }).waitFor({ state: 'visible' });
    await invitee.close();
  });

  it("a teacher invited by another group's school sees the offer on her home page and accepts it in one click", async () => {
    const ctx = await newContext(web.browser);
    const admin = await ctx.newPage();
    await signIn(admin, 'admin@xiling.demo');
    await admin.getByRole('link', { name: '管理 西岭中学' }).click();
    await admin.getByRole('button', { name: '邀请成员' }).click();
    const form = admin.getByRole('region', { name: '邀请成员加入 西岭中学' });
    await form.getByLabel('名称').fill('李老师');
    await form.getByLabel('邮箱').fill('li@jhxx.demo');
    await form.getByRole('button', { name: '邀请成员' }).click();
    // The answer is the one any address gets: a link, and the person joins once they accept.
    await form.getByText(/已创建邀请，李老师 接受后才会加入/).waitFor({ state: 'visible' });
    const waiting = admin.getByRole('region', { name: /待接受的邀请/ });
    await expect.poll(() => waiting.getByRole('cell', { name: /李老师/ }).innerText(), POLL).toContain('待接受邀请');
    await ctx.close();

    const liCtx = await newContext(web.browser);
    const li = await liCtx.newPage();
    await signIn(li, 'li@jhxx.demo');
    const offers = li.getByRole('region', { name: '邀请' });
    await offers.getByText('周志强 邀请您以「教师」身份加入 西岭中学').waitFor({ state: 'visible' });
    const mine = li.getByRole('region', { name: '我的单位' });
    expect(await mine.innerText()).not.toContain('西岭中学');
    await offers.getByRole('button', { name: '接受' }).click();
    await expect.poll(() => mine.innerText(), POLL).toContain('西岭中学');
    await offers.waitFor({ state: 'detached' });
    await liCtx.close();
  });

  it('role-dependent actions stay after in-app navigation (no reload), as they are after a load', async () => {
    for (const [who, nav, action, back, again] of [
      ['wang@jhzx.demo', '直播课', '安排直播课', '教学资源', '直播课'],
      ['admin@jhzx.demo', '借用场地', '添加场地', '教学资源', '借用场地'],
    ] as const) {
      const ctx = await newContext(web.browser);
      const page = await ctx.newPage();
      await signIn(page, who);
      await page.getByRole('heading', { level: 1 }).waitFor({ state: 'visible' });
      const menu = page.getByRole('navigation');
      for (const link of [nav, back, again]) {
        await menu.getByRole('link', { name: link, exact: true }).click();
        await expect.poll(() => page.getByRole('heading', { level: 1 }).count(), POLL).toBe(1);
      }
      await page.getByRole('heading', { level: 1 }).waitFor({ state: 'visible' });
      const button = page.getByRole('button', { name: action }).or(page.getByRole('link', { name: action }));
      await button.waitFor({ state: 'visible', timeout: POLL.timeout });
      // …and it is still there a moment later, once every query the navigation started has settled.
      await page.waitForLoadState('networkidle');
      expect(await button.isVisible(), `${who}: ${action} after navigating`).toBe(true);
      await ctx.close();
    }
  });

  it('fits a classroom projector and a phone without horizontal scrolling', async () => {
    for (const size of ['projector', 'phone'] as const) {
      const ctx = await newContext(web.browser, size);
      const page = await ctx.newPage();
      await signIn(page, 'leader@jinghua.demo');
      await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText(), POLL).toBe('刘建国，您好');
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `${size} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
      await ctx.close();
    }
  });
});
