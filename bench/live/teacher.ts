// The live benches' teacher: 王 of 京华实验中学 signs in, schedules a lesson that is on now for 北山乡中心小学's
// 四年级一班 and goes live from the app's own console (not recorded: that is the teacher's choice, off unless ticked,
// and would only add CPU to both sides), sharing the screen when asked.
import type { BrowserContext, Page } from 'playwright-core';
import { SLIDES_CAPTURE } from './slides';

export async function signInAs(ctx: BrowserContext, base: string, email: string): Promise<void> {
  const r = await ctx.request.post(`${base}/api/auth/login`, { data: { email, password: 'tongzhou-demo' } });
  if (!r.ok()) throw new Error(`sign-in as ${email}: ${r.status()}`);
}

export async function teacherGoesLive(
  ctx: BrowserContext,
  base: string,
  /** share: what the console shares — slides (bench/live/slides.ts), or Chromium's own moving test pattern. */
  opts: { title: string; share?: 'slides' | 'pattern' },
): Promise<{ lessonId: string; console: Page }> {
  await signInAs(ctx, base, 'wang@jhzx.demo');
  const rooms = (await (await ctx.request.get(`${base}/api/classrooms`)).json()).items as {
    id: string;
    name: string;
    schoolName: string;
  }[];
  const beishan = rooms.find((r) => r.schoolName === '北山乡中心小学' && r.name === '四年级一班');
  if (!beishan) throw new Error('the demo classroom 北山乡中心小学 四年级一班 is missing');
  const created = await ctx.request.post(`${base}/api/lessons`, {
    data: {
      title: opts.title,
      subject: 'math',
      grade: 4,
      startsAt: new Date(Date.now() - 60_000).toISOString(),
      endsAt: new Date(Date.now() + 3600_000).toISOString(),
      classroomIds: [beishan.id],
      allowClashes: true,
    },
  });
  if (!created.ok()) throw new Error(`scheduling the lesson answered ${created.status()}`);
  const lessonId = ((await created.json()).lesson as { id: string }).id;
  if (opts.share === 'slides') await ctx.addInitScript(SLIDES_CAPTURE);
  const page = await ctx.newPage();
  await page.goto(`${base}/lessons/${lessonId}/console`);
  await page.getByRole('button', { name: '开始直播' }).click({ timeout: 30_000 });
  await page.getByText('直播中').first().waitFor({ timeout: 30_000 });
  if (opts.share) await page.getByRole('button', { name: '共享屏幕' }).click({ timeout: 30_000 });
  await new Promise((r) => setTimeout(r, 2000));
  return { lessonId, console: page };
}
