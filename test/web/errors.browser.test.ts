// Errors that name their cause (issue 11): what the booking, upload and lesson forms show for every error the API
// can give — each problem code (shared/problems.ts) and each error code — in Chinese and in English. A real
// over-quota series first; then each answer the API may give, served to the page in place of the real one (the
// server cannot be made to give every one on demand), so that no answer renders as the generic message, as "see the
// fields marked red" with nothing marked, or in the other language.
import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type ErrorCode, errorStatus } from '../../shared/errors';
import type { FieldProblem } from '../../shared/problems';
import type { AnswerOf } from '../support/api';
import { browserUnavailable, POLL, pageAs, shot, useWebApp } from '../support/browser';
import { problemSamples } from '../support/problem-samples';
import { slot } from '../support/time';

const unavailable = browserUnavailable();
const GENERIC = /出了点问题|请看标红的地方|Something went wrong|marked in red/;
/** Words of the other language: Latin words on a Chinese page, Han characters on an English one. */
const FOREIGN = { zh: /[A-Za-z]{3,}/, en: /\p{Script=Han}/u } as const;

type Lang = keyof typeof FOREIGN;

/** Every problem, on a field the form does not show (so it must be said as a sentence), five to an answer. */
function problemBatches(field: string): FieldProblem[][] {
  const all = Object.values(problemSamples).map((p) => ({ ...p, field }) as FieldProblem);
  const batches: FieldProblem[][] = [];
  for (let i = 0; i < all.length; i += 5) batches.push(all.slice(i, i + 5));
  return batches;
}

function answer(route: Route, status: number, error: object) {
  return route.fulfill({ status, contentType: 'application/json', body: JSON.stringify({ error }) });
}

/** Serves `error` to the next request the form sends to `path`, submits, and returns what the page says. */
async function sayOf(page: Page, path: RegExp, status: number, error: object, submit: () => Promise<void>) {
  await page.route(path, (route) =>
    route.request().method() === 'POST' ? answer(route, status, error) : route.continue(),
  );
  await submit();
  const alert = page.getByRole('alert').filter({ hasNotText: /^$/ }).last();
  await alert.waitFor({ state: 'visible', timeout: POLL.timeout });
  const text = await alert.innerText();
  await page.unroute(path);
  return text;
}

function expectWorded(text: string, lang: Lang, what: string) {
  expect(text, `${what}: generic`).not.toMatch(GENERIC);
  expect(text, `${what}: not in ${lang}`).not.toMatch(FOREIGN[lang]);
  expect(text.trim().length, `${what}: empty`).toBeGreaterThan(3);
}

describe.skipIf(!!unavailable)('errors name their cause, in the reader’s language', () => {
  const web = useWebApp();

  async function teacherPage(email: string, lang: Lang) {
    const page = await pageAs(web, email);
    await page.request.patch(`${web.url}/api/me`, { data: { locale: lang }, headers: { origin: web.url } });
    return page;
  }

  it('a weekly series over the school’s quota says the quota, what is held and what would still fit', async () => {
    const admin = await pageAs(web, 'admin@jhzx.demo');
    const created = await admin.request.post(`${web.url}/api/facilities`, {
      headers: { origin: web.url },
      data: {
        name: '舞蹈房',
        kind: 'other',
        capacity: 30,
        approvalRequired: false,
        quotaHoursPerTerm: 4,
        openingHours: Object.fromEntries(['1', '2', '3', '4', '5'].map((d) => [d, [{ start: '08:00', end: '18:00' }]])),
      },
    });
    const { facility }: AnswerOf<'POST', '/api/facilities'> = await created.json();
    const page = await teacherPage('li@jhxx.demo', 'zh');
    const s = slot(2, 9, 11, 10);
    await page.goto(`${web.url}/facilities/${facility.id}?date=${s.startsAt.slice(0, 10)}&start=09:00&end=11:00`);
    await page.getByLabel('用途').fill('舞蹈排练');
    await page.getByLabel('每周重复').check();
    const until = new Date(Date.parse(s.startsAt) + 21 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('截止日期').fill(until);
    await page.getByRole('button', { name: '确认预约' }).click();
    const said = page.getByRole('alert');
    await expect.poll(() => said.innerText(), POLL).toMatch(/限额 4 小时，已约 0 小时，这次 8 小时；最多还能约 4 小时/);
    expectWorded(await said.innerText(), 'zh', 'quota');
    await shot(page, 'booking-over-quota');
    // What was typed stays.
    expect(await page.getByLabel('用途').inputValue()).toBe('舞蹈排练');
  });

  for (const lang of ['zh', 'en'] as const) {
    it(`the booking form words every problem and every error code (${lang})`, async () => {
      const page = await teacherPage('li@jhxx.demo', lang);
      const labs: AnswerOf<'GET', '/api/facilities'> = await (
        await page.request.get(`${web.url}/api/facilities?q=${encodeURIComponent('化学实验室')}`)
      ).json();
      const s = slot(3, 9, 10, 12);
      await page.goto(
        `${web.url}/facilities/${labs.items[0]?.id}?date=${s.startsAt.slice(0, 10)}&start=09:00&end=10:00`,
      );
      const confirm = page.getByRole('button', { name: lang === 'zh' ? '确认预约' : 'Confirm booking' });
      await page.getByLabel(lang === 'zh' ? '用途' : 'Purpose').fill('实验课');
      for (const batch of problemBatches('startsAt')) {
        const error = { code: 'validation_failed', message: 'x', details: { fields: {}, problems: batch } };
        const text = await sayOf(page, /\/api\/bookings$/, 400, error, () => confirm.click());
        expectWorded(text, lang, batch.map((p) => p.code).join(', '));
      }
      for (const code of Object.keys(errorStatus) as ErrorCode[]) {
        if (code === 'booking_conflict') continue; // its own notice, with the clashes and free times (facilities test)
        const error = { code, message: `English text of ${code}` };
        const text = await sayOf(page, /\/api\/bookings$/, errorStatus[code], error, () => confirm.click());
        expectWorded(text, lang, code);
      }
    });
  }

  it('the upload form and the lesson form word every problem (both languages)', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const page = await teacherPage('wang@jhzx.demo', lang);
      await page.goto(`${web.url}/library/upload`);
      await page
        .getByLabel(lang === 'zh' ? '选择文件' : 'Choose files')
        .setInputFiles({ name: '分数.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
      await page.getByLabel(lang === 'zh' ? '学科' : 'Subject').selectOption('math');
      await page.getByLabel(lang === 'zh' ? '年级' : 'Grade').selectOption('3');
      for (const batch of problemBatches('file')) {
        const error = { code: 'validation_failed', message: 'x', details: { fields: {}, problems: batch } };
        // The first try is the form's button; after a refusal, the file's own "try again".
        const upload = page.getByRole('button', { name: lang === 'zh' ? '上传' : 'Upload', exact: true });
        const retry = page.getByRole('button', { name: lang === 'zh' ? '重试' : 'Try again' });
        const send = async () => ((await retry.count()) ? retry.first().click() : upload.click());
        const text = await sayOf(page, /\/api\/resources$/, 400, error, send);
        expectWorded(text, lang, `upload: ${batch.map((p) => p.code).join(', ')}`);
      }

      await page.goto(`${web.url}/lessons`);
      await page.getByRole('button', { name: lang === 'zh' ? '安排直播课' : 'Schedule a live lesson' }).click();
      await page.getByLabel(lang === 'zh' ? '课题' : 'Topic').fill('分数的意义');
      await page.getByRole('checkbox', { name: /四年级一班/ }).check();
      for (const batch of problemBatches('classroomIds')) {
        const error = { code: 'validation_failed', message: 'x', details: { fields: {}, problems: batch } };
        const schedule = page.getByRole('button', { name: lang === 'zh' ? '安排' : 'Schedule', exact: true });
        const text = await sayOf(page, /\/api\/lessons$/, 400, error, () => schedule.click());
        expectWorded(text, lang, `lesson: ${batch.map((p) => p.code).join(', ')}`);
      }
      await page.context().close();
    }
  });
});
