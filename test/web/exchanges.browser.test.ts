// Teacher exchanges in a real browser (issue 12, points 3, 8 and 10): a teacher applies to a rural posting from the
// home page in three actions; her home school, the host school and the group leader approve from their queues, each
// seeing how many have (1/3, 2/3); the third approval places her, and her pages say so. The queue and the postings
// read in English too; a teacher in post learns why she may not apply; a decision on an application that changed
// meanwhile says so in words; a leader sets up a programme and posts an opening; phone and projector fit.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserUnavailable, POLL, pageAs, useWebApp } from '../support/browser';
import { pageIn } from '../support/demo-pages';
import { misfits } from '../support/fit';
import { listenForData, pageWords, report, wrongWords } from '../support/words';

const unavailable = browserUnavailable();
const SHOTS = '/tmp';

/** A calendar day as the Chinese pages write it: 2027年2月1日. */
const zhDay = (d: Date) => `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;

/** The first and last days of a placement that starts on `day` and lasts `months` ([start, end) on the server). */
function placementDays(day: string, months: number): { from: string; until: string } {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const end = new Date(Date.UTC(y, m - 1 + months, d));
  end.setUTCDate(end.getUTCDate() - 1);
  return { from: zhDay(new Date(Date.UTC(y, m - 1, d))), until: zhDay(end) };
}

/** The language button, once the person's choice is saved (a page opened next keeps it). */
async function switchLanguage(page: Page) {
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/me') && r.request().method() === 'PATCH');
  await page.getByTestId('lang-switch').click();
  expect((await saved).status()).toBe(200);
}

/** A card of the queue or of one's applications, by the teacher's name. */
const applicationOf = (page: Page, teacher: string) => page.getByTestId('application').filter({ hasText: teacher });

describe.skipIf(!!unavailable)('teacher exchanges in Chromium', () => {
  const web = useWebApp();

  /** A person's home page in Chinese, whatever language an earlier test left them in. */
  async function homeOf(email: string) {
    const page = await pageIn(web, email, 'zh', 'laptop');
    await page.goto(`${web.url}/`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    return page;
  }

  /**
   * Opens the approver's queue from the home page's to-do card, and approves 张伟's application from it; with
   * `considerFirst`, first starts the review (the teacher then reads 审批中 instead of 已提交).
   */
  async function approveFromQueue(email: string, before: string, after: RegExp, considerFirst = false) {
    const page = await homeOf(email);
    await page
      .getByRole('main')
      .getByRole('link', { name: /份交流申请待审批/ })
      .click();
    const card = applicationOf(page, '张伟');
    await expect.poll(() => card.getByTestId('approved-count').innerText(), POLL).toBe(before);
    if (considerFirst) {
      await card.getByRole('button', { name: '开始审核', exact: true }).click();
      await expect.poll(() => page.getByTestId('decision-outcome').innerText(), POLL).toBe('已开始审核 张伟 的申请。');
      await expect.poll(() => card.getByTestId('application-status').innerText(), POLL).toBe('审批中');
      expect(await card.getByRole('button', { name: '开始审核' }).count()).toBe(0);
    }
    await card.getByRole('button', { name: '同意', exact: true }).click();
    await expect.poll(() => page.getByTestId('decision-outcome').innerText(), POLL).toMatch(after);
    return page;
  }

  it('张伟 applies to 北山 in 3 actions; home school, host school and group approve (1/3, 2/3); he is placed', async () => {
    const zhang = await homeOf('zhang@jhzx.demo');
    await zhang.getByText('2 个岗位可申请').waitFor();
    let actions = 0;
    await zhang.getByRole('link', { name: '交流岗位' }).click();
    actions++;
    await zhang.getByRole('heading', { level: 1, name: '教师交流' }).waitFor();
    // Rural and supported schools first, each marked in words; places, dates, duties and requirements on the card.
    const cards = zhang.getByTestId('posting');
    await expect.poll(() => cards.count(), POLL).toBe(2);
    const beishan = cards.filter({ hasText: '北山乡中心小学' });
    const text = await beishan.innerText();
    expect(text).toMatch(/乡村学校[\s\S]*帮扶对象/);
    expect(text).toMatch(/数学 · 三年级至六年级/);
    expect(text).toMatch(/\d{4}年\d{1,2}月起 · 12个月/);
    expect(text).toContain('剩 2 个名额（共 2 个）');
    expect(text).toMatch(/工作内容：承担四至六年级数学教学/);
    expect(text).toMatch(/任职要求：小学数学教师/);
    await beishan.getByRole('button', { name: '申请', exact: true }).click();
    actions++;
    // Before submitting, whether he may apply.
    await expect.poll(() => beishan.getByTestId('eligibility').innerText(), POLL).toBe('您符合申请条件。');
    await zhang.screenshot({ path: `${SHOTS}/exchanges-apply-zh.png`, fullPage: true });
    await beishan.getByRole('button', { name: '提交申请' }).click();
    actions++;
    await expect.poll(() => beishan.getByTestId('my-application').innerText(), POLL).toMatch(/已申请 · 审批中/);
    expect(actions).toBeLessThanOrEqual(3);
    await beishan.getByRole('link', { name: '查看申请' }).click();
    const mine = applicationOf(zhang, '张伟');
    await expect.poll(() => mine.getByTestId('approved-count').innerText(), POLL).toBe('0/3 已同意');
    expect(await mine.getByTestId('approval-step').allInnerTexts()).toEqual([
      '本校：待审批',
      '接收学校：待审批',
      '集团：待审批',
    ]);
    expect(await mine.getByTestId('application-status').innerText()).toBe('已提交');

    // The home school first, then the host school: each sees how many have approved before it.
    const home = await approveFromQueue(
      'admin@jhzx.demo',
      '0/3 已同意',
      /已同意：张伟 到 北山乡中心小学，1\/3 已同意/,
      true,
    );
    // Its approval given, the application leaves its queue.
    await expect.poll(() => applicationOf(home, '张伟').count(), POLL).toBe(0);
    await home.context().close();
    const host = await approveFromQueue('admin@beishan.demo', '1/3 已同意', /2\/3 已同意/);
    await host.context().close();

    // The group leader: the header counts what waits for him (张伟 and the demo's 李雪梅).
    const leader = await homeOf('leader@jinghua.demo');
    // What the API sends is data (names, statements); every other word on the page must be the page's language.
    const data = listenForData(leader);
    await expect
      .poll(
        () =>
          leader
            .getByRole('navigation')
            .getByRole('link', { name: /^教师交流/ })
            .innerText(),
        POLL,
      )
      .toMatch(/教师交流\s*2/);
    await leader
      .getByRole('navigation')
      .getByRole('link', { name: /^教师交流/ })
      .click();
    await leader.getByRole('link', { name: /待我审批/ }).click();
    const card = applicationOf(leader, '张伟');
    await expect.poll(() => card.getByTestId('approved-count').innerText(), POLL).toBe('2/3 已同意');
    const steps = await card.getByTestId('approval-step').allInnerTexts();
    expect(steps[0]).toMatch(/^✓ 本校：孙丽华 已同意 · \d{4}年\d{1,2}月\d{1,2}日$/);
    expect(steps[1]).toMatch(/^✓ 接收学校：吴秀兰 已同意 · /);
    expect(steps[2]).toBe('集团：待审批');

    // The same queue in English: every word the page's own, names and statements as people typed them.
    await switchLanguage(leader);
    await leader.getByRole('heading', { level: 1, name: 'Exchange applications' }).waitFor();
    const en = applicationOf(leader, '张伟');
    await expect.poll(() => en.getByTestId('approved-count').innerText(), POLL).toBe('2 of 3 approved');
    expect(await en.getByTestId('approval-step').allInnerTexts()).toEqual([
      expect.stringMatching(/^✓ Home school: approved by 孙丽华 · \d{1,2} [A-Z][a-z]{2} \d{4}$/),
      expect.stringMatching(/^✓ Host school: approved by 吴秀兰 · /),
      'Group: waiting',
    ]);
    expect(await en.getByTestId('application-status').innerText()).toBe('Under consideration');
    for (const name of ['Approve', 'Defer', 'Decline']) await en.getByRole('button', { name, exact: true }).waitFor();
    await leader.getByRole('button', { name: /Waiting for me 2/ }).waitFor();
    await en.getByRole('button', { name: 'Defer', exact: true }).click();
    await en.getByLabel('Why defer (only the approvers and the teacher read it)').waitFor();
    await leader.waitForLoadState('networkidle');
    const english = wrongWords(await pageWords(leader), 'en', data);
    expect(english, report('queue (en)', english)).toEqual([]);
    await leader.screenshot({ path: `${SHOTS}/exchanges-queue-en.png`, fullPage: true });
    await en.getByRole('button', { name: 'Never mind' }).click();

    // Back in Chinese, the third approval places him.
    await switchLanguage(leader);
    await leader.getByRole('heading', { level: 1, name: '交流申请' }).waitFor();
    await card.getByRole('button', { name: '同意', exact: true }).click();
    await expect
      .poll(() => leader.getByTestId('decision-outcome').innerText(), POLL)
      .toBe('已同意：张伟 已派出，到 北山乡中心小学 交流。');
    await expect.poll(() => applicationOf(leader, '张伟').count(), POLL).toBe(0);
    await leader.screenshot({ path: `${SHOTS}/exchanges-queue-zh.png`, fullPage: true });
    await leader.context().close();

    // 张伟's pages say so: placed, 3/3, the placement's dates; on the home page, where, from and until when.
    const posting = (
      (await (await zhang.request.get(`${web.url}/api/exchanges/postings`)).json()) as {
        items: { school: { name: string }; subject: string; startsOn: string; months: number }[];
      }
    ).items.find((p) => p.school.name === '北山乡中心小学' && p.subject === 'math');
    const { from, until } = placementDays(posting?.startsOn ?? '', posting?.months ?? 0);
    await zhang.reload();
    await expect.poll(() => mine.getByTestId('application-status').innerText(), POLL).toBe('已派出');
    expect(await mine.getByTestId('approved-count').innerText()).toBe('3/3 已同意');
    expect(await mine.innerText()).toContain(`至 ${until}`);
    await zhang.screenshot({ path: `${SHOTS}/exchanges-placed-zh.png`, fullPage: true });
    await zhang.getByRole('link', { name: '首页' }).click();
    await expect
      .poll(() => zhang.getByTestId('in-post').innerText(), POLL)
      .toBe(`已派往 北山乡中心小学，${from} 起（至 ${until}）`);
    // And he heard it.
    await expect.poll(() => zhang.getByTestId('bell').getAttribute('aria-label'), POLL).toMatch(/[1-9]\d* 条未读/);
    await zhang.goto(`${web.url}/notifications`);
    await zhang
      .getByRole('link', { name: /张伟 到 北山乡中心小学 的交流申请已获同意，已派出（审批人：刘建国）/ })
      .first()
      .waitFor();

    // The postings in English: his post marked placed, the other place still open, schools marked in words.
    await switchLanguage(zhang);
    await zhang.goto(`${web.url}/exchanges`);
    const placed = zhang.getByTestId('posting').filter({ hasText: '北山乡中心小学' });
    await expect.poll(() => placed.getByTestId('my-application').innerText(), POLL).toMatch(/^Placed/);
    expect(await placed.innerText()).toMatch(/Rural school[\s\S]*Supported school[\s\S]*Mathematics · Grade 3 to/);
    expect(await placed.innerText()).toContain('Places left: 1 of 2');
    await zhang.screenshot({ path: `${SHOTS}/exchanges-postings-en.png`, fullPage: true });
    await zhang.context().close();
  });

  it('a teacher in post sees it at home, and reads why she may not apply, in both languages; submit stays off', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const gao = await pageIn(web, 'gao@jhxx.demo', lang, 'laptop');
      // In post since September: her home page says where, and until when.
      await gao.goto(`${web.url}/`);
      await expect
        .poll(() => gao.getByTestId('in-post').innerText(), POLL)
        .toMatch(
          lang === 'zh'
            ? /^在 北山乡中心小学 交流中（至 \d{4}年8月31日）$/
            : /^On exchange at 北山乡中心小学 \(until 31 Aug \d{4}\)$/,
        );
      await gao.goto(`${web.url}/exchanges`);
      const card = gao.getByTestId('posting').filter({ hasText: '南湖村小学' });
      await card.getByRole('button', { name: lang === 'zh' ? '申请' : 'Apply', exact: true }).click();
      const rules = card.getByTestId('eligibility-rules');
      await expect
        .poll(() => rules.innerText(), POLL)
        .toMatch(
          lang === 'zh' ? /^已在交流岗位上，至 \d{4}年8月31日$/ : /^already in an exchange post until 31 Aug \d{4}$/,
        );
      const submit = card.getByRole('button', { name: lang === 'zh' ? '提交申请' : 'Submit application' });
      expect(await submit.isDisabled()).toBe(true);
      await gao.context().close();
    }
  });

  it('a decision on an application withdrawn meanwhile says so in words, and nothing else changes', async () => {
    const leader = await homeOf('leader@jinghua.demo');
    await leader.goto(`${web.url}/exchanges/applications?tab=to_approve`);
    const card = applicationOf(leader, '李雪梅');
    await card.getByRole('button', { name: '同意', exact: true }).waitFor();
    // 李雪梅 withdraws while the leader's page is open.
    const li = await pageAs(web, 'li@jhxx.demo');
    const { items } = (await (await li.request.get(`${web.url}/api/exchanges/applications`)).json()) as {
      items: { id: string }[];
    };
    const withdrawn = await li.request.post(`${web.url}/api/exchanges/applications/${items[0]?.id}/withdraw`, {
      headers: { origin: web.url },
      data: {},
    });
    expect(withdrawn.status(), await withdrawn.text()).toBe(200);
    await li.context().close();
    await card.getByRole('button', { name: '同意', exact: true }).click();
    await expect
      .poll(() => card.getByRole('alert').innerText(), POLL)
      .toBe('现在的状态下不能这样做，可能别人刚刚改过，请刷新后再看。');
    await leader.context().close();
  });

  it('a leader sets up a programme from its defaults and posts an opening at 南湖村小学 for it', async () => {
    const leader = await homeOf('leader@jinghua.demo');
    await leader
      .getByRole('navigation')
      .getByRole('link', { name: /^教师交流/ })
      .click();
    await leader.getByRole('link', { name: '设立交流项目' }).click();
    // The policy's figures are there already; only the name is typed.
    expect(await leader.getByLabel('在本校连续任教满（年）').inputValue()).toBe('6');
    expect(await leader.getByLabel('距退休至少（年）').inputValue()).toBe('5');
    expect(await leader.getByLabel('每学年交流比例（占符合条件教师的 %）').inputValue()).toBe('10');
    expect(await leader.getByLabel('骨干教师比例（%）').inputValue()).toBe('20');
    await leader.getByLabel('项目名称').fill('京华教育集团 支教试点');
    await leader.getByLabel('交流类型').selectOption({ label: '支教' });
    await leader.getByRole('button', { name: '创建项目' }).click();
    await leader.getByRole('heading', { level: 1, name: '发布交流岗位' }).waitFor();
    expect(await leader.getByLabel('交流项目').locator('option:checked').innerText()).toBe('京华教育集团 支教试点');
    await leader.getByLabel('接收学校').selectOption({ label: '南湖村小学' });
    await leader.getByLabel('学科', { exact: true }).selectOption({ label: '英语' });
    await leader.getByLabel(/^工作内容/).fill('承担三至六年级英语教学。');
    await leader.getByRole('button', { name: '发布', exact: true }).click();
    await leader.getByRole('heading', { level: 1, name: '教师交流' }).waitFor();
    await leader.getByRole('button', { name: '支教', exact: true }).click();
    const card = leader.getByTestId('posting').filter({ hasText: '英语' });
    await expect.poll(() => card.innerText(), POLL).toMatch(/南湖村小学[\s\S]*支教[\s\S]*承担三至六年级英语教学/);
    await leader.context().close();
  });

  it('on a 390-px phone and a 1920×1080 projector nothing reaches past the edge', async () => {
    const problems: string[] = [];
    for (const size of ['phone', 'projector'] as const)
      for (const [email, paths] of [
        ['zhang@jhzx.demo', ['/', '/exchanges', '/exchanges/applications']],
        ['leader@jinghua.demo', ['/exchanges/applications', '/exchanges/programmes/new', '/exchanges/postings/new']],
      ] as const) {
        const page = await pageIn(web, email, 'zh', size);
        for (const path of paths) {
          await page.goto(`${web.url}${path}`);
          await page.getByRole('heading', { level: 1 }).first().waitFor();
          await page.waitForLoadState('networkidle');
          const found = await misfits(page, null);
          if (found.length) problems.push(`${size} ${email} ${path}\n  ${found.join('\n  ')}`);
          const name = `${size}-${email.split('@')[0]}${path.replaceAll('/', '-')}`;
          await page.screenshot({ path: `${SHOTS}/exchanges-${name}.png`, fullPage: true });
        }
        await page.context().close();
      }
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
