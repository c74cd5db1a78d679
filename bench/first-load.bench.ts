// What a school PC downloads to show the first page (issue 11): the sign-in page, then the home page once signed in,
// in a fresh browser (nothing cached), counted on the wire by Chromium itself (CDP encodedDataLength: body and
// headers as sent). The same pages with compression refused (Accept-Encoding: identity) are the baseline, measured in
// the same run. An old engine also fetches the polyfill chunk, whose size is printed.
// Run: npx tsx bench/first-load.bench.ts (also part of npm run bench). Builds first when the build is stale.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CDPSession, Page } from 'playwright-core';
import { launchBrowser, newContext } from '../test/support/browser';
import { killAllNow, round, startServer, stopAll, table } from './lib';

const root = fileURLToPath(new URL('..', import.meta.url));
const AIM_JS_KB = 60;

interface Wire {
  js: number;
  css: number;
  html: number;
  other: number;
  requests: number;
}

/** Bytes on the wire per kind while `visit` runs, as Chromium's network stack counted them. */
async function onTheWire(page: Page, cdp: CDPSession, visit: () => Promise<void>): Promise<Wire> {
  const kinds = new Map<string, string>();
  const urls = new Map<string, string>();
  const wire: Wire = { js: 0, css: 0, html: 0, other: 0, requests: 0 };
  const sent = (e: { requestId: string; type?: string; response?: { url: string } }) => {
    kinds.set(e.requestId, e.type ?? 'Other');
    urls.set(e.requestId, e.response?.url ?? '');
  };
  const done = (e: { requestId: string; encodedDataLength: number }) => {
    const kind = kinds.get(e.requestId);
    // FIRST_LOAD_DETAIL=1 lists every script with its bytes on the wire (to find what grew).
    if (process.env.FIRST_LOAD_DETAIL && kind === 'Script')
      console.log(
        `  ${String(e.encodedDataLength).padStart(7)}  ${urls.get(e.requestId)?.replace(/^.*\/assets\//, '')}`,
      );
    const key = kind === 'Script' ? 'js' : kind === 'Stylesheet' ? 'css' : kind === 'Document' ? 'html' : 'other';
    wire[key] += e.encodedDataLength;
    wire.requests++;
  };
  cdp.on('Network.responseReceived', sent);
  cdp.on('Network.loadingFinished', done);
  await visit();
  await page.waitForLoadState('networkidle');
  cdp.off('Network.responseReceived', sent);
  cdp.off('Network.loadingFinished', done);
  return wire;
}

async function measure(base: string, compressed: boolean) {
  const browser = await launchBrowser();
  try {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (!compressed) await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': 'identity' } });
    const login = await onTheWire(page, cdp, async () => {
      await page.goto(`${base}/login`);
      await page.getByRole('heading', { level: 1 }).waitFor();
    });
    await page.request.post(`${base}/api/auth/login`, {
      data: { email: 'li@jhxx.demo', password: 'tongzhou-demo' },
    });
    const home = await onTheWire(page, cdp, async () => {
      await page.goto(`${base}/`);
      await page.getByRole('heading', { level: 1, name: /您好/ }).waitFor();
    });
    return { login, home };
  } finally {
    await browser.close();
  }
}

const kb = (bytes: number) => round(bytes / 1024, 1);

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'tz-first-load-'));
  try {
    const { base } = await startServer(root, undefined, { DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
    const plain = await measure(base, false);
    const packed = await measure(base, true);
    console.log(
      table(
        ['page', 'JS on the wire', 'uncompressed', 'ratio', 'CSS', 'HTML', 'all', 'requests'],
        (['login', 'home'] as const).map((p) => [
          p === 'login' ? 'sign-in page' : 'home page (signed in)',
          `${kb(packed[p].js)} KB`,
          `${kb(plain[p].js)} KB`,
          `${round(packed[p].js / plain[p].js, 2)}×`,
          `${kb(packed[p].css)} KB`,
          `${kb(packed[p].html)} KB`,
          `${kb(packed[p].js + packed[p].css + packed[p].html + packed[p].other)} KB`,
          packed[p].requests,
        ]),
      ),
    );
    const firstLoad = packed.home.js;
    console.log(
      `first-load JS on the wire, home page: ${kb(firstLoad)} KB compressed vs ${kb(plain.home.js)} KB ` +
        `uncompressed in this run (${round(firstLoad / plain.home.js, 2)}×) — aim ≤ ${AIM_JS_KB} KB: ` +
        `${kb(firstLoad) <= AIM_JS_KB ? 'met' : 'MISSED'}`,
    );
    // An engine without the built-ins the bundle calls (Chromium 86) also fetches the polyfill chunk.
    const polyfills = readdirSync(join(root, 'dist/web/assets')).find((f) => /^polyfills-(?!check).*\.js\.br$/.test(f));
    if (polyfills) {
      const size = statSync(join(root, 'dist/web/assets', polyfills)).size;
      console.log(`an old engine (Chromium 86) adds the polyfills: ${kb(size)} KB brotli, only there`);
    }
  } finally {
    await stopAll();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

process.on('exit', killAllNow);
await main();
