// Issue 10's soak, on the PostgreSQL server: SOAK_MINUTES (30) of the mixed load of bench/soak-mix.ts at a steady
// open-loop rate of SOAK_RATE (25) requests a second against the built server. Each minute prints the requests
// answered, their p50/p95/p99, unexpected statuses, the server's RSS and CPU per request, its PostgreSQL
// connections and the machine's load average; the end prints whether RSS stayed flat after warm-up, whether the
// connections stayed within the pool and came back to where they started, and how p99 moved.
// Benchmark, not test: it fails (exit 1) only when something could not be measured; a 5xx is a finding.
// Run: npm run bench:soak (SOAK_MINUTES=3 for a quick check). Loopback only. Writes bench/results/soak-<time>.json.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type postgres from 'postgres';
import { isStale } from '../scripts/build.mjs';
import { LocalStorage } from '../server/modules/resources/storage';
import { killAllNow, median, memoryOf, round, runChild, sleep, startServer, stopAll, table } from './lib';
import { benchDatabase } from './pg';
import { type Call, type MixState, nextCall, prepareMix, seeded, send } from './soak-mix';

const root = fileURLToPath(new URL('..', import.meta.url));
const MINUTES = Number(process.env.SOAK_MINUTES ?? 30);
const RATE = Number(process.env.SOAK_RATE ?? 25);
/** The server's postgres.js pool (openPostgres's default `max`): its connections may never exceed it. */
const POOL_SIZE = 10;
/** The server's connections are told apart from the bench's own by their application_name. */
const APP_NAME = 'tongzhou-soak';
/** Past the pool's idle_timeout (20 s), so that idle connections have closed when they are counted. */
const IDLE_MS = 25_000;
const SAMPLE_MS = 5000;
/** Warm-up: the first 5 minutes, or the first sixth of a shorter run. */
const WARMUP_MS = Math.min(5, MINUTES / 6) * 60_000;
const CLK_TCK = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

interface Done {
  op: string;
  /** Completion, ms since the load began. */
  at: number;
  ms: number;
  status: number;
  ok: boolean;
}

interface Sample {
  at: number;
  rssMb: number;
  connections: number;
  /** CPU of the server's PostgreSQL backends so far (ms), or null where it cannot be read. */
  pgCpuMs: number | null;
}

/** The server process's CPU time (user + system), in ms. */
function cpuMsOf(pid: number): number {
  // Fields after the command name's closing parenthesis start at field 3 (state); utime and stime are 14 and 15.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK;
}

const quantile = (sorted: number[], q: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]! : NaN;

/** Least-squares slope of y over x. */
function slope(points: [number, number][]): number {
  const n = points.length;
  const mx = points.reduce((a, [x]) => a + x, 0) / n;
  const my = points.reduce((a, [, y]) => a + y, 0) / n;
  const sxy = points.reduce((a, [x, y]) => a + (x - mx) * (y - my), 0);
  const sxx = points.reduce((a, [x]) => a + (x - mx) ** 2, 0);
  return sxy / sxx;
}

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

/** The server's connections to the bench database, by backend pid. */
async function backendsOf(sql: postgres.Sql): Promise<number[]> {
  const rows = await sql`SELECT pid FROM pg_stat_activity
    WHERE datname = current_database() AND application_name = ${APP_NAME}`;
  return rows.map((r) => r.pid as number);
}

/**
 * CPU time of the server's PostgreSQL backends, summed over every backend seen so far (ms). Null when PostgreSQL
 * runs where this machine's /proc cannot see it. A backend that exits between two samples loses its last few ms.
 */
function backendCpu() {
  const last = new Map<number, number>();
  let total = 0;
  let visible = true;
  return (pids: number[]): number | null => {
    for (const pid of pids) {
      try {
        const cpu = cpuMsOf(pid);
        total += cpu - (last.get(pid) ?? 0);
        last.set(pid, cpu);
      } catch {
        visible = false;
      }
    }
    return visible ? total : null;
  };
}

async function soak() {
  if (isStale()) {
    console.log('The build is missing or older than its sources: running node scripts/build.mjs…');
    await runChild('build', process.execPath, ['scripts/build.mjs'], process.env, root, 5 * 60_000);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'tz-soak-'));
  // The demo's resources, with their files where the server will look for them (DATA_DIR/files).
  const bench = await benchDatabase(`tz_soak_${process.pid}`, 2, new LocalStorage(join(dataDir, 'files')));
  const cleanup = async () => {
    await stopAll();
    await bench.drop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  for (const sig of ['SIGINT', 'SIGTERM'] as const)
    process.once(sig, () => void cleanup().finally(() => process.exit(130)));
  try {
    return await drive(bench.url, bench.sql, dataDir);
  } finally {
    await cleanup();
  }
}

/** Minute by minute, what the soak prints and writes. */
interface Minute {
  minute: number;
  /** Requests answered (or given up on) in this minute, and their latency from when each was due, in ms. */
  requests: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  unexpected: number;
  serverErrors: number;
  noAnswer: number;
  rssMb: number;
  /** The server's PostgreSQL connections at the minute's end, and the most seen in the minute's samples. */
  connections: number;
  maxConnections: number;
  /** CPU per request answered: the server process, and its PostgreSQL backends (null where not visible). */
  cpuMsPerRequest: number;
  pgCpuMsPerRequest: number | null;
  /** Requests still waiting for an answer at the minute's end. */
  inFlight: number;
  load1: number;
  analyzeMs: number;
}

/**
 * Open loop: request k is due at k / RATE seconds whether or not earlier ones have answered, and its time is counted
 * from when it was due, so a server that falls behind shows as latency rather than as a lower rate.
 */
function openLoop(base: string, state: MixState, endAt: number) {
  const rand = seeded(20261210);
  const done: Done[] = [];
  const interval = 1000 / RATE;
  const started = performance.now();
  const loop = { done, started, inFlight: 0, maxInFlight: 0, sent: 0, finished: Promise.resolve() };
  const fire = (call: Call, due: number) => {
    loop.inFlight++;
    loop.maxInFlight = Math.max(loop.maxInFlight, loop.inFlight);
    void send(base, state, call).then((status) => {
      loop.inFlight--;
      const at = performance.now() - started;
      done.push({ op: call.op, at, ms: at - due, status, ok: call.expect.includes(status) });
    });
  };
  loop.finished = (async () => {
    for (let now = 0; now < endAt; now = performance.now() - started) {
      for (; loop.sent * interval <= now && loop.sent * interval < endAt; loop.sent++)
        fire(nextCall(state, rand), loop.sent * interval);
      await sleep(Math.max(0, loop.sent * interval - (performance.now() - started)));
    }
  })();
  return loop;
}

function minuteOf(m: number, answered: Done[], samples: Sample[], cpuMs: number, pgCpuMs: number | null) {
  const sorted = answered.map((d) => d.ms).sort((a, b) => a - b);
  const last = samples.at(-1)!;
  return {
    minute: m,
    requests: answered.length,
    p50: round(quantile(sorted, 0.5), 1),
    p95: round(quantile(sorted, 0.95), 1),
    p99: round(quantile(sorted, 0.99), 1),
    max: round(sorted.at(-1) ?? NaN, 1),
    unexpected: answered.filter((d) => !d.ok).length,
    serverErrors: answered.filter((d) => d.status >= 500).length,
    noAnswer: answered.filter((d) => d.status === 0).length,
    rssMb: round(last.rssMb, 1),
    connections: last.connections,
    maxConnections: Math.max(...samples.filter((s) => s.at > (m - 1) * 60_000).map((s) => s.connections)),
    cpuMsPerRequest: round(cpuMs / answered.length, 2),
    pgCpuMsPerRequest: pgCpuMs === null ? null : round(pgCpuMs / answered.length, 2),
    load1: round(loadavg()[0]!, 2),
  };
}

async function drive(url: string, sql: postgres.Sql, dataDir: string) {
  // postgres.js reads PGAPPNAME for its connections' application_name: the server's connections are told apart.
  const { server, base } = await startServer(root, url, { DATA_DIR: dataDir, PGAPPNAME: APP_NAME });
  const state = await prepareMix(base);
  const commit = gitCommit();
  console.log(
    `Soak: ${MINUTES} min at ${RATE} req/s (open loop), PostgreSQL, commit ${commit ?? '?'}; ` +
      `warm-up ${round(WARMUP_MS / 60_000, 1)} min; server pid ${server.pid}, pool ${POOL_SIZE}`,
  );
  await sleep(IDLE_MS);
  const connectionsBefore = (await backendsOf(sql)).length;
  const pgCpu = backendCpu();
  const samples: Sample[] = [];
  const minutes: Minute[] = [];
  let measureFailed = '';
  const loop = openLoop(base, state, MINUTES * 60_000);
  const sample = async () => {
    try {
      const backends = await backendsOf(sql);
      const at = performance.now() - loop.started;
      samples.push({ at, rssMb: memoryOf(server.pid).rssMb, connections: backends.length, pgCpuMs: pgCpu(backends) });
    } catch (err) {
      measureFailed ||= `sampling failed: ${err}`;
    }
  };
  const sampler = setInterval(() => void sample(), SAMPLE_MS);
  let cpuBefore = cpuMsOf(server.pid);
  let pgCpuBefore = pgCpu(await backendsOf(sql));
  let from = 0;
  for (let m = 1; m <= MINUTES; m++) {
    await sleep(Math.max(0, m * 60_000 - (performance.now() - loop.started)));
    if (server.hasExited()) {
      measureFailed = `the server exited in minute ${m}:\n${server.output().slice(-2000)}`;
      break;
    }
    // CI's PostgreSQL runs with autovacuum off, so nothing would refresh the planner's statistics while the soak's
    // bookings, audit events, notifications and comments grow: ANALYZE each minute does what autoanalyze would.
    const analyzeStarted = performance.now();
    await sql`ANALYZE`;
    const analyzeMs = round(performance.now() - analyzeStarted);
    await sample();
    const answered = loop.done.slice(from);
    from += answered.length;
    const cpu = cpuMsOf(server.pid);
    const pgCpuNow = samples.at(-1)!.pgCpuMs;
    const pgCpuMs = pgCpuNow === null || pgCpuBefore === null ? null : pgCpuNow - pgCpuBefore;
    const row = { ...minuteOf(m, answered, samples, cpu - cpuBefore, pgCpuMs), inFlight: loop.inFlight, analyzeMs };
    [cpuBefore, pgCpuBefore] = [cpu, pgCpuNow];
    minutes.push(row);
    console.log(
      `min ${String(m).padStart(2)}  ${row.requests} req  p50 ${row.p50} / p95 ${row.p95} / p99 ${row.p99} ms  ` +
        `unexpected ${row.unexpected} (5xx ${row.serverErrors})  RSS ${row.rssMb} MB  ` +
        `pg conns ${row.connections} (max ${row.maxConnections})  CPU ms/req: server ${row.cpuMsPerRequest}, ` +
        `pg ${row.pgCpuMsPerRequest ?? '?'}  in flight ${row.inFlight}  load ${row.load1}`,
    );
  }
  clearInterval(sampler);
  await loop.finished;
  // Let the last requests answer (each gives up after 30 s), then let the pool idle before counting again.
  for (let waited = 0; loop.inFlight > 0 && waited < 35_000; waited += 100) await sleep(100);
  await sleep(IDLE_MS);
  return {
    commit,
    minutes,
    samples,
    done: loop.done,
    connectionsBefore,
    connectionsAfter: (await backendsOf(sql)).length,
    rssAfterIdleMb: round(memoryOf(server.pid).rssMb, 1),
    maxInFlight: loop.maxInFlight,
    sent: loop.sent,
    measureFailed,
  };
}

type Soak = Awaited<ReturnType<typeof drive>>;

function verdict(r: Soak) {
  const warm = r.samples.filter((s) => s.at >= WARMUP_MS);
  const rss = warm.map((s) => s.rssMb);
  const rssSlope = warm.length > 2 ? slope(warm.map((s) => [s.at / 600_000, s.rssMb])) : NaN;
  const rssRange = Math.max(...rss) - Math.min(...rss);
  const maxConnections = Math.max(...r.samples.map((s) => s.connections));
  const third = (MINUTES * 60_000 - WARMUP_MS) / 3;
  const p99Of = (lo: number, hi: number) =>
    quantile(
      r.done
        .filter((d) => d.at >= lo && d.at < hi)
        .map((d) => d.ms)
        .sort((a, b) => a - b),
      0.99,
    );
  const p99First = p99Of(WARMUP_MS, WARMUP_MS + third);
  const p99Last = p99Of(WARMUP_MS + 2 * third, Number.POSITIVE_INFINITY);
  const rssMedian = (lo: number, hi: number) => median(warm.filter((s) => s.at >= lo && s.at < hi).map((s) => s.rssMb));
  return {
    rssSlopeMbPer10Min: round(rssSlope, 2),
    rssRangeMb: round(rssRange, 1),
    rssMedianFirstThirdMb: round(rssMedian(WARMUP_MS, WARMUP_MS + third), 1),
    rssMedianLastThirdMb: round(rssMedian(WARMUP_MS + 2 * third, Number.POSITIVE_INFINITY), 1),
    // Kept up: less than a second's worth of requests still waiting at the minute's end.
    minutesKeptUp: r.minutes.filter((m) => m.inFlight < RATE).length,
    // A leak of ~130 bytes a request at 25 req/s would be 2 MB in 10 minutes.
    rssFlat: Math.abs(rssSlope) <= 2,
    maxConnections,
    connectionsBefore: r.connectionsBefore,
    connectionsAfter: r.connectionsAfter,
    connectionsOk: maxConnections <= POOL_SIZE && r.connectionsAfter <= r.connectionsBefore,
    p99FirstMs: round(p99First, 1),
    p99LastMs: round(p99Last, 1),
    p99Ratio: round(p99Last / p99First, 2),
    p99Stable: p99Last / p99First <= 1.5,
    requests: r.done.length,
    unexpected: r.done.filter((d) => !d.ok).length,
    serverErrors: r.done.filter((d) => d.status >= 500).length,
  };
}

function perOperation(r: Soak) {
  const ops = [...new Set(r.done.map((d) => d.op))].sort();
  return ops.map((op) => {
    const mine = r.done.filter((d) => d.op === op);
    const sorted = mine.map((d) => d.ms).sort((a, b) => a - b);
    const statuses = [...new Set(mine.filter((d) => !d.ok).map((d) => d.status))];
    return [
      op,
      String(mine.length),
      `${round(quantile(sorted, 0.5), 1)} ms`,
      `${round(quantile(sorted, 0.99), 1)} ms`,
      `${mine.length - mine.filter((d) => d.ok).length}${statuses.length ? ` (${statuses.join(', ')})` : ''}`,
    ];
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.on('exit', killAllNow);
  // A hard ceiling, so that a hung child can never keep the bench (or CI) waiting.
  setTimeout(
    () => {
      console.error('The soak ran 10 minutes past its length; stopping.');
      process.kill(process.pid, 'SIGTERM');
    },
    (MINUTES + 10) * 60_000,
  ).unref();
  const r = await soak();
  const v = verdict(r);
  console.log(`\n${table(['operation', 'requests', 'p50', 'p99', 'unexpected'], perOperation(r))}`);
  console.log(
    `\nVerdict: RSS after warm-up ${v.rssFlat ? 'flat' : 'NOT flat'} (slope ${v.rssSlopeMbPer10Min} MB/10 min, ` +
      `max−min ${v.rssRangeMb} MB, median ${v.rssMedianFirstThirdMb} MB in the first third and ` +
      `${v.rssMedianLastThirdMb} MB in the last; ${r.rssAfterIdleMb} MB idle after the load); connections ` +
      `${v.connectionsOk ? 'ok' : 'NOT ok'} (max ${v.maxConnections} of pool ${POOL_SIZE}; idle ${v.connectionsBefore} before, ` +
      `${v.connectionsAfter} after); p99 last third / first third after warm-up ${v.p99LastMs} / ${v.p99FirstMs} ms = ` +
      `${v.p99Ratio}× (${v.p99Stable ? 'stable' : 'NOT stable'}); ${v.requests} requests, ${v.unexpected} unexpected, ` +
      `${v.serverErrors} 5xx${v.serverErrors ? ' (a finding)' : ''}; kept up in ${v.minutesKeptUp} of ` +
      `${r.minutes.length} minutes (most in flight ${r.maxInFlight})`,
  );
  const resultsDir = join(root, 'bench/results');
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, `soak-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  const { done, ...rest } = r;
  const operations = perOperation(r);
  writeFileSync(
    file,
    JSON.stringify({ rate: RATE, length: MINUTES, warmupMs: WARMUP_MS, verdict: v, operations, ...rest }, null, 2),
  );
  console.log(`Series: ${file}`);
  const unmeasured =
    r.measureFailed ||
    (r.minutes.length < MINUTES && 'fewer minutes than asked for') ||
    (Number.isNaN(v.rssSlopeMbPer10Min) && 'RSS') ||
    (Number.isNaN(v.p99Ratio) && 'p99') ||
    (r.minutes.some((m) => Object.values(m).some((x) => Number.isNaN(x))) && 'a figure of some minute');
  if (unmeasured) {
    console.error(`Could not measure: ${unmeasured}`);
    process.exitCode = 1;
  }
}
