// Issue 16: the live lesson on the networks rural schools really have. A real teacher goes live from the app's console
// (fake 720p camera with simulcast, microphone, and shared slides with a moving pointer, bench/live/slides.ts; with
// BENCH_SHARE=pattern, Chromium's own test pattern, which moves like a video); a classroom's big screen — the app's
// own live page, in Chromium — runs in a network namespace whose link to this machine (test/support/netns.ts) is:
//  (a) 500 kbit/s, 150 ms, 1 % loss; (b) 300 kbit/s, 300 ms, 3 % loss; (c) 150 kbit/s, 200 ms; (d) no UDP at all,
//  TCP to LiveKit's ICE/TCP port; (e) only HTTPS out: TCP to port 443, where LiveKit's own TURN server listens over
//  TLS (and, in both, to the app's and LiveKit's signalling ports, which a school served over HTTPS has behind 443).
// The delay is the round trip (half each way); rate and loss hold both ways. For each: the time from opening the page
// to the first frame (and again with the app's code cached), the frame rate and size of the shared screen (shown
// large) and of the camera (inset), audio concealment per minute, the picture's freezes over 500 ms, how the
// connection runs (UDP or TCP, direct or relayed) and what the big screen says. One line per condition, then the
// summary line.
// Run: npm run bench:network (root, iproute2, ethtool and Go; `npm run livekit:install`; Chromium).
// BENCH_CONDITIONS=a,c picks conditions; BENCH_TRACE=1 prints every 2 s of each; BENCH_SETTLE_S and BENCH_WINDOW_S
// time the window.
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { startLocalLiveKit } from '../server/lib/livekit-local';
import { launchBrowser, MEDIA_FLAGS, newContext } from '../test/support/browser';
import { type Conditions, makeClassroomNet, netnsUnavailable } from '../test/support/netns';
import { freePorts } from '../test/support/ports';
import { startTestServer } from '../test/support/server';
import { turnBrowserFlags, turnCert } from '../test/support/turn';
import { LEGIBLE_HEIGHT } from '../web/src/features/lessons/link-mode';
import { round, table } from './lib';
import { signInAs, teacherGoesLive } from './live/teacher';

const WINDOW_S = Number(process.env.BENCH_WINDOW_S ?? 20);
const SETTLE_S = Number(process.env.BENCH_SETTLE_S ?? 10);
/** What the teacher shares: slides with a moving pointer (a lesson), or BENCH_SHARE=pattern (Chromium's own). */
const SHARE = process.env.BENCH_SHARE === 'pattern' ? 'pattern' : 'slides';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const both = (kbit: number | undefined, rttMs: number, lossPct: number | undefined) => {
  const link = { ...(kbit ? { kbit } : {}), delayMs: rttMs / 2, ...(lossPct ? { lossPct } : {}) };
  return { down: link, up: link };
};

/** Stands for LiveKit's ICE/TCP port in a condition (known once the server is started). */
const ICE_TCP = -1;

export const CONDITIONS: { key: string; label: string; net: Conditions }[] = [
  { key: 'a', label: '500 kbit/s, 150 ms, 1 % loss', net: both(500, 150, 1) },
  { key: 'b', label: '300 kbit/s, 300 ms, 3 % loss', net: both(300, 300, 3) },
  { key: 'c', label: '150 kbit/s, 200 ms', net: both(150, 200, undefined) },
  // The firewalls' open ports besides the app's and LiveKit's signalling (a school served over HTTPS has both behind
  // 443): LiveKit's ICE/TCP port (d: given TURN too, a browser may take either), or only 443, its TURN over TLS (e).
  { key: 'd', label: 'UDP blocked, TCP only', net: { down: {}, up: {}, tcpOnly: [ICE_TCP] } },
  { key: 'e', label: 'only HTTPS out (TCP 443)', net: { down: {}, up: {}, tcpOnly: [443] } },
];

/** Every RTCPeerConnection the page makes, kept for getStats; the big screen's picture watched frame by frame. */
const INIT = `(() => {
  const pcs = [];
  const Native = window.RTCPeerConnection;
  window.RTCPeerConnection = function (...args) { const pc = new Native(...args); pcs.push(pc); return pc; };
  window.RTCPeerConnection.prototype = Native.prototype;
  window.__tzPcs = pcs;
  window.__tzWatch = (selector) => {
    const gaps = []; let last = 0; let stop = false;
    const tick = (now) => {
      if (stop) return;
      if (last && now - last > 500) gaps.push(now - last);
      last = now;
      const v = document.querySelector(selector);
      if (v && v.requestVideoFrameCallback) v.requestVideoFrameCallback(tick); else setTimeout(() => tick(performance.now()), 50);
    };
    const v = document.querySelector(selector);
    if (v && v.requestVideoFrameCallback) v.requestVideoFrameCallback(tick);
    return () => { stop = true; return gaps; };
  };
  window.__tzRead = async () => {
    const idOf = (sel) => document.querySelector(sel)?.srcObject?.getVideoTracks()[0]?.id;
    // The last track each picture showed: a camera paused during the window leaves its element, not its counters.
    const ids = (window.__tzIds = window.__tzIds || {});
    const shown = { main: idOf('video.teacher-main'), inset: idOf('video.teacher-inset') };
    ids.main = shown.main || ids.main;
    ids.inset = shown.inset || ids.inset;
    const out = { at: performance.now(), concealed: 0, samples: 0, cameraShown: !!shown.inset };
    for (const pc of pcs) {
      if (pc.connectionState === 'closed') continue;
      const byId = new Map();
      (await pc.getStats()).forEach((r) => byId.set(r.id, r));
      for (const r of byId.values()) {
        if (r.type === 'inbound-rtp' && r.kind === 'video') {
          const which = r.trackIdentifier === ids.main ? 'main' : r.trackIdentifier === ids.inset ? 'inset' : null;
          if (which) out[which] = { frames: r.framesDecoded || 0, width: r.frameWidth || 0, height: r.frameHeight || 0, bytes: r.bytesReceived || 0 };
        }
        if (r.type === 'inbound-rtp' && r.kind === 'audio') {
          out.concealed += r.concealedSamples || 0;
          out.samples += r.totalSamplesReceived || 0;
        }
        if (r.type === 'transport' && r.selectedCandidatePairId && (r.bytesReceived || 0) > 10000) {
          const pair = byId.get(r.selectedCandidatePairId);
          const local = pair && byId.get(pair.localCandidateId);
          if (local) out.transport = local.protocol + (local.candidateType === 'relay' ? ' via TURN' : '');
          if (pair) {
            out.estimate = pair.availableIncomingBitrate;
            out.bytes = (out.bytes || 0) + (pair.bytesReceived || 0);
          }
        }
      }
    }
    return out;
  };
})();`;

interface Reading {
  at: number;
  main?: { frames: number; width: number; height: number; bytes: number };
  inset?: { frames: number; width: number; height: number; bytes: number };
  concealed: number;
  samples: number;
  /** Whether the teacher's camera is on the screen now (its counters are read after it leaves). */
  cameraShown: boolean;
  transport?: string;
  /** The browser's estimate of what the link carries (bit/s), where it makes one; and the bytes received. */
  estimate?: number;
  bytes?: number;
}

/** What the big screen receives now: its two pictures, its sound, and the connection in use (INIT's __tzRead). */
const read = (page: Page) => page.evaluate('window.__tzRead()') as Promise<Reading>;

/** From opening the big screen's page to its first frame of the teacher (null: none within a minute). */
async function firstFrame(page: Page, url: string): Promise<number | null> {
  const t0 = performance.now();
  await page.goto(url, { timeout: 60_000 });
  while (performance.now() - t0 < 60_000) {
    const shown = await page.evaluate(
      "(v => !!v && v.videoWidth > 0 && v.getVideoPlaybackQuality().totalVideoFrames > 0)(document.querySelector('video.teacher-main'))",
    );
    if (shown) return performance.now() - t0;
    await sleep(50);
  }
  return null;
}

/**
 * BENCH_TRACE: every 2 s from the first frame, the share of the sound made up, the shared screen's frames and the
 * big screen's mode — what the averages over the window hide (the first seconds of a short link, a single burst).
 */
function trace(page: Page, key: string): () => Promise<void> {
  let on = true;
  const running = (async () => {
    const t0 = performance.now();
    let prev = await read(page);
    while (on) {
      await sleep(2000);
      const now = await read(page).catch(() => null);
      if (!now) break;
      const mode = await page
        .locator('.stage-status [data-mode]')
        .getAttribute('data-mode', { timeout: 100 })
        .catch(() => 'full');
      const made = (now.concealed - prev.concealed) / Math.max(1, now.samples - prev.samples);
      const frames = (now.main?.frames ?? 0) - (prev.main?.frames ?? 0);
      /** kbit/s between the two readings, of bytes counted in each (bytes per ms × 8 = kbit/s). */
      const kbit = (bytes: (r: Reading) => number | undefined) =>
        round((((bytes(now) ?? 0) - (bytes(prev) ?? 0)) * 8) / (now.at - prev.at));
      console.log(
        `  (${key}) +${round((performance.now() - t0) / 1000)} s: sound made up ${round(made * 100, 1)} %, ` +
          `screen ${frames} frames (${kbit((r) => r.main?.bytes)} kbit/s), mode ${mode}, ` +
          `${kbit((r) => r.bytes)} kbit/s in, ` +
          `estimate ${now.estimate === undefined ? '—' : round(now.estimate / 1000)} kbit/s`,
      );
      prev = now;
    }
  })();
  return async () => {
    on = false;
    await running;
  };
}

interface Result {
  key: string;
  label: string;
  firstFrameMs: number | null;
  /** The same, opened again with the app's code in the browser's cache (as on a classroom PC the day after). */
  warmFirstFrameMs: number | null;
  shareFps: number;
  shareHeight: number;
  cameraFps: number;
  cameraHeight: number;
  concealedMsPerMin: number;
  freezes: number;
  longestFreezeMs: number;
  transport: string;
  says: string;
}

async function underCondition(
  browser: Browser,
  url: string,
  c: (typeof CONDITIONS)[number],
  shape: (c: Conditions) => Promise<void>,
): Promise<Result> {
  await shape(c.net);
  const ctx = await newContext(browser, 'projector');
  await ctx.addInitScript(INIT);
  try {
    await signInAs(ctx, url.split('/lessons')[0]!, 'zhao@beishan.demo');
    const page = await ctx.newPage();
    if (process.env.BENCH_DEBUG) page.on('console', (m) => console.log(`[classroom] ${m.type()}: ${m.text()}`));
    const firstFrameMs = await firstFrame(page, url);
    const stopTrace = process.env.BENCH_TRACE ? trace(page, c.key) : async () => {};
    await sleep(SETTLE_S * 1000);
    await page.evaluate("window.__tzStop = window.__tzWatch('video.teacher-main')");
    const a = await read(page);
    await sleep(WINDOW_S * 1000);
    const b = await read(page);
    const gaps = (await page.evaluate('window.__tzStop()')) as number[];
    await stopTrace();
    const status = await page
      .locator('.stage-status')
      .textContent({ timeout: 5000 })
      .catch(() => null);
    const says = (status ?? '').replace(/\s+/g, ' ').trim();
    await page.goto('about:blank');
    const warmFirstFrameMs = await firstFrame(page, url);
    const seconds = (b.at - a.at) / 1000;
    const fps = (k: 'main' | 'inset') => ((b[k]?.frames ?? 0) - (a[k]?.frames ?? 0)) / seconds;
    const samples = b.samples - a.samples;
    return {
      key: c.key,
      label: c.label,
      firstFrameMs,
      warmFirstFrameMs,
      shareFps: fps('main'),
      shareHeight: b.main?.height ?? 0,
      cameraFps: fps('inset'),
      cameraHeight: b.cameraShown ? (b.inset?.height ?? 0) : 0,
      concealedMsPerMin: samples > 0 ? ((b.concealed - a.concealed) / samples) * 60_000 : Number.NaN,
      freezes: gaps.length,
      longestFreezeMs: gaps.length ? Math.max(...gaps) : 0,
      transport: b.transport ?? '—',
      says: says || '(nothing)',
    };
  } finally {
    await ctx.close();
  }
}

export async function benchNetwork(): Promise<Result[]> {
  const why = netnsUnavailable();
  if (why) throw new Error(`the network bench needs a classroom namespace: ${why}`);
  const net = await makeClassroomNet(0);
  const [port, tcpPort, udpPort] = await freePorts(3);
  const turn = turnCert();
  const lk = await startLocalLiveKit({
    port: port!,
    tcpPort: tcpPort!,
    udpPort: udpPort!,
    address: net.hostIp,
    turn,
    ...(process.env.BENCH_LIVEKIT_DEBUG ? { debug: true, log: (l: string) => console.log('[lk]', l) } : {}),
  });
  const web = await startTestServer({
    livekit: { ...lk, url: lk.url.replace('127.0.0.1', net.hostIp) },
    host: net.hostIp,
  });
  const secure = [`--unsafely-treat-insecure-origin-as-secure=${web.url}`];
  let teacherBrowser: Browser | undefined;
  let classBrowser: Browser | undefined;
  try {
    teacherBrowser = await launchBrowser([...MEDIA_FLAGS, ...secure]);
    classBrowser = await launchBrowser(
      [...MEDIA_FLAGS, ...secure, ...turnBrowserFlags(turn, net.hostIp)],
      net.wrapper('/usr/bin/chromium'),
    );
    const teacherCtx = await newContext(teacherBrowser, 'laptop');
    const { lessonId } = await teacherGoesLive(teacherCtx, web.url, {
      title: '弱网测试：分数的初步认识',
      share: SHARE,
    });

    const results: Result[] = [];
    const only = process.env.BENCH_CONDITIONS?.split(',');
    const none: (typeof CONDITIONS)[number] = { key: '0', label: 'unshaped', net: { down: {}, up: {} } };
    // A firewall's open ports, and the two signalling ports this bench serves without TLS.
    const signalling = [Number(new URL(web.url).port), port!];
    const open = (x: Conditions): Conditions =>
      x.tcpOnly ? { ...x, tcpOnly: [...x.tcpOnly.map((p) => (p === ICE_TCP ? tcpPort! : p)), ...signalling] } : x;
    const url = `${web.url}/lessons/${lessonId}/live`;
    for (const c of only?.includes('0') ? [none] : CONDITIONS.filter((x) => !only || only.includes(x.key))) {
      results.push(await underCondition(classBrowser, url, c, (x) => net.shape(open(x))));
      console.log(printLine(results[results.length - 1]!));
    }
    return results;
  } finally {
    await classBrowser?.close().catch(() => {});
    await teacherBrowser?.close().catch(() => {});
    await web.stop();
    await lk.stop();
    net.remove();
    turn.remove();
  }
}

const ms = (x: number | null) => (x === null ? 'never' : `${round(x)} ms`);

/** The picture that moves best: the camera, or the shared screen when the camera is paused for it. */
const fpsOf = (r: Result) => Math.max(r.cameraFps, r.shareFps);

/** The issue's aims for one condition, judged. */
export function aimOf(r: Result): { aim: string; met: boolean } {
  const legible = r.shareHeight >= LEGIBLE_HEIGHT;
  const audio = (limit: number) => Number.isFinite(r.concealedMsPerMin) && r.concealedMsPerMin < limit;
  switch (r.key) {
    case 'a':
      return { aim: '≥ 15 fps, < 200 ms concealed/min', met: fpsOf(r) >= 15 && audio(200) };
    case 'b':
      return {
        aim: '≥ 10 fps or share legible, audio < 500 ms/min',
        met: (r.cameraFps >= 10 || legible) && audio(500),
      };
    case 'c':
      return { aim: 'audio continuous, slides legible', met: audio(500) && legible && r.shareFps > 0 };
    default:
      return {
        aim: 'connects within 10 s and plays',
        met: r.firstFrameMs !== null && r.firstFrameMs <= 10_000 && r.shareFps > 0,
      };
  }
}

function printLine(r: Result): string {
  return (
    `(${r.key}) ${r.label}: first frame ${ms(r.firstFrameMs)} (code cached: ${ms(r.warmFirstFrameMs)}); ` +
    `share ${round(r.shareFps, 1)} fps at ${r.shareHeight}p; ` +
    `camera ${round(r.cameraFps, 1)} fps at ${r.cameraHeight}p; audio concealed ${round(r.concealedMsPerMin)} ms/min; ` +
    `freezes > 500 ms: ${r.freezes} (longest ${round(r.longestFreezeMs)} ms); over ${r.transport}; says "${r.says}"`
  );
}

export function printNetwork(results: Result[]): string {
  const by = (k: string) => results.find((r) => r.key === k);
  const fpsConceal = (r?: Result) => (r ? `${round(fpsOf(r), 1)}/${round(r.concealedMsPerMin)}` : '—');
  const d = by('d');
  return [
    `The big screen on a shaped link (${WINDOW_S} s windows after ${SETTLE_S} s; delay is the round trip)`,
    table(
      ['', 'first frame', 'cached', 'share', 'camera', 'concealed/min', 'freezes', 'over', 'aim', ''],
      results.map((r) => {
        const { aim, met } = aimOf(r);
        return [
          `(${r.key}) ${r.label}`,
          ms(r.firstFrameMs),
          ms(r.warmFirstFrameMs),
          `${round(r.shareFps, 1)} fps ${r.shareHeight}p`,
          `${round(r.cameraFps, 1)} fps ${r.cameraHeight}p`,
          `${round(r.concealedMsPerMin)} ms`,
          `${r.freezes}`,
          r.transport,
          aim,
          met ? 'met' : 'MISSED',
        ];
      }),
    ),
    `network: a ${fpsConceal(by('a'))} · b ${fpsConceal(by('b'))} · c ${fpsConceal(by('c'))} · d ${
      d ? `${d.firstFrameMs !== null ? 'yes' : 'no'}, ${round(d.shareFps, 1)}` : '—'
    }`,
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(printNetwork(await benchNetwork()));
  process.exit(0);
}
