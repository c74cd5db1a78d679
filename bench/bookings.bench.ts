// Issue 3's figures, on the PostgreSQL server:
//  1. bookings/s and p99 through POST /api/bookings with 64 concurrent clients on non-clashing slots (sent by
//     autocannon), next to the same inserts as raw SQL over postgres.js (same pool size as the server) in the same
//     run, each after a warm-up, with where the machine's CPU went per booking;
//  2. availability of one facility over a month with 10,000 bookings in the table: p99 through the API, next
//     to the raw query the route runs.
// Run: npx tsx bench/bookings.bench.ts   (or as part of npm run bench). Loopback only; bounded counts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  cpuSplit,
  httpLoop,
  killAllNow,
  type Run,
  round,
  signIn,
  startBareServer,
  startServer,
  stopAll,
  table,
} from './lib';

type CpuPerOp = Awaited<ReturnType<typeof cpuSplit>>['perOp'];

import { benchDatabase } from './pg';

const root = fileURLToPath(new URL('..', import.meta.url));
const CONCURRENCY = 64;
const INSERTS = 4000;
const WARMUP = 500;
const AVAIL_BOOKINGS = 10_000;
const AVAIL_REQUESTS = 2000;
const SLOT_MS = 30 * 60_000;

/** `count` operations by `workers` concurrent loops; latency per operation in ms. */
async function closedLoop(count: number, workers: number, op: (i: number) => Promise<boolean>): Promise<Run> {
  let next = 0;
  let errors = 0;
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async () => {
      for (let i = next++; i < count; i = next++) {
        const t = performance.now();
        if (!(await op(i))) errors++;
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    perSecond: count / seconds,
    p50: latencies[Math.floor(latencies.length * 0.5)]!,
    p99: latencies[Math.floor(latencies.length * 0.99)]!,
    errors,
  };
}

export async function benchBookings(): Promise<{
  inserts: { api: Run; raw: Run; rawTx: Run; rawOne: Run; bare: Run; cpu: Record<'api' | 'raw' | 'bare', CpuPerOp> };
  availability: { api: Run; raw: Run };
}> {
  const bench = await benchDatabase(`tz_bench_${process.pid}`, 10);
  const { sql, ids } = bench;
  const url = new URL(bench.url);
  try {
    const school = ids.orgs.jhzx!;
    const allDay = JSON.stringify(
      Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [{ start: '00:00', end: '24:00' }]])),
    );
    const facility = async (n: string) =>
      (
        await sql`INSERT INTO facilities (school_id, name, kind, capacity, scope, approval_required, advance_days, opening_hours)
        VALUES (${school}, ${n}, 'other', 100, 'group', false, 730, ${allDay}::jsonb) RETURNING id`
      )[0]!.id as string;
    const apiFacility = await facility('压测场地 API');
    const rawFacility = await facility('压测场地 SQL');

    const { base, server } = await startServer(root, url.toString());
    const { cookie, userId: user } = await signIn(base, 'admin@jhzx.demo');

    // Non-clashing half-hour slots from tomorrow on (Beijing midnight), one per request.
    const t0 = Math.ceil((Date.now() + 8 * 3600_000) / 86400_000) * 86400_000 - 8 * 3600_000 + 86400_000;
    const slot = (i: number) => ({ startsAt: new Date(t0 + i * SLOT_MS), endsAt: new Date(t0 + (i + 1) * SLOT_MS) });
    const viaApi = (count: number, from: number) =>
      httpLoop(`${base}/api/bookings`, { headers: { cookie }, count, connections: CONCURRENCY, status: 201 }, (i) => {
        const s = slot(from + i);
        return {
          facilityId: apiFacility,
          startsAt: s.startsAt.toISOString().replace('Z', '+00:00'),
          endsAt: s.endsAt.toISOString().replace('Z', '+00:00'),
          purpose: '压测',
        };
      });
    const viaSql = (count: number, from: number) =>
      closedLoop(count, CONCURRENCY, async (i) => {
        const s = slot(from + i);
        await sql`INSERT INTO bookings (facility_id, status, booker_id, borrower_school_id, purpose, starts_at, ends_at, decided_at)
        VALUES (${rawFacility}, 'approved', ${user}, ${school}, '压测', ${s.startsAt}, ${s.endsAt}, now())`;
        return true;
      });
    // Each warmed first (V8 compiling the server's booking path, the connections opened), on slots of their own.
    await viaApi(WARMUP, 3 * INSERTS);
    await viaSql(WARMUP, 3 * INSERTS);
    const api = await cpuSplit(server.pid, INSERTS, () => viaApi(INSERTS, 0));
    const raw = await cpuSplit(server.pid, INSERTS, () => viaSql(INSERTS, 0));
    // The floor of a booking over HTTP on this machine: the smallest Hono server sending the API's own statement.
    const bareFacility = await facility('压测场地 bare');
    const { child: bareServer, base: bareBase } = await startBareServer(root, {
      BARE_DATABASE_URL: bench.url,
      BARE_USER: user,
      BARE_SCHOOL: school,
    });
    const viaBare = (count: number, from: number) =>
      httpLoop(`${bareBase}/bare-book`, { headers: {}, count, connections: CONCURRENCY, status: 201 }, (i) => {
        const s = slot(from + i);
        return { facilityId: bareFacility, startsAt: s.startsAt, endsAt: s.endsAt, purpose: '压测' };
      });
    await viaBare(WARMUP, 3 * INSERTS);
    const bare = await cpuSplit(bareServer.pid, INSERTS, () => viaBare(INSERTS, 0));

    // Availability: 10,000 more bookings spread over 20 facilities from day 400 on (the table then holds ~30,000 with
    // the ones above); one facility's month is asked for.
    const facilities = [apiFacility, rawFacility];
    for (let f = 0; f < 18; f++) facilities.push(await facility(`压测场地 ${f}`));
    // Two-hour steps per facility from day 400 on; the asked-for month (days 400–430) holds ~18 of each.
    const rows = Array.from({ length: AVAIL_BOOKINGS }, (_, i) => {
      const f = facilities[i % facilities.length]!;
      const start = new Date(t0 + 400 * 86400_000 + Math.floor(i / facilities.length) * 40 * 3600_000);
      return {
        facility_id: f,
        status: 'approved',
        booker_id: user,
        borrower_school_id: school,
        purpose: '压测',
        starts_at: start,
        ends_at: new Date(start.getTime() + 3600_000),
      };
    });
    for (let i = 0; i < rows.length; i += 1000) await sql`INSERT INTO bookings ${sql(rows.slice(i, i + 1000))}`;
    const target = facilities[5]!;
    const from = new Date(t0 + 400 * 86400_000);
    const to = new Date(from.getTime() + 30 * 86400_000);
    const param = (d: Date) => encodeURIComponent(d.toISOString().replace('Z', '+00:00'));
    const q = `from=${param(from)}&to=${param(to)}`;
    const monthUrl = `${base}/api/facilities/${target}/availability?${q}`;
    const first = await fetch(monthUrl, { headers: { cookie } });
    const seen = (await first.json()) as { busy?: unknown[] };
    if (first.status !== 200 || !seen.busy?.length)
      throw new Error(`availability answered ${first.status} with ${seen.busy?.length ?? 'no'} busy times`);
    const availApi = await httpLoop(monthUrl, {
      headers: { cookie },
      count: AVAIL_REQUESTS,
      connections: 16,
      status: 200,
    });
    const availRaw = await closedLoop(AVAIL_REQUESTS, 16, async () => {
      const busy = await sql`SELECT starts_at, ends_at, status, kind FROM bookings
        WHERE facility_id = ${target} AND status IN ('pending', 'approved') AND starts_at <= ${to} AND ends_at >= ${from} ORDER BY starts_at`;
      await sql`SELECT starts_on, ends_on, reason FROM closures WHERE school_id = ${school} AND (facility_id IS NULL OR facility_id = ${target})
        AND starts_on <= ${to.toISOString().slice(0, 10)} AND ends_on >= ${from.toISOString().slice(0, 10)}`;
      return busy.length > 0;
    });
    // The same writes the API makes for one booking: the booking and its audit event, in one transaction.
    const rawTx = await closedLoop(INSERTS, CONCURRENCY, async (i) => {
      const s = slot(i + INSERTS);
      await sql.begin(async (tx) => {
        const [b] =
          await tx`INSERT INTO bookings (facility_id, status, booker_id, borrower_school_id, purpose, starts_at, ends_at, decided_at)
          VALUES (${rawFacility}, 'approved', ${user}, ${school}, '压测', ${s.startsAt}, ${s.endsAt}, now()) RETURNING id`;
        await tx`INSERT INTO audit_events (actor_id, org_id, action, entity_type, entity_id, after) VALUES (${user}, ${school}, 'booking.create', 'booking', ${b!.id}, ${sql.json({ purpose: '压测' })})`;
      });
      return true;
    });
    // …and in one statement, as the API writes them (CTEs; its guard on the facility's version and closed days too).
    const stamp = `${(await sql`SELECT f.xmin::text || '/' || o.xmin::text AS s FROM facilities f JOIN orgs o ON o.id = f.school_id WHERE f.id = ${rawFacility}`)[0]!.s}`;
    const rawOne = await closedLoop(INSERTS, CONCURRENCY, async (i) => {
      const s = slot(i + 2 * INSERTS);
      const day = new Date(s.startsAt.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
      const [b] = await sql`WITH b AS (
          INSERT INTO bookings (facility_id, status, booker_id, borrower_school_id, purpose, starts_at, ends_at, decided_at)
          SELECT ${rawFacility}, 'approved', ${user}, ${school}, '压测', ${s.startsAt}, ${s.endsAt}, now()
          WHERE EXISTS (SELECT FROM facilities f JOIN orgs o ON o.id = f.school_id
              WHERE f.id = ${rawFacility} AND f.xmin::text || '/' || o.xmin::text = ${stamp})
            AND NOT EXISTS (SELECT FROM closures c WHERE c.school_id = ${school}
              AND (c.facility_id IS NULL OR c.facility_id = ${rawFacility}) AND c.starts_on <= ${day} AND c.ends_on >= ${day})
          RETURNING *),
        a AS (INSERT INTO audit_events (actor_id, org_id, action, entity_type, entity_id, after)
          SELECT b.booker_id, ${school}, 'booking.create', 'booking', b.id::text, ${sql.json({ purpose: '压测' })} FROM b)
        SELECT * FROM b`;
      return !!b;
    });
    return {
      inserts: {
        api: api.result,
        raw: raw.result,
        rawTx,
        rawOne,
        bare: bare.result,
        cpu: { api: api.perOp, raw: raw.perOp, bare: bare.perOp },
      },
      availability: { api: availApi, raw: availRaw },
    };
  } finally {
    await stopAll();
    await bench.drop();
  }
}

/**
 * The same bookings on the embedded database (PGlite, the default `npm start`): every statement runs on the server's
 * own event loop, so what counts is the tail under load — issue 14's aims are p99 < 1 s at 64 clients, < 200 ms at 16.
 */
export async function benchEmbeddedBookings(): Promise<{ cold: Run; at64: Run; at16: Run }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tz-bench-bookings-'));
  try {
    const { base } = await startServer(root, undefined, { DATA_DIR: dataDir, SCHEDULED_JOBS: '0' });
    const { cookie } = await signIn(base, 'admin@jhzx.demo');
    const allDay = Object.fromEntries(
      ['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [{ start: '00:00', end: '24:00' }]]),
    );
    const made = await fetch(`${base}/api/facilities`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, origin: base },
      body: JSON.stringify({
        name: '压测场地 PGlite',
        kind: 'other',
        capacity: 100,
        scope: 'group',
        approvalRequired: false,
        advanceDays: 730,
        openingHours: allDay,
      }),
    });
    if (made.status !== 201)
      throw new Error(`creating the bench facility answered ${made.status}: ${await made.text()}`);
    const facilityId = ((await made.json()) as { facility: { id: string } }).facility.id;
    const t0 = Math.ceil((Date.now() + 8 * 3600_000) / 86400_000) * 86400_000 - 8 * 3600_000 + 86400_000;
    const book = (count: number, connections: number, from: number) =>
      httpLoop(`${base}/api/bookings`, { headers: { cookie, origin: base }, count, connections, status: 201 }, (i) => ({
        facilityId,
        startsAt: new Date(t0 + (from + i) * SLOT_MS).toISOString(),
        endsAt: new Date(t0 + (from + i + 1) * SLOT_MS).toISOString(),
        purpose: '压测',
      }));
    // The first 64 at once on a server just started run cold (V8 compiling the booking path, PGlite filling its
    // caches: ~20 ms a booking instead of ~6): reported on their own, then the figures the aims are about.
    const cold = await book(64, 64, 0);
    const at64 = await book(2000, 64, 64);
    const at16 = await book(1000, 16, 2064);
    return { cold, at64, at16 };
  } finally {
    await stopAll();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function printEmbeddedBookings(r: Awaited<ReturnType<typeof benchEmbeddedBookings>>): string {
  const row = (label: string, x: Run, aim: number) => [
    label,
    `${round(x.perSecond)} req/s`,
    `${round(x.p50, 1)} ms`,
    `${round(x.p99, 1)} ms`,
    String(x.errors),
    `< ${aim} ms: ${x.p99 < aim ? 'met' : 'MISSED'}`,
  ];
  return [
    'Bookings on the embedded database (PGlite), non-clashing, through POST /api/bookings',
    table(
      ['', 'rate', 'p50', 'p99', 'errors', 'p99 aim'],
      [
        row('64 concurrent clients, 2000 bookings', r.at64, 1000),
        row('16 concurrent clients, 1000', r.at16, 200),
        [
          'first 64 at once, server just started',
          `${round(r.cold.perSecond)} req/s`,
          `${round(r.cold.p50, 1)} ms`,
          `${round(r.cold.p99, 1)} ms`,
          String(r.cold.errors),
          '(reported)',
        ],
      ],
    ),
  ].join('\n');
}

export function printBookings(r: Awaited<ReturnType<typeof benchBookings>>): string {
  const pct = (of: Run) => round((r.inserts.api.perSecond / of.perSecond) * 100);
  const row = (label: string, x: Run, base: Run) => [
    label,
    `${round(x.perSecond)} req/s`,
    `${round(x.p50, 1)} ms`,
    `${round(x.p99, 1)} ms`,
    String(x.errors),
    `${round((x.perSecond / base.perSecond) * 100)} %`,
  ];
  return [
    `Bookings: ${INSERTS} non-clashing inserts, ${CONCURRENCY} concurrent clients (PostgreSQL)`,
    table(
      ['', 'rate', 'p50', 'p99', 'errors', 'of raw'],
      [
        row('POST /api/bookings', r.inserts.api, r.inserts.raw),
        row('raw INSERT (postgres.js)', r.inserts.raw, r.inserts.raw),
        row('raw booking + audit, one transaction', r.inserts.rawTx, r.inserts.raw),
        row('raw booking + audit, one statement', r.inserts.rawOne, r.inserts.raw),
        row('bare Hono route sending that statement', r.inserts.bare, r.inserts.raw),
      ],
    ),
    `POST /api/bookings against the same writes in a transaction: ${pct(r.inserts.rawTx)} %, ` +
      `in its own one statement: ${pct(r.inserts.rawOne)} %, through the bare route: ${pct(r.inserts.bare)} %`,
    ...(['api', 'bare', 'raw'] as const).map((k) => {
      const c = r.inserts.cpu[k];
      const ms = (x: number) => `${round(x, 2)} ms`;
      return (
        `CPU per booking, ${{ api: 'through the API', bare: 'through the bare route', raw: 'raw INSERT' }[k]}: ` +
        `server ${ms(c.server)}, ` +
        `load generator ${ms(c.client)}, PostgreSQL and the rest ${ms(c.rest)} (two cores)`
      );
    }),
    '',
    `Availability of one facility over 30 days, ${AVAIL_BOOKINGS} bookings and more in the table, 16 concurrent clients`,
    table(
      ['', 'rate', 'p50', 'p99', 'errors', 'p99 × raw'],
      [
        [
          'GET …/availability',
          `${round(r.availability.api.perSecond)} req/s`,
          `${round(r.availability.api.p50, 1)} ms`,
          `${round(r.availability.api.p99, 1)} ms`,
          String(r.availability.api.errors),
          `${round(r.availability.api.p99 / r.availability.raw.p99, 2)} ×`,
        ],
        [
          'raw SELECTs',
          `${round(r.availability.raw.perSecond)} req/s`,
          `${round(r.availability.raw.p50, 1)} ms`,
          `${round(r.availability.raw.p99, 1)} ms`,
          String(r.availability.raw.errors),
          '1 ×',
        ],
      ],
    ),
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.on('exit', killAllNow);
  const r = await benchBookings();
  console.log(printBookings(r));
  console.log('');
  console.log(printEmbeddedBookings(await benchEmbeddedBookings()));
}
