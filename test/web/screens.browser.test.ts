// Point 8 of issue 11 in a real browser: on a 390-px phone the header folds into a menu button (a disclosure,
// usable by keyboard, closed by navigating), and no page scrolls sideways or cuts a label short; at 1366 px in
// English an administrator's navigation fits on one line; on a 1920×1080 projector the classroom's home page is
// large enough to read from the back of the room.
import { describe, expect, it } from 'vitest';
import { browserUnavailable, POLL, pageAs, shot, useWebApp } from '../support/browser';
import { type DemoPages, demoPages, mainPages, pageIn } from '../support/demo-pages';
import { misfits } from '../support/fit';

const unavailable = browserUnavailable();

/** Nothing is left out: the calendars are checked like the rest of the page. */
const SKIP = null;

describe.skipIf(!!unavailable)('phones, school PCs and projectors', () => {
  const web = useWebApp();

  it('on a phone the header folds into a menu button that opens, closes, navigates, and works by keyboard', async () => {
    const page = await pageAs(web, 'admin@jhzx.demo', 'phone');
    await page.goto(`${web.url}/`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const button = page.getByRole('button', { name: /^菜单/ });
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByRole('navigation').count(), 'the links wait behind the button').toBe(0);
    // How many bookings wait shows on the button too.
    expect(await button.innerText()).toMatch(/菜单\s*2/);
    await shot(page, 'phone-menu-closed');

    await button.click();
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    const menu = page.getByRole('navigation', { name: '菜单' });
    await menu.getByRole('link', { name: '操作记录' }).waitFor();
    await page.getByRole('link', { name: '个人设置' }).waitFor();
    await shot(page, 'phone-menu-open');
    await menu.getByRole('link', { name: '教学资源' }).click();
    await page.getByRole('heading', { level: 1, name: '教学资源' }).waitFor();
    await expect.poll(() => button.getAttribute('aria-expanded'), POLL).toBe('false');
    expect(await page.getByRole('navigation').count(), 'navigating closes the menu').toBe(0);

    // By keyboard: Enter opens, Tab reaches the links, Escape closes and gives the focus back to the button.
    await button.focus();
    await page.keyboard.press('Enter');
    await menu.waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('首页');
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-controls'))).toBe('site-menu');
    // …and Enter on a link goes there.
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: '借用场地' }).waitFor();
    await menu.waitFor({ state: 'detached' });

    // A click elsewhere closes it too; signing out is in it.
    await button.click();
    await page.getByRole('heading', { level: 1 }).click();
    await menu.waitFor({ state: 'detached' });
    await button.click();
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL(/\/login/);
    await page.context().close();
  });

  it('the check sees a box past the edge and a label cut to "1…"', async () => {
    const page = await pageAs(web, 'li@jhxx.demo', 'phone');
    await page.goto(`${web.url}/`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await misfits(page, SKIP)).toEqual([]);
    await page
      .locator('main')
      .evaluate((main) =>
        main.insertAdjacentHTML(
          'beforeend',
          '<p style="width: 2.5rem; overflow: hidden; text-overflow: ellipsis; white-space: nowrap">11/30 周一</p>' +
            '<div style="width: 30rem">wide</div>',
        ),
      );
    const found = await misfits(page, SKIP);
    expect(found).toEqual(
      expect.arrayContaining([
        'cut short: p "11/30 周一"',
        expect.stringMatching(/^past the edge by \d+px: div "wide"$/),
        expect.stringMatching(/^the page scrolls sideways by \d+px$/),
      ]),
    );
    await page.context().close();
  });

  // Every main page of every role in two languages: longer than one page's test may take on two busy cores.
  it('no page scrolls sideways or cuts a label short on a 390-px phone, in Chinese and in English', async () => {
    const problems: string[] = [];
    let ids: DemoPages | undefined;
    for (const lang of ['zh', 'en'] as const)
      for (const [email, paths] of mainPages) {
        const page = await pageIn(web, email, lang, 'phone');
        if (email) ids ??= await demoPages(page, web.url);
        for (const path of paths(ids as DemoPages)) {
          await page.goto(`${web.url}${path}`);
          await page.getByRole('heading', { level: 1 }).first().waitFor();
          await page.waitForLoadState('networkidle');
          const found = await misfits(page, SKIP);
          if (found.length) problems.push(`${lang} ${email} ${path}\n  ${found.join('\n  ')}`);
        }
        await page.context().close();
      }
    expect(problems, problems.join('\n')).toEqual([]);
  }, 300_000);

  it('at 1366 px an administrator’s navigation fits on one line, in English and in Chinese', async () => {
    for (const email of ['admin@jhzx.demo', 'leader@jinghua.demo'])
      for (const lang of ['en', 'zh'] as const) {
        const page = await pageIn(web, email, lang, 'laptop');
        await page.goto(`${web.url}/`);
        const nav = page.getByRole('navigation');
        await nav.getByRole('link').last().waitFor();
        const tops = await nav
          .getByRole('link')
          .evaluateAll((links) => links.map((l) => l.getBoundingClientRect().top));
        expect(tops.length, `${email} ${lang}: every link of an administrator`).toBe(10);
        expect(new Set(tops).size, `${email} ${lang}: links on ${new Set(tops).size} lines`).toBe(1);
        expect(await page.locator('header.top').evaluate((h) => h.getBoundingClientRect().height)).toBeLessThan(70);
        await shot(page, `laptop-header-${email.split('@')[0]}-${lang}`);
        await page.context().close();
      }
  });

  it('on a 1920×1080 projector the classroom’s home page reads from the back of the room', async () => {
    const page = await pageIn(web, 'zhao@beishan.demo', 'zh', 'projector');
    await page.goto(`${web.url}/`);
    const card = page.getByRole('region', { name: /四年级一班/ });
    await card.waitFor();
    await page.waitForLoadState('networkidle');
    // No text on the page smaller than 18 px; the classroom's own card larger still.
    const smallest = await page.evaluate(() => {
      let min = Number.POSITIVE_INFINITY;
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (!el || !n.textContent?.trim() || el.closest('.sr-only') || !el.checkVisibility()) continue;
        min = Math.min(min, Number.parseFloat(getComputedStyle(el).fontSize));
      }
      return min;
    });
    expect(smallest).toBeGreaterThanOrEqual(18);
    const heading = await card
      .getByRole('heading', { level: 2 })
      .evaluate((h) => Number.parseFloat(getComputedStyle(h).fontSize));
    expect(heading).toBeGreaterThanOrEqual(30);
    const width = await card.evaluate((c) => c.getBoundingClientRect().width);
    expect(width, 'the classroom card takes more room than the others').toBeGreaterThan(1920 / 3);
    await shot(page, 'projector-classroom-home');
    await page.context().close();
  });
});
