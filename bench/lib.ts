// Helpers for bench/run.ts: child processes that are always reaped, free ports, health polling, RSS.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { buildIfStale, startFlags } from '../scripts/build.mjs';
import { freePort } from '../test/support/ports';

export const HOST = '127.0.0.1';

export interface Child {
  proc: ChildProcess;
  pid: number;
  label: string;
  /** Spawn time, performance.now() in this process. */
  spawnedAt: number;
  /** The last ~64 KB of stdout and stderr, for error messages and for the server's own start line. */
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  hasExited(): boolean;
}

const live = new Set<Child>();

/** Starts a child process (never through a shell) and tracks it until it exits. */
export function startChild(label: string, cmd: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): Child {
  let out = '';
  const keep = (buf: Buffer) => {
    out += buf.toString('utf8');
    if (out.length > 65536) out = out.slice(-65536);
  };
  const spawnedAt = performance.now();
  const proc = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  proc.stdout!.on('data', keep);
  proc.stderr!.on('data', keep);
  let done = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((ok) => {
    proc.once('exit', (code, signal) => {
      done = true;
      live.delete(child);
      ok({ code, signal });
    });
    proc.once('error', (err) => {
      keep(Buffer.from(String(err)));
      done = true;
      live.delete(child);
      ok({ code: -1, signal: null });
    });
  });
  if (proc.pid === undefined) throw new Error(`${label}: could not start ${cmd}`);
  const child: Child = { proc, pid: proc.pid, label, spawnedAt, output: () => out, exited, hasExited: () => done };
  live.add(child);
  return child;
}

/** SIGTERM, then SIGKILL after `graceMs`. Resolves when the process has exited. */
export async function stopChild(child: Child, graceMs = 5000): Promise<void> {
  if (child.hasExited()) return;
  child.proc.kill('SIGTERM');
  const timer = setTimeout(() => {
    if (!child.hasExited()) child.proc.kill('SIGKILL');
  }, graceMs);
  await child.exited;
  clearTimeout(timer);
}

/** Synchronous last resort (process 'exit' handler): SIGKILL whatever is still running. */
export function killAllNow(): void {
  for (const child of live) {
    try {
      child.proc.kill('SIGKILL');
    } catch {
      /* already gone */
    }
  }
  live.clear();
}

export async function stopAll(): Promise<void> {
  await Promise.all([...live].map((c) => stopChild(c, 3000)));
}

/** Runs a child to completion within `timeoutMs` and returns its output; throws on failure. */
export async function runChild(
  label: string,
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
  timeoutMs: number,
): Promise<string> {
  const child = startChild(label, cmd, args, env, cwd);
  const timer = setTimeout(() => child.proc.kill('SIGKILL'), timeoutMs);
  const { code, signal } = await child.exited;
  clearTimeout(timer);
  if (code !== 0) throw new Error(`${label} failed (code ${code}, signal ${signal}):\n${child.output().slice(-4000)}`);
  return child.output();
}

export { freePort };

/**
 * Polls `url` every `everyMs` until it answers 200 (and `accept(body)` if given). Returns the time from
 * the child's spawn to that answer, in ms. Fails when the child exits or `timeoutMs` passes.
 */
export async function waitReady(
  child: Child,
  url: string,
  timeoutMs: number,
  accept?: (body: string) => boolean,
  everyMs = 10,
): Promise<number> {
  const deadline = child.spawnedAt + timeoutMs;
  for (;;) {
    if (child.hasExited())
      throw new Error(`${child.label} exited before answering ${url}:\n${child.output().slice(-4000)}`);
    if (performance.now() > deadline)
      throw new Error(`${child.label} did not answer ${url} within ${timeoutMs} ms:\n${child.output().slice(-4000)}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      const body = await res.text();
      const at = performance.now();
      if (res.status === 200 && (!accept || accept(body))) return at - child.spawnedAt;
    } catch {
      /* not listening yet */
    }
    await sleep(everyMs);
  }
}

/**
 * The server's Node flags as it is run: on the embedded database as `npm start` runs it (a small young generation keeps
 * an idle server under 200 MB on a school PC); on PostgreSQL as a district's app processes run, `node
 * dist/server/node.mjs` with V8's own young generation (docs/deploy.md) — the small one costs a third of the bookings
 * a process answers under load (BENCHMARKS.md).
 */
export const nodeFlagsFor = (databaseUrl: string | undefined): string[] => (databaseUrl ? [] : startFlags());

/**
 * The built server (dist/server/node.mjs under `root`) on a free loopback port, answering /api/health: on the
 * PostgreSQL of `databaseUrl`, or without one on the embedded database under `env.DATA_DIR` (a first start seeds it).
 */
export async function startServer(root: string, databaseUrl: string | undefined, env: NodeJS.ProcessEnv = {}) {
  // The built server is what is measured: built again first when the sources are newer.
  await buildIfStale({ onBuild: () => console.log('Building (the build is older than the sources)…') });
  const port = await freePort();
  const server = startChild(
    'server',
    process.execPath,
    // BENCH_PROFILE=<dir>: a V8 CPU profile of the server, written there when it stops.
    [
      ...nodeFlagsFor(databaseUrl),
      ...(process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []),
      `${root}/dist/server/node.mjs`,
    ],
    {
      ...process.env,
      PORT: String(port),
      HOST,
      // Empty counts as unset: the embedded database.
      DATABASE_URL: databaseUrl ?? '',
      LOG_LEVEL: 'silent',
      LIVEKIT_AUTOSTART: '0',
      ...env,
    },
    root,
  );
  const base = `http://${HOST}:${port}`;
  await waitReady(server, `${base}/api/health`, 120_000);
  return { server, base };
}

/**
 * bench/bare-server.ts (the floors: bare routes, a bare upload, a bare booking) on a free loopback port, ready; `env`
 * adds its settings (BARE_BYTES, BARE_DATABASE_URL…). `base` is http://host:port.
 */
export async function startBareServer(root: string, env: NodeJS.ProcessEnv = {}) {
  const port = await freePort();
  const child = startChild(
    'bare-server',
    process.execPath,
    ['--import', 'tsx', 'bench/bare-server.ts'],
    { ...process.env, ...env, PORT: String(port) },
    root,
  );
  const base = `http://${HOST}:${port}`;
  await waitReady(child, `${base}/bare`, 60_000);
  return { child, base };
}

export const sleep = (ms: number) => new Promise<void>((ok) => setTimeout(ok, ms));

/** VmRSS and VmHWM (peak) of a process, in MB. */
export function memoryOf(pid: number): { rssMb: number; hwmMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(status.match(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm'))?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
}

/** A closed loop's figures: operations per second, latency quantiles in ms, failures. */
export interface Run {
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

/**
 * `count` requests to `url` by `connections` keep-alive connections, each waiting for its answer before the next: GETs,
 * or with `bodyOf` POSTs of JSON, the i-th request's body made by `bodyOf(i)`. Anything but `status` is an error.
 * autocannon's own HTTP client, which costs the machine a fraction of what fetch does (it shares the two cores with
 * the server measured).
 */
export async function httpLoop(
  url: string,
  opts: { headers: Record<string, string>; count: number; connections: number; status: number },
  bodyOf?: (i: number) => unknown,
): Promise<Run> {
  let next = 0;
  const r = await autocannon({
    url,
    connections: opts.connections,
    amount: opts.count,
    // autocannon sees that the last answer came only at its next sample (default each second): its duration, and so
    // the rate, would be rounded up to whole seconds.
    sampleInt: 5,
    timeout: 30,
    requests: [
      bodyOf
        ? {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...opts.headers },
            setupRequest: (req) => ({ ...req, body: JSON.stringify(bodyOf(next++)) }),
          }
        : { method: 'GET', headers: opts.headers },
    ],
  });
  const expected = r.statusCodeStats[String(opts.status)]?.count ?? 0;
  return {
    perSecond: expected / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.requests.total - expected + r.errors + r.timeouts,
  };
}

/** CPU seconds a process has used so far (user + system; Linux counts in hundredths). */
function processCpuSeconds(pid: number): number {
  // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** CPU seconds the whole machine has been busy so far, all cores (everything but idle and I/O wait). */
function machineBusySeconds(): number {
  const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).map(Number);
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = ticks;
  return (user + nice + system + irq + softirq + steal) / 100;
}

/**
 * Where the machine's CPU went while `run` ran: the server's process, this process (the load generator) and the rest
 * (PostgreSQL, the kernel's interrupts, anything else), in CPU milliseconds per operation.
 */
export async function cpuSplit<T>(
  serverPid: number,
  operations: number,
  run: () => Promise<T>,
): Promise<{ result: T; perOp: { server: number; client: number; rest: number } }> {
  const before = { server: processCpuSeconds(serverPid), client: process.cpuUsage(), machine: machineBusySeconds() };
  const result = await run();
  const server = processCpuSeconds(serverPid) - before.server;
  const used = process.cpuUsage(before.client);
  const client = (used.user + used.system) / 1e6;
  const machine = machineBusySeconds() - before.machine;
  const ms = (s: number) => (s * 1000) / operations;
  return {
    result,
    perOp: { server: ms(server), client: ms(client), rest: ms(Math.max(0, machine - server - client)) },
  };
}

export function median(xs: number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The `q` quantile (0–1) of `xs` as the sample at index ⌊n·q⌋ of the sorted samples: p95 is quantile(xs, 0.95). */
export function quantile(xs: number[], q: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * q))]!;
}

export const round = (n: number, digits = 0) => {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
};

/** A plain-text table with right-aligned numbers. */
export function table(head: string[], rows: (string | number)[][]): string {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const widths = head.map((_, i) => Math.max(...cells.map((r) => [...(r[i] ?? '')].length)));
  const pad = (s: string, w: number, right: boolean) =>
    right ? ' '.repeat(w - [...s].length) + s : s + ' '.repeat(w - [...s].length);
  const line = (r: string[]) =>
    r.map((c, i) => pad(c, widths[i]!, i > 0 && /^[-−+0-9.,×% ]+(ms|MB|s|req\/s)?$/.test(c))).join('  ');
  return [line(head), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

/** Signs a demo account in (every demo password is `tongzhou-demo`): its session cookie and user id. */
export async function signIn(
  base: string,
  email: string,
  password = 'tongzhou-demo',
): Promise<{ cookie: string; userId: string }> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
    signal: AbortSignal.timeout(15_000),
  });
  if (res.status !== 200) throw new Error(`Sign-in as ${email} answered ${res.status}: ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('tz_session='));
  if (!cookie) throw new Error(`Sign-in as ${email} answered 200 without a tz_session cookie`);
  const body = (await res.json()) as { user: { id: string } };
  return { cookie, userId: body.user.id };
}

/** A latency figure: the median and the 95th percentile, in ms. */
export interface Figure {
  p50: number;
  p95: number;
}
export const figureOf = (xs: number[]): Figure => ({ p50: quantile(xs, 0.5), p95: quantile(xs, 0.95) });

/**
 * Times each named call `requests` times after `warmup` rounds, one at a time and taking turns, so a busy moment of
 * the machine falls on all of them alike (an API route next to the raw SQL that gives the same answer).
 */
export async function alternating<K extends string>(
  calls: Record<K, () => Promise<unknown>>,
  warmup: number,
  requests: number,
): Promise<Record<K, Figure>> {
  const series = Object.entries(calls) as [K, () => Promise<unknown>][];
  for (let i = 0; i < warmup; i++) for (const [, fn] of series) await fn();
  const times = Object.fromEntries(series.map(([k]) => [k, [] as number[]])) as Record<K, number[]>;
  for (let i = 0; i < requests; i++)
    for (const [k, fn] of series) {
      const t0 = performance.now();
      await fn();
      times[k].push(performance.now() - t0);
    }
  return Object.fromEntries(series.map(([k]) => [k, figureOf(times[k])])) as Record<K, Figure>;
}

/** A table row of a figure against the raw one: p50, p95, and p95 as a multiple of the raw p95. */
export const rowVsRaw = (label: string, x: Figure, raw: Figure) => [
  label,
  `${round(x.p50, 1)} ms`,
  `${round(x.p95, 1)} ms`,
  `${round(x.p95 / raw.p95, 2)} ×`,
];
/** "met" when the API's p95 is within `aim` times the raw SQL's. */
export const verdictVsRaw = (x: { api: Figure; raw: Figure }, aim = 2) =>
  x.api.p95 / x.raw.p95 <= aim ? 'met' : 'missed';
/** "queue p95 18.4 ms vs raw 10.6 ms (1.73×)". */
export const lineVsRaw = (label: string, x: { api: Figure; raw: Figure }) =>
  `${label} p95 ${round(x.api.p95, 1)} ms vs raw ${round(x.raw.p95, 1)} ms (${round(x.api.p95 / x.raw.p95, 2)}×)`;
