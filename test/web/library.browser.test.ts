// Journey 5 in a real browser: a master teacher shares a lesson plan with a Chinese file name through the
// upload page (progress to 100%, then "sent for review"), the group leader publishes it from the review
// queue, and a rural teacher finds it by typing 分数, opens it, sees it previewed in the page and downloads
// it — three actions from the library page.
import { describe, expect, it } from 'vitest';
import type { AnswerOf } from '../support/api';
import { browserUnavailable, POLL, signedInPage, useWebApp } from '../support/browser';

const unavailable = browserUnavailable();
const FILE_NAME = '分数墙：折纸认识几分之一.pdf';
const TITLE = '分数墙：折纸认识几分之一';

/** A small, real PDF: the server judges the type by the bytes. */
function tinyPdf(text: string): Buffer {
  const stream = `BT /F1 18 Tf 20 100 Td (${text}) Tj ET`;
  return Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
      '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 200]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj\n' +
      `4 0 obj<</Length ${stream.length}>>stream\n${stream}\nendstream endobj\n5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
  );
}

describe.skipIf(!!unavailable)('library in Chromium: journey 5', () => {
  const web = useWebApp();

  const signedIn = (email: string) => signedInPage(web, email);

  it('a teacher uploads, the group leader publishes, a rural teacher finds, previews and downloads it in 3 actions', async () => {
    // The master teacher shares with the group: the upload page shows the progress and the outcome.
    const teacher = await signedIn('wang@jhzx.demo');
    await teacher.getByRole('link', { name: '教学资源' }).first().click();
    await teacher.getByRole('link', { name: '上传资源' }).click();
    await teacher
      .getByLabel('选择文件')
      .setInputFiles({ name: FILE_NAME, mimeType: 'application/pdf', buffer: tinyPdf('Fraction wall') });
    // The title comes from the file name, without its extension.
    await expect.poll(() => teacher.getByLabel(/^标题/).inputValue(), POLL).toBe(TITLE);
    await teacher.getByLabel('学科').selectOption('math');
    await teacher.getByLabel('年级').selectOption('3');
    await teacher.getByLabel('类型').selectOption('lesson_plan');
    await teacher.getByLabel('教材版本').selectOption('人教版');
    await teacher.getByLabel('单元').fill('第八单元 分数的初步认识');
    await teacher.getByLabel('分享范围').selectOption('group');
    await teacher.getByRole('button', { name: '上传', exact: true }).click();
    const item = teacher.getByTestId('upload-item').filter({ hasText: FILE_NAME });
    await expect.poll(() => item.getByTestId('upload-outcome').innerText(), POLL).toBe('已提交审核');
    expect(await item.getByTestId('upload-percent').innerText()).toBe('100%');
    expect(await item.locator('progress').evaluate((p: HTMLProgressElement) => p.value)).toBe(100);

    // The same file again is refused, with a link to the copy already in the library.
    await teacher
      .getByLabel('选择文件')
      .setInputFiles({ name: '再传一次.pdf', mimeType: 'application/pdf', buffer: tinyPdf('Fraction wall') });
    await teacher.getByRole('button', { name: '上传', exact: true }).click();
    const again = teacher.getByTestId('upload-item').filter({ hasText: '再传一次.pdf' });
    await expect.poll(() => again.getByRole('alert').innerText(), POLL).toMatch(/资源库里已经有这个文件/);
    expect(await again.getByRole('link', { name: `《${TITLE}》` }).count()).toBe(1);
    await teacher.context().close();

    // The group leader publishes it from the review queue (one click).
    const leader = await signedIn('leader@jinghua.demo');
    await leader.getByRole('link', { name: '教学资源' }).first().click();
    await leader.getByRole('link', { name: /^待审核/ }).click();
    const waiting = leader.getByTestId('review-item').filter({ hasText: TITLE });
    await expect.poll(() => waiting.innerText(), POLL).toMatch(/王明远/);
    await waiting.getByRole('button', { name: '发布' }).click();
    await expect
      .poll(() => leader.getByRole('status').filter({ hasText: '已发布' }).first().innerText(), POLL)
      .toContain(`已发布《${TITLE}》`);
    await leader.context().close();

    // The rural teacher: library → type 分数 (suggestions drop down) → open → download.
    const rural = await signedIn('zhao@beishan.demo');
    await rural.getByRole('link', { name: '教学资源' }).first().click();
    await rural.getByRole('heading', { name: '教学资源', level: 1 }).waitFor();
    let actions = 0;
    await rural.getByLabel('搜索教学资源').fill('分数');
    actions++;
    await expect
      .poll(() => rural.getByRole('listbox').getByRole('option').allInnerTexts(), POLL)
      .toEqual(expect.arrayContaining([expect.stringContaining('分数')]));
    const card = rural.getByTestId('resource-card').filter({ hasText: TITLE });
    await expect
      .poll(() => card.innerText(), POLL)
      .toMatch(/数学 · 三年级 · 人教版 · 第八单元[\s\S]*京华实验中学 · 王明远/);
    await card.getByRole('link', { name: TITLE, exact: true }).click();
    actions++;
    await expect.poll(() => rural.getByRole('heading', { level: 1 }).innerText(), POLL).toBe(TITLE);
    // The file is shown in the page, from the same origin.
    const frame = rural.locator('iframe, embed').first();
    await expect.poll(() => frame.getAttribute('src'), POLL).toContain('/download?inline=1');
    const [download] = await Promise.all([rural.waitForEvent('download'), rural.getByTestId('download').click()]);
    actions++;
    expect(download.suggestedFilename()).toBe(FILE_NAME);
    expect(actions).toBeLessThanOrEqual(3);
    await rural.context().close();
  });

  // The download route allows same-origin framing (frame-ancestors 'self'); the app-wide security headers
  // must leave that in place, or Chromium replaces the preview with an error page.
  it('the PDF preview actually loads inside the resource page', async () => {
    const page = await signedIn('zhao@beishan.demo');
    const found: AnswerOf<'GET', '/api/resources'> = await (
      await page.request.get(`${web.url}/api/resources?q=${encodeURIComponent('分数')}`)
    ).json();
    const pdf = found.items.find((r) => r.file?.contentType === 'application/pdf');
    expect(pdf, 'a PDF among the resources found for 分数').toBeTruthy();
    await page.goto(`${web.url}/library/${pdf!.id}`);
    const frame = await page.locator('iframe').first().elementHandle();
    await expect
      .poll(async () => (await frame!.contentFrame())?.url(), POLL)
      .toContain(`/api/resources/${pdf!.id}/download?inline=1`);
    await page.context().close();
  });

  it('a rural teacher keeps a resource, comments on it, and gathers it into a collection a colleague can open', async () => {
    const rural = await signedIn('chen@nanhu.demo');
    await rural.goto(`${web.url}/library?q=${encodeURIComponent('分数的意义')}`);
    await rural.getByRole('link', { name: '分数的意义 教学设计' }).first().click();
    await rural.getByRole('button', { name: '☆ 收藏' }).click();
    await rural.getByRole('button', { name: '★ 已收藏' }).waitFor();
    await rural.getByLabel('写评论').fill('南湖村小学五年级用过，学生很快理解了“单位1”。');
    await rural.getByRole('button', { name: '发表' }).click();
    await expect.poll(() => rural.getByRole('region', { name: /同事评论/ }).innerText(), POLL).toContain('单位1');
    await rural.getByLabel('新建资源包').fill('五年级 分数的意义 单元包');
    await rural.getByRole('button', { name: '新建资源包' }).click();
    await rural.getByRole('link', { name: '打开资源包' }).click();
    await expect
      .poll(() => rural.getByRole('heading', { level: 1 }).innerText(), POLL)
      .toBe('五年级 分数的意义 单元包');
    const url = rural.url();
    await rural.context().close();

    const colleague = await signedIn('zhao@beishan.demo');
    await colleague.goto(url);
    await expect
      .poll(() => colleague.getByRole('link', { name: '分数的意义 教学设计', exact: true }).count(), POLL)
      .toBe(1);
    await colleague.context().close();
  });
});
