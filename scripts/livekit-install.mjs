// npm run livekit:install — builds the pinned LiveKit server into .livekit/bin/livekit-server (git-ignored).
// `npm start` does the same in the background when it finds Go and no LiveKit server; this does it beforehand (CI).
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildLiveKit, goVersion, LIVEKIT_VERSION } from './livekit-build.mjs';

export { LIVEKIT_VERSION };

const root = fileURLToPath(new URL('..', import.meta.url));
const target = join(root, '.livekit/bin/livekit-server');

if (existsSync(target) && !process.argv.includes('--force')) {
  console.log(`LiveKit server already built: ${target}`);
  process.exit(0);
}
const go = goVersion();
if (!go) {
  console.error(
    'Go is not installed, so the LiveKit server cannot be built here.\n' +
      `Install Go 1.26 or newer, then run "npm run livekit:install" again — or point LIVEKIT_URL, LIVEKIT_API_KEY and\n` +
      'LIVEKIT_API_SECRET at a LiveKit server you run elsewhere. Everything but live lessons works without it.',
  );
  process.exit(1);
}
mkdirSync(dirname(target), { recursive: true });
console.log(`Building livekit-server ${LIVEKIT_VERSION} with ${go} (a few minutes the first time)…`);
await buildLiveKit(target, { onLine: (line) => console.log(line) });
console.log(`Built ${target}`);
