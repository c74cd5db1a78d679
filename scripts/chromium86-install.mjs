// A real Chromium 86 engine — the oldest that school PCs run (360 and QQ browsers) — for the old-engine browser test
// (test/web/old-engine.browser.test.ts): the npm package chrome-aws-lambda 5.3.1 carries its binary, brotli-packed,
// and puppeteer-core 5.3.1 speaks its protocol (playwright does not). Both go into .cache/chromium86, never into the
// app's dependencies. Idempotent: a second run only says where it is. Needs the npm registry the first time.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync } from 'node:zlib';

const dir = fileURLToPath(new URL('../.cache/chromium86', import.meta.url));
const binary = join(dir, 'chromium');
const packages = ['chrome-aws-lambda@5.3.1', 'puppeteer-core@5.3.1'];

if (existsSync(binary) && existsSync(join(dir, 'node_modules/puppeteer-core'))) {
  console.log(`Chromium 86 already here: ${binary}`);
  process.exit(0);
}
mkdirSync(dir, { recursive: true });
if (!existsSync(join(dir, 'package.json'))) writeFileSync(join(dir, 'package.json'), '{ "private": true }\n');
console.log(`Installing ${packages.join(' and ')} into ${dir}…`);
execFileSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', ...packages], {
  cwd: dir,
  stdio: 'inherit',
});
const packed = join(dir, 'node_modules/chrome-aws-lambda/bin/chromium.br');
writeFileSync(`${binary}.part`, brotliDecompressSync(readFileSync(packed)));
chmodSync(`${binary}.part`, 0o755);
renameSync(`${binary}.part`, binary);
console.log(`Chromium 86 unpacked: ${binary}`);
