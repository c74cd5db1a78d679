// Issue 15: `npm start` brings live lessons with no extra command. With no LIVEKIT_URL it runs a LiveKit server on
// loopback: one on PATH; on a machine with Go and none, built in the background while the platform already serves
// (health "starting", then "ok" without a restart); with neither, one line saying what to do. The real build takes
// minutes, so a stand-in `go` on PATH "builds" by copying the real binary (test/support/built-server.ts).
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:tls';
import { afterAll, describe, expect, it } from 'vitest';
import { livekitBinary } from '../../server/lib/livekit-local';
import { standInGo, startBuilt } from '../support/built-server';
import { expectStatus } from '../support/harness';
import { signInAt } from '../support/http';
import { freePorts, freeRun } from '../support/ports';
import { lessonSoon } from '../support/time';
import { turnCert } from '../support/turn';

const real = livekitBinary();
const reason = real ? null : 'livekit-server not built: run "npm run livekit:install"';
if (reason && process.env.CI) throw new Error(`${reason}. CI must run the LiveKit start-up tests.`);
if (reason) console.warn(`skipping the LiveKit start-up tests: ${reason}`);

const root = mkdtempSync(join(tmpdir(), 'tz-lk-supply-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** An empty folder for PATH. */
function emptyPath(name: string): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

const health = async (url: string) =>
  ((await (await fetch(`${url}/api/health`)).json()) as { livekit: string }).livekit;

async function startWith(name: string, path: string, env: NodeJS.ProcessEnv = {}) {
  const dataDir = join(root, `${name}-data`);
  return startBuilt({
    DATA_DIR: dataDir,
    PATH: path,
    // Where this server would build its own: never the project's .livekit, which other tests use.
    LIVEKIT_SERVER_BIN: join(root, `${name}-build`, 'livekit-server'),
    LIVEKIT_AUTOSTART: '1',
    LIVEKIT_PORT: String(await freeRun(3)),
    LOG_LEVEL: 'warn',
    ...env,
  });
}

/** A folder on PATH holding the real livekit-server. */
function pathWithServer(name: string) {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  symlinkSync(real ?? '', join(dir, 'livekit-server'));
  return dir;
}

/** This machine's first IPv4 address that is not loopback: where "the school's network" reaches it here. */
const lanAddress = Object.values(networkInterfaces())
  .flat()
  .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;

describe.skipIf(!!reason)('npm start: the live-lesson server with no extra command', () => {
  it('uses a livekit-server found on PATH: live lessons are there from the first request', async () => {
    const server = await startWith('on-path', pathWithServer('on-path'));
    try {
      expect(await health(server.url)).toBe('ok');
    } finally {
      await server.stop();
    }
  }, 120_000);

  it('with Go and no server, builds one in the background: serving at once, "starting", then "ok" without a restart', async () => {
    const go = standInGo(join(root, 'with-go'), real ?? '', { seconds: 3 });
    const server = await startWith('with-go', go);
    try {
      expect(server.output()).toMatch(/Building the LiveKit server v[\d.]+ in the background/);
      expect(await health(server.url)).toBe('starting');
      const deadline = Date.now() + 60_000;
      let state = 'starting';
      while (state === 'starting' && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 250));
        state = await health(server.url);
      }
      expect(state).toBe('ok');
      expect(existsSync(join(root, 'with-go-build', 'livekit-server'))).toBe(true);
      expect(server.output()).toMatch(/LiveKit server built in \d+ s/);
    } finally {
      await server.stop();
    }
  }, 120_000);

  it('with neither, serves everything else and says in one line what to do', async () => {
    const server = await startWith('neither', emptyPath('neither'));
    try {
      expect(await health(server.url)).toBe('absent');
      const lines = server
        .output()
        .split('\n')
        .filter((l) => /Live lessons need a LiveKit server/.test(l));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/install Go .* LIVEKIT_URL/);
    } finally {
      await server.stop();
    }
  }, 120_000);

  it('with LIVEKIT_ADDRESS and LIVEKIT_TURN_*, serves the school’s other computers, with TURN over TLS', async () => {
    if (!lanAddress) throw new Error('this machine has no IPv4 address besides loopback');
    const turn = turnCert('turn.school.test');
    const lkPort = await freeRun(3);
    const [turnPort = 0] = await freePorts(1);
    const server = await startWith('lan', pathWithServer('lan'), {
      LIVEKIT_PORT: String(lkPort),
      LIVEKIT_ADDRESS: lanAddress,
      LIVEKIT_TURN_DOMAIN: turn.domain,
      LIVEKIT_TURN_CERT: turn.certFile,
      LIVEKIT_TURN_KEY: turn.keyFile,
      LIVEKIT_TURN_PORT: String(turnPort),
    });
    try {
      expect(await health(server.url)).toBe('ok');
      const offered = `ws://${lanAddress}:${lkPort}`;
      // A classroom elsewhere is sent to this machine's address, which LiveKit answers on and the pages allow.
      expect((await fetch(`http://${lanAddress}:${lkPort}/`)).status).toBe(200);
      expect((await fetch(`${server.url}/`)).headers.get('content-security-policy')).toContain(offered);
      const wang = (await signInAt(server.url, 'wang@jhzx.demo')).at(server.url);
      const rooms = await wang.get('/api/classrooms');
      const beishan = rooms.body.items.find((r) => r.schoolName === '北山乡中心小学');
      const lesson = await wang.post('/api/lessons', lessonSoon([beishan?.id ?? '']));
      expectStatus(lesson, 201);
      const join = await wang.post(`/api/lessons/${lesson.body.lesson.id}/join`);
      expect(join.body.url).toBe(offered);
      // Its TURN server answers TLS with the school's certificate.
      const subject = await new Promise<string>((ok, fail) => {
        const socket = connect(
          { host: lanAddress, port: turnPort, servername: turn.domain, rejectUnauthorized: false },
          () => {
            ok(String(socket.getPeerCertificate().subject.CN));
            socket.end();
          },
        );
        socket.on('error', fail);
      });
      expect(subject).toBe(turn.domain);
    } finally {
      await server.stop();
      turn.remove();
    }
  }, 120_000);
});
