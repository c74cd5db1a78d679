// npm start — builds when the build is missing or older than the sources, then serves the platform.
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildIfStale } from './build.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
await buildIfStale({
  onBuild: () => console.log('Building the web app and server (the build is missing or older than the sources)…'),
});
process.argv[1] = join(root, 'dist/server/node.mjs');
await import(pathToFileURL(process.argv[1]).href);
