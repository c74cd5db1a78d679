// Building the pinned LiveKit server from the Go module proxy, for `npm run livekit:install` and for `npm start`,
// which builds it in the background on a machine with Go and none yet. LiveKit publishes no npm package of its
// server. The build goes to a folder of its own and is renamed into place, so a half-built binary is never run.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const LIVEKIT_VERSION = 'v1.13.5';

/** Go's version line, or null when there is no Go here. */
export function goVersion() {
  const go = spawnSync('go', ['version'], { encoding: 'utf8' });
  return go.status === 0 ? go.stdout.trim() : null;
}

/**
 * Builds livekit-server into `target`. `onLine` gets Go's progress (module downloads) line by line. Resolves with
 * the target; rejects with Go's last lines when the build fails.
 */
export function buildLiveKit(target, { onLine = () => {} } = {}) {
  const work = join(dirname(target), `.build-${process.pid}`);
  mkdirSync(work, { recursive: true });
  // The module's binary is called "server"; the /cmd/server suffix matters, and the pinned tag has no replace
  // directives.
  const go = spawn('go', ['install', `github.com/livekit/livekit-server/cmd/server@${LIVEKIT_VERSION}`], {
    env: { ...process.env, GOBIN: work },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const last = [];
  const read = (chunk) => {
    for (const line of chunk.toString().split('\n')) {
      if (!line.trim()) continue;
      last.push(line);
      if (last.length > 5) last.shift();
      onLine(line);
    }
  };
  go.stdout.on('data', read);
  go.stderr.on('data', read);
  const done = new Promise((ok, fail) => {
    go.on('error', (err) => fail(err));
    go.on('exit', (code, signal) => {
      try {
        if (code !== 0) throw new Error(`go install exited (${code ?? signal}): ${last.join(' | ')}`);
        renameSync(join(work, 'server'), target);
        ok(target);
      } catch (err) {
        fail(err);
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    });
  });
  return Object.assign(done, { stop: () => go.kill('SIGTERM') });
}
