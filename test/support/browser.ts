// Real headless Chromium (Debian's, never a downloaded one) driven by playwright-core.
import { existsSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { Database } from '../../server/lib/db';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Why browser tests cannot run here, or null. With CI set they must run: the caller fails instead of skipping. */
export function browserUnavailable(): string | null {
  if (existsSync(CHROMIUM)) return null;
  const reason = `Chromium not found at ${CHROMIUM}: install it with "apt-get install -y chromium" (or set CHROMIUM_PATH)`;
  if (process.env.CI) throw new Error(`${reason}. CI must run the browser tests.`);
  console.warn(`Skipping browser tests: ${reason}`);
  return reason;
}

/** `executablePath`: Chromium, or a script that runs it elsewhere (in a classroom's network namespace). */
export async function launchBrowser(extraArgs: string[] = [], executablePath = CHROMIUM): Promise<Browser> {
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      // playwright gives every launch its own fresh, temporary profile (no --user-data-dir needed).
      ...extraArgs,
    ],
  });
}

/**
 * Fake camera, microphone and screen (getDisplayMedia answers with a fake 1280×720 screen), no permission
 * prompts, WebRTC over loopback. Autoplay as on a desktop browser: a page opened without a click must offer "start
 * sound".
 */
export const MEDIA_FLAGS = [
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--auto-select-desktop-capture-source=Entire screen',
  '--allow-loopback-in-peer-connection',
  '--disable-features=WebRtcHideLocalIpsWithMdns',
  // A desktop browser's policy (headless would otherwise play sound unasked).
  '--autoplay-policy=document-user-activation-required',
];

export const viewports = {
  laptop: { width: 1366, height: 768 },
  projector: { width: 1920, height: 1080 },
  phone: { width: 390, height: 844 },
} as const;

export async function newContext(
  browser: Browser,
  viewport: keyof typeof viewports = 'laptop',
): Promise<BrowserContext> {
  const ctx = await browser.newContext({
    viewport: viewports[viewport],
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    ...(viewport === 'phone' ? { isMobile: true, hasTouch: true } : {}),
  });
  // Shorter than a test's timeout, so a missing element fails with its own message.
  ctx.setDefaultTimeout(15_000);
  return ctx;
}

/** Locators are polled: the page answers asynchronously. */
export const POLL = { timeout: 15_000, interval: 100 };

/**
 * One real server (fresh seeded database) and one Chromium for a browser test file; registers the hooks.
 * Read `web.url` and `web.browser` inside tests.
 */
export function useWebApp(
  opts: { livekit?: { url: string; apiKey: string; apiSecret: string } | null; media?: boolean } = {},
): { readonly url: string; readonly browser: Browser; readonly database: Database } {
  let server: Awaited<ReturnType<typeof import('./server').startTestServer>> | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    const { startTestServer } = await import('./server');
    [server, browser] = await Promise.all([
      startTestServer({ livekit: opts.livekit ?? undefined }),
      launchBrowser(opts.media ? MEDIA_FLAGS : []),
    ]);
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    get url() {
      return server!.url;
    },
    get browser() {
      return browser!;
    },
    get database() {
      return server!.database;
    },
  };
}

/** A fresh browser context signed in as `email` (through the API), on no page yet. */
export async function pageAs(
  web: { url: string; browser: Browser },
  email: string,
  viewport: keyof typeof viewports = 'laptop',
  password = 'tongzhou-demo',
): Promise<Page> {
  const ctx = await newContext(web.browser, viewport);
  const page = await ctx.newPage();
  await page.request.post(`${web.url}/api/auth/login`, { data: { email, password } });
  return page;
}

/** A fresh browser context signed in as `email` (through the API), on the home page. */
export async function signedInPage(web: { url: string; browser: Browser }, email: string, password = 'tongzhou-demo') {
  const page = await pageAs(web, email, 'laptop', password);
  await page.goto(`${web.url}/`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  return page;
}

/** Opens each path in turn and waits for its page's heading (level 1): those pages work for this user. */
export async function pagesShow(page: Page, url: string, pages: [path: string, heading: string][]) {
  for (const [path, heading] of pages) {
    await page.goto(`${url}${path}`);
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  }
}

/** Developer aid: SHOTS=<dir> saves what the pages look like at each step, to look at. */
export async function shot(page: Page, name: string) {
  if (process.env.SHOTS) await page.screenshot({ path: `${process.env.SHOTS}/${name}.png` });
}
