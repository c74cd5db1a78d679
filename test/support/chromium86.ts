// A real Chromium 86 engine, the oldest school PCs run (scripts/chromium86-install.mjs puts it in .cache/chromium86),
// driven by puppeteer-core 5.3.1 from the same folder: playwright cannot speak to an engine that old. Only the part
// of puppeteer's API the old-engine test uses is typed here, so the app never depends on that package.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../../.cache/chromium86', import.meta.url));
const binary = join(dir, 'chromium');

export interface OldPage {
  goto(
    url: string,
    opts?: { waitUntil?: 'load' | 'networkidle0' | 'networkidle2'; timeout?: number },
  ): Promise<unknown>;
  setViewport(size: { width: number; height: number }): Promise<void>;
  evaluate<T>(fn: string | ((...args: never[]) => T), ...args: unknown[]): Promise<T>;
  waitForFunction(fn: string, opts?: { timeout?: number; polling?: number }): Promise<unknown>;
  click(selector: string): Promise<void>;
  screenshot(opts: { path: string }): Promise<unknown>;
  on(event: 'pageerror', fn: (err: Error) => void): void;
  on(event: 'console', fn: (msg: { type(): string; text(): string }) => void): void;
  close(): Promise<void>;
}
export interface OldBrowser {
  newPage(): Promise<OldPage>;
  version(): Promise<string>;
  close(): Promise<void>;
  process(): { kill(signal: string): boolean } | null;
}
interface Puppeteer {
  launch(opts: {
    executablePath: string;
    args: string[];
    headless: boolean;
    defaultViewport: null;
  }): Promise<OldBrowser>;
}

/** Why Chromium 86 cannot run here, or null. */
export function chromium86Unavailable(): string | null {
  if (existsSync(binary) && existsSync(join(dir, 'node_modules/puppeteer-core'))) return null;
  return 'Chromium 86 is not installed: run "node scripts/chromium86-install.mjs" (.ci/run does)';
}

/**
 * Starts Chromium 86 headless, with a fake camera and microphone and sound allowed to play. It runs as school PCs run
 * it, with a process per page: in one process (`--single-process`, the packaged engine's Lambda default) it now and
 * then hung for good under a full CI run — once on its first `Browser.getVersion`, once on every page after it
 * answered. A start that does not answer its DevTools protocol is still killed and made again, at most three times.
 */
export async function launchChromium86(): Promise<OldBrowser> {
  for (let attempt = 1; ; attempt++) {
    const browser = await launchOnce();
    const answered = await Promise.race([
      browser.version().then(() => true),
      new Promise<false>((ok) => setTimeout(() => ok(false), 15_000)),
    ]);
    if (answered) return browser;
    browser.process()?.kill('SIGKILL');
    if (attempt === 3) throw new Error('Chromium 86 started three times without answering its DevTools protocol');
    console.warn(`Chromium 86 did not answer after starting (attempt ${attempt}); starting it again`);
  }
}

function launchOnce(): Promise<OldBrowser> {
  const puppeteer = createRequire(join(dir, 'package.json'))('puppeteer-core') as Puppeteer;
  return puppeteer.launch({
    executablePath: binary,
    headless: true,
    defaultViewport: null,
    // As root the engine runs only without its sandbox.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
}

/**
 * A page that remembers every uncaught error and console error, so a test can say which page broke on the old
 * engine and why (a missing built-in shows as "TypeError: … is not a function").
 */
export async function watchedPage(browser: OldBrowser, width = 1366, height = 768) {
  const page = await browser.newPage();
  await page.setViewport({ width, height });
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    // A refused request (401 before signing in, a 404 a page expects) is the network's, not the code's.
    if (msg.type() === 'error' && !/Failed to load resource/.test(msg.text())) errors.push(`console: ${msg.text()}`);
  });
  return { page, errors };
}

/** A screenshot into $SHOTS (as shot() in browser.ts does for playwright pages), when it is set. */
export async function oldShot(page: OldPage, name: string) {
  if (process.env.SHOTS) await page.screenshot({ path: `${process.env.SHOTS}/${name}.png` });
}
