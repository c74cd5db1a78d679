// Developer aid: one screenshot of one page as one person. Usage:
//   npx tsx scripts/shot.ts <base url> <email> <path> <out.png> [zh|en] [laptop|projector|phone]
import { launchBrowser, newContext, type viewports } from '../test/support/browser';

const [
  base = 'http://localhost:8787',
  who = 'li@jhxx.demo',
  path = '/',
  out = '/tmp/shot.png',
  lang = 'zh',
  size = 'laptop',
] = process.argv.slice(2);
const browser = await launchBrowser();
const ctx = await newContext(browser, size as keyof typeof viewports);
const page = await ctx.newPage();
page.on('pageerror', (e) => console.log('pageerror:', e.message));
await page.goto(`${base}/login`);
await page.evaluate((l) => localStorage.setItem('tz.locale', l), lang);
await page.request.post(`${base}/api/auth/login`, { data: { email: who, password: 'tongzhou-demo' } });
await page.request.patch(`${base}/api/me`, { data: { locale: lang }, headers: { origin: base } });
await page.goto(`${base}${path}`);
await page.waitForLoadState('networkidle');
await page.waitForTimeout(800);
await page.screenshot({ path: out, fullPage: true });
await browser.close();
