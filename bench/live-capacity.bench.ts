// Issue 5's capacity figure, per node (issue 15): how many classroom subscribers a teacher publishing 720p simulcast
// can be served through real livekit-server nodes — two sharing the machine's Redis by default (BENCH_LIVEKIT_NODES=1
// for a lone server), a room on each with its own teacher. The teachers are headless Chromium (fake camera, the app's
// publish settings); the subscribers are bench/loadsub (Go, server-sdk-go: they receive RTP without decoding, so the
// load is the servers'). For each step (subscribers per node, BENCH_SUBSCRIBERS) it reports what every subscriber
// received, RTP loss, and the CPU of each node and of the whole machine. Baseline: 1 subscriber per node.
// Run: npx tsx bench/live-capacity.bench.ts (also part of npm run bench). Builds bench/loadsub with Go.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { AccessToken, RoomServiceClient } from 'livekit-server-sdk';
import { type LocalLiveKit, startLocalLiveKit } from '../server/lib/livekit-local';
import { launchBrowser, MEDIA_FLAGS, newContext } from '../test/support/browser';
import { startLiveKitCluster } from '../test/support/livekit-cluster';
import { freePorts } from '../test/support/ports';
import { hostOfRoom, redisCli } from '../test/support/redis';
import { round, table } from './lib';
import { serveBarePage } from './live/bare-page';

const root = fileURLToPath(new URL('..', import.meta.url));
const LOADSUB = `${root}.cache/bin/loadsub`;
/** Subscribers per node at each step. */
const STEPS = (process.env.BENCH_SUBSCRIBERS ?? '1,50,150,300').split(',').map(Number);
/** LiveKit nodes sharing the machine's Redis (issue 15: the figure per node); 1 for a lone server. */
const NODES = Number(process.env.BENCH_LIVEKIT_NODES ?? 2);
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
  /** Which node (1, 2…) hosted the room these subscribers joined. */
  node: number;
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

/** The server (one node, or a cluster of NODES sharing the machine's Redis) and a room hosted on each node. */
async function serversAndRooms(): Promise<{ nodes: LocalLiveKit[]; rooms: { node: LocalLiveKit; name: string }[] }> {
  if (NODES === 1) {
    const [port, tcpPort, udpPort] = await freePorts(3);
    const lk = await startLocalLiveKit({ port: port!, tcpPort: tcpPort!, udpPort: udpPort! });
    const name = `capacity-${process.pid}`;
    await roomService(lk).createRoom({ name, emptyTimeout: 600, maxParticipants: 0 });
    return { nodes: [lk], rooms: [{ node: lk, name }] };
  }
  const nodes = await startLiveKitCluster(NODES);
  // LiveKit places each new room on a node at random: rooms are made until every node hosts one.
  const rooms = new Map<string, string>();
  for (let i = 0; rooms.size < NODES; i++) {
    if (i === 64) throw new Error('64 rooms and still a node without one');
    const name = `capacity-${process.pid}-${i}`;
    await roomService(nodes[0]!).createRoom({ name, emptyTimeout: 600, maxParticipants: 0 });
    const host = hostOfRoom(name);
    if (host && !rooms.has(host)) rooms.set(host, name);
    else await roomService(nodes[0]!).deleteRoom(name);
  }
  return { nodes, rooms: nodes.map((node) => ({ node, name: rooms.get(node.nodeId!)! })) };
}

const roomService = (lk: LocalLiveKit) => new RoomServiceClient(lk.url.replace(/^ws/, 'http'), lk.apiKey, lk.apiSecret);

/** `n` Go subscribers in `room` on `node` for SECONDS once all have joined; resolves with loadsub's summary. */
function subscribe(node: LocalLiveKit, room: string, n: number, onMeasuring: () => void) {
  const child = spawn(
    LOADSUB,
    [
      ...['-url', node.url, '-key', node.apiKey, '-secret', node.apiSecret],
      ...['-room', room, '-n', String(n), '-seconds', String(SECONDS), '-prefix', `load${n}`],
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  child.stdout.on('data', (b) => (out += b));
  child.stderr.on('data', (b) => {
    err += b;
    if (/measuring/.test(err)) onMeasuring();
  });
  return new Promise<Record<string, number>>((ok, fail) =>
    child.on('exit', (code) =>
      code === 0 ? ok(JSON.parse(out.trim().split('\n').pop()!)) : fail(new Error(`loadsub: ${err.slice(-500)}`)),
    ),
  );
}

export async function benchCapacity(): Promise<{
  steps: Step[];
  publisher: { width: number; height: number };
  cores: number;
  nodes: number;
}> {
  ensureLoadsub();
  const { nodes, rooms } = await serversAndRooms();
  const bare = await serveBarePage();
  const browser = await launchBrowser(MEDIA_FLAGS);
  try {
    // One teacher publishing in each room, each through the node that hosts it.
    let publisher = { width: 0, height: 0 };
    for (const { node, name } of rooms) {
      const token = new AccessToken(node.apiKey, node.apiSecret, {
        identity: 'teacher',
        name: '王明远',
        ttl: '1h',
        metadata: JSON.stringify({ role: 'teacher' }),
      });
      token.addGrant({ roomJoin: true, room: name, canPublish: true, canSubscribe: true });
      const teacher = await bare.open(await newContext(browser));
      await teacher.evaluate(([u, t]) => (window as any).bare.join(u, t, 'app'), [node.url, await token.toJwt()]);
      publisher = await teacher.evaluate(() => (window as any).bare.publish());
    }
    await new Promise((r) => setTimeout(r, 3000));

    const steps: Step[] = [];
    for (const n of STEPS) {
      // Every room's subscribers at once; CPU sampled from when all of them have joined.
      let measuring = 0;
      let s0: { servers: number[]; m: ReturnType<typeof machine>; at: number } | undefined;
      const results = await Promise.all(
        rooms.map(({ node, name }) =>
          subscribe(node, name, n, () => {
            if (++measuring === rooms.length)
              s0 = { servers: nodes.map((lk) => cpuOf(lk.pid)), m: machine(), at: performance.now() };
          }),
        ),
      );
      const s1 = { servers: nodes.map((lk) => cpuOf(lk.pid)), m: machine(), at: performance.now() };
      const wall = s0 ? (s1.at - s0.at) / 1000 : SECONDS;
      const machineCpu = s0 ? ((s1.m.busy - s0.m.busy) / (s1.m.total - s0.m.total)) * 100 : Number.NaN;
      rooms.forEach(({ node }, i) => {
        const r = results[i]!;
        const k = nodes.indexOf(node);
        steps.push({
          node: k + 1,
          n,
          connected: r.Connected!,
          withVideo: r.WithVideo!,
          kbpsMean: r.VideoKbpsMean!,
          kbpsMin: r.VideoKbpsMin!,
          videoLoss: r.VideoLossPct!,
          audioLoss: r.AudioLossPct!,
          serverCpu: s0 ? ((s1.servers[k]! - s0.servers[k]!) / wall) * 100 : Number.NaN,
          machineCpu,
        });
        console.log(`  node ${k + 1}, ${n} subscribers: ${JSON.stringify(steps.at(-1))}`);
      });
      await new Promise((res) => setTimeout(res, 3000));
    }
    return { steps, publisher, cores: cpus().length, nodes: nodes.length };
  } finally {
    await browser.close();
    bare.close();
    await Promise.all(nodes.map((lk) => lk.stop()));
    if (NODES > 1) redisCli('FLUSHDB');
  }
}

export function printCapacity(r: Awaited<ReturnType<typeof benchCapacity>>): string {
  // Served: every subscriber joined and received video at ≥ 80 % of what a lone subscriber on the same node gets,
  // with < 1 % loss.
  const base = (node: number) => r.steps.find((s) => s.node === node)!;
  const served = (s: Step) => s.withVideo === s.n && s.kbpsMin >= 0.8 * base(s.node).kbpsMean && s.videoLoss < 1;
  const perNode = Array.from({ length: r.nodes }, (_, i) =>
    Math.max(0, ...r.steps.filter((s) => s.node === i + 1 && served(s)).map((s) => s.n)),
  );
  // Across the cluster: the largest step every node served at once.
  const together = Math.max(
    0,
    ...STEPS.filter((n) => r.steps.filter((s) => s.n === n).every(served)).map((n) => n * r.nodes),
  );
  return [
    `Subscribers to a teacher publishing ${r.publisher.width}×${r.publisher.height} simulcast in a room on each of ` +
      `${r.nodes} LiveKit node(s) sharing Redis (${SECONDS} s windows, ${r.cores} cores shared by the nodes, the ` +
      'publishers and the subscribers)',
    table(
      [
        'node',
        'subscribers',
        'with video',
        'video kbit/s mean',
        'min',
        'video loss',
        'audio loss',
        'its livekit-server CPU',
        'machine CPU',
        'served',
      ],
      r.steps.map((s) => [
        String(s.node),
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
    `Served fully per node: ${perNode.map((n, i) => `node ${i + 1} ${n}`).join(', ')}; across the cluster at once ` +
      `${together} (aim ≥ 100 per node: ${perNode.every((n) => n >= 100) ? 'met' : 'missed'}); baseline: 1 ` +
      `subscriber per node at ${perNode.map((_, i) => round(base(i + 1).kbpsMean)).join(' / ')} kbit/s.`,
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(printCapacity(await benchCapacity()));
  process.exit(0);
}
