// Issue 15: on a newcomer's first `npm start` the platform serves at once while its LiveKit server is still being
// built; the classroom's big screen says 直播服务正在准备… and, once the server is there, enters the lesson by itself —
// no restart, no reload. The built server runs as npm start runs it, with a stand-in `go` on PATH that "builds" (copies
// the real livekit-server) when the test says so, since the real build takes minutes.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { livekitBinary } from '../../server/lib/livekit-local';
import { browserUnavailable, launchBrowser, MEDIA_FLAGS, pageAs, shot } from '../support/browser';
import { type BuiltServer, standInGo, startBuilt } from '../support/built-server';
import { scheduleLessonStarted } from '../support/live-lesson';
import { freeRun } from '../support/ports';

const real = livekitBinary();
const skip = !!browserUnavailable() || !real;
if (!real && process.env.CI) throw new Error('livekit-server not built: CI must run the first-start live test');

describe.skipIf(skip)('a first start: the big screen waits while LiveKit is built, then enters by itself', () => {
  const root = mkdtempSync(join(tmpdir(), 'tz-preparing-'));
  const built = join(root, 'built');
  let server: BuiltServer;
  let browser: Browser;
  beforeAll(async () => {
    const bin = standInGo(join(root, 'bin'), real ?? '', { until: built });
    [server, browser] = await Promise.all([
      startBuilt({
        DATA_DIR: join(root, 'data'),
        PATH: bin,
        LIVEKIT_SERVER_BIN: join(root, 'lk', 'livekit-server'),
        LIVEKIT_AUTOSTART: '1',
        LIVEKIT_PORT: String(await freeRun(3)),
        LOG_LEVEL: 'warn',
      }),
      launchBrowser(MEDIA_FLAGS),
    ]);
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('says 直播服务正在准备… (and in English) while the server is built, then enters the lesson without a reload', async () => {
    const web = { url: server.url, browser };
    const teacher = await pageAs(web, 'wang@jhzx.demo');
    const lesson = await scheduleLessonStarted(teacher, web.url, '首次启动的直播课', 30);
    const zhao = await pageAs(web, 'zhao@beishan.demo', 'projector');
    await zhao.goto(`${web.url}/lessons/${lesson.id}/live`);
    await zhao.getByText(/直播服务正在准备/).waitFor();
    await shot(zhao, 'live-10-classroom-preparing-zh');
    // The other classroom's PC runs in English.
    const chen = await pageAs(web, 'chen@nanhu.demo', 'projector');
    await chen.request.patch(`${web.url}/api/me`, { data: { locale: 'en' }, headers: { origin: web.url } });
    await chen.goto(`${web.url}/lessons/${lesson.id}/live`);
    await chen.getByText(/The live lesson service is being prepared/).waitFor();
    await shot(chen, 'live-10-classroom-preparing-en');
    const health = await (await zhao.request.get(`${web.url}/api/health`)).json();
    expect(health.livekit).toBe('starting');

    writeFileSync(built, 'go on'); // the build finishes; the server starts its LiveKit and the page retries by itself
    await zhao.getByText('等待老师开始上课…').waitFor({ timeout: 45_000 });
    await chen.getByText('Waiting for the teacher to start…').waitFor({ timeout: 45_000 });
    await expect.poll(async () => await zhao.getByText(/直播服务正在准备/).count()).toBe(0);
    expect((await (await zhao.request.get(`${web.url}/api/health`)).json()).livekit).toBe('ok');
  }, 120_000);
});
