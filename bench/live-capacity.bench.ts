// Issue 5's capacity figure: how many classroom subscribers one teacher publishing 720p simulcast can serve from
// this machine through the real livekit-server. The teacher is headless Chromium (fake camera, the app's
// publish settings); the subscribers are bench/loadsub (Go, server-sdk-go: they receive RTP without decoding,
// so the load is the server's). For each step it reports what every subscriber received, RTP loss, and the CPU
// of the LiveKit server and of the whole machine. Baseline: the same publisher with 1 subscriber.
// Run: npx tsx bench/live-capacity.bench.ts (also part of npm run bench). Builds bench/loadsub with Go.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { AccessToken, RoomServiceClient } from 'livekit-server-sdk';
import { startLocalLiveKit } from '../server/lib/livekit-local';
import { launchBrowser, MEDIA_FLAGS, newContext } from '../test/support/browser';
import { freePorts } from '../test/support/ports';
import { round, table } from './lib';
import { serveBarePage } from './live/bare-page';

const root = fileURLToPath(new URL('..', import.meta.url));
const LOADSUB = `${root}.cache/bin/loadsub`;
const STEPS = (process.env.BENCH_SUBSCRIBERS ?? '1,25,50,100,150').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_WINDOW_S ?? 15);

function ensureLoadsub() {
  if (existsSync(LOADSUB)) return;
  console.log('Building bench/loadsub (Go)…');
  execFileSync('go', ['build', '-o', LOADSUB, '.'], { cwd: `${root}bench/loadsub`, stdio: 'inherit' });
}

/** CPU seconds used by a process so far (utime + stime). */
const cpuOf = (pid: number) => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(f[11]) + Number(f[12])) / 100;
};
/** Busy and total jiffies of the whole machine. */
const machine = () => {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const idle = f[3]! + f[4]!;
  const total = f.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
};

interface Step {
  n: number;
  connected: number;
  withVideo: number;
  kbpsMean: number;
  kbpsMin: number;
  videoLoss: number;
  audioLoss: number;
  serverCpu: number;
  machineCpu: number;
}

export async function benchCapacity(): Promise<{
  steps: Step[];
  publisher: { width: number; height: number };
  cores: number;
}> {
  ensureLoadsub();
  const [port, tcpPort, udpPort] = await freePorts(3);
  const lk = await startLocalLiveKit({ port: port!, tcpPort: tcpPort!, udpPort: udpPort! });
  const room = `capacity-${process.pid}`;
  await new RoomServiceClient(lk.url.replace(/^ws/, 'http'), lk.apiKey, lk.apiSecret).createRoom({
    name: room,
    emptyTimeout: 600,
    maxParticipants: 0,
  });
  const bare = await serveBarePage();
  const browser = await launchBrowser(MEDIA_FLAGS);
  try {
    const token = new AccessToken(lk.apiKey, lk.apiSecret, {
      identity: 'teacher',
      name: '王明远',
      ttl: '1h',
      metadata: JSON.stringify({ role: 'teacher' }),
    });
    token.addGrant({ roomJoin: true, room, canPublish: true, canSubscribe: true });
    const teacher = await bare.open(await newContext(browser));
    await teacher.evaluate(([u, t]) => (window as any).bare.join(u, t, 'app'), [lk.url, await token.toJwt()]);
    const publisher = await teacher.evaluate(() => (window as any).bare.publish());
    await new Promise((r) => setTimeout(r, 3000));

    const steps: Step[] = [];
    for (const n of STEPS) {
      const child = spawn(
        LOADSUB,
        [
          '-url',
          lk.url,
          '-key',
          lk.apiKey,
          '-secret',
          lk.apiSecret,
          '-room',
          room,
          '-n',
          String(n),
          '-seconds',
          String(SECONDS),
          '-prefix',
          `load${n}`,
        ],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let out = '';
      let err = '';
      child.stdout.on('data', (b) => (out += b));
      child.stderr.on('data', (b) => (err += b));
      // Sample CPU over the measured window: loadsub prints when it is done; sample from when all have joined.
      let s0: { server: number; m: ReturnType<typeof machine>; at: number } | undefined;
      const sampler = setInterval(() => {
        if (!s0 && /measuring/.test(err)) s0 = { server: cpuOf(lk.pid), m: machine(), at: performance.now() };
      }, 100);
      const code = await new Promise<number>((ok) => child.on('exit', (c) => ok(c ?? 1)));
      clearInterval(sampler);
      const s1 = { server: cpuOf(lk.pid), m: machine(), at: performance.now() };
      if (code !== 0) throw new Error(`loadsub failed: ${err.slice(-500)}`);
      const r = JSON.parse(out.trim().split('\n').pop()!);
      const wall = s0 ? (s1.at - s0.at) / 1000 : SECONDS;
      steps.push({
        n,
        connected: r.Connected,
        withVideo: r.WithVideo,
        kbpsMean: r.VideoKbpsMean,
        kbpsMin: r.VideoKbpsMin,
        videoLoss: r.VideoLossPct,
        audioLoss: r.AudioLossPct,
        serverCpu: s0 ? ((s1.server - s0.server) / wall) * 100 : NaN,
        machineCpu: s0 ? ((s1.m.busy - s0.m.busy) / (s1.m.total - s0.m.total)) * 100 : NaN,
      });
      console.log(`  ${n} subscribers: ${JSON.stringify(steps.at(-1))}`);
      await new Promise((res) => setTimeout(res, 3000));
    }
    return { steps, publisher, cores: cpus().length };
  } finally {
    await browser.close();
    bare.close();
    await lk.stop();
  }
}

export function printCapacity(r: Awaited<ReturnType<typeof benchCapacity>>): string {
  const base = r.steps[0]!;
  // Served: every subscriber joined and received video at ≥ 80 % of what a lone subscriber gets, with < 1 % loss.
  const served = (s: Step) => s.withVideo === s.n && s.kbpsMin >= 0.8 * base.kbpsMean && s.videoLoss < 1;
  const best = Math.max(0, ...r.steps.filter(served).map((s) => s.n));
  return [
    `Subscribers to one teacher publishing ${r.publisher.width}×${r.publisher.height} simulcast (${SECONDS} s ` +
      `windows, ${r.cores} cores shared by server, publisher and subscribers)`,
    table(
      [
        'subscribers',
        'with video',
        'video kbit/s mean',
        'min',
        'video loss',
        'audio loss',
        'livekit-server CPU',
        'machine CPU',
        'served',
      ],
      r.steps.map((s) => [
        String(s.n),
        String(s.withVideo),
        `${round(s.kbpsMean)}`,
        `${round(s.kbpsMin)}`,
        `${round(s.videoLoss, 2)} %`,
        `${round(s.audioLoss, 2)} %`,
        `${round(s.serverCpu)} %`,
        `${round(s.machineCpu)} %`,
        served(s) ? 'yes' : 'no',
      ]),
    ),
    `Served fully up to ${best} subscribers (aim ≥ 100: ${best >= 100 ? 'met' : 'missed'}); baseline: 1 subscriber at ${round(base.kbpsMean)} kbit/s.`,
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(printCapacity(await benchCapacity()));
  process.exit(0);
}
