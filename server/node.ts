// The Node door: parses the environment, opens the database (PGlite or PostgreSQL), migrates, seeds an
// empty embedded database, and serves the API and the built web app.

import type { IncomingMessage } from 'node:http';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ServerType, serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { createApp } from './app';
import { configFrom, type NodeEnv, parseEnv } from './config';
import { isEmpty, seedDemo } from './db/seed';
import type { Deps } from './lib/context';
import type { Database } from './lib/db';
import { openDatabase, runMigrations } from './lib/db-node';
import { livekitBinary, startLocalLiveKit } from './lib/livekit-local';
import { livekitProbe } from './lib/livekit-probe';
import { createLogger } from './lib/log';
import { webHandler } from './lib/web-static';
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

export async function startServer(env: NodeEnv, opts: { webDir?: string } = {}): Promise<Running> {
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
  const deps: Deps = {
    database,
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
  // No LiveKit configured but the binary is here (npm run livekit:install): run one on loopback for live lessons.
  let localLiveKit: Awaited<ReturnType<typeof startLocalLiveKit>> | null = null;
  if (!env.LIVEKIT_URL && env.LIVEKIT_AUTOSTART === '1' && livekitBinary()) {
    try {
      localLiveKit = await startLocalLiveKit({
        port: env.LIVEKIT_PORT,
        tcpPort: env.LIVEKIT_PORT + 1,
        udpPort: env.LIVEKIT_PORT + 2,
        // Attendance comes from LiveKit's own events, sent to this app.
        ...(env.PORT ? { webhookUrl: `http://127.0.0.1:${env.PORT}/api/livekit/webhook` } : {}),
      });
      deps.config.livekitUrl = localLiveKit.url;
      deps.config.livekit = { url: localLiveKit.url, apiKey: localLiveKit.apiKey, apiSecret: localLiveKit.apiSecret };
      deps.livekitStatus = livekitProbe(localLiveKit.url);
      log.log('info', 'LiveKit server started on loopback', { url: localLiveKit.url });
    } catch (err) {
      log.log('warn', 'LiveKit server could not start; live lessons are unavailable', { err: String(err) });
    }
  }
  const app = createApp(deps);
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
      await database.close();
    },
  };
}

function scheduleJobs(run: () => Promise<void>): NodeJS.Timeout[] {
  return [setTimeout(run, 60_000).unref(), setInterval(run, SCHEDULED_EVERY_MS).unref()];
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1]);
if (isMain) {
  const env = parseEnv(process.env);
  const started = performance.now();
  startServer(env)
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
