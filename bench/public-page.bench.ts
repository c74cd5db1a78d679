// Issue 13's figure: a school's public page is served at ≥ 50 % of the bare Hono route's requests/s — the page is the
// same for every reader, so it is rendered once per school and language every few seconds and sent from memory with
// its ETag. Measured in this run, each with autocannon (50 connections, a 2 s warm-up, then BENCH_DURATION seconds):
// bench/bare-server.ts's /bare (a JSON answer on @hono/node-server; before and after the rest, the mean is the floor)
// and the same bare route answering as many bytes as the page, and the built server on PGlite with the demo data
// answering /s/JHZX as a browser asks (gzip), uncompressed, and a revalidation (If-None-Match → 304).
// Run: npx tsx bench/public-page.bench.ts. Builds first when the build is stale.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { killAllNow, round, sleep, startBareServer, startServer, stopAll, table } from './lib';

const root = fileURLToPath(new URL('..', import.meta.url));
const SECONDS = Math.max(1, Number(process.env.BENCH_DURATION ?? 10));
const CONNECTIONS = 50;
const AIM = 0.5;

interface Load {
  rps: number;
  p50: number;
  p99: number;
  kbPerRequest: number;
  unexpected: number;
}

async function load(url: string, headers: Record<string, string>, status: number): Promise<Load> {
  const run = (duration: number) => {
    const p = autocannon({ url, connections: CONNECTIONS, duration, headers, timeout: 10 });
    return Promise.race([
      p,
      sleep((duration + 30) * 1000).then(() => {
        throw new Error(`autocannon against ${url} did not finish`);
      }),
    ]);
  };
  const check = await fetch(url, { headers });
  if (check.status !== status) throw new Error(`${url} answered ${check.status}, not ${status}`);
  await run(2);
  const r = await run(SECONDS);
  const expected = status === 200 ? r['2xx'] : r.requests.total - r['2xx'] - r.errors - r.timeouts;
  return {
    rps: expected / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    kbPerRequest: r.throughput.total / Math.max(1, r.requests.total) / 1024,
    unexpected: r.requests.total - expected,
  };
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'tz-public-page-'));
  try {
    // The built server first, to know the page's size; the bare route before and after it (its mean is the floor:
    // it moves a lot from run to run on a shared machine), with a route that answers as many bytes as the page.
    const { base } = await startServer(root, undefined, { DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
    const page = `${base}/s/JHZX`;
    const first = await fetch(page, { headers: { 'accept-encoding': 'gzip' } });
    const etag = first.headers.get('etag') ?? '';
    const pageBytes = Number(first.headers.get('content-length') ?? 0);

    const { base: bareBase } = await startBareServer(root, { BARE_BYTES: String(pageBytes) });
    const before = await load(`${bareBase}/bare`, {}, 200);
    const sameBytes = await load(`${bareBase}/bare-bytes`, {}, 200);
    const gzip = await load(page, { 'accept-encoding': 'gzip' }, 200);
    const plain = await load(page, { 'accept-encoding': 'identity' }, 200);
    const revalidated = await load(page, { 'if-none-match': etag }, 304);
    const after = await load(`${bareBase}/bare`, {}, 200);
    const floor = { ...before, rps: (before.rps + after.rps) / 2 };

    const row = (what: string, l: Load) => [
      what,
      `${round(l.rps)} req/s`,
      `${round((l.rps / floor.rps) * 100)} %`,
      `${round(l.p50, 1)} ms`,
      `${round(l.p99, 1)} ms`,
      `${round(l.kbPerRequest, 1)} KB`,
      l.unexpected,
    ];
    console.log(
      table(
        ['route', 'throughput', 'of bare', 'p50', 'p99', 'per answer', 'unexpected'],
        [
          row(`bare Hono route /bare (mean of ${round(before.rps)} and ${round(after.rps)})`, floor),
          row(`bare Hono route answering ${pageBytes} bytes`, sameBytes),
          row('/s/JHZX, gzip', gzip),
          row('/s/JHZX, uncompressed', plain),
          row('/s/JHZX, If-None-Match → 304', revalidated),
        ],
      ),
    );
    const share = gzip.rps / floor.rps;
    console.log(
      `public page (gzip, as browsers ask): ${round(share * 100)} % of the bare route's requests/s — aim ≥ ` +
        `${AIM * 100} %: ${share >= AIM ? 'met' : 'MISSED'} (${CONNECTIONS} connections, ${SECONDS} s each)`,
    );
  } finally {
    await stopAll();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

process.on('exit', killAllNow);
main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
