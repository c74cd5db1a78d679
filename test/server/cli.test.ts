// The README's scripts run as a newcomer runs them: `npm run db:migrate` and `npm run seed` in a fresh process.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
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
