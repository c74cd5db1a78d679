// npm run bench — start-up time, idle memory and signed-in request throughput of the built server, on PGlite
// and on PostgreSQL, each next to a baseline measured in the same run. Benchmarks, not tests: they print
// figures and whether the issue's targets are met; they fail only when something could not be measured.
//
// Everything runs as child processes on 127.0.0.1 (the load generator, autocannon, stays in this process so
// it never shares an event loop with a server). Every child is killed at the end, also on failure or ^C.
//
// Knobs (environment): BENCH_STARTS (5) repeated warm starts, BENCH_COLD_STARTS (3) first starts (each on a
// fresh data dir / database), BENCH_DURATION (10) seconds per load run (diagnostic runs take half),
// BENCH_PG_ADMIN_URL (postgres://postgres@127.0.0.1:5432/postgres), BENCH_SKIP_PG=1, BENCH_SKIP_VARIANTS=1,
// BENCH_KEEP=1 (keep the temp data dirs).

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { build as esbuild } from 'esbuild';
import postgres from 'postgres';
import { newest } from '../scripts/build.mjs';
import {
  freePort,
  HOST,
  killAllNow,
  median,
  memoryOf,
  nodeFlagsFor,
  round,
  runChild,
  signIn,
  sleep,
  startChild,
  stopAll,
  stopChild,
  table,
  waitReady,
} from './lib';

const root = fileURLToPath(new URL('..', import.meta.url));
const resultsDir = join(root, 'bench/results');
const serverEntry = join(root, 'dist/server/node.mjs');
const node = process.execPath;

const cfg = {
  starts: Math.max(1, Number(process.env.BENCH_STARTS ?? 5)),
  coldStarts: Math.max(1, Number(process.env.BENCH_COLD_STARTS ?? 3)),
  duration: Math.max(1, Number(process.env.BENCH_DURATION ?? 10)),
  diagDuration: Math.max(1, Math.round(Number(process.env.BENCH_DURATION ?? 10) / 2)),
  warmup: 2,
  connections: 50,
  idleMs: 2500,
  pgAdminUrl: process.env.BENCH_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  skipPg: process.env.BENCH_SKIP_PG === '1',
  skipVariants: process.env.BENCH_SKIP_VARIANTS === '1',
  keep: process.env.BENCH_KEEP === '1',
  login: { email: 'wang@jhzx.demo' },
};

const targets = {
  pgliteStartOverOpenMs: 1500,
  postgresStartMs: 3000,
  rssMb: 200,
  meOverBare: 0.5,
};

// ─── Clean-up that always runs ─────────────────────────────────────────────────────────────────────
const tempDirs: string[] = [];
let dropDatabase: (() => Promise<void>) | null = null;
let cleaning: Promise<void> | null = null;

function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    await stopAll().catch(() => killAllNow());
    if (dropDatabase)
      await dropDatabase().catch((err) => console.error(`Could not drop the benchmark database: ${err}`));
    if (!cfg.keep) for (const d of tempDirs) rmSync(d, { recursive: true, force: true });
  })();
  return cleaning;
}
process.on('exit', killAllNow);
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    console.error(`\n${sig}: stopping every child process…`);
    void cleanup().finally(() => process.exit(130));
  });
}
// A hard ceiling on the whole run, so a hung child can never keep the bench (or CI) waiting.
const watchdog = setTimeout(
  () => {
    console.error('The benchmark run took more than 20 minutes; stopping.');
    void cleanup().finally(() => process.exit(1));
  },
  20 * 60 * 1000,
);
watchdog.unref();

// ─── Building ──────────────────────────────────────────────────────────────────────────────────────
/** Someone else may be rebuilding concurrently: rebuild when dist/server/node.mjs is missing. */
async function ensureBuilt() {
  for (let attempt = 0; attempt < 3 && !existsSync(serverEntry); attempt++) {
    if (attempt > 0) await sleep(3000); // give a concurrent build the chance to finish first
    if (existsSync(serverEntry)) break;
    console.log('dist/server/node.mjs is missing: running node scripts/build.mjs…');
    await runChild('build', node, ['scripts/build.mjs'], process.env, root, 5 * 60 * 1000);
  }
  if (!existsSync(serverEntry)) throw new Error('dist/server/node.mjs is still missing after building');
}

/** The small helper processes, bundled like the server. Written to bench/results/ — two folders below the
 *  root, like dist/server/, so db-node.ts finds migrations/. */
async function bundleHelpers() {
  mkdirSync(resultsDir, { recursive: true });
  await esbuild({
    entryPoints: {
      'bare-server': join(root, 'bench/bare-server.ts'),
      'pglite-open': join(root, 'bench/pglite-open.ts'),
      'profile-start': join(root, 'bench/profile-start.ts'),
      'stub-server': join(root, 'bench/stub-server.ts'),
      'variant-server': join(root, 'bench/variant-server.ts'),
      'pglite-small-buffers': join(root, 'bench/pglite-small-buffers.ts'),
      seed: join(root, 'server/cli/seed.ts'),
    },
    outdir: resultsDir,
    outExtension: { '.js': '.mjs' },
    // The options scripts/build.mjs uses for dist/server/node.mjs: dependencies bundled (ESM builds
    // preferred), PGlite left in node_modules, where it finds its WebAssembly and extension files.
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['@electric-sql/pglite', '@electric-sql/pglite/*'],
    mainFields: ['module', 'main'],
    banner: {
      js: "import { createRequire as __tzCreateRequire } from 'node:module'; const require = __tzCreateRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
}
const helper = (name: string) => join(resultsDir, `${name}.mjs`);

function buildInfo() {
  let commit: string | null = null;
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    /* not a git checkout */
  }
  const built = statSync(serverEntry).mtimeMs;
  const sources = Math.max(...['server', 'shared'].map((d) => newest(join(root, d))));
  return {
    commit,
    builtAt: new Date(built).toISOString(),
    staleBuild: sources > built,
    serverBundleKb: round(statSync(serverEntry).size / 1024),
  };
}

// ─── Measurements ──────────────────────────────────────────────────────────────────────────────────
function serverEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  // The app's own start-up is measured: no local LiveKit server alongside it.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOST,
    LOG_LEVEL: 'silent',
    SEED_DEMO: '1',
    LIVEKIT_AUTOSTART: '0',
    ...extra,
  };
  for (const k of [
    'DATABASE_URL',
    'LIVEKIT_URL',
    'LIVEKIT_API_KEY',
    'LIVEKIT_API_SECRET',
    'ALLOWED_ORIGINS',
    'TRUST_PROXY',
  ]) {
    if (!(k in extra)) delete env[k];
  }
  return env;
}

interface StartSample {
  /** Spawn of `node dist/server/node.mjs` → first 200 {ok:true} from GET /api/health. */
  startMs: number;
  /** The server's own figure for startServer() (its "serving on … (N ms)" line): excludes module loading. */
  startServerMs: number | null;
  rssMb: number;
  hwmMb: number;
}

const buildChanges: string[] = [];

/**
 * Starts `node dist/server/node.mjs` and waits for its first healthy answer. Another engineer may rebuild
 * dist/ meanwhile (node.mjs briefly missing or half written, so the process exits at once): then it waits,
 * rebuilds if needed and tries again, up to twice, and notes it.
 */
async function launchServer(label: string, env: NodeJS.ProcessEnv, timeoutMs: number, nodeArgs: string[] = []) {
  for (let attempt = 1; ; attempt++) {
    await ensureBuilt();
    const port = await freePort();
    const child = startChild(
      label,
      node,
      [...nodeFlagsFor(env.DATABASE_URL), ...nodeArgs, serverEntry],
      { ...env, PORT: String(port) },
      root,
    );
    try {
      const startMs = await waitReady(
        child,
        `http://${HOST}:${port}/api/health`,
        timeoutMs,
        (b) => JSON.parse(b).ok === true,
      );
      return { child, port, base: `http://${HOST}:${port}`, startMs };
    } catch (err) {
      await stopChild(child);
      if (attempt > 2 || !(err instanceof Error) || !/exited before answering/.test(err.message)) throw err;
      const { code, signal } = await child.exited;
      const note =
        `${label} exited before answering (code ${code}, signal ${signal}; output: ` +
        `${child.output().trim().slice(-300) || 'none'}); dist/server/node.mjs modified ` +
        `${existsSync(serverEntry) ? new Date(statSync(serverEntry).mtimeMs).toISOString() : '(missing)'}; trying ` +
        `again`;
      console.log(`  note: ${note}`);
      buildChanges.push(note);
      await sleep(5000);
    }
  }
}

async function serverStart(
  label: string,
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
  nodeArgs: string[] = [],
): Promise<StartSample> {
  const { child, startMs } = await launchServer(label, env, timeoutMs, nodeArgs);
  try {
    await sleep(cfg.idleMs);
    const mem = memoryOf(child.pid);
    const m = child.output().match(/serving on \S+ \((\d+) ms\)/);
    return { startMs, startServerMs: m ? Number(m[1]) : null, ...mem };
  } finally {
    await stopChild(child);
  }
}

interface OpenSample {
  importMs: number;
  openMs: number;
  firstQueryMs: number;
  sinceProcessStartMs: number;
  sharedBuffers: string;
  rssKb: number;
  hwmKb: number;
}

async function pgliteOpen(dataDir: string, idleMs: number, sharedBuffers?: string): Promise<OpenSample> {
  const args = [helper('pglite-open'), dataDir, String(idleMs), ...(sharedBuffers ? [sharedBuffers] : [])];
  const out = await runChild('pglite-open', node, args, process.env, root, 120_000);
  const line = out
    .trim()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .pop();
  if (!line) throw new Error(`pglite-open printed no result:\n${out}`);
  return JSON.parse(line) as OpenSample;
}

async function bareStart(): Promise<{ startMs: number; rssMb: number }> {
  const port = await freePort();
  const child = startChild('bare-server', node, [helper('bare-server')], { ...process.env, PORT: String(port) }, root);
  try {
    const startMs = await waitReady(child, `http://${HOST}:${port}/bare`, 20_000);
    await sleep(cfg.idleMs);
    return { startMs, rssMb: memoryOf(child.pid).rssMb };
  } finally {
    await stopChild(child);
  }
}

/** Import of the server bundle alone (node.mjs does not start when imported): the module-loading cost. */
async function serverImport(): Promise<{ importMs: number; sinceProcessStartMs: number }> {
  await ensureBuilt();
  const code = `const t = performance.now(); await import(${JSON.stringify(new URL(`file://${serverEntry}`).href)}); const n = performance.now(); console.log(JSON.stringify({ importMs: n - t, sinceProcessStartMs: n }));`;
  const out = await runChild('import-server', node, ['--input-type=module', '-e', code], serverEnv({}), root, 60_000);
  return JSON.parse(out.trim().split('\n').pop()!);
}

async function profileStart(env: NodeJS.ProcessEnv): Promise<unknown> {
  const out = await runChild('profile-start', node, [helper('profile-start')], env, root, 120_000);
  return JSON.parse(
    out
      .trim()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .pop()!,
  );
}

interface PostgresStarts {
  cold: StartSample;
  coldSamples: StartSample[];
  warm: { startMs: number; startServerMs: number; rssMb: number; hwmMb: number; samples: StartSample[] };
  profile: unknown;
}

interface LoadResult {
  path: string;
  rps: number;
  p50: number;
  p99: number;
  avg: number;
  total: number;
  expectedStatus: number;
  unexpected: number;
  errors: number;
  timeouts: number;
  seconds: number;
}

async function load(
  url: string,
  headers: Record<string, string>,
  seconds: number,
  expectedStatus = 200,
): Promise<LoadResult> {
  const run = (d: number) => {
    const p = autocannon({ url, connections: cfg.connections, duration: d, headers, timeout: 10 });
    return Promise.race([
      p,
      sleep((d + 30) * 1000).then(() => {
        throw new Error(`autocannon against ${url} did not finish`);
      }),
    ]);
  };
  await run(cfg.warmup); // JIT and connection warm-up, not counted
  const r = await run(seconds);
  const ok = expectedStatus === 200 ? r['2xx'] : r.requests.total - r['2xx'];
  return {
    path: new URL(url).pathname,
    rps: ok / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    avg: r.latency.average,
    total: r.requests.total,
    expectedStatus,
    unexpected: r.requests.total - ok,
    errors: r.errors,
    timeouts: r.timeouts,
    seconds: r.duration,
  };
}

async function login(base: string): Promise<string> {
  const { cookie } = await signIn(base, cfg.login.email);
  const me = await fetch(`${base}/api/me`, { headers: { cookie }, signal: AbortSignal.timeout(15_000) });
  if (me.status !== 200) throw new Error(`GET /api/me with the session cookie answered ${me.status}`);
  return cookie;
}

/** Load runs against the built server: /api/me signed in (the figure), plus two diagnostics. */
async function serverLoad(label: string, env: NodeJS.ProcessEnv) {
  const { child, base } = await launchServer(label, env, 60_000);
  try {
    const cookie = await login(base);
    const me = await load(`${base}/api/me`, { cookie }, cfg.duration);
    const rssAfterLoadMb = memoryOf(child.pid).rssMb;
    // Diagnostics: the app's middleware stack with no database work (signed out → 401), and one trivial
    // database round trip (health: SELECT 1), to split /api/me's cost between framework and database.
    const signedOut = await load(`${base}/api/me`, {}, cfg.diagDuration, 401);
    const health = await load(`${base}/api/health`, {}, cfg.diagDuration);
    return { me, signedOut, health, rssAfterLoadMb };
  } finally {
    await stopChild(child);
  }
}

/** The bare route; `/bare-secure` is the same with the app's security headers (/api/me's baseline, issue 14). */
async function bareLoad(path: '/bare' | '/bare-secure' = '/bare'): Promise<LoadResult> {
  const port = await freePort();
  const child = startChild('bare-server', node, [helper('bare-server')], { ...process.env, PORT: String(port) }, root);
  try {
    await waitReady(child, `http://${HOST}:${port}/bare`, 20_000);
    return await load(`http://${HOST}:${port}${path}`, {}, cfg.duration);
  } finally {
    await stopChild(child);
  }
}

/** The real app over a stub database (bench/stub-server.ts): /api/me's cost with no database work. */
async function stubLoad(): Promise<LoadResult> {
  const port = await freePort();
  const child = startChild('stub-server', node, [helper('stub-server')], { ...process.env, PORT: String(port) }, root);
  try {
    await waitReady(child, `http://${HOST}:${port}/api/health`, 20_000);
    return await load(`http://${HOST}:${port}/api/me`, { cookie: 'tz_session=stub' }, cfg.duration);
  } finally {
    await stopChild(child);
  }
}

/** bench/variant-server.ts with BENCH_VARIANT: the bare route plus pieces of app.ts's middleware. */
async function variantLoad(variant: string): Promise<LoadResult> {
  const port = await freePort();
  const child = startChild(
    `variant-server ${variant}`,
    node,
    [helper('variant-server')],
    { ...process.env, PORT: String(port), BENCH_VARIANT: variant },
    root,
  );
  try {
    await waitReady(child, `http://${HOST}:${port}/bare`, 20_000);
    return await load(
      `http://${HOST}:${port}/bare`,
      { cookie: 'tz_session=0123456789abcdef0123456789abcdef' },
      cfg.diagDuration,
    );
  } finally {
    await stopChild(child);
  }
}

const loadavg = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

// ─── The run ───────────────────────────────────────────────────────────────────────────────────────
const fmtMs = (n: number | null | undefined) => (n == null || Number.isNaN(n) ? '–' : `${Math.round(n)} ms`);
const fmtMb = (n: number | null | undefined) => (n == null || Number.isNaN(n) ? '–' : `${round(n, 1)} MB`);
const signed = (n: number, f: (n: number) => string) =>
  Number.isFinite(n) ? `${n >= 0 ? '+' : '−'}${f(Math.abs(n))}` : '–';
const signedMs = (n: number) => signed(n, fmtMs);
const signedMb = (n: number) => signed(n, fmtMb);
const fmtRatio = (n: number) => (Number.isFinite(n) ? `${round(n, 2).toFixed(2)}×` : '–');
const met = (ok: boolean | null) => (ok === null ? 'n/a' : ok ? 'MET' : 'MISSED');
const section = (title: string) => console.log(`\n── ${title} ${'─'.repeat(Math.max(0, 96 - title.length))}`);

async function main() {
  const errors: string[] = [];
  const result: Record<string, unknown> = {};
  const step = async <T>(name: string, fn: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await fn();
    } catch (err) {
      const msg = `${name}: ${err instanceof Error ? err.message : String(err)}`;
      console.error(`\n!! ${msg}`);
      errors.push(msg);
      return undefined;
    }
  };

  const pgliteVersion = JSON.parse(readFileSync(join(root, 'node_modules/@electric-sql/pglite/package.json'), 'utf8'))
    .version as string;
  const machine = {
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGb: round(totalmem() / 2 ** 30, 1),
    node: process.version,
    pglite: pgliteVersion,
    postgres: null as string | null,
    load: readFileSync('/proc/loadavg', 'utf8').trim(),
  };
  console.log(
    `Tongzhou benchmarks — ${machine.cores} cores (${machine.cpu}), Node ${machine.node}, PGlite ${machine.pglite}`,
  );
  console.log(
    `${cfg.starts} warm starts per database, ${cfg.duration} s load runs (+${cfg.warmup} s warm-up), ${cfg.connections} connections, all on ${HOST}`,
  );

  await ensureBuilt();
  await bundleHelpers();
  const build = buildInfo();
  result.build = build;
  console.log(`git ${build.commit ?? '?'}; dist/server/node.mjs built ${build.builtAt} (${build.serverBundleKb} KB)`);
  if (build.staleBuild)
    console.log(
      'NOTE: server/ or shared/ changed after dist/server/node.mjs was built: the figures are for that older build (run `npm run build` first to measure the current sources).',
    );

  // Node + Hono floor for start-up and memory, and the server bundle's module-loading cost.
  section('Baselines: bare Hono server start, server bundle import');
  const bareStarts: { startMs: number; rssMb: number }[] = [];
  for (let i = 0; i < cfg.starts; i++) {
    const s = await step(`bare start ${i + 1}`, bareStart);
    if (s) bareStarts.push(s);
  }
  const imports: { importMs: number; sinceProcessStartMs: number }[] = [];
  for (let i = 0; i < 3; i++) {
    const s = await step(`server import ${i + 1}`, serverImport);
    if (s) imports.push(s);
  }
  const bare = {
    startMs: median(bareStarts.map((s) => s.startMs)),
    rssMb: median(bareStarts.map((s) => s.rssMb)),
    samples: bareStarts,
  };
  const serverImportMs = median(imports.map((s) => s.importMs));
  console.log(
    `bare Hono start ${fmtMs(bare.startMs)}, idle RSS ${fmtMb(bare.rssMb)}; importing dist/server/node.mjs ` +
      `${fmtMs(serverImportMs)} (process start → imported ` +
      `${fmtMs(median(imports.map((s) => s.sinceProcessStartMs)))})`,
  );
  result.baselines = { bare, serverImport: { medianMs: serverImportMs, samples: imports } };

  // ── PGlite ──
  section('PGlite: first start on an empty data dir, then warm starts next to PGlite.create()');
  const newDir = (prefix: string) => {
    const d = mkdtempSync(join(tmpdir(), prefix));
    tempDirs.push(d);
    return d;
  };
  const coldStarts: StartSample[] = [];
  const coldOpens: OpenSample[] = [];
  let dataDir = '';
  for (let i = 0; i < cfg.coldStarts; i++) {
    const o = await step(`PGlite.create on an empty dir ${i + 1}`, () =>
      pgliteOpen(join(newDir('tz-bench-pglite-empty-'), 'pglite'), 0),
    );
    if (o) coldOpens.push(o);
    const dir = newDir('tz-bench-pglite-');
    const s = await step(`PGlite first start ${i + 1}`, () =>
      serverStart('server (pglite, first start)', serverEnv({ DATA_DIR: dir }), 180_000),
    );
    if (s) {
      coldStarts.push(s);
      dataDir ||= dir; // the first data dir that was migrated and seeded serves every warm measurement
    }
    console.log(
      `  first start #${i + 1}: server ${fmtMs(s?.startMs)} (startServer ${fmtMs(s?.startServerMs)}, RSS ` +
        `${fmtMb(s?.rssMb)}) · PGlite.create on an empty dir ${fmtMs(o?.openMs)}`,
    );
  }
  const pgliteCold: StartSample | undefined = coldStarts.length
    ? {
        startMs: median(coldStarts.map((s) => s.startMs)),
        startServerMs: median(coldStarts.map((s) => s.startServerMs ?? NaN)),
        rssMb: median(coldStarts.map((s) => s.rssMb)),
        hwmMb: median(coldStarts.map((s) => s.hwmMb)),
      }
    : undefined;
  const coldOpen = coldOpens.length ? { openMs: median(coldOpens.map((o) => o.openMs)) } : undefined;
  if (!dataDir) dataDir = newDir('tz-bench-pglite-');
  const pgliteEnv = serverEnv({ DATA_DIR: dataDir });
  const pgliteWarm: StartSample[] = [];
  const opens: OpenSample[] = [];
  if (pgliteCold) {
    for (let i = 0; i < cfg.starts; i++) {
      // Interleaved, so drift in machine load hits both alike.
      const o = await step(`PGlite.create ${i + 1}`, () => pgliteOpen(join(dataDir, 'pglite'), cfg.idleMs));
      if (o) opens.push(o);
      const s = await step(`PGlite warm start ${i + 1}`, () => serverStart('server (pglite)', pgliteEnv, 60_000));
      if (s) pgliteWarm.push(s);
      console.log(
        `  #${i + 1}: server ${fmtMs(s?.startMs)} (startServer ${fmtMs(s?.startServerMs)}, RSS ` +
          `${fmtMb(s?.rssMb)}) · PGlite.create ${fmtMs(o?.openMs)} (import ${fmtMs(o?.importMs)}, process start → ` +
          `open ${fmtMs(o?.sinceProcessStartMs)}, RSS ${fmtMb(o ? o.rssKb / 1024 : NaN)})`,
      );
    }
  }
  // What-if for the memory figure: PGlite alone with a smaller shared_buffers (PGlite's initdb writes 128MB).
  const smallBuffers: OpenSample[] = [];
  if (pgliteCold) {
    for (let i = 0; i < 3; i++) {
      const o = await step(`PGlite.create shared_buffers=16MB ${i + 1}`, () =>
        pgliteOpen(join(dataDir, 'pglite'), cfg.idleMs, '16MB'),
      );
      if (o) smallBuffers.push(o);
    }
    console.log(
      `what-if: PGlite alone with shared_buffers=16MB: open ${fmtMs(median(smallBuffers.map((o) => o.openMs)))}, ` +
        `idle RSS ${fmtMb(median(smallBuffers.map((o) => o.rssKb / 1024)))} (default ` +
        `${opens[0]?.sharedBuffers ?? '?'}: ${fmtMb(median(opens.map((o) => o.rssKb / 1024)))})`,
    );
  }
  // The same what-if on the real built server: PGlite.create patched by a preloaded module, no server change.
  const smallServer: StartSample[] = [];
  if (pgliteCold) {
    const preload = ['--import', pathToFileURL(helper('pglite-small-buffers')).href];
    for (let i = 0; i < 3; i++) {
      const s = await step(`PGlite warm start, shared_buffers=16MB ${i + 1}`, () =>
        serverStart('server (pglite, shared_buffers=16MB)', pgliteEnv, 60_000, preload),
      );
      if (s) smallServer.push(s);
    }
    console.log(
      `what-if: the built server with shared_buffers=16MB: start ${fmtMs(median(smallServer.map((s) => s.startMs)))}, idle RSS ${fmtMb(median(smallServer.map((s) => s.rssMb)))}`,
    );
  }
  const pgliteProfile = pgliteCold ? await step('PGlite start profile', () => profileStart(pgliteEnv)) : undefined;
  const pgliteColdProfile = await step('PGlite first-start profile', () =>
    profileStart(serverEnv({ DATA_DIR: newDir('tz-bench-pglite-profile-') })),
  );
  const pglite = {
    cold: pgliteCold,
    coldOpenMs: coldOpen?.openMs,
    warm: {
      startMs: median(pgliteWarm.map((s) => s.startMs)),
      startServerMs: median(pgliteWarm.map((s) => s.startServerMs ?? NaN)),
      rssMb: median(pgliteWarm.map((s) => s.rssMb)),
      hwmMb: median(pgliteWarm.map((s) => s.hwmMb)),
      samples: pgliteWarm,
    },
    open: {
      openMs: median(opens.map((o) => o.openMs)),
      importMs: median(opens.map((o) => o.importMs)),
      sinceProcessStartMs: median(opens.map((o) => o.sinceProcessStartMs)),
      rssMb: median(opens.map((o) => o.rssKb / 1024)),
      samples: opens,
    },
    smallSharedBuffers: {
      openMs: median(smallBuffers.map((o) => o.openMs)),
      rssMb: median(smallBuffers.map((o) => o.rssKb / 1024)),
      samples: smallBuffers,
      server: {
        startMs: median(smallServer.map((s) => s.startMs)),
        rssMb: median(smallServer.map((s) => s.rssMb)),
        samples: smallServer,
      },
    },
    coldSamples: { starts: coldStarts, opens: coldOpens },
    profile: pgliteProfile,
    coldProfile: pgliteColdProfile,
  };
  result.pglite = pglite;

  // ── PostgreSQL ──
  let pgUrl: string | undefined;
  let pg: PostgresStarts | undefined;
  if (!cfg.skipPg) {
    section('PostgreSQL: first start on an empty database, then warm starts');
    pg = await step('PostgreSQL', async (): Promise<PostgresStarts> => {
      const admin = new URL(cfg.pgAdminUrl);
      if (admin.hostname !== HOST) throw new Error(`BENCH_PG_ADMIN_URL must point at ${HOST}, not ${admin.hostname}`);
      const sqlAdmin = postgres(cfg.pgAdminUrl, { max: 1, onnotice: () => {}, connect_timeout: 10 });
      const [{ version }] = (await sqlAdmin`SELECT version()`) as unknown as [{ version: string }];
      machine.postgres = version.split(' on ')[0] ?? version;
      const created: string[] = [];
      dropDatabase = async () => {
        for (const name of created.splice(0)) await sqlAdmin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await sqlAdmin.end({ timeout: 5 });
        dropDatabase = null;
      };
      const newDatabase = async () => {
        const name = `tz_bench_${process.pid}_${Date.now()}_${created.length}`;
        await sqlAdmin.unsafe(`CREATE DATABASE ${name}`);
        created.push(name);
        const url = new URL(cfg.pgAdminUrl);
        url.pathname = `/${name}`;
        return url.href;
      };
      let url = '';
      const colds: StartSample[] = [];
      for (let i = 0; i < cfg.coldStarts; i++) {
        const u = await newDatabase();
        const s = await step(`PostgreSQL first start ${i + 1}`, () =>
          serverStart('server (postgres, first start)', serverEnv({ DATABASE_URL: u, DATA_DIR: dataDir }), 60_000),
        );
        if (s) colds.push(s);
        url ||= s ? u : '';
        console.log(
          `  first start #${i + 1} (migrations on an empty database): ${fmtMs(s?.startMs)} (startServer ${fmtMs(s?.startServerMs)}, RSS ${fmtMb(s?.rssMb)})`,
        );
      }
      if (!url) throw new Error('the server never started on PostgreSQL');
      const cold: StartSample = {
        startMs: median(colds.map((s) => s.startMs)),
        startServerMs: median(colds.map((s) => s.startServerMs ?? NaN)),
        rssMb: median(colds.map((s) => s.rssMb)),
        hwmMb: median(colds.map((s) => s.hwmMb)),
      };
      pgUrl = url;
      const env = serverEnv({ DATABASE_URL: url, DATA_DIR: dataDir });
      // The Node door seeds only an empty embedded database; PostgreSQL gets the demo data from the seed CLI.
      await runChild('seed (postgres)', node, [helper('seed')], env, root, 120_000);
      const warm: StartSample[] = [];
      for (let i = 0; i < cfg.starts; i++) {
        const s = await step(`PostgreSQL warm start ${i + 1}`, () => serverStart('server (postgres)', env, 60_000));
        if (s) warm.push(s);
        console.log(
          `  #${i + 1}: server ${fmtMs(s?.startMs)} (startServer ${fmtMs(s?.startServerMs)}, RSS ${fmtMb(s?.rssMb)})`,
        );
      }
      const profile = await step('PostgreSQL start profile', () => profileStart(env));
      return {
        cold,
        coldSamples: colds,
        warm: {
          startMs: median(warm.map((s) => s.startMs)),
          startServerMs: median(warm.map((s) => s.startServerMs ?? NaN)),
          rssMb: median(warm.map((s) => s.rssMb)),
          hwmMb: median(warm.map((s) => s.hwmMb)),
          samples: warm,
        },
        profile,
      };
    });
    result.postgres = pg;
  }

  // ── Load ──
  section(`GET /api/me signed in, ${cfg.connections} connections, ${cfg.duration} s, next to a bare Hono route`);
  const loadavgs: Record<string, string> = {};
  loadavgs.bareBefore = loadavg();
  const bareBefore = await step('bare load (before)', () => bareLoad());
  const secureBefore = await step('bare load with the security headers (before)', () => bareLoad('/bare-secure'));
  if (secureBefore)
    console.log(`bare /bare-secure         ${round(secureBefore.rps)} req/s, p99 ${secureBefore.p99} ms`);
  if (bareBefore)
    console.log(
      `bare /bare                ${round(bareBefore.rps)} req/s, p99 ${bareBefore.p99} ms   (load average before: ${loadavgs.bareBefore})`,
    );
  loadavgs.pglite = loadavg();
  const pgliteLoad = pgliteCold
    ? await step('PGlite load', () => serverLoad('server (pglite, load)', pgliteEnv))
    : undefined;
  if (pgliteLoad)
    console.log(
      `PGlite /api/me            ${round(pgliteLoad.me.rps)} req/s, p99 ${pgliteLoad.me.p99} ms   (load average before: ${loadavgs.pglite})`,
    );
  loadavgs.postgres = loadavg();
  const pgLoad =
    pg && pgUrl
      ? await step('PostgreSQL load', () =>
          serverLoad('server (postgres, load)', serverEnv({ DATABASE_URL: pgUrl!, DATA_DIR: dataDir })),
        )
      : undefined;
  if (pgLoad)
    console.log(
      `PostgreSQL /api/me        ${round(pgLoad.me.rps)} req/s, p99 ${pgLoad.me.p99} ms   (load average before: ${loadavgs.postgres})`,
    );
  loadavgs.stub = loadavg();
  const stub = await step('stub database load', stubLoad);
  if (stub)
    console.log(
      `stub database /api/me     ${round(stub.rps)} req/s, p99 ${stub.p99} ms   (load average before: ${loadavgs.stub})`,
    );
  loadavgs.bareAfter = loadavg();
  const bareAfter = await step('bare load (after)', () => bareLoad());
  const secureAfter = await step('bare load with the security headers (after)', () => bareLoad('/bare-secure'));
  if (bareAfter)
    console.log(
      `bare /bare (again)        ${round(bareAfter.rps)} req/s, p99 ${bareAfter.p99} ms   (load average before: ${loadavgs.bareAfter})`,
    );
  const bareRuns = [bareBefore, bareAfter].filter((r): r is LoadResult => !!r);
  const bareRps = bareRuns.length ? bareRuns.reduce((a, r) => a + r.rps, 0) / bareRuns.length : NaN;
  const secureRuns = [secureBefore, secureAfter].filter((r): r is LoadResult => !!r);
  const secureRps = secureRuns.length ? secureRuns.reduce((a, r) => a + r.rps, 0) / secureRuns.length : NaN;
  const variants: { variant: string; result: LoadResult }[] = [];
  if (!cfg.skipVariants) {
    section(
      `Diagnostics: the bare route plus pieces of app.ts's middleware (bench/variant-server.ts), ${cfg.diagDuration} s each`,
    );
    for (const v of [
      'request-id',
      'secure-headers',
      'cookie',
      'header-before-next',
      'res-headers-set',
      'header-after-next',
      'all-app',
      'all-app-fixed',
    ]) {
      const r = await step(`variant ${v}`, () => variantLoad(v));
      if (r) {
        variants.push({ variant: v, result: r });
        console.log(`${v.padEnd(20)} ${String(round(r.rps)).padStart(6)} req/s, p99 ${r.p99} ms`);
      }
    }
  }
  result.load = {
    bareBefore,
    bareAfter,
    bareRps,
    secureBefore,
    secureAfter,
    secureRps,
    pglite: pgliteLoad,
    postgres: pgLoad,
    stub,
    variants,
    loadavgs,
  };

  // ── Report ──
  await cleanup();
  const verdicts: Record<string, boolean | null> = {
    pgliteStart: Number.isFinite(pglite.warm.startMs - pglite.open.openMs)
      ? pglite.warm.startMs - pglite.open.openMs <= targets.pgliteStartOverOpenMs
      : null,
    postgresStart: pg ? pg.warm.startMs < targets.postgresStartMs : null,
    pgliteRss: Number.isFinite(pglite.warm.rssMb) ? pglite.warm.rssMb < targets.rssMb : null,
    postgresRss: pg ? pg.warm.rssMb < targets.rssMb : null,
    // Issue 14: against the bare route with the same security headers.
    pgliteMe: pgliteLoad && Number.isFinite(secureRps) ? pgliteLoad.me.rps / secureRps >= targets.meOverBare : null,
    postgresMe: pgLoad && Number.isFinite(secureRps) ? pgLoad.me.rps / secureRps >= targets.meOverBare : null,
  };

  section('Start-up (median of warm starts; spawn → first healthy GET /api/health) and idle RSS');
  console.log(
    table(
      ['figure', 'value', 'baseline', 'baseline value', 'difference', 'ratio', 'target', 'result'],
      [
        [
          'PGlite start (warm)',
          fmtMs(pglite.warm.startMs),
          'PGlite.create() same dir',
          fmtMs(pglite.open.openMs),
          signedMs(pglite.warm.startMs - pglite.open.openMs),
          fmtRatio(pglite.warm.startMs / pglite.open.openMs),
          '≤ baseline + 1500 ms',
          met(verdicts.pgliteStart!),
        ],
        [
          'PGlite first start (empty dir)',
          fmtMs(pglite.cold?.startMs),
          'PGlite.create() empty dir',
          fmtMs(pglite.coldOpenMs),
          signedMs((pglite.cold?.startMs ?? NaN) - (pglite.coldOpenMs ?? NaN)),
          fmtRatio((pglite.cold?.startMs ?? NaN) / (pglite.coldOpenMs ?? NaN)),
          '(reported)',
          '',
        ],
        [
          'PostgreSQL start (warm)',
          fmtMs(pg?.warm.startMs),
          'bare Hono start',
          fmtMs(bare.startMs),
          signedMs((pg?.warm.startMs ?? NaN) - bare.startMs),
          fmtRatio((pg?.warm.startMs ?? NaN) / bare.startMs),
          '< 3000 ms',
          met(verdicts.postgresStart ?? null),
        ],
        [
          'PostgreSQL first start (empty db)',
          fmtMs(pg?.cold.startMs),
          'bare Hono start',
          fmtMs(bare.startMs),
          signedMs((pg?.cold.startMs ?? NaN) - bare.startMs),
          fmtRatio((pg?.cold.startMs ?? NaN) / bare.startMs),
          '(reported)',
          '',
        ],
        [
          'PGlite idle RSS (warm)',
          fmtMb(pglite.warm.rssMb),
          'PGlite alone, idle',
          fmtMb(pglite.open.rssMb),
          signedMb(pglite.warm.rssMb - pglite.open.rssMb),
          fmtRatio(pglite.warm.rssMb / pglite.open.rssMb),
          '< 200 MB',
          met(verdicts.pgliteRss!),
        ],
        [
          '  what-if: PGlite alone, shared_buffers=16MB',
          fmtMb(pglite.smallSharedBuffers.rssMb),
          'PGlite alone, idle',
          fmtMb(pglite.open.rssMb),
          signedMb(pglite.smallSharedBuffers.rssMb - pglite.open.rssMb),
          fmtRatio(pglite.smallSharedBuffers.rssMb / pglite.open.rssMb),
          '(diagnostic)',
          '',
        ],
        [
          '  what-if: server, shared_buffers=16MB',
          fmtMb(pglite.smallSharedBuffers.server.rssMb),
          'PGlite server, idle',
          fmtMb(pglite.warm.rssMb),
          signedMb(pglite.smallSharedBuffers.server.rssMb - pglite.warm.rssMb),
          fmtRatio(pglite.smallSharedBuffers.server.rssMb / pglite.warm.rssMb),
          '< 200 MB',
          met(
            Number.isFinite(pglite.smallSharedBuffers.server.rssMb)
              ? pglite.smallSharedBuffers.server.rssMb < targets.rssMb
              : null,
          ),
        ],
        [
          'PGlite idle RSS (first start)',
          fmtMb(pglite.cold?.rssMb),
          'PGlite alone, idle',
          fmtMb(pglite.open.rssMb),
          '',
          fmtRatio((pglite.cold?.rssMb ?? NaN) / pglite.open.rssMb),
          '(reported)',
          '',
        ],
        [
          'PostgreSQL idle RSS (node process)',
          fmtMb(pg?.warm.rssMb),
          'bare Hono, idle',
          fmtMb(bare.rssMb),
          signedMb((pg?.warm.rssMb ?? NaN) - bare.rssMb),
          fmtRatio((pg?.warm.rssMb ?? NaN) / bare.rssMb),
          '< 200 MB',
          met(verdicts.postgresRss ?? null),
        ],
      ],
    ),
  );
  console.log(
    `(module loading: importing dist/server/node.mjs takes ${fmtMs(serverImportMs)}; startServer() itself, warm: ` +
      `PGlite ${fmtMs(pglite.warm.startServerMs)}, PostgreSQL ${fmtMs(pg?.warm.startServerMs)})`,
  );

  section(
    `Requests/s, ${cfg.connections} connections, ${cfg.duration} s (diagnostics ${cfg.diagDuration} s); baseline: bare Hono route, mean of a run before and after`,
  );
  const row = (name: string, r: LoadResult | undefined, target: string, verdict: boolean | null | undefined) => [
    name,
    r ? `${round(r.rps)} req/s` : '–',
    r ? `${r.p50} ms` : '–',
    r ? `${r.p99} ms` : '–',
    r ? fmtRatio(r.rps / bareRps) : '–',
    r ? `${round((100 * r.rps) / bareRps)} %` : '–',
    r ? String(r.unexpected + r.errors + r.timeouts) : '–',
    target,
    verdict === undefined ? '' : met(verdict),
  ];
  console.log(
    table(
      ['route', 'req/s', 'p50', 'p99', 'ratio', '% of bare', 'bad', 'target', 'result'],
      [
        row('bare Hono GET /bare (before)', bareBefore, 'baseline', undefined),
        row('bare Hono GET /bare (after)', bareAfter, 'baseline', undefined),
        row('bare Hono + the app’s security headers', secureBefore, `mean ${round(secureRps)} req/s`, undefined),
        row('PGlite GET /api/me signed in', pgliteLoad?.me, `≥ 50 % of ${round(secureRps)}`, verdicts.pgliteMe),
        row('PostgreSQL GET /api/me signed in', pgLoad?.me, `≥ 50 % of ${round(secureRps)}`, verdicts.postgresMe),
        row('  diag: real app, stub database, /api/me', stub, 'no database', undefined),
        row('  diag: PGlite /api/me signed out (401)', pgliteLoad?.signedOut, 'no database', undefined),
        row('  diag: PGlite /api/health (SELECT 1)', pgliteLoad?.health, 'one round trip', undefined),
        row('  diag: PostgreSQL /api/me signed out (401)', pgLoad?.signedOut, 'no database', undefined),
        row('  diag: PostgreSQL /api/health (SELECT 1)', pgLoad?.health, 'one round trip', undefined),
        ...variants.map((v) => row(`  diag: bare + ${v.variant}`, v.result, 'middleware piece', undefined)),
      ],
    ),
  );
  if (pgliteLoad || pgLoad) {
    console.log(
      `(server RSS right after the /api/me run: PGlite ${fmtMb(pgliteLoad?.rssAfterLoadMb)}, PostgreSQL ` +
        `${fmtMb(pgLoad?.rssAfterLoadMb)}; "bad" = non-expected status, errors and timeouts)`,
    );
  }

  const profiles = [
    ['PGlite (warm, one fresh process)', pglite.profile],
    ['PGlite (first start on an empty data dir)', pglite.coldProfile],
    ['PostgreSQL (warm, one fresh process)', pg?.profile],
  ] as const;
  for (const [name, prof] of profiles) {
    const p = prof as
      | {
          steps?: {
            step: string;
            ms: number;
            mem: { rssMb: number; heapUsedMb: number; externalMb: number; arrayBuffersMb: number };
          }[];
        }
      | undefined;
    if (!p?.steps) continue;
    section(`Profile: startServer's steps on ${name}`);
    console.log(
      table(
        ['step', 'time', 'RSS after', 'JS heap used', 'external'],
        p.steps.map((s) => [
          s.step,
          `${s.ms} ms`,
          fmtMb(s.mem.rssMb),
          fmtMb(s.mem.heapUsedMb),
          fmtMb(s.mem.externalMb),
        ]),
      ),
    );
  }

  const buildAtEnd = existsSync(serverEntry) ? new Date(statSync(serverEntry).mtimeMs).toISOString() : null;
  if (buildAtEnd !== build.builtAt)
    buildChanges.push(
      `dist/server/node.mjs was rebuilt during the run (at the start: ${build.builtAt}; at the end: ${buildAtEnd})`,
    );
  result.buildChanges = buildChanges;
  if (buildChanges.length)
    console.log(`\nNOTE: the build changed under the run; the figures may mix builds:\n  ${buildChanges.join('\n  ')}`);
  const verdictList = Object.entries(verdicts)
    .map(([k, v]) => `${k}: ${met(v)}`)
    .join(', ');
  console.log(`\nTargets — ${verdictList}`);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const out = { at: new Date().toISOString(), machine, config: cfg, targets, verdicts, errors, ...result };
  const file = join(resultsDir, `bench-${stamp}.json`);
  writeFileSync(file, JSON.stringify(out, null, 2));
  writeFileSync(join(resultsDir, 'latest.json'), JSON.stringify(out, null, 2));
  console.log(`Results written to ${file.slice(root.length)}`);
  if (errors.length) {
    console.error(`\n${errors.length} measurement(s) failed:\n  ${errors.join('\n  ').slice(0, 4000)}`);
    process.exitCode = 1;
  }
}

main()
  .catch((err) => {
    console.error(err instanceof Error ? err.stack : err);
    process.exitCode = 1;
  })
  .finally(async () => {
    await cleanup();
    clearTimeout(watchdog);
  });
