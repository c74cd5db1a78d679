// npm start — builds when the build is missing or older than the sources, then serves the platform.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const stamp = join(root, 'dist/.stamp');

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

const sources = ['web', 'server', 'shared'].map((d) => join(root, d));
const stale = !existsSync(stamp) || !existsSync(join(root, 'dist/server/node.mjs')) ||
  Math.max(...sources.map(newest), statSync(join(root, 'package.json')).mtimeMs, statSync(join(root, 'vite.config.ts')).mtimeMs) > statSync(stamp).mtimeMs;
if (stale) {
  console.log('Building the web app and server (the build is missing or older than the sources)…');
  const { buildAll } = await import('./build.mjs');
  await buildAll({ quiet: true });
}
process.argv[1] = join(root, 'dist/server/node.mjs');
await import(pathToFileURL(process.argv[1]).href);
