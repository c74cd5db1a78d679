// Two LiveKit nodes sharing the machine's Redis (LiveKit's own multi-node mode; issue 15), as a district runs them
// (docs/deploy.md): lessons land on either node; a classroom and its teacher meet in one room even when each reaches a
// different node; each node's webhooks reach the app and record attendance. Real livekit-server processes, real
// clients (@livekit/rtc-node), the app served over HTTP. Locally skipped with a message without the binary or Redis.
import { type ServerType, serve } from '@hono/node-server';
import { dispose, type Room } from '@livekit/rtc-node';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../server/app';
import { lessonAttendance } from '../../server/db/schema';
import { type LocalLiveKit, livekitBinary } from '../../server/lib/livekit-local';
import { livekitProbe } from '../../server/lib/livekit-probe';
import { Client, expectStatus, useHarness } from '../support/harness';
import { startLiveKitCluster } from '../support/livekit-cluster';
import { freePort } from '../support/ports';
import { hostOfRoom, redisCli } from '../support/redis';
import { connectParticipant } from '../support/rtc';
import { lessonSoon } from '../support/time';

const unavailable = !livekitBinary()
  ? 'livekit-server not built: run "npm run livekit:install"'
  : redisCli('PING') !== 'PONG'
    ? 'no Redis answers on 127.0.0.1:6379 (or redis-cli is missing)'
    : null;
if (unavailable) {
  if (process.env.CI) throw new Error(`CI must run the two-node LiveKit tests: ${unavailable}`);
  console.warn(`Skipping the two-node LiveKit tests: ${unavailable}`);
}

const h = useHarness();
const WAIT = { timeout: 10_000, interval: 100 };

describe.skipIf(!!unavailable)('two LiveKit nodes sharing Redis', () => {
  const nodes: LocalLiveKit[] = [];
  const rooms: Room[] = [];
  let http: ServerType;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    const appPort = await freePort();
    nodes.push(...(await startLiveKitCluster(2, { webhookUrl: `http://127.0.0.1:${appPort}/api/livekit/webhook` })));
    const first = nodes[0]!;
    // The app speaks to the first node; the cluster places rooms on either.
    app = createApp({
      ...h.deps,
      config: {
        ...h.deps.config,
        livekitUrl: first.url,
        livekit: { url: first.url, apiKey: first.apiKey, apiSecret: first.apiSecret },
      },
      livekitStatus: livekitProbe(first.url),
      actorCache: undefined,
    });
    await new Promise<void>((ok) => {
      http = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: appPort }, () => ok());
    });
  }, 60_000);

  afterAll(async () => {
    for (const r of rooms) await r.disconnect().catch(() => {});
    await dispose();
    http?.close();
    await Promise.all(nodes.map((n) => n.stop()));
    redisCli('FLUSHDB');
  });

  const as = async (email: string) => {
    const login = await new Client(app).post('/api/auth/login', { email, password: 'tongzhou-demo' });
    return new Client(app, { cookie: login.headers.get('set-cookie')!.split(';')[0]! });
  };

  /** A real participant reaching `url` with the app's token, kept to be disconnected at the end. */
  async function connect(url: string, token: string) {
    const room = await connectParticipant(url, token);
    rooms.push(room);
    return room;
  }

  it('lessons land on both nodes; in each, a teacher on one node and a classroom on the other meet, and the hosting node’s webhooks record the classroom', async () => {
    const wang = await as('wang@jhzx.demo');
    const zhao = await as('zhao@beishan.demo');
    const identity = `classroom:${h.ids.classrooms.beishan4_1}`;
    const hosts = new Set<string>();
    // Rooms are placed at random: lessons until both nodes host one (two or three, usually; 16 at most).
    for (let i = 0; i < 16 && hosts.size < 2; i++) {
      const created = await wang.post('/api/lessons', lessonSoon([h.ids.classrooms.beishan4_1!], `直播 ${i + 1}`));
      expectStatus(created, 201);
      const id = created.body.lesson.id;
      const teacherJoin = await wang.post(`/api/lessons/${id}/join`);
      const classroomJoin = await zhao.post(`/api/lessons/${id}/join`);
      expectStatus(teacherJoin, 200);
      expectStatus(classroomJoin, 200);
      // Each through a different node, alternately.
      const [teacherNode, classroomNode] = i % 2 ? [nodes[1]!, nodes[0]!] : [nodes[0]!, nodes[1]!];
      const teacher = await connect(teacherNode.url, teacherJoin.body.token);
      const classroom = await connect(classroomNode.url, classroomJoin.body.token);
      await vi.waitFor(() => expect([...teacher.remoteParticipants.keys()]).toContain(identity), WAIT);
      await vi.waitFor(
        () => expect([...classroom.remoteParticipants.keys()]).toContain(`user:${h.ids.users.wang}`),
        WAIT,
      );
      const roomName = teacher.name!;
      const host = hostOfRoom(roomName);
      expect(host, `the node hosting ${roomName}`).toMatch(/\S/);
      hosts.add(host!);
      await vi.waitFor(async () => {
        const rows = await h.deps.database.db
          .select()
          .from(lessonAttendance)
          .where(and(eq(lessonAttendance.lessonId, id), eq(lessonAttendance.identity, identity)));
        expect(
          rows.find((r) => r.joinedAt),
          `the join webhook from the node hosting lesson ${i + 1}`,
        ).toBeDefined();
      }, WAIT);
      expect((await wang.get(`/api/lessons/${id}`)).body.lesson.status).toBe('live');
    }
    expect(hosts).toEqual(new Set(nodes.map((n) => n.nodeId)));
  });
});
