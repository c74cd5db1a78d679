// The LiveKit server as the platform runs it: built by `npm run livekit:install`, started on loopback, and
// reported by GET /api/health. Locally skipped with a message when the binary is missing; never in CI.
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
