// Diagnostics for the start figures: the steps of startServer (server/node.ts) timed one by one, with the
// process's memory after each, in a fresh process. Bundled by bench/run.ts into bench/results/ (two
// folders below the project root, like dist/server/node.mjs, so db-node.ts finds migrations/).
//   DATA_DIR=… [DATABASE_URL=…] node bench/results/profile-start.mjs
// On an empty PGlite data dir it also shows the first start: initdb inside open, every migration, seeding.
// Prints one JSON line. It mirrors startServer's order; it does not serve requests.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

function mem() {
  const status = readFileSync('/proc/self/status', 'utf8');
  const kb = (key: string) => Number(status.match(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm'))?.[1] ?? NaN);
  const m = process.memoryUsage();
  const mb = (n: number) => Math.round((n / 1048576) * 10) / 10;
  return {
    rssMb: mb(kb('VmRSS') * 1024),
    heapUsedMb: mb(m.heapUsed),
    heapTotalMb: mb(m.heapTotal),
    externalMb: mb(m.external),
    arrayBuffersMb: mb(m.arrayBuffers),
  };
}

const steps: { step: string; ms: number; mem: ReturnType<typeof mem> }[] = [];
// performance.now() counts from the process's start, so the first step includes Node's bootstrap and the
// parsing of this bundle; the next step evaluates the bundled modules (and imports PGlite from node_modules).
let last = 0;
const mark = (step: string) => {
  const now = performance.now();
  steps.push({ step, ms: Math.round((now - last) * 10) / 10, mem: mem() });
  last = now;
};

mark('process start → first line (Node bootstrap)');
// Dynamic imports so that module loading is timed as a step of its own.
const { parseEnv } = await import('../server/config');
const { openDatabase, runMigrations } = await import('../server/lib/db-node');
const { isEmpty, seedDemo } = await import('../server/db/seed');
const { createApp } = await import('../server/app');
const { createLogger } = await import('../server/lib/log');
const { serve } = await import('@hono/node-server');
await import('@electric-sql/pglite');
await import('postgres');
mark('evaluate modules (server code, hono, zod, drizzle, postgres.js; import PGlite)');

const env = parseEnv(process.env);
const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: resolve(env.DATA_DIR) });
mark(`open database (${database.kind})`);
await runMigrations(database);
mark('run migrations');
if (database.kind === 'pglite') {
  const empty = await isEmpty(database.db);
  mark(`seeding check isEmpty() → ${empty}`);
  if (empty && env.SEED_DEMO === '1') {
    await seedDemo(database.db);
    mark('seedDemo() (first start only)');
  }
}
const app = createApp({
  database,
  log: createLogger('silent'),
  config: { allowedOrigins: [], trustProxy: false, livekitUrl: null, version: '0.1.0' },
});
mark('createApp (routes, OpenAPI registry)');
const server = await new Promise<ReturnType<typeof serve>>((ok) => {
  const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => ok(s));
});
mark('listen');
const res = await app.request('/api/health');
await res.text();
mark(`first GET /api/health (in process, ${res.status})`);
await new Promise((ok) => setTimeout(ok, 2000));
mark('idle 2 s');
await new Promise<void>((ok) => server.close(() => ok()));
await database.close();
console.log(JSON.stringify({ kind: database.kind, steps }));
