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
import postgres from 'postgres';
import { postgresTarget } from '../server/lib/db';
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

// A booking's floor (bench/bookings.bench.ts): JSON in, the API's own statement (the booking and its audit event, with
// its guard on the facility's version and closed days) on a pool of the same size, JSON out — no session, no rules, no
// validation. BARE_DATABASE_URL, BARE_USER and BARE_SCHOOL say where and for whom.
if (process.env.BARE_DATABASE_URL) {
  const target = postgresTarget(process.env.BARE_DATABASE_URL);
  const sql = postgres(target.url, { ...(target.host ? { host: target.host } : {}), max: 10, onnotice: () => {} });
  const user = process.env.BARE_USER ?? '';
  const school = process.env.BARE_SCHOOL ?? '';
  const stamps = new Map<string, string>();
  app.post('/bare-book', async (c) => {
    const b = await c.req.json<{ facilityId: string; startsAt: string; endsAt: string; purpose: string }>();
    let stamp = stamps.get(b.facilityId);
    if (!stamp) {
      const [row] = await sql`SELECT f.xmin::text || '/' || o.xmin::text AS s
        FROM facilities f JOIN orgs o ON o.id = f.school_id WHERE f.id = ${b.facilityId}`;
      stamp = String(row?.s);
      stamps.set(b.facilityId, stamp);
    }
    const day = new Date(new Date(b.startsAt).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    const [booking] = await sql`WITH b AS (
        INSERT INTO bookings (facility_id, status, booker_id, borrower_school_id, purpose, starts_at, ends_at, decided_at)
        SELECT ${b.facilityId}, 'approved', ${user}, ${school}, ${b.purpose}, ${b.startsAt}, ${b.endsAt}, now()
        WHERE EXISTS (SELECT FROM facilities f JOIN orgs o ON o.id = f.school_id
            WHERE f.id = ${b.facilityId} AND f.xmin::text || '/' || o.xmin::text = ${stamp})
          AND NOT EXISTS (SELECT FROM closures c WHERE c.school_id = ${school}
            AND (c.facility_id IS NULL OR c.facility_id = ${b.facilityId}) AND c.starts_on <= ${day} AND c.ends_on >= ${day})
        RETURNING *),
      a AS (INSERT INTO audit_events (actor_id, org_id, action, entity_type, entity_id, after)
        SELECT b.booker_id, ${school}, 'booking.create', 'booking', b.id::text, ${sql.json({ purpose: b.purpose })} FROM b)
      SELECT * FROM b`;
    return c.json({ booking }, 201);
  });
}

const port = Number(process.env.PORT ?? 0);
const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, (info) => {
  console.log(JSON.stringify({ ready: true, port: info.port }));
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
