// The floor for the HTTP figures: the smallest Hono app on @hono/node-server, run as its own process
// (bench/run.ts bundles it with esbuild the same way scripts/build.mjs bundles the real server).
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
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

// An upload's floor (bench/library.bench.ts): the body straight from Node's request into a file, through SHA-256 and
// synced before the answer, as the real upload does, without multipart parsing, a session or a database.
app.post('/bare-upload', async (c) => {
  const incoming = (c.env as { incoming: IncomingMessage }).incoming;
  const path = join(tmpdir(), `tz-bare-upload-${process.pid}`);
  const hash = createHash('sha256');
  incoming.on('data', (chunk: Buffer) => hash.update(chunk));
  await pipeline(incoming, createWriteStream(path, { highWaterMark: 1 << 20, flush: true }));
  await rm(path);
  return c.json({ sha256: hash.digest('hex') }, 201);
});

const port = Number(process.env.PORT ?? 0);
const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, (info) => {
  console.log(JSON.stringify({ ready: true, port: info.port }));
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
