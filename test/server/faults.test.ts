// Issue 10: an outage must not become a wrong answer. A PostgreSQL server of this test's own is stopped and
// started again under mixed load (bookings, lists, the signed-in person): while it is away every answer is 503
// database_unavailable with Retry-After (never a 500, never a 400 "No such facility"), it recovers within 5 s
// of the server being back, no acknowledged booking is lost, nothing overlaps, and the process lives on.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { DEMO_PASSWORD, type DemoIds, seedDemo } from '../../server/db/seed';
import { openPostgres } from '../../server/lib/db';
import { runMigrations } from '../../server/lib/db-node';
import { createLogger } from '../../server/lib/log';
import { type Cluster, clusterMissing, startCluster } from '../support/pg-cluster';
import { addDays } from '../support/time';

const reason = clusterMissing;
if (reason && process.env.CI) throw new Error(`CI must run the fault tests: ${reason}`);
if (reason) console.warn(`skipping fault tests: ${reason}`);

describe.skipIf(!!reason)('faults: PostgreSQL restarts under load', () => {
  let cluster: Cluster;
  let database: ReturnType<typeof openPostgres>;
  let app: ReturnType<typeof createApp>;
  let ids: DemoIds;
  let cookie = '';

  beforeAll(async () => {
    cluster = await startCluster();
    database = openPostgres(cluster.url, { max: 10 });
    await runMigrations(database);
    ids = await seedDemo(database.db);
    app = createApp({
      database,
      log: createLogger('silent'),
      config: { allowedOrigins: [], trustProxy: true, livekitUrl: null, version: 'test' },
    });
    const login = await app.request('http://localhost/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.50' },
      body: JSON.stringify({ email: 'li@jhxx.demo', password: DEMO_PASSWORD }),
    });
    cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
    expect(login.status).toBe(200);
  }, 120_000);

  afterAll(async () => {
    await database?.close().catch(() => {});
    cluster?.dispose();
  });

  type Answer = { at: number; path: string; status: number; code?: string; retryAfter: string | null };

  async function call(method: string, path: string, body?: object): Promise<Answer> {
    const res = await app.request(`http://localhost${path}`, {
      method,
      headers: { cookie, 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.50' },
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = (await res.json().catch(() => null)) as { error?: { code?: string }; booking?: { id: string } } | null;
    return {
      at: Date.now(),
      path,
      status: res.status,
      code: json?.error?.code,
      retryAfter: res.headers.get('retry-after'),
      ...(json?.booking ? { booking: json.booking.id } : {}),
    };
  }

  it('answers 503 while it is away, recovers within 5 s, loses no acknowledged booking', async () => {
    const lab = ids.facilities.chemLab ?? '';
    // Distinct half-hour slots on weekdays well ahead: each booking would succeed on a healthy server.
    const slots: { startsAt: string; endsAt: string }[] = [];
    const first = addDays(new Date().toISOString().slice(0, 10), 14);
    for (let d = 0; slots.length < 400 && d < 60; d++) {
      const day = addDays(first, d);
      const weekday = new Date(`${day}T12:00:00+08:00`).getUTCDay();
      if (weekday === 0 || weekday === 6) continue;
      for (let h = 8; h < 18; h++) {
        const hh = String(h).padStart(2, '0');
        slots.push({ startsAt: `${day}T${hh}:00:00+08:00`, endsAt: `${day}T${hh}:30:00+08:00` });
      }
    }
    const answers: (Answer & { booking?: string })[] = [];
    let stopAt = 0;
    let startedAt = 0;
    let running = true;
    let next = 0;
    const worker = async (n: number) => {
      while (running) {
        const kind = (next + n) % 3;
        if (kind === 0 && next < slots.length) {
          const s = slots[next++];
          if (s) answers.push(await call('POST', '/api/bookings', { facilityId: lab, ...s, purpose: '故障演练' }));
        } else {
          answers.push(await call('GET', kind === 1 ? '/api/facilities' : '/api/bookings?scope=mine'));
          next++;
        }
      }
    };
    const load = Promise.all([0, 1, 2, 3, 4, 5].map(worker));
    await new Promise((ok) => setTimeout(ok, 1500));
    stopAt = Date.now();
    cluster.stop('fast');
    await new Promise((ok) => setTimeout(ok, 2500));
    cluster.start();
    startedAt = Date.now();
    await new Promise((ok) => setTimeout(ok, 6000));
    running = false;
    await load;

    const wrong = answers.filter((a) => a.status >= 500 && !(a.status === 503 && a.code === 'database_unavailable'));
    expect(wrong, JSON.stringify(wrong.slice(0, 5))).toEqual([]);
    const refused = answers.filter((a) => a.status >= 400 && a.status < 500);
    expect(refused, JSON.stringify(refused.slice(0, 5))).toEqual([]);
    const outage = answers.filter((a) => a.status === 503);
    expect(outage.length, 'some requests met the outage').toBeGreaterThan(0);
    expect(outage.every((a) => a.retryAfter !== null)).toBe(true);
    // Recovered: after the server is back, every answer from 5 s on is a success.
    const late = answers.filter((a) => a.at > startedAt + 5000);
    expect(late.length).toBeGreaterThan(0);
    expect(late.filter((a) => a.status >= 300)).toEqual([]);
    expect(answers.some((a) => a.at > stopAt && a.at < startedAt && a.status === 503)).toBe(true);

    // Every acknowledged booking is there, and nothing overlaps.
    const acknowledged = answers.flatMap((a) => (a.status === 201 && a.booking ? [a.booking] : []));
    expect(acknowledged.length).toBeGreaterThan(10);
    const rows = await database.db.execute<{ id: string }>(
      sql`SELECT id FROM bookings WHERE id IN (${sql.join(
        acknowledged.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
    );
    const found = new Set((Array.isArray(rows) ? rows : (rows as { rows: { id: string }[] }).rows).map((r) => r.id));
    expect(acknowledged.filter((id) => !found.has(id))).toEqual([]);
    const overlaps = await database.db.execute(sql`
      SELECT count(*)::int AS n FROM bookings a JOIN bookings b
        ON a.facility_id = b.facility_id AND a.id < b.id
       AND a.status IN ('pending', 'approved') AND b.status IN ('pending', 'approved')
       AND tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at)`);
    const n = (Array.isArray(overlaps) ? overlaps : (overlaps as { rows: { n: number }[] }).rows)[0] as { n: number };
    expect(n.n).toBe(0);

    const health = await app.request('http://localhost/api/health');
    expect(health.status).toBe(200);
  }, 60_000);
});
