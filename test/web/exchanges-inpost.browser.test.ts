// A teacher in post, in a real browser (issue 12, points 5 and 8): 高志远 logs this week from his home page in two
// actions and the live lesson he gave rural classrooms in one click (its attendance shown, nothing typed); the host
// school's admin 吴秀兰 confirms a week's entries, writes the mid-term and then the final review (told before the click
// that it completes the placement); the placement is completed and 高志远's rural-service days count up on his page.
// In Chinese and in English; phone and projector fit. The final review changes the demo for good, so it comes last
// but one, and only the test after it reads the completed placement.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatPlainDate } from '../../shared/format-date';
import { browserUnavailable, POLL, useWebApp } from '../support/browser';
import { pageIn } from '../support/demo-pages';
import { misfits } from '../support/fit';
import { listenForData, pageWords, report, wrongWords } from '../support/words';

const unavailable = browserUnavailable();
const SHOTS = '/tmp';

/** Today in Beijing, YYYY-MM-DD (the log's days and the years are counted in Beijing). */
const beijingToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * The demo's live lesson was three days ago: in this week from Thursday on (Beijing), in last week before. The entry
 * it becomes is counted in its own week, so this week holds his two entries, or only the one he types.
 */
const lessonThisWeek = (() => {
  const weekday = new Date(Date.now() + 8 * 3_600_000).getUTCDay();
  return weekday === 0 || weekday >= 4;
})();
const thisWeekEntries = lessonThisWeek ? 2 : 1;
const thisWeekHours = lessonThisWeek ? 3 : 2;

type PlacementList = { items: { id: string; startsOn: string; status: string }[] };

describe.skipIf(!!unavailable)('a teacher in post and the host school, in Chromium', () => {
  const web = useWebApp();
  let placement: { id: string; startsOn: string } | undefined;

  async function gaoIn(lang: 'zh' | 'en', size: 'laptop' | 'phone' | 'projector' = 'laptop') {
    const page = await pageIn(web, 'gao@jhxx.demo', lang, size);
    const list = (await (
      await page.request.get(`${web.url}/api/exchanges/placements?scope=mine`)
    ).json()) as PlacementList;
    const [only] = list.items;
    if (!only) throw new Error('demo data: 高志远 has no placement');
    placement = only;
    return page;
  }
  const placementPath = () => `/exchanges/placements/${placement?.id}`;

  /** What the page says, in the page's language only (names, titles and notes are the server's data). */
  async function oneLanguage(page: Page, lang: 'zh' | 'en', data: Set<string>, where: string) {
    await page.waitForLoadState('networkidle');
    const found = wrongWords(await pageWords(page), lang, data);
    expect(found, report(where, found)).toEqual([]);
  }

  it('高志远 logs this week from his home page in two actions, then the offered live lesson in one click', async () => {
    const gao = await gaoIn('zh');
    const data = listenForData(gao);
    await gao.goto(`${web.url}/`);
    const card = gao.getByTestId('in-post-card');
    // Nothing logged this week yet (the demo's last entry is two weeks old): the card reminds him, and of last week.
    await expect.poll(() => card.getByTestId('week-reminder').innerText(), POLL).toMatch(/^本周（.+）还没有记日志。$/);
    expect(await card.getByTestId('missed-weeks').innerText()).toMatch(/^有 1 周没有记录：\d{4}年/);
    await gao.screenshot({ path: `${SHOTS}/inpost-home-zh.png`, fullPage: true });
    await oneLanguage(gao, 'zh', data, 'home (zh)');
    // The day is today and the activity "授课" unless changed: the hours, and the button.
    let actions = 0;
    await card.getByLabel('小时数').fill('2');
    actions++;
    await card.getByRole('button', { name: '记入日志' }).click();
    actions++;
    expect(actions).toBeLessThanOrEqual(2);
    await expect.poll(() => card.getByRole('status').innerText(), POLL).toMatch(/^已记入日志：.+ 授课 2 小时。$/);
    await expect.poll(() => card.getByTestId('this-week').innerText(), POLL).toBe('本周已记 1 条，共 2 小时。');
    await gao.screenshot({ path: `${SHOTS}/inpost-home-logged-zh.png`, fullPage: true });

    // The live lesson of three days ago waits to be logged: its attendance is the platform's, one click logs it.
    await card.getByRole('link', { name: '1 节直播课可以直接记入日志' }).click();
    await gao.getByRole('heading', { level: 1, name: '我的交流' }).waitFor();
    const offer = gao.getByTestId('lesson-offer');
    await expect.poll(() => offer.innerText(), POLL).toContain('植物的一生（乡村课堂直播）');
    const attendance = await offer.locator('.attendance li').allInnerTexts();
    expect(attendance.sort()).toEqual([
      '北山乡中心小学 六年级一班：在线 45 分钟',
      '南湖村小学 三年级一班：在线 34 分钟',
    ]);
    await gao.screenshot({ path: `${SHOTS}/inpost-page-offer-zh.png`, fullPage: true });
    await offer.getByRole('button', { name: '记入日志' }).click();
    const offers = gao.getByTestId('lesson-offers');
    await expect
      .poll(() => offers.getByRole('status').innerText(), POLL)
      .toBe('已记入日志：植物的一生（乡村课堂直播）。');
    await expect.poll(() => offer.count(), POLL).toBe(0);
    await expect
      .poll(() => gao.getByTestId('this-week').innerText(), POLL)
      .toBe(`本周已记 ${thisWeekEntries} 条，共 ${thisWeekHours} 小时。`);
    // In the log, this week's entries wait for the host school; the lesson's links to the lesson.
    const thisWeek = gao.getByTestId('log-week').first();
    expect(await thisWeek.getByRole('heading').innerText()).toMatch(new RegExp(` · 共 ${thisWeekHours} 小时$`));
    const entries = await thisWeek.getByTestId('log-entry').allInnerTexts();
    expect(entries).toHaveLength(thisWeekEntries);
    expect(entries.every((e) => e.includes('待确认'))).toBe(true);
    await gao.getByTestId('log-entry').getByRole('link', { name: '直播课' }).first().waitFor();
    // Older weeks were confirmed by 吴秀兰; the week he missed says so (unless the lesson's entry went into it).
    await gao.getByText('✓ 已确认 · 吴秀兰').first().waitFor();
    if (lessonThisWeek)
      await gao
        .getByRole('heading', { name: / · 没有记录$/ })
        .first()
        .waitFor();
    // In post the years do not count yet: the page says when they will.
    const years = gao.getByTestId('service-years');
    expect(await years.getByTestId('service-years-figure').innerText()).toBe('0 年（共 0 天）');
    await years.getByText('这次交流在乡村学校，完成后计入服务年限。').waitFor();
    await gao.screenshot({ path: `${SHOTS}/inpost-page-zh.png`, fullPage: true });
    await oneLanguage(gao, 'zh', data, 'placement (zh)');
    await gao.context().close();
  });

  it('the teacher’s and the host school’s pages read in English, every word the page’s own', async () => {
    const gao = await gaoIn('en');
    const data = listenForData(gao);
    await gao.goto(`${web.url}/`);
    const card = gao.getByTestId('in-post-card');
    await expect
      .poll(() => card.getByTestId('this-week').innerText(), POLL)
      .toBe(`Entries this week: ${thisWeekEntries}, ${thisWeekHours} h in all.`);
    await card.getByRole('button', { name: 'Add to the log' }).waitFor();
    await oneLanguage(gao, 'en', data, 'home (en)');
    await gao.screenshot({ path: `${SHOTS}/inpost-home-en.png`, fullPage: true });
    await gao.goto(`${web.url}${placementPath()}`);
    await gao.getByRole('heading', { level: 1, name: 'My exchange' }).waitFor();
    await expect.poll(() => gao.getByTestId('service-years-figure').innerText(), POLL).toBe('0 years (0 days in all)');
    await oneLanguage(gao, 'en', data, 'placement (en)');
    await gao.screenshot({ path: `${SHOTS}/inpost-page-en.png`, fullPage: true });
    await gao.context().close();

    const wu = await pageIn(web, 'admin@beishan.demo', 'en', 'laptop');
    const wuData = listenForData(wu);
    await wu.goto(`${web.url}/exchanges/placements`);
    await wu.getByRole('heading', { level: 1, name: 'Teachers on exchange' }).waitFor();
    await wu.getByTestId('placement').filter({ hasText: '高志远' }).waitFor();
    await oneLanguage(wu, 'en', wuData, 'placements (en)');
    await wu.goto(`${web.url}${placementPath()}`);
    await wu.getByRole('heading', { level: 1, name: 'Exchange of 高志远' }).waitFor();
    await wu.getByRole('button', { name: 'Write the final review' }).click();
    await wu.getByTestId('final-warning').waitFor();
    await wu.getByRole('button', { name: 'Name a mentor' }).click();
    await oneLanguage(wu, 'en', wuData, 'host placement (en)');
    await wu.screenshot({ path: `${SHOTS}/inpost-host-en.png`, fullPage: true });
    // 赵春生 teaches at 北山 (its classroom's assistant teacher): named in two actions, and said.
    await wu.getByLabel('Mentor (a teacher of 北山乡中心小学)').selectOption({ label: '赵春生' });
    await wu.getByRole('button', { name: 'Save', exact: true }).click();
    await wu.getByText('赵春生 is the mentor now.').waitFor();
    await expect.poll(() => wu.getByTestId('mentor').innerText(), POLL).toMatch(/^赵春生/);
    await wu.context().close();
  });

  it('on a 390-px phone and a 1920×1080 projector nothing reaches past the edge', async () => {
    const problems: string[] = [];
    for (const size of ['phone', 'projector'] as const)
      for (const email of ['gao@jhxx.demo', 'admin@beishan.demo']) {
        const page = await pageIn(web, email, 'zh', size);
        const paths = email.startsWith('gao') ? ['/', placementPath()] : ['/exchanges/placements', placementPath()];
        for (const path of paths) {
          await page.goto(`${web.url}${path}`);
          await page.getByRole('heading', { level: 1 }).first().waitFor();
          if (path !== '/exchanges/placements')
            await page.getByTestId('log-weeks').or(page.getByTestId('in-post-card')).first().waitFor();
          await page.waitForLoadState('networkidle');
          // The host school's forms open, as an admin would have them.
          for (const opener of await page.locator('main [aria-expanded="false"]').elementHandles())
            await opener.click();
          await page.waitForLoadState('networkidle');
          const found = await misfits(page, null);
          if (found.length) problems.push(`${size} ${email} ${path}\n  ${found.join('\n  ')}`);
          const name = `${size}-${email.split('@')[0]}-${path === '/' ? 'home' : path === placementPath() ? 'placement' : 'list'}`;
          await page.screenshot({ path: `${SHOTS}/inpost-${name}.png`, fullPage: true });
        }
        await page.context().close();
      }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('吴秀兰 confirms a week in one action and reviews; the final review, said to complete it, completes it', async () => {
    const wu = await pageIn(web, 'admin@beishan.demo', 'zh', 'laptop');
    await wu.goto(`${web.url}/`);
    await wu
      .getByRole('navigation')
      .getByRole('link', { name: /^教师交流/ })
      .click();
    await wu.getByRole('link', { name: '交流教师' }).click();
    await wu.getByRole('heading', { level: 1, name: '交流教师' }).waitFor();
    const card = wu.getByTestId('placement').filter({ hasText: '高志远' });
    expect(await card.innerText()).toContain('京华实验小学 → 北山乡中心小学');
    expect(await card.innerText()).toContain('交流中');
    await card.getByRole('link', { name: '高志远' }).click();
    await wu.getByRole('heading', { level: 1, name: '高志远 的交流' }).waitFor();
    // No form of his: the host school confirms, reviews and names the mentor.
    expect(await wu.getByTestId('log-form').count()).toBe(0);
    const thisWeek = wu.getByTestId('log-week').first();
    // All of the week's entries in one action (one entry has only its own button).
    if (thisWeekEntries > 1) await thisWeek.getByRole('button', { name: `确认本周 ${thisWeekEntries} 条` }).click();
    else await thisWeek.getByTestId('log-entry').getByRole('button', { name: '确认', exact: true }).click();
    await expect
      .poll(() => wu.getByTestId('log-weeks').getByRole('status').innerText(), POLL)
      .toBe(`已确认 ${thisWeekEntries} 条日志。`);
    await expect
      .poll(
        async () =>
          (await thisWeek.getByTestId('log-entry').allInnerTexts()).filter((e) => e.includes('✓ 已确认 · 吴秀兰'))
            .length,
        POLL,
      )
      .toBe(thisWeekEntries);
    // One more, from an earlier week, on its own.
    const open = wu.getByTestId('log-entry').filter({ hasText: '待确认' }).first();
    const before = await wu.getByTestId('log-entry').filter({ hasText: '待确认' }).count();
    await open.getByRole('button', { name: '确认', exact: true }).click();
    await expect.poll(() => wu.getByTestId('log-entry').filter({ hasText: '待确认' }).count(), POLL).toBe(before - 1);

    const reviews = wu.getByTestId('reviews');
    await reviews.getByRole('button', { name: '写中期评价' }).click();
    await reviews.getByLabel(/^评价/).fill('科学课开齐开足，实验室已建成。');
    await reviews.getByRole('button', { name: '提交中期评价' }).click();
    await expect
      .poll(() => reviews.getByTestId('review').first().innerText(), POLL)
      .toMatch(/^中期评价\s*合格\s*吴秀兰 · /);
    // The final review says, before the click, that it completes the exchange and counts towards his rural years.
    await reviews.getByRole('button', { name: '写期末评价' }).click();
    const warning = await reviews.getByTestId('final-warning').innerText();
    expect(warning).toContain(
      '提交期末评价后，这次交流即告完成：日志关闭，不能再记；京华实验小学 和 高志远 会收到通知。',
    );
    expect(warning).toContain('在乡村学校的这段时间将计入 高志远 的乡村学校服务年限。');
    await reviews.getByLabel(/^评价/).fill('一学期任教科学，考核优秀。');
    await wu.screenshot({ path: `${SHOTS}/inpost-host-final-zh.png`, fullPage: true });
    // 高志远 has his page open meanwhile, about to log a day.
    const gao = await gaoIn('zh');
    await gao.goto(`${web.url}${placementPath()}`);
    await gao.getByLabel('小时数').fill('1');
    await reviews.getByRole('button', { name: '提交期末评价，完成交流' }).click();
    await expect.poll(() => wu.getByTestId('placement-status').innerText(), POLL).toBe('已完成');
    // His log closed under him: the page says why, in words.
    await gao.getByRole('button', { name: '记入日志' }).click();
    await expect
      .poll(() => gao.getByTestId('log-form').getByRole('alert').innerText(), POLL)
      .toBe('现在的状态下不能这样做，可能别人刚刚改过，请刷新后再看。');
    await gao.context().close();
    await reviews.getByText('已提交期末评价，这次交流已完成。').waitFor();
    expect(await reviews.getByTestId('review').count()).toBe(2);
    // Both reviews written and the placement over: nothing left to write.
    expect(await reviews.getByRole('button').count()).toBe(0);
    await wu.screenshot({ path: `${SHOTS}/inpost-host-done-zh.png`, fullPage: true });
    await wu.context().close();
  });

  it('once completed, 高志远’s page is closed for logging and his rural-service days count up, in both languages', async () => {
    const days = (Date.parse(beijingToday()) - Date.parse(placement?.startsOn ?? '')) / 86_400_000;
    expect(days).toBeGreaterThan(0);
    for (const lang of ['zh', 'en'] as const) {
      const gao = await gaoIn(lang);
      // The review's notice leads to his placement.
      await gao.goto(`${web.url}/notifications`);
      await gao
        .getByRole('link', { name: lang === 'zh' ? /北山乡中心小学 对 高志远 的交流作了期末评价/ : /高志远/ })
        .first()
        .click();
      await gao.getByRole('heading', { level: 1, name: lang === 'zh' ? '我的交流' : 'My exchange' }).waitFor();
      expect(gao.url()).toContain(placementPath());
      await expect
        .poll(() => gao.getByTestId('service-years-figure').innerText(), POLL)
        .toBe(lang === 'zh' ? `0 年（共 ${days} 天）` : `0 years (${days} days in all)`);
      expect(await gao.getByTestId('placement-status').innerText()).toBe(lang === 'zh' ? '已完成' : 'Completed');
      expect(await gao.getByTestId('completed-on').innerText()).toBe(formatPlainDate(beijingToday(), lang));
      expect(await gao.getByTestId('log-form').count()).toBe(0);
      await gao
        .getByText(lang === 'zh' ? '这次交流已结束，日志已关闭。' : 'This exchange is over; its log is closed.')
        .waitFor();
      await gao.screenshot({ path: `${SHOTS}/inpost-completed-${lang}.png`, fullPage: true });
      // His home page no longer asks for this week's log.
      await gao.goto(`${web.url}/`);
      await gao.getByRole('heading', { level: 1 }).waitFor();
      await gao.waitForLoadState('networkidle');
      expect(await gao.getByTestId('in-post-card').count()).toBe(0);
      await gao.context().close();
    }
  });
});
