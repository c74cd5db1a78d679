// Issue 10: what a request can send must never take the server down or answer 500. Raw requests on purpose:
// these bodies are malformed by design, so they bypass the typed harness.
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { useHarness } from '../support/harness';
import { slot } from '../support/time';

const h = useHarness();

async function cookieOf(email: string) {
  const res = await h.login(email);
  return res.headers.get('set-cookie')?.split(';')[0] ?? '';
}

async function send(cookie: string, method: string, path: string, body: BodyInit | undefined, type?: string) {
  const headers: Record<string, string> = { cookie, 'x-forwarded-for': '203.0.113.9' };
  if (type) headers['content-type'] = type;
  const res = await h.app.request(`http://localhost${path}`, { method, headers, body });
  const text = await res.text();
  return { status: res.status, text, json: text.startsWith('{') ? JSON.parse(text) : null };
}

describe('hostile input: multipart uploads', () => {
  it('a body cut off before its closing boundary is a 400, and the server keeps answering', async () => {
    const cookie = await cookieOf('li@jhxx.demo');
    const boundary = 'XyZ123';
    const cut =
      `--${boundary}\r\nContent-Disposition: form-data; name="meta"\r\n\r\n{"title":"x"}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n` +
      'Content-Type: application/pdf\r\n\r\n%PDF-1.4\n1 0 obj <<>> endobj\n';
    const res = await send(cookie, 'POST', '/api/resources', cut, `multipart/form-data; boundary=${boundary}`);
    expect(res.status, res.text).toBe(400);
    expect(res.json.error.code).toBe('validation_failed');
    const health = await h.app.request('http://localhost/api/health');
    expect(health.status).toBe(200);
  });

  it('a multipart request without a boundary is a 400, not a 500', async () => {
    const cookie = await cookieOf('li@jhxx.demo');
    const res = await send(cookie, 'POST', '/api/resources', 'hello', 'multipart/form-data');
    expect(res.status, res.text).toBe(400);
  });
});

const NUL = 'a\u0000b';
const LONE = 'a\ud800b';

describe('hostile input: text a database cannot store is a 400 naming the field', () => {
  it('NUL and unpaired surrogates in bodies: collections, comments, tokens, closures', async () => {
    const cookie = await cookieOf('li@jhxx.demo');
    const admin = await cookieOf('admin@jhzx.demo');
    const resource = (await send(cookie, 'GET', '/api/resources', undefined)).json.items[0].id;
    const cases: [string, string, string, (s: string) => object][] = [
      [cookie, 'POST', '/api/collections', (s) => ({ name: s })],
      [cookie, 'POST', '/api/auth/tokens', (s) => ({ name: s })],
      [admin, 'POST', '/api/closures', (s) => ({ startsOn: '2030-03-01', endsOn: '2030-03-02', reason: s })],
      [cookie, 'POST', `/api/resources/${resource}/comments`, (s) => ({ body: s })],
    ];
    for (const [who, method, path, body] of cases) {
      for (const bad of [NUL, LONE]) {
        const res = await send(who, method, path, JSON.stringify(body(bad)), 'application/json');
        expect(res.status, `${method} ${path}: ${res.text}`).toBe(400);
        expect(res.json.error.code).toBe('validation_failed');
      }
    }
  });

  it('NUL in search and filter parameters is a 400; bytes of a lone surrogate decode to U+FFFD and are searched', async () => {
    const cookie = await cookieOf('li@jhxx.demo');
    for (const path of ['/api/resources?q=', '/api/facilities?q=', '/api/resources?edition=', '/api/lessons?scope=']) {
      const nul = await send(cookie, 'GET', `${path}${encodeURIComponent(NUL)}`, undefined);
      expect(nul.status, `${path}NUL: ${nul.text}`).toBe(400);
      expect(nul.json.error.code, nul.text).toBe('validation_failed');
      // URL decoding replaces the invalid UTF-8 of a surrogate, so the server never sees one: an ordinary answer
      // (400 only where the parameter is an enum, such as a lesson list's scope).
      const lone = await send(cookie, 'GET', `${path}%ED%A0%80`, undefined);
      expect(lone.status, `${path}%ED%A0%80: ${lone.text}`).toBe(path.includes('scope=') ? 400 : 200);
    }
  });
});

describe('hostile input: dates, cursors, empty changes', () => {
  it('years 0 and 9999 pass no route: 400, never "Invalid time value"', async () => {
    const leader = await cookieOf('leader@jinghua.demo');
    const admin = await cookieOf('admin@jhzx.demo');
    const gym = h.ids.facilities.gym;
    const group = h.ids.orgs.jinghua;
    const checks: [string, string, string, string | undefined][] = [];
    for (const year of ['0000', '9999']) {
      checks.push([leader, 'GET', `/api/reports/overview?orgId=${group}&at=${year}-06-01`, undefined]);
      checks.push([
        leader,
        'GET',
        `/api/bookings?from=${encodeURIComponent(`${year}-01-01T00:00:00+08:00`)}`,
        undefined,
      ]);
      checks.push([
        admin,
        'POST',
        `/api/facilities/${gym}/blocks`,
        JSON.stringify({
          startsAt: `${year}-01-01T08:00:00+08:00`,
          endsAt: `${year}-01-01T09:00:00+08:00`,
          reason: '检修',
        }),
      ]);
      checks.push([
        admin,
        'POST',
        '/api/closures',
        JSON.stringify({ startsOn: `${year}-01-01`, endsOn: `${year}-01-02`, reason: '假期' }),
      ]);
    }
    for (const [who, method, path, body] of checks) {
      const res = await send(who, method, path, body, body ? 'application/json' : undefined);
      expect(res.status, `${method} ${path}: ${res.text}`).toBe(400);
    }
  });

  it('a block-out of decades is a 400 at once, not seconds of locking that end in a 500', async () => {
    const leader = await cookieOf('leader@jinghua.demo');
    const started = performance.now();
    const res = await send(
      leader,
      'POST',
      `/api/facilities/${h.ids.facilities.gym}/blocks`,
      JSON.stringify({ startsAt: '2030-01-10T19:30:00+08:00', endsAt: '2099-12-31T23:59:59-12:00', reason: '改造' }),
      'application/json',
    );
    expect(res.status, res.text).toBe(400);
    expect(res.json.error.details.fields).toHaveProperty('endsAt');
    expect(res.json.error.details.problems).toContainEqual(
      expect.objectContaining({ field: 'endsAt', code: 'block_too_long', days: 366 }),
    );
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('a forged time-and-id cursor is a 400: a year the database has no date for, an id that is no UUID', async () => {
    const cookie = await cookieOf('li@jhxx.demo');
    const forged = [
      '0000-01-01T00:00:00.000Z|00000000-0000-4000-8000-000000000000',
      '+275760-09-13T00:00:00.000Z|00000000-0000-4000-8000-000000000000',
      '2030-03-05T00:00:00.000Z|------------------------------------',
      '2030-03-05T00:00:00.000Z|00000000-0000-4000-8000-000000000000|extra',
    ];
    for (const key of forged) {
      const res = await send(
        cookie,
        'GET',
        `/api/bookings?cursor=${Buffer.from(key).toString('base64url')}`,
        undefined,
      );
      expect(res.status, `${key}: ${res.text}`).toBe(400);
      expect(res.json.error.details.fields).toHaveProperty('cursor');
    }
  });

  it('a forged cursor is a 400, never a bad OFFSET', async () => {
    const cookie = await cookieOf('li@jhxx.demo');
    const forged = ['-1', '1.5', '1e308', 'abc'].map((s) => Buffer.from(s).toString('base64url'));
    for (const path of ['/api/resources?q=%E5%88%86%E6%95%B0&cursor=', '/api/bookings?cursor=', '/api/audit?cursor=']) {
      for (const c of [...forged, '%00', 'x'.repeat(150)]) {
        const res = await send(cookie, 'GET', `${path}${c}`, undefined);
        expect(res.status, `${path}${c}: ${res.text}`).toBe(400);
      }
      // An empty cursor is no cursor: the first page.
      expect((await send(cookie, 'GET', path, undefined)).status).toBe(200);
    }
  });

  it('an empty PATCH is a 400 that says nothing would change', async () => {
    const admin = await cookieOf('admin@jhzx.demo');
    const paths = [
      `/api/facilities/${h.ids.facilities.gym}`,
      `/api/orgs/${h.ids.orgs.jhzx}`,
      `/api/classrooms/${h.ids.classrooms.jhzx7_1}`,
      '/api/me',
    ];
    for (const path of paths) {
      const res = await send(admin, 'PATCH', path, '{}', 'application/json');
      expect(res.status, `PATCH ${path}: ${res.text}`).toBe(400);
    }
  });
});

describe('hostile input: numbers', () => {
  it('a whole number past what the database holds is a 400 naming the parameter, never a 500', async () => {
    const cookie = await cookieOf('li@jhxx.demo');
    const resource = (await send(cookie, 'GET', '/api/resources', undefined)).json.items[0].id;
    const range = `from=${encodeURIComponent('2030-03-05T08:00:00+08:00')}&to=${encodeURIComponent('2030-03-05T09:00:00+08:00')}`;
    const checks: [string, string][] = [
      ['/api/facilities?capacity=', 'capacity'],
      [`/api/facility-availability?${range}&capacity=`, 'capacity'],
      [`/api/resources/${resource}/download?version=`, 'version'],
    ];
    for (const [path, field] of checks) {
      for (const n of ['2147483648', '9007199254740991', '1e308']) {
        const res = await send(cookie, 'GET', `${path}${n}`, undefined);
        expect(res.status, `${path}${n}: ${res.text}`).toBe(400);
        expect(Object.keys(res.json.error.details.fields)).toEqual([field]);
      }
    }
  });
});

describe('hostile input: body size', () => {
  it('a JSON body past the limit is 413 before it is read whole', async () => {
    const cookie = await cookieOf('li@jhxx.demo');
    const big = JSON.stringify({ name: 'x'.repeat(12 * 1024 * 1024) });
    const res = await send(cookie, 'POST', '/api/collections', big, 'application/json');
    expect(res.status, res.text.slice(0, 300)).toBe(413);
    expect(res.json.error.code).toBe('payload_too_large');
  });

  it('saying the body is a CSV or multipart does not lift the limit (the public webhook, the import)', async () => {
    const cookie = await cookieOf('admin@jhzx.demo');
    const big = 'x'.repeat(3 * 1024 * 1024);
    for (const type of ['text/csv', 'multipart/form-data; boundary=x']) {
      const hook = await send('', 'POST', '/api/livekit/webhook', big, type);
      expect(hook.status, `webhook as ${type}: ${hook.text.slice(0, 200)}`).toBe(413);
    }
    const csv = await send(cookie, 'POST', '/api/members/import', `name,email,role,school_code\n${big}`, 'text/csv');
    expect(csv.status, csv.text.slice(0, 200)).toBe(413);
    expect(csv.json.error.message).toBe('The file is larger than 1 MB');
  });
});

describe('hostile input: JSON bodies read from Node’s own stream', () => {
  // Served as npm start serves it, the app reads a JSON body from the socket's IncomingMessage, not a web Request.
  let base = '';
  let server: ServerType;
  beforeAll(async () => {
    const app = createApp({ ...h.deps, nodeBody: (c) => (c as { env?: { incoming?: never } }).env?.incoming });
    server = await new Promise((ok) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => ok(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

  /** A POST whose body goes out in these pieces (chunked unless a length is declared); the answer, once it comes. */
  function post(path: string, cookie: string, pieces: Buffer[], length?: number) {
    return new Promise<{ status: number; json: { error?: { code: string } } & Record<string, unknown> }>((ok, fail) => {
      const headers: Record<string, string | number> = { cookie, 'content-type': 'application/json' };
      if (length !== undefined) headers['content-length'] = length;
      const req = request(`${base}${path}`, { method: 'POST', headers }, (res) => {
        const got: Buffer[] = [];
        res.on('data', (d: Buffer) => got.push(d));
        res.on('end', () => {
          req.destroy();
          ok({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(got).toString() || '{}') });
        });
      });
      req.on('error', (err) => (req.destroyed ? undefined : fail(err)));
      (async () => {
        for (const piece of pieces) {
          if (req.destroyed) return;
          req.write(piece);
          await new Promise((r) => setImmediate(r));
        }
        if (length === undefined) req.end();
      })();
    });
  }

  it('a booking sent a few bytes at a time, with a byte-order mark and Chinese split mid-character, arrives whole', async () => {
    const cookie = await cookieOf('li@jhxx.demo');
    const purpose = '科学课：溶液的配制（分组实验）';
    const body = Buffer.from(
      `\uFEFF${JSON.stringify({ facilityId: h.ids.facilities.chemLab, ...slot(5, 9, 10, 20), purpose })}`,
    );
    const pieces = Array.from({ length: Math.ceil(body.length / 5) }, (_, i) => body.subarray(i * 5, i * 5 + 5));
    const res = await post('/api/bookings', cookie, pieces);
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    expect((res.json.booking as { purpose: string }).purpose).toBe(purpose);
  });

  it('a body that says it is past the limit is 413 before it is sent; one that turns out so, 413 too', async () => {
    const cookie = await cookieOf('li@jhxx.demo');
    const declared = await post('/api/collections', cookie, [Buffer.from('{"name":"')], 2 * 1024 * 1024);
    expect([declared.status, declared.json.error?.code]).toEqual([413, 'payload_too_large']);
    const piece = Buffer.alloc(64 * 1024, 'x');
    const chunked = await post('/api/collections', cookie, [
      Buffer.from('{"name":"'),
      ...Array.from({ length: 20 }, () => piece),
    ]);
    expect([chunked.status, chunked.json.error?.code]).toEqual([413, 'payload_too_large']);
    const health = await fetch(`${base}/api/health`);
    expect(health.status).toBe(200);
  });

  it('JSON cut short is 400 invalid_json', async () => {
    const cookie = await cookieOf('li@jhxx.demo');
    const res = await post('/api/bookings', cookie, [Buffer.from('{"facilityId": ')]);
    expect([res.status, res.json.error?.code]).toEqual([400, 'invalid_json']);
  });
});

describe('a change touches only what it names', () => {
  it('renaming a facility keeps its scope, approval, notice and advance window', async () => {
    const admin = await cookieOf('admin@jhzx.demo');
    const hall = h.ids.facilities.hall;
    const before = (await send(admin, 'GET', `/api/facilities/${hall}`, undefined)).json.facility;
    expect(before).toMatchObject({ scope: 'district' });
    const res = await send(
      admin,
      'PATCH',
      `/api/facilities/${hall}`,
      JSON.stringify({ name: '报告厅（东）' }),
      'application/json',
    );
    expect(res.status, res.text).toBe(200);
    const { name, ...rest } = res.json.facility;
    const { name: _old, ...was } = before;
    expect(name).toBe('报告厅（东）');
    expect(rest).toEqual(was);
  });
});

describe("another group's people stay unknown", () => {
  it("the CSV import never names another group's school or who teaches there", async () => {
    const xiling = await cookieOf('admin@xiling.demo');
    const csv = 'name,email,role,school_code\n王明远,wang@jhzx.demo,teacher,JHZX\n';
    const res = await send(xiling, 'POST', '/api/members/import', csv, 'text/csv');
    expect(res.status, res.text).toBe(400);
    expect(res.text).not.toContain('京华');
    expect(res.text).not.toContain('already');
    expect(res.json.error.details.errors).toEqual([
      {
        line: 2,
        field: 'schoolCode',
        problem: 'unknown_school',
        reason: 'no school with code JHZX that you administer',
      },
    ]);
  });
});
