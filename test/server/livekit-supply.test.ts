// Issue 15: `npm start` brings live lessons with no extra command. With no LIVEKIT_URL it runs a LiveKit server on
// loopback: one on PATH; on a machine with Go and none, built in the background while the platform already serves
// (health "starting", then "ok" without a restart); with neither, one line saying what to do. The real build takes
// minutes, so a stand-in `go` on PATH "builds" by copying the real binary (test/support/built-server.ts).
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { livekitBinary } from '../../server/lib/livekit-local';
import { standInGo, startBuilt } from '../support/built-server';
import { freeRun } from '../support/ports';

const real = livekitBinary();
const reason = real ? null : 'livekit-server not built: run "npm run livekit:install"';
if (reason && process.env.CI) throw new Error(`${reason}. CI must run the LiveKit start-up tests.`);
if (reason) console.warn(`skipping the LiveKit start-up tests: ${reason}`);

const root = mkdtempSync(join(tmpdir(), 'tz-lk-supply-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** An empty folder for PATH. */
function emptyPath(name: string): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

const health = async (url: string) =>
  ((await (await fetch(`${url}/api/health`)).json()) as { livekit: string }).livekit;

async function startWith(name: string, path: string) {
  const dataDir = join(root, `${name}-data`);
  return startBuilt({
    DATA_DIR: dataDir,
    PATH: path,
    // Where this server would build its own: never the project's .livekit, which other tests use.
    LIVEKIT_SERVER_BIN: join(root, `${name}-build`, 'livekit-server'),
    LIVEKIT_AUTOSTART: '1',
    LIVEKIT_PORT: String(await freeRun(3)),
    LOG_LEVEL: 'warn',
  });
}

describe.skipIf(!!reason)('npm start: the live-lesson server with no extra command', () => {
  it('uses a livekit-server found on PATH: live lessons are there from the first request', async () => {
    const dir = join(root, 'on-path');
    mkdirSync(dir, { recursive: true });
    symlinkSync(real ?? '', join(dir, 'livekit-server'));
    const server = await startWith('on-path', dir);
    try {
      expect(await health(server.url)).toBe('ok');
    } finally {
      await server.stop();
    }
  }, 120_000);

  it('with Go and no server, builds one in the background: serving at once, "starting", then "ok" without a restart', async () => {
    const go = standInGo(join(root, 'with-go'), real ?? '', { seconds: 3 });
    const server = await startWith('with-go', go);
    try {
      expect(server.output()).toMatch(/Building the LiveKit server v[\d.]+ in the background/);
      expect(await health(server.url)).toBe('starting');
      const deadline = Date.now() + 60_000;
      let state = 'starting';
      while (state === 'starting' && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 250));
        state = await health(server.url);
      }
      expect(state).toBe('ok');
      expect(existsSync(join(root, 'with-go-build', 'livekit-server'))).toBe(true);
      expect(server.output()).toMatch(/LiveKit server built in \d+ s/);
    } finally {
      await server.stop();
    }
  }, 120_000);

  it('with neither, serves everything else and says in one line what to do', async () => {
    const server = await startWith('neither', emptyPath('neither'));
    try {
      expect(await health(server.url)).toBe('absent');
      const lines = server
        .output()
        .split('\n')
        .filter((l) => /Live lessons need a LiveKit server/.test(l));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/install Go .* LIVEKIT_URL/);
    } finally {
      await server.stop();
    }
  }, 120_000);
});
