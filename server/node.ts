// The Node door: parses the environment, opens the database (PGlite or PostgreSQL), migrates, seeds an
// empty embedded database, and serves the API and the built web app.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ServerType, serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { createApp } from './app';
import { configFrom, type NodeEnv, parseEnv } from './config';
import { isEmpty, seedDemo } from './db/seed';
import { ActorCache } from './lib/actor-cache';
import type { Deps } from './lib/context';
import type { Database } from './lib/db';
import { openDatabase, runMigrations } from './lib/db-node';
import { listenForChanges } from './lib/forget';
import { livekitProbe } from './lib/livekit-probe';
import { supplyLiveKit } from './lib/livekit-supply';
import { createLogger } from './lib/log';
import { webHandler } from './lib/web-static';
import { PublicPageCache } from './modules/public-pages/public-pages.cache';
import { S3Storage } from './modules/resources/s3-storage';
import { LocalStorage } from './modules/resources/storage';
import { runScheduled, SCHEDULED_EVERY_MS } from './scheduled';

const projectRoot = fileURLToPath(new URL('../', import.meta.url)).replace(/\/dist\/$/, '/');
export const webDist = resolve(projectRoot, 'dist/web');

export interface Running {
  port: number;
  url: string;
  /** The server's database (tests set up what no route makes, such as a second organisation a person leads). */
  database: Database;
  close(): Promise<void>;
}

/**
 * Opens the database (migrated, and on an empty embedded one the demo data when SEED_DEMO=1), then serves. With
 * `prepareOnly` it stops once the database is ready (see firstStartApart).
 */
export async function startServer(env: NodeEnv, opts?: { webDir?: string }): Promise<Running>;
export async function startServer(env: NodeEnv, opts: { prepareOnly: true }): Promise<null>;
export async function startServer(
  env: NodeEnv,
  opts: { webDir?: string; prepareOnly?: boolean } = {},
): Promise<Running | null> {
  const log = createLogger(env.LOG_LEVEL);
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: resolve(env.DATA_DIR) });
  await runMigrations(database);
  if (!database.durable)
    log.log(
      'warn',
      'The embedded database cannot flush to disk on this PGlite: a power cut may lose the last answers. ' +
        'Set DATABASE_URL to a PostgreSQL server for durable writes.',
    );
  const storage = env.S3_ENDPOINT
    ? new S3Storage({
        endpoint: env.S3_ENDPOINT,
        bucket: env.S3_BUCKET,
        region: env.S3_REGION,
        tempDir: resolve(env.DATA_DIR, 'files'),
        accessKeyId: env.S3_ACCESS_KEY_ID ?? '',
        secretAccessKey: env.S3_SECRET_ACCESS_KEY ?? '',
      })
    : new LocalStorage(resolve(env.DATA_DIR, 'files'));
  await storage.clearTemp();
  if (env.LIVEKIT_EGRESS === '1' && !env.S3_ENDPOINT)
    log.log(
      'warn',
      'LIVEKIT_EGRESS=1 needs S3 storage (S3_ENDPOINT) for the recordings; teachers’ browsers will record instead',
    );
  if (database.kind === 'pglite' && env.SEED_DEMO === '1' && (await isEmpty(database.db))) {
    await seedDemo(database.db, storage);
    log.log('info', 'demo data loaded into the empty embedded database');
  }
  if (opts.prepareOnly) {
    await database.close();
    return null;
  }
  const actorCache = new ActorCache();
  const publicPageCache = new PublicPageCache();
  const deps: Deps = {
    database,
    actorCache,
    publicPageCache,
    log,
    storage,
    config: configFrom(env, { version: process.env.npm_package_version ?? '0.1.0' }),
    livekitStatus: livekitProbe(env.LIVEKIT_URL),
    nodeBody: (c) => (c as { env?: { incoming?: IncomingMessage } }).env?.incoming,
    remoteAddress: (c) => {
      try {
        return getConnInfo(c as Parameters<typeof getConnInfo>[0]).remote.address;
      } catch {
        return undefined;
      }
    },
    serveWeb: webHandler(opts.webDir ?? webDist),
  };
  // No LiveKit configured: one on loopback for live lessons (built here first when need be, in the background).
  const localLiveKit = !env.LIVEKIT_URL && env.LIVEKIT_AUTOSTART === '1' ? await supplyLiveKit(env, deps) : null;
  const app = createApp(deps);
  // Another process's change to a signed-in person or a public page is forgotten here at once.
  const stopListening = await listenForChanges(database, { actors: actorCache, pages: publicPageCache }, log);
  // The hourly jobs (reminders), first a minute after the start so they never slow it.
  const timers = env.SCHEDULED_JOBS === '1' ? scheduleJobs(() => runScheduled(database.db, log)) : [];
  const server: ServerType = await new Promise((ok) => {
    const s = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, () => ok(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : env.PORT;
  const url = `http://localhost:${port}`;
  return {
    port,
    url,
    database,
    async close() {
      for (const t of timers) clearTimeout(t);
      await new Promise<void>((ok) => server.close(() => ok()));
      await localLiveKit?.stop();
      await stopListening();
      await database.close();
    },
  };
}

function scheduleJobs(run: () => Promise<void>): NodeJS.Timeout[] {
  return [setTimeout(run, 60_000).unref(), setInterval(run, SCHEDULED_EVERY_MS).unref()];
}

/**
 * The embedded database's first start (initdb, every migration, the demo data) grows its WebAssembly memory to
 * ~370 MB, and such memory never shrinks: a school PC would keep it for as long as the server runs. So on a first
 * start the database is prepared by a short-lived process of this same program, and this one opens it ready.
 */
function firstStartApart(env: NodeEnv): void {
  if (env.DATABASE_URL || existsSync(resolve(env.DATA_DIR, 'pglite', 'PG_VERSION'))) return;
  console.log('Preparing the embedded database (first start)…');
  const run = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], {
    env: { ...process.env, TZ_PREPARE_ONLY: '1' },
    stdio: 'inherit',
  });
  if (run.status !== 0) throw new Error(`Preparing the embedded database failed (exit ${run.status ?? run.signal})`);
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1]);
if (isMain && process.env.TZ_PREPARE_ONLY === '1') {
  startServer(parseEnv(process.env), { prepareOnly: true }).then(
    () => process.exit(0),
    (err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
} else if (isMain) {
  const env = parseEnv(process.env);
  const started = performance.now();
  Promise.resolve()
    .then(() => firstStartApart(env))
    .then(() => startServer(env))
    .then((running) => {
      console.log(`Tongzhou (同舟) is serving on ${running.url} (${Math.round(performance.now() - started)} ms)`);
      const stop = () => running.close().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    })
    .catch((err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    });
}
