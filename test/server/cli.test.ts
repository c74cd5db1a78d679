// The README's scripts run as a newcomer runs them: `npm run db:migrate` and `npm run seed` in a fresh process, and
// the built server as `npm start` runs it on an empty data directory.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/db/seed';
import { rssMb, startBuilt } from '../support/built-server';
import { openTestDatabase, usingPostgres } from '../support/db';

const run = promisify(execFile);

describe('cli: migrate and seed scripts', () => {
  it('migrates an empty database, loads the demo data once, and says so the second time', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tz-cli-'));
    const db = usingPostgres ? await openTestDatabase() : null;
    await db?.close();
    const env = { ...process.env, DATA_DIR: dataDir, ...(db?.url ? { DATABASE_URL: db.url } : {}) };
    try {
      const tsx = join(process.cwd(), 'node_modules/.bin/tsx');
      expect((await run(tsx, ['server/cli/migrate.ts'], { env })).stdout).toMatch(/Migrations applied/);
      expect((await run(tsx, ['server/cli/seed.ts'], { env })).stdout).toMatch(/Demo data loaded .* tongzhou-demo/);
      expect((await run(tsx, ['server/cli/seed.ts'], { env })).stdout).toMatch(/already holds organisations/);
    } finally {
      await db?.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('cli: npm start on an empty data directory', () => {
  it('prepares the embedded database in a process of its own, then serves the demo without keeping that memory', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tz-first-'));
    const env = { DATA_DIR: dataDir, LIVEKIT_AUTOSTART: '0' };
    try {
      const first = await startBuilt(env);
      try {
        expect(first.output()).toMatch(/Preparing the embedded database \(first start\)/);
        const login = await fetch(`${first.url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'li@jhxx.demo', password: DEMO_PASSWORD }),
        });
        expect(login.status).toBe(200);
        // initdb, the migrations and the demo data grew the preparing process to ~370 MB; this one never had it.
        expect(rssMb(first.child.pid ?? 0)).toBeLessThan(300);
      } finally {
        await first.stop();
      }
      const second = await startBuilt(env);
      await second.stop();
      expect(second.output()).not.toMatch(/Preparing/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
