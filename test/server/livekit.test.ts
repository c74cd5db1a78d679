// Live lessons against the run's real livekit-server on loopback (test/support/livekit-global.ts), with real
// clients from @livekit/rtc-node: grants, what the server lets each role publish, speak, hidden observers, and
// the server's own webhooks recording attendance. Locally skipped with a message when the binary is missing.
import { type ServerType, serve } from '@hono/node-server';
import {
  AudioSource,
  dispose,
  LocalAudioTrack,
  type RemoteParticipant,
  type Room,
  TrackPublishOptions,
  TrackSource,
} from '@livekit/rtc-node';
import { and, eq } from 'drizzle-orm';
import { RoomServiceClient, TokenVerifier } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../server/app';
import { lessonAttendance } from '../../server/db/schema';
import { livekitProbe } from '../../server/lib/livekit-probe';
import { Client, detailsOf, expectStatus, useHarness } from '../support/harness';
import { receiveWebhooks, sharedLiveKit } from '../support/livekit';
import { freePorts } from '../support/ports';
import { connectParticipant } from '../support/rtc';
import { lessonSoon } from '../support/time';

const h = useHarness();
const lk = sharedLiveKit();

const WAIT = { timeout: 10_000, interval: 100 };

/** A real participant: connects with the token the app hands out, over loopback only. */
const connect = (join: { url: string; token: string }) => connectParticipant(join.url, join.token, { dynacast: true });

/** Publishes a silent microphone track (a real audio track; its content does not matter to permissions). */
async function publishMic(room: Room) {
  const source = new AudioSource(48_000, 1);
  const track = LocalAudioTrack.createAudioTrack('mic', source);
  const opts = new TrackPublishOptions();
  opts.source = TrackSource.SOURCE_MICROPHONE;
  return room.localParticipant!.publishTrack(track, opts);
}

const remoteIds = (room: Room) =>
  [...room.remoteParticipants.values()].map((p: RemoteParticipant) => p.identity).sort();

describe.skipIf(!lk)('live lessons on a real LiveKit server', () => {
  let app: ReturnType<typeof createApp>;
  let http: ServerType;
  let stopHooks = async () => {};
  const rooms: Room[] = [];
  beforeAll(async () => {
    app = createApp({
      ...h.deps,
      config: {
        ...h.deps.config,
        livekitUrl: lk!.url,
        livekit: { url: lk!.url, apiKey: lk!.apiKey, apiSecret: lk!.apiSecret },
      },
      livekitStatus: livekitProbe(lk!.url),
      actorCache: undefined,
    });
    const port = await new Promise<number>((ok) => {
      http = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => ok(info.port));
    });
    stopHooks = await receiveWebhooks(lk!, `http://127.0.0.1:${port}/api/livekit/webhook`);
  });
  afterAll(async () => {
    for (const r of rooms) await r.disconnect().catch(() => {});
    await stopHooks();
    http?.close();
    await dispose();
  });

  const as = async (email: string) => {
    const login = await new Client(app).post('/api/auth/login', { email, password: 'tongzhou-demo' });
    return new Client(app, { cookie: login.headers.get('set-cookie')!.split(';')[0]! });
  };
  const schedule = async () => {
    const wang = await as('wang@jhzx.demo');
    const created = await wang.post(
      '/api/lessons',
      lessonSoon([h.ids.classrooms.beishan4_1!, h.ids.classrooms.nanhu5_1!]),
    );
    expectStatus(created, 201);
    return { wang, id: created.body.lesson.id };
  };

  it('join answers each role with its grants from the real server’s keys, and the lesson’s room exists there', async () => {
    const { wang, id } = await schedule();
    const verifier = new TokenVerifier(lk!.apiKey, lk!.apiSecret);

    const teacher = await wang.post(`/api/lessons/${id}/join`);
    expectStatus(teacher, 200);
    expect(teacher.body).toMatchObject({ url: lk!.url, role: 'teacher' });
    const t = await verifier.verify(teacher.body.token);
    expect(t.sub).toBe(`user:${h.ids.users.wang}`);
    expect(t.video).toMatchObject({
      roomJoin: true,
      canPublish: true,
      roomAdmin: true,
      canPublishSources: ['camera', 'microphone', 'screen_share', 'screen_share_audio'],
    });
    expect(Number(t.exp) - Math.floor(Date.now() / 1000)).toBeLessThanOrEqual(15 * 60);

    const classroom = await (await as('zhao@beishan.demo')).post(`/api/lessons/${id}/join`);
    const c = await verifier.verify(classroom.body.token);
    expect(classroom.body.role).toBe('classroom');
    expect(c.sub).toBe(`classroom:${h.ids.classrooms.beishan4_1}`);
    expect(c.name).toBe('四年级一班 · 北山乡中心小学');
    expect(c.video).toMatchObject({ canPublish: false, canPublishData: true, canSubscribe: true });

    const observer = await (await as('li@jhxx.demo')).post(`/api/lessons/${id}/join`);
    const o = await verifier.verify(observer.body.token);
    expect(observer.body.role).toBe('observer');
    expect(o.video).toMatchObject({ canPublish: false, canPublishData: false, hidden: true });

    const listed = await new RoomServiceClient(lk!.url.replace(/^ws/, 'http'), lk!.apiKey, lk!.apiSecret).listRooms();
    expect(listed.some((r) => r.maxParticipants >= 2 && r.emptyTimeout === 600)).toBe(true);
  });

  it('a classroom cannot publish until the teacher lets it speak; stopping it removes its tracks; the observer stays hidden', async () => {
    const { wang, id } = await schedule();
    const zhao = await as('zhao@beishan.demo');
    const identity = `classroom:${h.ids.classrooms.beishan4_1}`;

    // Not connected yet: the teacher's click answers 409, not a crash.
    expectStatus(await wang.post(`/api/lessons/${id}/participants/${identity}/speak`, { allowed: true }), 409);

    const teacher = await connect((await wang.post(`/api/lessons/${id}/join`)).body);
    const classroom = await connect((await zhao.post(`/api/lessons/${id}/join`)).body);
    const observer = await connect((await (await as('li@jhxx.demo')).post(`/api/lessons/${id}/join`)).body);
    rooms.push(teacher, classroom, observer);
    await publishMic(teacher);

    // Everyone sees the teacher and the classroom; nobody sees the observer.
    await vi.waitFor(() => expect(remoteIds(teacher)).toContain(identity), WAIT);
    await vi.waitFor(() => expect(remoteIds(observer)).toHaveLength(2), WAIT);
    await new Promise((r) => setTimeout(r, 500));
    expect(remoteIds(teacher)).toEqual([identity]);
    expect(remoteIds(classroom)).toEqual([`user:${h.ids.users.wang}`]);

    // The server refuses a classroom's media: it never answers the publish request, and holds no track for it.
    const svc = new RoomServiceClient(lk!.url.replace(/^ws/, 'http'), lk!.apiKey, lk!.apiSecret);
    const roomName = classroom.name!;
    await expect(publishMic(classroom)).rejects.toThrow();
    expect((await svc.getParticipant(roomName, identity)).tracks).toEqual([]);

    // Only the teacher may let it speak; and only an invited classroom.
    expectStatus(await zhao.post(`/api/lessons/${id}/participants/${identity}/speak`, { allowed: true }), 403);
    expectStatus(
      await wang.post(`/api/lessons/${id}/participants/classroom:${h.ids.classrooms.xiling7_1}/speak`, {
        allowed: true,
      }),
      404,
    );
    expectStatus(await wang.post(`/api/lessons/${id}/participants/nobody/speak`, { allowed: true }), 400);

    const allow = await wang.post(`/api/lessons/${id}/participants/${identity}/speak`, { allowed: true });
    expectStatus(allow, 200);
    expect(allow.body.participant).toMatchObject({ identity, canPublish: true, name: '四年级一班 · 北山乡中心小学' });
    // The classroom's own permissions survive: it still receives the teacher and may send data.
    const perm = (await svc.getParticipant(roomName, identity)).permission!;
    expect(perm).toMatchObject({ canSubscribe: true, canPublishData: true, canPublish: true });

    const pub = await vi.waitFor(() => publishMic(classroom), { timeout: 15_000, interval: 200 });
    await vi.waitFor(
      () => expect([...teacher.remoteParticipants.get(identity)!.trackPublications.keys()]).toContain(pub.sid),
      WAIT,
    );

    expectStatus(await wang.post(`/api/lessons/${id}/participants/${identity}/mute`, { source: 'microphone' }), 200);
    await vi.waitFor(
      async () => expect((await svc.getParticipant(roomName, identity)).tracks.map((t) => t.muted)).toEqual([true]),
      WAIT,
    );

    const stop = await wang.post(`/api/lessons/${id}/participants/${identity}/speak`, { allowed: false });
    expect(stop.body.participant.canPublish).toBe(false);
    await vi.waitFor(async () => expect((await svc.getParticipant(roomName, identity)).tracks).toEqual([]), WAIT);
    await vi.waitFor(() => expect(teacher.remoteParticipants.get(identity)!.trackPublications.size).toBe(0), WAIT);
    expect((await svc.getParticipant(roomName, identity)).permission).toMatchObject({
      canSubscribe: true,
      canPublishData: true,
      canPublish: false,
    });
  });

  it('the real server’s webhooks record when the classroom joined and left, and the lesson goes live', async () => {
    const { wang, id } = await schedule();
    const zhao = await as('zhao@beishan.demo');
    const identity = `classroom:${h.ids.classrooms.beishan4_1}`;
    const teacher = await connect((await wang.post(`/api/lessons/${id}/join`)).body);
    rooms.push(teacher);
    const classroom = await connect((await zhao.post(`/api/lessons/${id}/join`)).body);
    const db = h.deps.database.db;
    const mine = () =>
      db
        .select()
        .from(lessonAttendance)
        .where(and(eq(lessonAttendance.lessonId, id), eq(lessonAttendance.identity, identity)));
    const joined = await vi.waitFor(async () => {
      const row = (await mine()).find((r) => r.joinedAt);
      expect(row, 'the join webhook').toBeDefined();
      return row!;
    }, WAIT);
    expect(joined.leftAt).toBeNull();
    expect((await wang.get(`/api/lessons/${id}`)).body.lesson.status).toBe('live');
    await classroom.disconnect();
    const left = await vi.waitFor(async () => {
      const row = (await mine()).find((r) => r.leftAt);
      expect(row, 'the leave webhook').toBeDefined();
      return row!;
    }, WAIT);
    expect(left.leftAt!.getTime()).toBeGreaterThanOrEqual(joined.joinedAt!.getTime());
    expect(left.sid).toBe(joined.sid);
  });

  it('server-side recording: without Egress the start answers 503 (the browser records instead), never a crash', async () => {
    const { wang, id } = await schedule();
    const notConfigured = await wang.post(`/api/lessons/${id}/recording/start`);
    expectStatus(notConfigured, 503);
    expect(detailsOf(notConfigured, 'reason')).toBe('not_configured');
    // Configured, but no Egress service is attached to this LiveKit server: LiveKit refuses, and we say so.
    const withEgress = createApp({
      ...h.deps,
      config: {
        ...h.deps.config,
        livekitUrl: lk!.url,
        livekit: { url: lk!.url, apiKey: lk!.apiKey, apiSecret: lk!.apiSecret },
        egress: {
          s3: { endpoint: 'http://127.0.0.1:9', bucket: 'tongzhou', region: 'us-east-1', accessKey: 'k', secret: 's' },
        },
      },
      actorCache: undefined,
    });
    const login = await new Client(withEgress).post('/api/auth/login', {
      email: 'wang@jhzx.demo',
      password: 'tongzhou-demo',
    });
    const teacher = new Client(withEgress, { cookie: login.headers.get('set-cookie')!.split(';')[0]! });
    expectStatus(await teacher.post(`/api/lessons/${id}/join`), 200); // the room exists once the teacher is live
    const refused = await teacher.post(`/api/lessons/${id}/recording/start`);
    expectStatus(refused, 503);
    expect(refused.body.error.code).toBe('service_unavailable');
    expect(refused.body.error.message).toMatch(/browser records/);
    expectStatus(await teacher.post(`/api/lessons/${id}/recording/stop`), 409);
  });

  it('health reports LiveKit ok while it runs, and down where none answers', async () => {
    const ok = createApp({
      ...h.deps,
      config: { ...h.deps.config, livekitUrl: lk!.url },
      livekitStatus: livekitProbe(lk!.url),
      actorCache: undefined,
    });
    const res = await new Client(ok).get('/api/health');
    expectStatus(res, 200);
    expect(res.body.livekit).toBe('ok');
    expect(res.headers.get('content-security-policy')).toContain(lk!.url);
    const [nobody] = await freePorts(1);
    const down = createApp({
      ...h.deps,
      livekitStatus: livekitProbe(`ws://127.0.0.1:${nobody}`),
      actorCache: undefined,
    });
    expect((await new Client(down).get('/api/health')).body.livekit).toBe('down');
  });

  it('while npm start still builds its LiveKit server, health says starting and a join is 503 with reason starting', async () => {
    const { id } = await schedule();
    const starting = createApp({
      ...h.deps,
      config: { ...h.deps.config, livekitUrl: lk!.url, livekit: null },
      livekitStatus: async () => 'starting',
      actorCache: undefined,
    });
    expect((await new Client(starting).get('/api/health')).body.livekit).toBe('starting');
    const login = await new Client(starting).post('/api/auth/login', {
      email: 'wang@jhzx.demo',
      password: 'tongzhou-demo',
    });
    const wang = new Client(starting, { cookie: login.headers.get('set-cookie')!.split(';')[0]! });
    const join = await wang.post(`/api/lessons/${id}/join`);
    expectStatus(join, 503);
    expect(join.body.error.code).toBe('livekit_unavailable');
    expect(join.body.error.details).toEqual({ reason: 'starting' });
    expect(join.headers.get('retry-after')).toBe('5');
  });
});
