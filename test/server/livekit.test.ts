// The LiveKit server as the platform runs it: built by `npm run livekit:install`, started on loopback, and
// reported by GET /api/health. Locally skipped with a message when the binary is missing; never in CI.
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RoomServiceClient, TokenVerifier } from 'livekit-server-sdk';
import { createApp } from '../../server/app';
import { livekitBinary, startLocalLiveKit, type LocalLiveKit } from '../../server/lib/livekit-local';
import { livekitProbe } from '../../server/lib/livekit-probe';
import { Client, expectStatus, useHarness } from '../support/harness';

function unavailable(): string | null {
  if (livekitBinary()) return null;
  const reason = 'livekit-server not built: run "npm run livekit:install"';
  if (process.env.CI) throw new Error(`${reason}. CI must run the LiveKit tests.`);
  console.warn(`Skipping LiveKit tests: ${reason}`);
  return reason;
}

const freePorts = async (n: number) => {
  const ports: number[] = [];
  while (ports.length < n) {
    const p = await new Promise<number>((ok) => {
      const s = createServer();
      s.listen(0, '127.0.0.1', () => { const a = s.address(); s.close(() => ok(typeof a === 'object' && a ? a.port : 0)); });
    });
    if (!ports.includes(p)) ports.push(p);
  }
  return ports;
};

const h = useHarness();

describe.skipIf(!!unavailable())('livekit: a real server on loopback', () => {
  let lk: LocalLiveKit;
  beforeAll(async () => {
    const [port, tcpPort, udpPort] = await freePorts(3);
    lk = await startLocalLiveKit({ port: port!, tcpPort: tcpPort!, udpPort: udpPort! });
  }, 60_000);
  afterAll(() => lk?.stop());

  it('join answers each role with its grants from the real server’s keys, and the lesson’s room exists there', async () => {
    const app = createApp({ ...h.deps, config: { ...h.deps.config, livekitUrl: lk.url, livekit: { url: lk.url, apiKey: lk.apiKey, apiSecret: lk.apiSecret } }, livekitStatus: livekitProbe(lk.url), actorCache: undefined });
    const as = async (email: string) => {
      const login = await new Client(app).post('/api/auth/login', { email, password: 'tongzhou-demo' });
      return new Client(app, { cookie: login.headers.get('set-cookie')!.split(';')[0]! });
    };
    const wang = await as('wang@jhzx.demo');
    const soon = (m: number) => new Date(Date.now() + m * 60_000).toISOString();
    const created = await wang.post('/api/lessons', { title: '直播：分数的初步认识', subject: 'math', grade: 4, startsAt: soon(5), endsAt: soon(50), classroomIds: [h.ids.classrooms.beishan4_1, h.ids.classrooms.nanhu5_1] });
    expectStatus(created, 201);
    const id = created.body.lesson.id;
    const verifier = new TokenVerifier(lk.apiKey, lk.apiSecret);

    const teacher = await wang.post(`/api/lessons/${id}/join`);
    expectStatus(teacher, 200);
    expect(teacher.body).toMatchObject({ url: lk.url, role: 'teacher' });
    const t = await verifier.verify(teacher.body.token);
    expect(t.sub).toBe(`user:${h.ids.users.wang}`);
    expect(t.video).toMatchObject({ roomJoin: true, canPublish: true, roomAdmin: true, canPublishSources: ['camera', 'microphone', 'screen_share', 'screen_share_audio'] });
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

    const rooms = await new RoomServiceClient(lk.url.replace(/^ws/, 'http'), lk.apiKey, lk.apiSecret).listRooms();
    expect(rooms.some((r) => r.maxParticipants >= 2 && r.emptyTimeout === 600)).toBe(true);
  });

  it('health reports LiveKit ok while it runs, and down once it stops', async () => {
    const app = createApp({ ...h.deps, config: { ...h.deps.config, livekitUrl: lk.url }, livekitStatus: livekitProbe(lk.url), actorCache: undefined });
    const res = await new Client(app).get('/api/health');
    expectStatus(res, 200);
    expect(res.body.livekit).toBe('ok');
    expect(res.headers.get('content-security-policy')).toContain(lk.url);
    await lk.stop();
    const after = createApp({ ...h.deps, livekitStatus: livekitProbe(lk.url), actorCache: undefined });
    expect((await new Client(after).get('/api/health')).body.livekit).toBe('down');
  });
});
