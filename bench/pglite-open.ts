// Baseline for the PGlite start figure: PGlite's own open time on a data directory, in a fresh process.
//   node bench/results/pglite-open.mjs <dataDir> [idleMs] [sharedBuffers]
// With sharedBuffers (e.g. 16MB) it opens with `-c shared_buffers=…` added to PGlite's default start
// parameters: a what-if for the memory figure, not what the server does.
// Prints one JSON line: module import time, PGlite.create() time, first query, RSS after idling.
// The extensions are imported from server/lib/db-node.ts so they are always the server's own.
import { readFileSync } from 'node:fs';

function rssKb(): { rssKb: number; hwmKb: number } {
  const status = readFileSync('/proc/self/status', 'utf8');
  const kb = (key: string) => Number(status.match(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm'))?.[1] ?? NaN);
  return { rssKb: kb('VmRSS'), hwmKb: kb('VmHWM') };
}

const dataDir = process.argv[2];
const idleMs = Number(process.argv[3] ?? 0);
const sharedBuffers = process.argv[4];
if (!dataDir) {
  console.error('usage: pglite-open <dataDir> [idleMs]');
  process.exit(2);
}

const t0 = performance.now();
const { PGlite } = await import('@electric-sql/pglite');
const { pgliteExtensions } = await import('../server/lib/db-node');
const { mkdirSync } = await import('node:fs');
mkdirSync(dataDir, { recursive: true });
const t1 = performance.now();
const client = await PGlite.create({
  dataDir,
  extensions: pgliteExtensions,
  ...(sharedBuffers ? { startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${sharedBuffers}`] } : {}),
});
const t2 = performance.now();
await client.query('SELECT 1');
const t3 = performance.now();
const shown = await client.query<{ shared_buffers: string }>('SHOW shared_buffers');
if (idleMs > 0) await new Promise((ok) => setTimeout(ok, idleMs));
const mem = rssKb();
await client.close();
console.log(
  JSON.stringify({
    importMs: t1 - t0,
    openMs: t2 - t1,
    firstQueryMs: t3 - t2,
    // performance.now() counts from the process's own start, so this includes Node's bootstrap.
    sinceProcessStartMs: t3,
    sharedBuffers: shown.rows[0]?.shared_buffers,
    ...mem,
  }),
);
