// The activity log in words (issue 11, point 7): a school admin reads what happened as sentences — who did what to
// which facility, booking or lesson, and when, the Beijing way — in Chinese and in English, never an action code
// or an id; an action the page does not know yet still reads as a sentence.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../shared/schemas/audit';
import { browserUnavailable, POLL, pageAs, shot, useWebApp } from '../support/browser';
import { slot } from '../support/time';
import { listenForData, pageWords, report, wrongWords } from '../support/words';

const unavailable = browserUnavailable();

describe.skipIf(!!unavailable)('the activity log in words', () => {
  const web = useWebApp();

  /** An API call as `email`, through a browser context of their own (the sign-in cookie and the origin header). */
  async function as(email: string) {
    const page = await pageAs(web, email);
    const call = async (method: 'post' | 'patch', path: string, data?: object) => {
      const res = await page.request[method](`${web.url}/api${path}`, { data, headers: { origin: web.url } });
      expect(res.ok(), `${method} ${path}: ${await res.text()}`).toBe(true);
      return res.json();
    };
    return { page, call, get: async (path: string) => (await page.request.get(`${web.url}/api${path}`)).json() };
  }

  async function logLines(page: Page) {
    const log = page.getByRole('list', { name: /操作记录，最新的在前|Activity, newest first/ });
    await log.waitFor();
    return log;
  }

  it('reads each event as a sentence with its time as people in Beijing write it, in both languages', async () => {
    const gym = slot(5, 15, 17, 10);
    const li = await as('li@jhxx.demo');
    const facilities = (await li.get('/facilities')).items as { id: string; name: string }[];
    const idOf = (name: string) => facilities.find((f) => f.name === name)!.id;
    const booked = await li.call('post', '/bookings', { facilityId: idOf('体育馆'), ...gym, purpose: '篮球训练' });
    const admin = await as('admin@jhzx.demo');
    await admin.call('post', `/bookings/${booked.booking.id}/approve`);
    await admin.call('patch', `/facilities/${idOf('化学实验室')}`, { capacity: 40, approvalRequired: true });
    // A lesson that is about to start, so its teacher may end it.
    const wang = await as('wang@jhzx.demo');
    const classrooms = (await wang.get('/classrooms')).items as { id: string; name: string }[];
    const soon = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString().replace('Z', '+00:00');
    const lesson = await wang.call('post', '/lessons', {
      title: '分数的初步认识',
      subject: 'math',
      grade: 4,
      startsAt: soon(5),
      endsAt: soon(45),
      classroomIds: [classrooms.find((c) => c.name === '四年级一班')!.id],
    });
    await wang.call('post', `/lessons/${lesson.lesson.id}/end`);

    const page = admin.page;
    const data = listenForData(page);
    await page.goto(`${web.url}/audit`);
    const log = await logLines(page);
    await log.getByText('王明远 结束了直播课《分数的初步认识》', { exact: true }).waitFor();
    const approved = log
      .getByRole('listitem')
      .filter({ hasText: /批准了李雪梅预约的体育馆|approved 李雪梅's booking/ });
    await expect
      .poll(() => approved.locator('p').innerText(), POLL)
      .toMatch(/^孙丽华 批准了李雪梅预约的体育馆：\d{4}年\d{1,2}月\d{1,2}日 周五 15:00–17:00$/);
    // When it happened, as a date and a time of day in Beijing.
    expect(await approved.locator('time').innerText()).toMatch(
      /^\d{4}年\d{1,2}月\d{1,2}日 周[一二三四五六日] \d\d:\d\d$/,
    );
    const edited = log.getByRole('listitem').filter({ hasText: /修改了场地化学实验室|edited the facility 化学实验室/ });
    expect(await edited.getByRole('list').innerText()).toBe('人数：48 → 40\n需要审批：否 → 是');
    await page.waitForLoadState('networkidle');
    await shot(page, 'audit-zh');
    const zh = wrongWords(await pageWords(page), 'zh', data);
    expect(zh, report('/audit', zh)).toEqual([]);

    await page.getByTestId('lang-switch').click();
    await log.getByText('王明远 ended the live lesson 「分数的初步认识」', { exact: true }).waitFor();
    await expect
      .poll(() => approved.locator('p').innerText(), POLL)
      .toMatch(/^孙丽华 approved 李雪梅's booking of 体育馆: Fri \d{1,2} [A-Z][a-z]{2} \d{4} 15:00–17:00$/);
    expect(await edited.getByRole('list').innerText()).toBe('People: 48 → 40\nNeeds approval: No → Yes');
    await shot(page, 'audit-en');
    const en = wrongWords(await pageWords(page), 'en', data);
    expect(en, report('/audit', en)).toEqual([]);
    await page.context().close();
  });

  it('an action the page does not know yet still reads as a sentence, never as its code', async () => {
    const { page, call } = await as('admin@jhzx.demo');
    await call('patch', '/me', { locale: 'zh' }); // the first test left her in English
    // The server of a later version: two kinds of events this page was not written for.
    const future = (action: string, entityType: string, name: string | null): AuditEvent => ({
      id: crypto.randomUUID(),
      at: '2026-12-02T14:00:00+08:00',
      actorId: null,
      actorName: '孙丽华',
      onBehalfOfOrgId: null,
      onBehalfOfOrgName: null,
      orgId: null,
      orgName: '京华实验中学',
      action,
      entityType,
      entityId: crypto.randomUUID(),
      subject: { name, startsAt: null, endsAt: null, personName: null },
      names: {},
      before: null,
      after: { frobnicated: true },
    });
    await page.route('**/api/audit*', async (route) => {
      const res = await route.fetch();
      const body = await res.json();
      body.items.unshift(future('booking.transfer.approve', 'booking', '体育馆'), future('badge.award', 'badge', null));
      await route.fulfill({ response: res, json: body });
    });
    await page.goto(`${web.url}/audit`);
    const log = await logLines(page);
    await log.getByText('孙丽华 批准了预约「体育馆」', { exact: true }).waitFor();
    await log.getByText('孙丽华 更改了一条记录', { exact: true }).waitFor();
    expect(await log.innerText()).not.toMatch(/badge|transfer|frobnicated/);
    await page.getByTestId('lang-switch').click();
    await log.getByText('孙丽华 approved the booking 「体育馆」', { exact: true }).waitFor();
    await log.getByText('孙丽华 changed a record', { exact: true }).waitFor();
    await page.context().close();
  });
});
