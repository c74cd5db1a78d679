// The Cloudflare Workers door, proven (issue 15): the same app under `wrangler dev` — workerd, the runtime Cloudflare
// runs — with the local PostgreSQL through the Hyperdrive binding's local connection string and the run's real
// LiveKit server. Every GET route of openapi.json answers the group leader without a server error, and the main
// paths work as on Node: the web app and its client-side routes, sign-in and out, a booking and its clash, a live
// lesson's join, a school's public page with its ETag, and a library upload streamed into an S3 bucket (gofakes3; a
// Worker has no disk). Needs a PostgreSQL server even on a PGlite run.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TokenVerifier } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIfStale } from '../../scripts/build.mjs';
import { type DemoIds, seedDemo } from '../../server/db/seed';
import { LocalStorage } from '../../server/modules/resources/storage';
import { openPostgresTestDatabase, postgresServerUrl, postgresUnavailable } from '../support/db';
import { expectStatus, type OpenApiDoc } from '../support/harness';
import { signInAt } from '../support/http';
import { sharedLiveKit } from '../support/livekit';
import { freePort } from '../support/ports';
import { patternedPdf, s3Unavailable, sha256Hex, startS3 } from '../support/s3';
import { lessonSoon, slot } from '../support/time';

const lk = sharedLiveKit();
const unavailable = (await postgresUnavailable()) ?? s3Unavailable();
if (unavailable) {
  if (process.env.CI) throw new Error(`CI must run the Workers door's tests: ${unavailable}`);
  console.warn(`Skipping the Workers door's tests: ${unavailable}`);
}

describe.skipIf(!!unavailable || !lk)('the Workers door under wrangler dev (workerd), on PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof openPostgresTestDatabase>>;
  let ids: DemoIds;
  let filesDir: string;
  let stateDir: string;
  let wrangler: ChildProcess | undefined;
  let url: string;
  let s3: Awaited<ReturnType<typeof startS3>> | undefined;

  beforeAll(async () => {
    database = await openPostgresTestDatabase(postgresServerUrl());
    filesDir = mkdtempSync(join(tmpdir(), 'tz-worker-files-'));
    stateDir = mkdtempSync(join(tmpdir(), 'tz-worker-state-'));
    ids = await seedDemo(database.db, new LocalStorage(filesDir));
    // The Worker serves the built web app as its static assets.
    await buildIfStale();
    const port = await freePort();
    // Miniflare wants a password in the connection string; the local server's trust authentication ignores it.
    const local = new URL(database.url);
    local.password = 'postgres';
    s3 = await startS3();
    const vars = {
      LOG_LEVEL: 'warn',
      LIVEKIT_URL: lk!.url,
      LIVEKIT_API_KEY: lk!.apiKey,
      LIVEKIT_API_SECRET: lk!.apiSecret,
      S3_ENDPOINT: s3.endpoint,
      S3_BUCKET: 'tongzhou-worker',
      S3_ACCESS_KEY_ID: 'test',
      S3_SECRET_ACCESS_KEY: 'test-secret',
    };
    wrangler = spawn(
      'node_modules/.bin/wrangler',
      [
        'dev',
        '--ip',
        '127.0.0.1',
        '--port',
        String(port),
        '--persist-to',
        stateDir,
        '--show-interactive-dev-session=false',
        ...Object.entries(vars).flatMap(([k, v]) => ['--var', `${k}:${v}`]),
      ],
      {
        env: {
          ...process.env,
          CLOUDFLARE_HYPERDRIVE_LOCAL_CONNECTION_STRING_HYPERDRIVE: local.toString(),
          WRANGLER_SEND_METRICS: 'false',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    wrangler.stdout?.on('data', (c) => (out += c));
    wrangler.stderr?.on('data', (c) => (out += c));
    url = `http://127.0.0.1:${port}`;
    const until = Date.now() + 90_000;
    for (;;) {
      if (wrangler.exitCode !== null)
        throw new Error(`wrangler dev exited (${wrangler.exitCode}): ${out.slice(-2000)}`);
      const up = await fetch(`${url}/api/health`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (up) break;
      if (Date.now() > until) throw new Error(`wrangler dev did not answer: ${out.slice(-2000)}`);
      await new Promise((ok) => setTimeout(ok, 250));
    }
  }, 180_000);

  afterAll(async () => {
    if (wrangler && wrangler.exitCode === null) {
      const exited = new Promise((ok) => wrangler!.once('exit', ok));
      wrangler.kill('SIGTERM');
      await exited;
    }
    s3?.stop();
    await database?.dispose();
    for (const dir of [filesDir, stateDir]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('is healthy on PostgreSQL with LiveKit, serves the web app and its routes, and answers an unknown API path in the contract’s shape (401 signed out, 404 signed in)', async () => {
    const health = await (await fetch(`${url}/api/health`)).json();
    expect(health).toMatchObject({ ok: true, db: 'postgres', livekit: 'ok' });
    for (const path of ['/', '/facilities', '/library']) {
      const page = await fetch(`${url}${path}`);
      expect([path, page.status]).toEqual([path, 200]);
      expect(await page.text()).toContain('<div id="root">');
    }
    const anonymous = await fetch(`${url}/api/no-such-route`);
    expect([anonymous.status, (await anonymous.json()).error.code]).toEqual([401, 'unauthenticated']);
    const leader = await signInAt(url, 'leader@jinghua.demo');
    const missing = await fetch(`${url}/api/no-such-route`, { headers: { cookie: leader.cookie } });
    expect([missing.status, (await missing.json()).error.code]).toEqual([404, 'not_found']);
  });

  it('signs in, knows the person, signs out, and the session is gone', async () => {
    const wang = await signInAt(url, 'wang@jhzx.demo');
    const me = await wang.at(url).get('/api/me');
    expectStatus(me, 200);
    expect(me.body.user.name).toBe('王明远');
    expectStatus(await wang.at(url).post('/api/auth/logout'), 204);
    expectStatus(await wang.at(url).get('/api/me'), 401);
  });

  it('every GET route without a path parameter answers the group leader without a server error', async () => {
    const leader = (await signInAt(url, 'leader@jinghua.demo')).at(url);
    const doc = (await (await fetch(`${url}/api/openapi.json`)).json()) as OpenApiDoc;
    const paths = Object.entries(doc.paths)
      .filter(([path, ops]) => ops.get && !path.includes('{'))
      .map(([path]) => path);
    expect(paths.length).toBeGreaterThan(20);
    const answers: [string, number][] = [];
    for (const path of paths) answers.push([path, (await leader.raw('GET', path)).status]);
    expect(answers.filter(([, status]) => status >= 500)).toEqual([]);
    // The lists a leader opens first answer in full.
    for (const path of ['/api/facilities', '/api/resources', '/api/lessons', '/api/exchanges/postings']) {
      expect([path, answers.find(([p]) => p === path)?.[1]]).toEqual([path, 200]);
    }
  });

  it('books a slot once; the same slot again is a clash with what it clashes with', async () => {
    const li = (await signInAt(url, 'li@jhxx.demo')).at(url);
    const s = slot(2, 14, 15, 10);
    const booking = { facilityId: ids.facilities.chemLab!, ...s, purpose: '科学课：溶液的配制', attendees: 40 };
    expectStatus(await li.post('/api/bookings', booking), 201);
    const clash = await li.post('/api/bookings', booking);
    expectStatus(clash, 409);
    expect(clash.body.error.code).toBe('booking_conflict');
  });

  it('a teacher schedules a live lesson and joins it with a token of the real LiveKit server’s keys', async () => {
    const wang = (await signInAt(url, 'wang@jhzx.demo')).at(url);
    const created = await wang.post('/api/lessons', lessonSoon([ids.classrooms.beishan4_1!]));
    expectStatus(created, 201);
    const join = await wang.post(`/api/lessons/${created.body.lesson.id}/join`);
    expectStatus(join, 200);
    expect(join.body).toMatchObject({ url: lk!.url, role: 'teacher' });
    const grant = await new TokenVerifier(lk!.apiKey, lk!.apiSecret).verify(join.body.token);
    expect(grant.video).toMatchObject({ roomJoin: true, canPublish: true });
  });

  it('serves a school’s public page with its ETag, and 304 when it has not changed', async () => {
    const page = await fetch(`${url}/s/JHZX`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('京华实验中学');
    const etag = page.headers.get('etag')!;
    expect(etag).toMatch(/^W\//);
    expect((await fetch(`${url}/s/JHZX`, { headers: { 'if-none-match': etag } })).status).toBe(304);
  });

  it('a library upload streams into the bucket (a Worker has no disk): a 20 MB file in parts arrives whole and downloads with ranges', async () => {
    const session = await signInAt(url, 'li@jhxx.demo');
    const li = session.at(url);
    // 20 MB: more than two of the 8 MB parts; different at every position, so a misplaced part shows.
    const bytes = patternedPdf(20 * 1024 * 1024 + 4321);
    const form = new FormData();
    form.set(
      'meta',
      JSON.stringify({ title: '试卷', visibility: 'school', subject: 'math', grade: 3, kind: 'exercise' }),
    );
    form.set('file', new Blob([bytes], { type: 'application/pdf' }), '试卷.pdf');
    const up = await li.raw('POST', '/api/resources', form);
    expectStatus(up, 201);
    const id = (up.body as { resource: { id: string } }).resource.id;
    const whole = await fetch(`${url}/api/resources/${id}/download`, { headers: { cookie: session.cookie } });
    expect(whole.status).toBe(200);
    const back = new Uint8Array(await whole.arrayBuffer());
    expect([back.length, sha256Hex(back)]).toEqual([bytes.length, sha256Hex(bytes)]);
    const seam = await fetch(`${url}/api/resources/${id}/download`, {
      headers: { cookie: session.cookie, range: `bytes=${8 * 1024 * 1024 - 2}-${8 * 1024 * 1024 + 1}` },
    });
    expect(seam.status).toBe(206);
    expect(new Uint8Array(await seam.arrayBuffer())).toEqual(bytes.subarray(8 * 1024 * 1024 - 2, 8 * 1024 * 1024 + 2));
    // A file of a kind the library does not take is refused.
    const exe = new FormData();
    exe.set('meta', JSON.stringify({ title: '程序', visibility: 'school', subject: 'math', grade: 3, kind: 'other' }));
    exe.set('file', new Blob([new Uint8Array(64 * 1024).fill(0x4d)]), 'setup.exe');
    expectStatus(await li.raw('POST', '/api/resources', exe), 415);
  });
});
