// A real Node server (server/node.ts) on a free port over a fresh seeded database, for browser tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildIfStale } from '../../scripts/build.mjs';
import { parseEnv } from '../../server/config';
import { seedDemo } from '../../server/db/seed';
import { openPglite } from '../../server/lib/db-node';
import { LocalStorage } from '../../server/modules/resources/storage';
import { type Running, startServer } from '../../server/node';
import { openTestDatabase, pgliteTemplate, usingPostgres } from './db';

/**
 * With `host`, it listens on that address of this machine instead of loopback (a classroom namespace's way in).
 * With `livekit`, the app uses that LiveKit server (the run's shared one, or a dead address to play one that is down).
 */
export async function startTestServer(
  opts: { livekit?: { url: string; apiKey: string; apiSecret: string }; host?: string } = {},
): Promise<Running & { stop(): Promise<void> }> {
  await buildIfStale();
  const dataDir = mkdtempSync(join(tmpdir(), 'tz-web-'));
  let databaseUrl: string | undefined;
  let dispose = async () => {};
  if (usingPostgres) {
    const db = await openTestDatabase();
    await seedDemo(db.db, new LocalStorage(join(dataDir, 'files')));
    await db.close();
    databaseUrl = db.url;
    dispose = db.dispose;
  } else {
    // The run's migrated template in the server's data directory: it seeds the demo on start, as on a first start.
    const from = pgliteTemplate();
    if (from) await (await openPglite(join(dataDir, 'pglite'), from)).close();
  }
  // Never a LiveKit of its own: the run shares one (test/support/livekit-global.ts).
  const lk = opts.livekit;
  const env = parseEnv({
    PORT: '0',
    HOST: opts.host ?? '127.0.0.1',
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    LIVEKIT_AUTOSTART: '0',
    // Tests run the hourly jobs themselves, on the day they choose.
    SCHEDULED_JOBS: '0',
    ...(lk ? { LIVEKIT_URL: lk.url, LIVEKIT_API_KEY: lk.apiKey, LIVEKIT_API_SECRET: lk.apiSecret } : {}),
  });
  const running = await startServer(env);
  return {
    ...running,
    url: `http://${opts.host ?? '127.0.0.1'}:${running.port}`,
    async stop() {
      await running.close();
      await dispose();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
