// Issue 5's figures, against a real livekit-server on loopback and headless Chromium with a fake camera and
// microphone, the teacher publishing from the app's own console (720p camera with simulcast):
//  1. join time — a classroom's click on "进入课堂" on its home page to the first decoded frame of the teacher,
//     next to a bare livekit-client connect-and-subscribe (token in hand) in the same run;
//  2. a weak link — the classroom's downlink held to 500 kbit/s by LiveKit's simulated subscriber bandwidth:
//     video frames per second, the layer received and audio concealment, next to the same subscriber unthrottled.
// Run: npx tsx bench/live.bench.ts (also part of npm run bench). Needs `npm run livekit:install` and Chromium.
import { fileURLToPath } from 'node:url';
import { AccessToken } from 'livekit-server-sdk';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startLocalLiveKit } from '../server/lib/livekit-local';
import { launchBrowser, MEDIA_FLAGS, newContext } from '../test/support/browser';
import { freePorts } from '../test/support/ports';
import { startTestServer } from '../test/support/server';
import { round, table } from './lib';
import { serveBarePage } from './live/bare-page';
import { signInAs, teacherGoesLive } from './live/teacher';

const ROUNDS = Number(process.env.BENCH_JOIN_ROUNDS ?? 8);
const WINDOW_S = Number(process.env.BENCH_WINDOW_S ?? 15);
const LIMIT_BPS = 500_000;
// 'app' gives the baseline the app's room settings (adaptive stream, dynacast), to see what they cost.
const BARE_SETTINGS = process.env.BENCH_BARE_SETTINGS === 'app' ? 'app' : 'bare';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p90 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.9))]!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until the video element has decoded a frame; returns ms since `t0`. */
async function firstFrame(page: Page, selector: string, t0: number): Promise<number> {
  for (;;) {
    const ok = await page.evaluate((sel) => {
      const v = document.querySelector(sel) as HTMLVideoElement | null;
      return !!v && v.videoWidth > 0 && v.getVideoPlaybackQuality().totalVideoFrames > 0;
    }, selector);
    if (ok) return performance.now() - t0;
    if (performance.now() - t0 > 30_000) throw new Error(`no frame in ${selector} after 30 s`);
    await sleep(10);
  }
}

export async function benchLive() {
  const [port, tcpPort, udpPort] = await freePorts(3);
  const lk = await startLocalLiveKit({ port: port!, tcpPort: tcpPort!, udpPort: udpPort! });
  const web = await startTestServer({ livekit: lk });
  const bare = await serveBarePage();
  let browser: Browser | undefined;
  try {
    browser = await launchBrowser(MEDIA_FLAGS);
    const login = (ctx: BrowserContext, email: string) => signInAs(ctx, web.url, email);
    const teacherCtx = await newContext(browser, 'laptop');
    const { lessonId } = await teacherGoesLive(teacherCtx, web.url, { title: '基准测试' });
    const lesson = { id: lessonId };

    // 1. Join time: the app's one click, and a bare connect, alternating; the first of each warms caches.
    const appCtx = await newContext(browser, 'projector');
    await login(appCtx, 'zhao@beishan.demo');
    const bareCtx = await newContext(browser, 'projector');
    const classroomToken = async () =>
      (await (await appCtx.request.post(`${web.url}/api/lessons/${lesson.id}/join`)).json()) as {
        url: string;
        token: string;
      };
    const app: number[] = [];
    const phases: Record<string, number>[] = [];
    const bareTimes: number[] = [];
    for (let i = 0; i <= ROUNDS; i++) {
      const page = await appCtx.newPage();
      await page.goto(`${web.url}/`);
      const button = page.locator('.classroom-card').getByRole('link', { name: '进入课堂' }).first();
      await button.waitFor();
      await page.evaluate(() =>
        document.addEventListener('click', () => performance.mark('tz:click'), { capture: true, once: true }),
      );
      const t0 = performance.now();
      await button.click();
      const ms = await firstFrame(page, 'video.teacher-main', t0);
      if (i > 0) app.push(ms);
      if (i > 0) {
        const marks = await page.evaluate(() =>
          Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])),
        );
        const since = (n: string) => (marks[n] ?? NaN) - marks['tz:click']!;
        phases.push({
          request: since('tz:join-request'),
          answer: since('tz:join-answer'),
          connected: since('tz:connected'),
          subscribed: since('tz:video-subscribed'),
        });
      }
      await page.close();
      await sleep(500);

      const join = await classroomToken();
      const bp = await bare.open(bareCtx);
      const t1 = performance.now();
      void bp.evaluate(([u, t, s]) => (window as any).bare.join(u, t, s), [join.url, join.token, BARE_SETTINGS]);
      const bms = await firstFrame(bp, '#v', t1);
      if (i > 0) bareTimes.push(bms);
      await bp.evaluate(() => (window as any).bare.leave());
      await bp.close();
      await sleep(500);
    }

    // 2. A weak link: one subscriber with the app's room settings, measured free and then held to 500 kbit/s.
    const roomName = JSON.parse(Buffer.from((await classroomToken()).token.split('.')[1]!, 'base64url').toString())
      .video.room as string;
    const at = new AccessToken(lk.apiKey, lk.apiSecret, { identity: 'bench:weak-link', name: '弱网班级', ttl: '15m' });
    at.addGrant({ roomJoin: true, room: roomName, canSubscribe: true, canPublish: false, canPublishData: true });
    const weak = await bare.open(bareCtx);
    await weak.evaluate(([u, t]) => (window as any).bare.join(u, t, 'app'), [lk.url, await at.toJwt()]);
    await firstFrame(weak, '#v', performance.now());
    await sleep(3000);
    const measure = async () => {
      const a = await weak.evaluate(() => (window as any).bare.stats());
      await sleep(WINDOW_S * 1000);
      const b = await weak.evaluate(() => (window as any).bare.stats());
      const seconds = b.audioDuration - a.audioDuration || WINDOW_S;
      return {
        fps: (b.framesDecoded - a.framesDecoded) / WINDOW_S,
        height: b.frameHeight as number,
        level: b.level as string,
        kbps: ((b.videoBytes - a.videoBytes) * 8) / WINDOW_S / 1000,
        concealedMs: ((b.concealed - a.concealed) / 48_000) * 1000,
        concealmentEvents: b.concealmentEvents - a.concealmentEvents,
        audioSeconds: seconds,
      };
    };
    const free = await measure();
    await weak.evaluate((bps) => (window as any).bare.simulate(bps), LIMIT_BPS);
    // Time for the guard to notice (two 2 s readings) and for the smaller layer to arrive.
    await sleep(10_000);
    const limited = await measure();
    await weak.evaluate(() => (window as any).bare.leave());

    const phase = (k: string) => median(phases.map((p) => p[k]!));
    return {
      rounds: ROUNDS,
      app,
      bare: bareTimes,
      free,
      limited,
      phases: {
        request: phase('request'),
        answer: phase('answer'),
        connected: phase('connected'),
        subscribed: phase('subscribed'),
      },
    };
  } finally {
    await browser?.close();
    bare.close();
    await web.stop();
    await lk.stop();
  }
}

export function printLive(r: Awaited<ReturnType<typeof benchLive>>): string {
  const ratio = median(r.app) / median(r.bare);
  return [
    `Join time, click → first decoded frame (${r.rounds} rounds after a warm-up)`,
    table(
      ['', 'median', 'p90', '× bare'],
      [
        [
          'app: 进入课堂 on the home page',
          `${round(median(r.app))} ms`,
          `${round(p90(r.app))} ms`,
          `${round(ratio, 2)} ×`,
        ],
        ['bare livekit-client connect + subscribe', `${round(median(r.bare))} ms`, `${round(p90(r.bare))} ms`, '1 ×'],
      ],
    ),
    `aim ≤ 1.3 ×: ${ratio <= 1.3 ? 'met' : 'missed'}   app: ${r.app.map((x) => round(x)).join(', ')}   bare: ` +
      `${r.bare.map((x) => round(x)).join(', ')}`,
    `app, medians after the click: join requested ${round(r.phases.request)} ms, answered ` +
      `${round(r.phases.answer)} ms, connected ${round(r.phases.connected)} ms, video subscribed ` +
      `${round(r.phases.subscribed)} ms`,
    '',
    `Weak link: subscriber downlink held to ${LIMIT_BPS / 1000} kbit/s by LiveKit's simulated subscriber bandwidth (${WINDOW_S} s windows)`,
    table(
      ['', 'video fps', 'layer', 'guard', 'video kbit/s', 'audio concealed', 'concealment events'],
      [
        [
          '500 kbit/s',
          `${round(r.limited.fps, 1)}`,
          `${r.limited.height}p`,
          r.limited.level,
          `${round(r.limited.kbps)}`,
          `${round(r.limited.concealedMs)} ms`,
          `${r.limited.concealmentEvents}`,
        ],
        [
          'unlimited (baseline)',
          `${round(r.free.fps, 1)}`,
          `${r.free.height}p`,
          r.free.level,
          `${round(r.free.kbps)}`,
          `${round(r.free.concealedMs)} ms`,
          `${r.free.concealmentEvents}`,
        ],
      ],
    ),
    `aim ≥ 15 fps and no audio gaps: ${r.limited.fps >= 15 && r.limited.concealedMs < 20 ? 'met' : 'missed'}`,
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(printLive(await benchLive()));
  process.exit(0);
}
