// A real Node server (server/node.ts) on a free port over a fresh seeded database, for browser tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEnv } from '../../server/config';
import { seedDemo } from '../../server/db/seed';
import { startServer, type Running } from '../../server/node';
// @ts-expect-error plain ESM script without types
import { buildAll, isStale } from '../../scripts/build.mjs';
import { openTestDatabase, usingPostgres } from './db';
import { LocalStorage } from '../../server/modules/resources/storage';

export async function startTestServer(): Promise<Running & { stop(): Promise<void> }> {
  if (isStale()) await buildAll({ quiet: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'tz-web-'));
  let databaseUrl: string | undefined;
  let dispose = async () => {};
  if (usingPostgres) {
    const db = await openTestDatabase();
    await seedDemo(db.db, new LocalStorage(join(dataDir, 'files')));
    await db.close();
    databaseUrl = db.url;
    dispose = db.dispose;
  }
  // No local LiveKit for these servers: the LiveKit tests run their own on free ports.
  const env = parseEnv({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: databaseUrl, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', LIVEKIT_AUTOSTART: '0' });
  const running = await startServer(env);
  return {
    ...running,
    url: `http://127.0.0.1:${running.port}`,
    async stop() {
      await running.close();
      await dispose();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
