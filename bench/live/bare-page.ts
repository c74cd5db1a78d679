// Serves bare-client.ts, bundled for the browser, on a loopback port: the baseline page of the live benches.
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { BrowserContext } from 'playwright-core';

export async function serveBarePage() {
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL('./bare-client.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    target: 'chrome86',
    write: false,
    minify: true,
  });
  const js = bundle.outputFiles[0]!.text;
  // One visible 1280×720 element, so adaptive stream asks for the full picture.
  const html =
    '<!doctype html><meta charset="utf-8"><body style="margin:0;background:#000"><video id="v" autoplay playsinline muted style="width:1280px;height:720px"></video><script src="/bare.js"></script>';
  const server = createServer((req, res) => {
    if (req.url === '/bare.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(js);
    else res.writeHead(200, { 'content-type': 'text/html' }).end(html);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    /** A new page with `window.bare` ready. */
    async open(ctx: BrowserContext) {
      const page = await ctx.newPage();
      await page.goto(`${origin}/`);
      await page.waitForFunction(() => 'bare' in window);
      return page;
    },
    close: () => server.close(),
  };
}
