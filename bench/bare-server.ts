// The floor for the HTTP figures: the smallest Hono app on @hono/node-server, run as its own process
// (bench/run.ts bundles it with esbuild the same way scripts/build.mjs bundles the real server).
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { documentHeaderOptions } from '../server/lib/security-headers';

const app = new Hono();
app.get('/bare', (c) => c.json({ ok: true }));
// The same route with the app's security headers (issue 14: /api/me is measured against it).
app.get('/bare-secure', secureHeaders(documentHeaderOptions(null)), (c) => c.json({ ok: true }));
// The same route answering as many bytes as a page (bench/public-page.bench.ts): what sending them costs anyway.
const bytes = new Uint8Array(Number(process.env.BARE_BYTES ?? 0)).fill(0x61);
app.get('/bare-bytes', (c) => c.body(bytes, 200, { 'content-type': 'text/html; charset=UTF-8' }));

const port = Number(process.env.PORT ?? 0);
const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, (info) => {
  console.log(JSON.stringify({ ready: true, port: info.port }));
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
