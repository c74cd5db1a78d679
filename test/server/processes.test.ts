// Several app processes on one PostgreSQL behind one port (issue 15), as a district runs them (docs/deploy.md): two
// built servers as `npm start` runs them, nginx in front sharing requests round-robin, the run's real LiveKit server
// sending its webhooks through nginx. Whichever process answers, sign-in, bookings, uploads, webhooks and joins
// work; revoking a session or a membership on one takes effect on the other at once (not after its cache's seconds);
// failed sign-ins count across both. Needs a PostgreSQL server (PGlite is one process's), even on a PGlite run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dispose, type Room } from '@livekit/rtc-node';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { lessonAttendance } from '../../server/db/schema';
import { DEMO_PASSWORD, type DemoIds, seedDemo } from '../../server/db/seed';
import { LocalStorage } from '../../server/modules/resources/storage';
import { type BuiltServer, startBuilt } from '../support/built-server';
import { openPostgresTestDatabase, postgresServerUrl, postgresUnavailable } from '../support/db';
import { Client, expectStatus } from '../support/harness';
import { over, signInAt } from '../support/http';
import { receiveWebhooks, sharedLiveKit } from '../support/livekit';
import { nginxUnavailable, type ReverseProxy, startProxy } from '../support/proxy';
import { connectParticipant } from '../support/rtc';
import { lessonSoon, slot } from '../support/time';

const lk = sharedLiveKit();
const unavailable = nginxUnavailable() ?? (await postgresUnavailable());
if (unavailable) {
  if (process.env.CI) throw new Error(`CI must run the several-processes tests: ${unavailable}`);
  console.warn(`Skipping the several-processes tests: ${unavailable}`);
}

/** What the cache would keep a revoked person for at most (ActorCache's TTL); "at once" must be well under it. */
const CACHE_TTL_MS = 5000;

/** How long until `check` holds, polling every 20 ms; fails past `within` ms. */
async function msUntil(check: () => Promise<boolean>, within: number): Promise<number> {
  const began = Date.now();
  while (!(await check())) {
    if (Date.now() - began > within) throw new Error(`still not so after ${within} ms`);
    await new Promise((ok) => setTimeout(ok, 20));
  }
  return Date.now() - began;
}

describe.skipIf(!!unavailable || !lk)('two app processes on one PostgreSQL, behind one port', () => {
  let database: Awaited<ReturnType<typeof openPostgresTestDatabase>>;
  let dataDir: string;
  let ids: DemoIds;
  let a: BuiltServer;
  let b: BuiltServer;
  let proxy: ReverseProxy;
  let stopHooks = async () => {};
  const rooms: Room[] = [];

  beforeAll(async () => {
    // An empty database: the two processes, started together, migrate it (one after the other).
    database = await openPostgresTestDatabase(postgresServerUrl(), { migrate: false });
    dataDir = mkdtempSync(join(tmpdir(), 'tz-processes-'));
    const env = {
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      SEED_DEMO: '0',
      SCHEDULED_JOBS: '0',
      TRUST_PROXY: '1',
      LOG_LEVEL: 'warn' as const,
      LIVEKIT_URL: lk!.url,
      LIVEKIT_API_KEY: lk!.apiKey,
      LIVEKIT_API_SECRET: lk!.apiSecret,
    };
    [a, b] = await Promise.all([startBuilt(env), startBuilt(env)]);
    ids = await seedDemo(database.db, new LocalStorage(join(dataDir, 'files')));
    proxy = await startProxy([a.url, b.url]);
    stopHooks = await receiveWebhooks(lk!, `${proxy.url}/api/livekit/webhook`);
  }, 240_000);

  afterAll(async () => {
    for (const r of rooms) await r.disconnect().catch(() => {});
    await dispose();
    await stopHooks();
    await proxy?.stop();
    await Promise.all([a?.stop(), b?.stop()]);
    await database?.dispose();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('one port answers from both processes, and a person signed in on one is signed in on the other', async () => {
    const wang = await signInAt(proxy.url, 'wang@jhzx.demo');
    const answeredBy = new Set<string>();
    for (let i = 0; i < 8; i++) {
      const me = await wang.at(proxy.url).get('/api/me');
      expect(me.status).toBe(200);
      expect(me.body.user.name).toBe('王明远');
      answeredBy.add(me.headers.get('x-upstream')!);
    }
    expect(answeredBy).toEqual(new Set([new URL(a.url).host, new URL(b.url).host]));
    expect((await wang.at(a.url).get('/api/me')).status).toBe(200);
    expect((await wang.at(b.url).get('/api/me')).status).toBe(200);
  });

  it('signing out on one process signs the session out on the other at once, not after its cache’s seconds', async () => {
    const li = await signInAt(a.url, 'li@jhxx.demo');
    // The other process has just looked the session up, and keeps it.
    expect((await li.at(b.url).get('/api/me')).status).toBe(200);
    expect((await li.at(a.url).post('/api/auth/logout')).status).toBe(204);
    const ms = await msUntil(async () => (await li.at(b.url).get('/api/me')).status === 401, CACHE_TTL_MS);
    expect(ms).toBeLessThan(1000);
  });

  it('a membership removed on one process is gone from the person’s reach on the other at once', async () => {
    const zhang = await signInAt(b.url, 'zhang@jhzx.demo');
    const before = await zhang.at(b.url).get('/api/me');
    expect(before.body.memberships.map((m) => m.orgId)).toContain(ids.orgs.jhzx);
    const admin = await signInAt(a.url, 'admin@jhzx.demo');
    const members = await admin.at(a.url).get(`/api/orgs/${ids.orgs.jhzx}/members`);
    const row = members.body.items.find((m) => m.email === 'zhang@jhzx.demo')!;
    expectStatus(await admin.at(a.url).delete(`/api/memberships/${row.membershipId}`), 204);
    const ms = await msUntil(
      async () => (await zhang.at(b.url).get('/api/me')).body.memberships.length === 0,
      CACHE_TTL_MS,
    );
    expect(ms).toBeLessThan(1000);
  });

  it('one slot tried 40 times at once through both processes is booked exactly once; the other sees it', async () => {
    const teachers = await Promise.all([signInAt(proxy.url, 'wang@jhzx.demo'), signInAt(proxy.url, 'li@jhxx.demo')]);
    const s = slot(3, 10, 11, 9);
    const tries = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        teachers[i % 2]!.at(proxy.url).post('/api/bookings', {
          facilityId: ids.facilities.chemLab!,
          startsAt: s.startsAt,
          endsAt: s.endsAt,
          purpose: '化学实验',
          attendees: 30,
        }),
      ),
    );
    const statuses = tries.map((t) => t.status);
    expect(statuses.filter((st) => st === 201)).toHaveLength(1);
    expect(statuses.filter((st) => st !== 201).every((st) => st === 409)).toBe(true);
    expect(new Set(tries.map((t) => t.headers.get('x-upstream'))).size).toBe(2);
    const won = tries.findIndex((t) => t.status === 201);
    const booked = tries[won]!.body.booking.id;
    for (const base of [a.url, b.url]) {
      const seen = await teachers[won % 2]!.at(base).get(`/api/bookings/${booked}`);
      expect([seen.status, seen.body.booking?.status], base).toEqual([200, 'approved']);
    }
  });

  it('a file uploaded through one process downloads from the other, byte for byte', async () => {
    const li = await signInAt(a.url, 'li@jhxx.demo');
    const bytes = new TextEncoder().encode(`%PDF-1.4\n% 分数的初步认识 ${Math.random()}\n%%EOF\n`);
    const form = new FormData();
    form.set(
      'meta',
      JSON.stringify({
        title: '分数的初步认识',
        visibility: 'school',
        subject: 'math',
        grade: 3,
        kind: 'lesson_plan',
        edition: '人教版',
        unit: '第八单元 分数的初步认识',
      }),
    );
    form.set('file', new Blob([bytes], { type: 'application/pdf' }), '分数的初步认识.pdf');
    const up = await li.at(a.url).raw('POST', '/api/resources', form);
    expectStatus(up, 201);
    const res = await fetch(`${b.url}/api/resources/${up.body.resource.id}/download`, {
      headers: { cookie: li.cookie },
    });
    expect(res.status).toBe(200);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes);
  });

  it('a teacher and a classroom joining through different processes meet in one room; LiveKit’s webhooks through the proxy record it', async () => {
    const wang = await signInAt(a.url, 'wang@jhzx.demo');
    const created = await wang.at(a.url).post('/api/lessons', lessonSoon([ids.classrooms.beishan4_1!]));
    expectStatus(created, 201);
    const id = created.body.lesson.id;
    const zhao = await signInAt(b.url, 'zhao@beishan.demo');
    const [teacherJoin, classroomJoin] = [
      await wang.at(a.url).post(`/api/lessons/${id}/join`),
      await zhao.at(b.url).post(`/api/lessons/${id}/join`),
    ];
    expect([teacherJoin.status, classroomJoin.status]).toEqual([200, 200]);
    const connect = async (join: { url: string; token: string }) => {
      const room = await connectParticipant(join.url, join.token);
      rooms.push(room);
      return room;
    };
    const teacher = await connect(teacherJoin.body);
    await connect(classroomJoin.body);
    const identity = `classroom:${ids.classrooms.beishan4_1}`;
    await vi.waitFor(() => expect([...teacher.remoteParticipants.keys()]).toContain(identity), {
      timeout: 10_000,
      interval: 100,
    });
    await vi.waitFor(
      async () => {
        const rows = await database.db
          .select()
          .from(lessonAttendance)
          .where(and(eq(lessonAttendance.lessonId, id), eq(lessonAttendance.identity, identity)));
        expect(
          rows.find((r) => r.joinedAt),
          'the join webhook',
        ).toBeDefined();
      },
      { timeout: 10_000, interval: 100 },
    );
    const status = await Promise.all(
      [a.url, b.url].map(async (base) => (await wang.at(base).get(`/api/lessons/${id}`)).body.lesson.status),
    );
    expect(status).toEqual(['live', 'live']);
  });

  it('failed sign-ins count on both processes: the sixth try on either is refused for a while', async () => {
    for (let i = 0; i < 5; i++) {
      const wrong = await new Client(over(i % 2 ? a.url : b.url)).post('/api/auth/login', {
        email: 'chen@nanhu.demo',
        password: `not-the-password-${i}`,
      });
      expect(wrong.status).toBe(401);
    }
    for (const base of [a.url, b.url]) {
      const refused = await new Client(over(base)).post('/api/auth/login', {
        email: 'chen@nanhu.demo',
        password: DEMO_PASSWORD,
      });
      expect(refused.status, base).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    }
  });
});
