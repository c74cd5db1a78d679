import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { createLogger } from '../../server/lib/log';
import { webHandler } from '../../server/lib/web-static';
import { Client, detailsOf, expectStatus, type OpenApiDoc, useHarness } from '../support/harness';

const h = useHarness();

describe('errors: the contract shape on every path', () => {
  it('unknown API route: 404 JSON, never HTML', async () => {
    const li = await h.as('li@jhxx.demo');
    const res = await li.raw('GET', '/api/no/such/route');
    expectStatus(res, 404);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(res.body).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
  });

  it('malformed JSON: 400 invalid_json', async () => {
    const res = await h.anon.raw('POST', '/api/auth/login', '{"email": ', { 'content-type': 'application/json' });
    expectStatus(res, 400);
    expect(res.body.error.code).toBe('invalid_json');
  });

  it('validation: 400 with details naming each field', async () => {
    const res = await h.anon.raw('POST', '/api/auth/login', { email: 'not-an-email' });
    expectStatus(res, 400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(Object.keys(detailsOf(res, 'fields')).sort()).toEqual(['email', 'password']);
    expect(detailsOf(res, 'problems')).toEqual([
      { field: 'email', code: 'invalid_email' },
      { field: 'password', code: 'required' },
    ]);
  });

  it('a bad id in a path is 400, not 500', async () => {
    const admin = await h.as('admin@jhzx.demo');
    const res = await admin.get('/api/orgs/not-a-uuid');
    expectStatus(res, 400);
    expect(detailsOf(res, 'fields').id).toBeTruthy();
  });

  it('an unexpected failure is 500 internal_error with a request id, and leaks nothing', async () => {
    const broken = createApp({
      ...h.deps,
      log: createLogger('silent'),
      database: {
        ...h.deps.database,
        db: new Proxy(h.deps.database.db, {
          get: () => () => {
            throw new Error('secret internals at /srv/db');
          },
        }),
      },
    });
    const res = await new Client(broken, { cookie: 'tz_session=whatever' }).get('/api/me');
    expectStatus(res, 500);
    expect(res.body.error.code).toBe('internal_error');
    expect(res.text).not.toContain('secret internals');
    expect(res.body.error.message).toContain(res.headers.get('x-request-id')!);
  });
});

describe('logs: what they keep', () => {
  it('an invitation link or a calendar feed is logged without its secret', async () => {
    const lines: string[] = [];
    const logged = createApp({ ...h.deps, log: createLogger('info', (l) => lines.push(l)) });
    const secret = 'k3Y-abcdefghijklmnopqrstuvwxyz0123456789';
    await new Client(logged).raw('GET', `/api/invitations/${secret}`);
    await new Client(logged).raw('GET', `/api/calendar/${secret}.ics`);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) expect(line).not.toContain(secret);
    expect(lines.join('\n')).toContain('/api/invitations/[secret]');
  });
});

describe('system: health, openapi, headers', () => {
  it('health reports the database kind and an absent LiveKit', async () => {
    const res = await h.anon.get('/api/health');
    expectStatus(res, 200);
    expect(res.body).toMatchObject({
      ok: true,
      db: process.env.DATABASE_URL ? 'postgres' : 'pglite',
      livekit: 'absent',
    });
  });

  it('openapi.json describes the contract routes', async () => {
    // The document is not a route of AppType (app.doc31), so it comes through the escape hatch.
    const res = await h.anon.raw('GET', '/api/openapi.json');
    expectStatus(res, 200);
    const doc = res.body as OpenApiDoc;
    const paths = Object.keys(doc.paths);
    for (const p of [
      '/api/health',
      '/api/auth/login',
      '/api/auth/logout',
      '/api/me',
      '/api/auth/tokens',
      '/api/classrooms',
      '/api/orgs/{id}',
    ]) {
      expect(paths).toContain(p);
    }
    expect(
      doc.paths['/api/auth/login']?.post?.requestBody?.content?.['application/json']?.schema?.properties,
    ).toHaveProperty('email');
    // Uploads are read as streams, not validated by the router, and described all the same: a JSON `meta` part
    // (with the school it is for) and the file.
    const upload = doc.paths['/api/resources']?.post?.requestBody?.content?.['multipart/form-data']?.schema;
    expect(upload?.properties?.meta?.properties).toHaveProperty('schoolId');
    expect(upload?.properties?.file).toEqual({ type: 'string', format: 'binary' });
    expect(doc.paths['/api/facilities/{id}/photos']?.post?.requestBody?.content).toHaveProperty([
      'multipart/form-data',
    ]);
  });

  it('sends security headers with a CSP and no caching of API answers', async () => {
    const res = await h.anon.get('/api/health');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-request-id')).toBeTruthy();
  });

  it('the page carries the document headers; the built scripts only what a script obeys (~1 KB less each)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tz-web-'));
    try {
      mkdirSync(join(dir, 'assets'));
      writeFileSync(join(dir, 'index.html'), '<!doctype html><title>同舟</title>');
      writeFileSync(join(dir, 'assets/app-abc123.js'), 'export {};\n');
      writeFileSync(join(dir, 'assets/logo-abc123.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
      const app = createApp({ ...h.deps, serveWeb: webHandler(dir) });
      const page = await app.request('http://localhost/library');
      expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(page.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      const script = await app.request('http://localhost/assets/app-abc123.js');
      expect(script.status).toBe(200);
      expect(script.headers.get('x-content-type-options')).toBe('nosniff');
      expect(script.headers.get('cross-origin-resource-policy')).toBe('same-origin');
      expect(script.headers.get('strict-transport-security')).toBeTruthy();
      for (const name of ['content-security-policy', 'permissions-policy', 'x-frame-options', 'referrer-policy'])
        expect(script.headers.get(name), name).toBeNull();
      // Anything else under /assets (an image that could be opened as a document) keeps the document headers.
      const svg = await app.request('http://localhost/assets/logo-abc123.svg');
      expect(svg.headers.get('content-security-policy')).toContain("default-src 'self'");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the CSP lets the browser reach the configured LiveKit server', async () => {
    const app = createApp({ ...h.deps, config: { ...h.deps.config, livekitUrl: 'wss://live.example.edu.cn' } });
    const res = await new Client(app).get('/api/health');
    expect(res.headers.get('content-security-policy')).toContain('wss://live.example.edu.cn');
  });
});
