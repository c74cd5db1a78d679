// npm run build — the web app with Vite into dist/web, the Node server bundled with esbuild into
// dist/server/node.mjs, then a stamp that start.mjs compares against.

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Newest modification time under `dir`, skipping node_modules and dot-folders. */
/**
 * Node's flags for the server as `npm start` runs it: package.json's start script is their one source (the benches
 * and the tests that start the built server use the same).
 */
export function startFlags() {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  return pkg.scripts.start.split(/\s+/).filter((word) => word.startsWith('--'));
}

export function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/** Whether the build is missing or older than any source it is made from. */
export function isStale() {
  const stamp = join(root, 'dist/.stamp');
  if (
    !existsSync(stamp) ||
    !existsSync(join(root, 'dist/server/node.mjs')) ||
    !existsSync(join(root, 'dist/web/index.html'))
  )
    return true;
  const sources = Math.max(
    ...['web', 'server', 'shared'].map((d) => newest(join(root, d))),
    ...['package.json', 'vite.config.ts'].map((f) => statSync(join(root, f)).mtimeMs),
  );
  return sources > statSync(stamp).mtimeMs;
}

/** Text files worth compressing: what a browser fetches to show a page (source maps are for developers). */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|webmanifest)$/;

/**
 * Writes `<file>.br` (brotli, quality 11) and `<file>.gz` (gzip, level 9) beside each compressible file under `dir`,
 * once at build time, so the server picks one by Accept-Encoding without compressing per request. A file that
 * would not shrink (or under 512 bytes) is left as it is.
 */
export function precompress(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      precompress(path);
      continue;
    }
    if (!COMPRESSIBLE.test(entry.name)) continue;
    const bytes = readFileSync(path);
    if (bytes.length < 512) continue;
    const br = brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    });
    const gz = gzipSync(bytes, { level: 9 });
    if (br.length < bytes.length) writeFileSync(`${path}.br`, br);
    if (gz.length < bytes.length) writeFileSync(`${path}.gz`, gz);
  }
}

export async function buildAll({ quiet = false } = {}) {
  // Always the production build: Vite picks packages' `development` exports whenever NODE_ENV is not
  // "production", and a build started from a test (Vitest sets NODE_ENV=test) shipped Solid's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await viteBuild({ configFile: `${root}/vite.config.ts`, logLevel: quiet ? 'warn' : 'info' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  precompress(`${root}/dist/web`);
  await esbuild({
    entryPoints: [`${root}/server/node.ts`],
    outfile: `${root}/dist/server/node.mjs`,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Dependencies are bundled (ESM builds preferred: rrule's CommonJS build has no named exports for Node),
    // except PGlite, which loads its WebAssembly and extension files from its own package folder.
    external: ['@electric-sql/pglite', '@electric-sql/pglite/*'],
    mainFields: ['module', 'main'],
    banner: {
      js: "import { createRequire as __tzCreateRequire } from 'node:module'; const require = __tzCreateRequire(import.meta.url);",
    },
    sourcemap: true,
    logLevel: quiet ? 'warning' : 'info',
  });
  mkdirSync(`${root}/dist`, { recursive: true });
  writeFileSync(`${root}/dist/.stamp`, new Date().toISOString());
}

/**
 * Builds when the build is missing or older than the sources, one process at a time: test files running in parallel
 * (each starting the built server) wait for the one that builds rather than write dist/ together. `onBuild` is told
 * when this process builds. A lock left by a process that died is taken over after ten minutes.
 */
export async function buildIfStale({ quiet = true, onBuild = () => {} } = {}) {
  if (!isStale()) return;
  const lock = join(root, '.cache/build.lock');
  mkdirSync(join(root, '.cache'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      if (Date.now() - statSync(lock, { throwIfNoEntry: false })?.mtimeMs > 600_000)
        rmSync(lock, { recursive: true, force: true });
      await new Promise((ok) => setTimeout(ok, 250));
    }
  }
  try {
    if (isStale()) {
      onBuild();
      await buildAll({ quiet });
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildAll();
