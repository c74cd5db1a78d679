// npm run build — the web app with Vite into dist/web, the Node server bundled with esbuild into
// dist/server/node.mjs (dependencies stay in node_modules), then a stamp that start.mjs compares against.
import { build as viteBuild } from 'vite';
import { build as esbuild } from 'esbuild';
import { writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export async function buildAll({ quiet = false } = {}) {
  await viteBuild({ configFile: `${root}/vite.config.ts`, logLevel: quiet ? 'warn' : 'info' });
  await esbuild({
    entryPoints: [`${root}/server/node.ts`],
    outfile: `${root}/dist/server/node.mjs`,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: quiet ? 'warning' : 'info',
  });
  mkdirSync(`${root}/dist`, { recursive: true });
  writeFileSync(`${root}/dist/.stamp`, new Date().toISOString());
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildAll();
