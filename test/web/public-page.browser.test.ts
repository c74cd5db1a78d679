// A school's public page in a real browser (issue 13 point 3): 京华实验中学's admin opens the page's editor from the
// school's page, sees the section past its deadline, rewrites the enrolment section and opens the public page, which
// shows it dated today, in Chinese and, one link away, in English. A fee with a telephone nobody can dial is refused at
// its field, with what was typed still there. The editor reads in one language at a time; the editor and the public
// page fit a phone (and the editor a projector), and the public page passes axe.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatPlainDate } from '../../shared/format-date';
import { seriousViolations } from '../support/axe';
import { browserUnavailable, newContext, POLL, useWebApp } from '../support/browser';
import { demoPages, pageIn } from '../support/demo-pages';
import { misfits } from '../support/fit';
import { listenForData, pageWords, report, wrongWords } from '../support/words';

const unavailable = browserUnavailable();
const SHOTS = process.env.SHOTS ?? '/tmp';

/** A section's card in the editor, by its heading. */
const card = (page: Page, title: string) =>
  page.locator('section.card').filter({ has: page.getByRole('heading', { name: title }) });

describe.skipIf(!!unavailable)('a school’s public page in Chromium', () => {
  const web = useWebApp();

  /** The admin's editor of 京华实验中学's page, reached from the school's page. */
  async function editor(lang: 'zh' | 'en', size: 'laptop' | 'phone' | 'projector' = 'laptop') {
    const page = await pageIn(web, 'admin@jhzx.demo', lang, size);
    const ids = await demoPages(page, web.url);
    await page.goto(`${web.url}/orgs/${ids.school}`);
    await page.getByRole('link', { name: lang === 'zh' ? '信息公开' : 'Public page' }).click();
    await page.getByRole('heading', { level: 1, name: lang === 'zh' ? '信息公开' : 'Public information' }).waitFor();
    return page;
  }

  it('an admin rewrites a section and the public page shows it dated today, in Chinese and in English', async () => {
    const page = await editor('zh');
    // The seed's timetable is 40 days old: past 20 working days, said in words, not by colour alone.
    await page.getByRole('status').getByText('1 个栏目需要处理').waitFor();
    await card(page, '教学安排与作息时间').getByText('已超过更新期限').waitFor();
    await page.screenshot({ path: `${SHOTS}/public-page-editor-zh.png`, fullPage: true });

    const enrolment = card(page, '招生入学');
    await enrolment.getByRole('button', { name: '编辑' }).click();
    const intro = enrolment.getByLabel('说明（中文）');
    expect(await intro.inputValue()).toMatch(/^按城关学区义务教育入学政策/);
    await intro.fill('2027 年秋季招收七年级新生 12 个班，报名请关注城关学区通知。');
    await enrolment.getByLabel('说明（英文）').fill('In autumn 2027 we admit 12 classes of grade 7.');
    await enrolment.getByRole('button', { name: '添加一条' }).click();
    await enrolment.getByRole('group', { name: '第 4 条' }).getByLabel('名称（中文）').fill('开放日');
    await enrolment.getByRole('group', { name: '第 4 条' }).getByLabel('内容（中文）').fill('每年 4 月第二个周六');
    await enrolment.getByRole('button', { name: '保存并公开' }).click();
    await enrolment.getByText('已保存，公开页面已更新。').waitFor();
    const today = formatPlainDate(new Date(), 'zh');
    await enrolment.getByText(`${today} 由 孙丽华 更新`).waitFor();
    expect(await enrolment.locator('.badge').innerText()).toBe('按期更新');

    // The timetable has not changed: checked and confirmed in one click, it is current again, and so is the page.
    const timetable = card(page, '教学安排与作息时间');
    await timetable.getByRole('button', { name: '内容无误，更新日期' }).click();
    await timetable.getByText(`${today} 由 孙丽华 更新`).waitFor();
    expect(await timetable.locator('.badge').innerText()).toBe('按期更新');
    await page.getByRole('status').getByText('所有栏目都在更新期限内。').waitFor();

    await page.getByRole('link', { name: '打开公开页面（中文）' }).click();
    await page.waitForURL(/\/s\/JHZX$/);
    expect(await page.title()).toBe('京华实验中学 · 信息公开');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    const section = page.getByRole('region', { name: '招生入学' });
    await section.getByText('2027 年秋季招收七年级新生 12 个班').waitFor();
    expect(await section.innerText()).toContain(`最近更新：${today}`);
    expect(await section.innerText()).toMatch(/开放日\s+每年 4 月第二个周六/);
    await page.screenshot({ path: `${SHOTS}/public-page-zh.png`, fullPage: true });

    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(/\/s\/JHZX\/en$/);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    const english = page.getByRole('region', { name: 'Enrolment' });
    await english.getByText('In autumn 2027 we admit 12 classes of grade 7.').waitFor();
    expect(await english.innerText()).toContain(`Last updated: ${formatPlainDate(new Date(), 'en')}`);
    // The entry written in Chinese only is shown in Chinese, marked as such.
    expect(await english.locator('[lang="zh-CN"]').getByText('开放日').count()).toBe(1);
    await page.screenshot({ path: `${SHOTS}/public-page-en.png`, fullPage: true });
    await page.getByRole('link', { name: '中文' }).click();
    await page.waitForURL(/\/s\/JHZX$/);
    await page.context().close();
  });

  it('a fee whose complaints telephone is not a number is refused at its field; what was typed stays', async () => {
    const page = await editor('zh');
    const fees = card(page, '收费项目及标准');
    await fees.getByRole('button', { name: '编辑' }).click();
    await fees.getByRole('button', { name: '添加收费项目' }).click();
    const fee = fees.getByRole('group', { name: '第 3 项收费' });
    await fee.getByLabel('收费项目（中文）').fill('校服费');
    await fee.getByLabel('金额（元）').fill('180');
    await fee.getByLabel('计费方式').selectOption({ label: '一次性' });
    await fee.getByLabel('收费依据（中文）').fill('据实收取');
    await fee.getByLabel('审批机关（中文）').fill('城关区教育委员会');
    await fee.getByLabel('投诉电话').fill('请问老师');
    await fees.getByRole('button', { name: '保存并公开' }).click();
    const phone = fee.getByLabel('投诉电话');
    await expect.poll(() => phone.getAttribute('aria-invalid'), POLL).toBe('true');
    expect(await fee.locator('.field-error').innerText()).toMatch(/投诉电话/);
    expect(await fee.getByLabel('收费项目（中文）').inputValue()).toBe('校服费');
    await page.screenshot({ path: `${SHOTS}/public-page-fee-error-zh.png`, fullPage: true });
    await phone.fill('010-6123 4599');
    await fees.getByRole('button', { name: '保存并公开' }).click();
    await fees.getByText('已保存，公开页面已更新。').waitFor();
    const pub = await (await newContext(web.browser, 'phone')).newPage();
    await pub.goto(`${web.url}/s/JHZX`);
    const section = pub.getByRole('region', { name: '收费项目及标准' });
    await section.getByRole('heading', { name: '校服费' }).waitFor();
    expect(await section.innerText()).toMatch(/180 元（一次性）[\s\S]*城关区教育委员会[\s\S]*010-6123 4599/);
    await pub.context().close();
    await page.context().close();
  });

  it('the editor reads in one language at a time', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const page = await editor(lang);
      const data = listenForData(page);
      await page.reload();
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');
      // The forms too: the basic facts' and the fees' (each field's label and its buttons).
      for (const section of lang === 'zh'
        ? ['基本情况', '收费项目及标准']
        : ['About the school', 'Fees and their standards'])
        await card(page, section)
          .getByRole('button', { name: lang === 'zh' ? '编辑' : 'Edit' })
          .click();
      const found = wrongWords(await pageWords(page), lang, data);
      expect(found, report(`public page editor (${lang})`, found)).toEqual([]);
      if (lang === 'en') await page.screenshot({ path: `${SHOTS}/public-page-editor-en.png`, fullPage: true });
      await page.context().close();
    }
  });

  it('fits a phone and a projector; the public page fits a phone and passes axe', async () => {
    const problems: string[] = [];
    for (const size of ['phone', 'projector'] as const) {
      const page = await editor('zh', size);
      await card(page, '收费项目及标准').getByRole('button', { name: '编辑' }).click();
      await page.waitForLoadState('networkidle');
      const found = await misfits(page, null);
      if (found.length) problems.push(`${size} editor\n  ${found.join('\n  ')}`);
      await page.screenshot({ path: `${SHOTS}/public-page-editor-${size}.png`, fullPage: true });
      await page.context().close();
    }
    for (const path of ['/s/JHZX', '/s/JHZX/en', '/s/NHCXX/en', '/s/NOPE']) {
      const page = await (await newContext(web.browser, 'phone')).newPage();
      await page.goto(`${web.url}${path}`);
      const found = await misfits(page, null);
      if (found.length) problems.push(`phone ${path}\n  ${found.join('\n  ')}`);
      const axe = await seriousViolations(page);
      if (axe.length) problems.push(`axe ${path}\n  ${axe.map((f) => `${f.rule} ${f.target}`).join('\n  ')}`);
      await page.screenshot({ path: `${SHOTS}/public-page-phone${path.replaceAll('/', '-')}.png`, fullPage: true });
      await page.context().close();
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
