// npm run livekit:install — builds the pinned LiveKit server into .livekit/bin/livekit-server (git-ignored).
// Needs Go (1.26+): LiveKit publishes no npm package of its server; the Go module proxy is how it is fetched.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const LIVEKIT_VERSION = 'v1.13.5';
const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, '.livekit/bin');
const target = join(bin, 'livekit-server');

if (existsSync(target) && !process.argv.includes('--force')) {
  console.log(`LiveKit server already built: ${target}`);
  process.exit(0);
}
const go = spawnSync('go', ['version'], { encoding: 'utf8' });
if (go.status !== 0) {
  console.error(
    'Go is not installed, so the LiveKit server cannot be built here.\n' +
      `Install Go 1.26 or newer, then run "npm run livekit:install" again — or point LIVEKIT_URL, LIVEKIT_API_KEY and\n` +
      'LIVEKIT_API_SECRET at a LiveKit server you run elsewhere. Everything but live lessons works without it.',
  );
  process.exit(1);
}
mkdirSync(bin, { recursive: true });
console.log(`Building livekit-server ${LIVEKIT_VERSION} with ${go.stdout.trim()} (a few minutes the first time)…`);
// The module's binary is called "server"; the /cmd/server suffix matters, and the pinned tag has no replace directives.
execFileSync('go', ['install', `github.com/livekit/livekit-server/cmd/server@${LIVEKIT_VERSION}`], {
  stdio: 'inherit',
  env: { ...process.env, GOBIN: bin },
});
renameSync(join(bin, 'server'), target);
console.log(`Built ${target}`);
