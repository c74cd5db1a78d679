// Developer aid: screenshots of the main pages in both languages and three screen sizes, to look at.
// Usage: npx tsx scripts/screenshots.ts <base url> <out dir>
import { mkdirSync } from 'node:fs';
import { launchBrowser, newContext, viewports } from '../test/support/browser';

const [base = 'http://localhost:8787', out = '/tmp/shots'] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const browser = await launchBrowser();
const shots: [string, string, string][] = [
  ['anon', '/login', 'login'],
  ['leader@jinghua.demo', '/', 'home-leader'],
  ['zhao@beishan.demo', '/', 'home-assistant'],
  ['admin@jhzx.demo', '/orgs/{jhzx}', 'school-admin'],
  ['leader@jinghua.demo', '/audit', 'audit'],
  ['wang@jhzx.demo', '/settings', 'settings'],
];
for (const size of Object.keys(viewports) as (keyof typeof viewports)[]) {
  for (const lang of ['zh', 'en']) {
    if (size !== 'laptop' && lang === 'en') continue;
    for (const [who, path, name] of shots) {
      const ctx = await newContext(browser, size);
      const page = await ctx.newPage();
      await page.goto(`${base}/login`);
      await page.evaluate((l) => localStorage.setItem('tz.locale', l), lang);
      if (who !== 'anon') {
        await page.request.post(`${base}/api/auth/login`, { data: { email: who, password: 'tongzhou-demo' } });
        await page.request.patch(`${base}/api/me`, { data: { locale: lang }, headers: { origin: base } });
      }
      let url = path;
      if (url.includes('{jhzx}')) {
        const orgs = await (await page.request.get(`${base}/api/orgs`)).json();
        url = url.replace('{jhzx}', orgs.items.find((o: { name: string }) => o.name === '京华实验中学').id);
      }
      await page.goto(`${base}${url}`);
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: `${out}/${name}-${size}-${lang}.png`, fullPage: size !== 'projector' });
      await ctx.close();
    }
  }
}
await browser.close();
console.log(`screenshots in ${out}`);
