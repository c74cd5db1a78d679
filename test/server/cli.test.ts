// The README's scripts run as a newcomer runs them: `npm run db:migrate` and `npm run seed` in a fresh process, and
// the built server as `npm start` runs it on an empty data directory.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildAll, isStale } from '../../scripts/build.mjs';
import { DEMO_PASSWORD } from '../../server/db/seed';
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

/** The built server as package.json's start script runs it; resolves once it says where it serves. */
function startBuilt(dataDir: string): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { start: string } };
  const flags = pkg.scripts.start.split(/\s+/).filter((w) => w.startsWith('--'));
  const env = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    LIVEKIT_AUTOSTART: '0',
  };
  const child = spawn(process.execPath, [...flags, 'dist/server/node.mjs'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((ok, fail) => {
    const read = (chunk: Buffer) => {
      out += chunk.toString();
      const url = out.match(/serving on (http:\/\/\S+)/)?.[1];
      if (url) ok({ child, url: url.replace('localhost', '127.0.0.1'), output: () => out });
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.on('exit', (code) => fail(new Error(`the server exited (${code}): ${out}`)));
  });
}

const rssMb = (pid: number) =>
  Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m)?.[1] ?? NaN) / 1024;

describe('cli: npm start on an empty data directory', () => {
  it('prepares the embedded database in a process of its own, then serves the demo without keeping that memory', async () => {
    if (isStale()) await buildAll({ quiet: true });
    const dataDir = mkdtempSync(join(tmpdir(), 'tz-first-'));
    const stop = async (child: ChildProcess) => {
      child.kill('SIGTERM');
      await new Promise((ok) => child.once('exit', ok));
    };
    try {
      const first = await startBuilt(dataDir);
      try {
        expect(first.output()).toMatch(/Preparing the embedded database \(first start\)/);
        const login = await fetch(`${first.url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'li@jhxx.demo', password: DEMO_PASSWORD }),
        });
        expect(login.status).toBe(200);
        // initdb, the migrations and the demo data grew the preparing process's memory to ~370 MB; this one never had it.
        expect(rssMb(first.child.pid ?? 0)).toBeLessThan(300);
      } finally {
        await stop(first.child);
      }
      const second = await startBuilt(dataDir);
      await stop(second.child);
      expect(second.output()).not.toMatch(/Preparing/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
