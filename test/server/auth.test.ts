import { describe, expect, it } from 'vitest';
import { Client, detailsOf, expectStatus, useHarness } from '../support/harness';

const h = useHarness();

describe('auth: sign-in and sessions', () => {
  it('signs in with the demo password and sets an HttpOnly, SameSite=Lax session cookie', async () => {
    const res = await h.login('wang@jhzx.demo');
    expectStatus(res, 200);
    expect(res.body.user).toMatchObject({ email: 'wang@jhzx.demo', name: '王明远' });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^tz_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(res.body.user).not.toHaveProperty('passwordHash');
    expect(cookie).not.toMatch(/Secure/i);
  });

  it('marks the cookie Secure over HTTPS (here terminated by a trusted proxy)', async () => {
    const res = await new Client(h.app).post(
      '/api/auth/login',
      { email: 'wang@jhzx.demo', password: 'tongzhou-demo' },
      { 'x-forwarded-proto': 'https' },
    );
    expectStatus(res, 200);
    expect(res.headers.get('set-cookie')).toMatch(/;\s*Secure/i);
  });

  it('answers 401 invalid_credentials for a wrong password or an unknown account, alike', async () => {
    const wrong = await h.login('li@jhxx.demo', 'not-the-password', '198.51.100.1');
    const unknown = await h.login('nobody@jhxx.demo', 'not-the-password', '198.51.100.1');
    for (const res of [wrong, unknown]) {
      expectStatus(res, 401);
      expect(res.body.error.code).toBe('invalid_credentials');
    }
    expect(wrong.body.error.message).toBe(unknown.body.error.message);
  });

  it('GET /api/me lists memberships with orgKind and role; 401 when signed out', async () => {
    const zhao = await h.as('zhao@beishan.demo');
    const me = await zhao.get('/api/me');
    expectStatus(me, 200);
    expect(me.body.memberships).toEqual([
      expect.objectContaining({
        orgName: '北山乡中心小学',
        orgKind: 'school',
        role: 'assistant',
        classroomName: '四年级一班',
      }),
    ]);
    const anon = await h.anon.get('/api/me');
    expectStatus(anon, 401);
    expect(anon.body.error.code).toBe('unauthenticated');
  });

  it('rotates the session at sign-in: the old cookie stops working', async () => {
    const first = await h.login('li@jhxx.demo');
    const oldCookie = first.headers.get('set-cookie')!.split(';')[0]!;
    const again = await new Client(h.app, { cookie: oldCookie }).post('/api/auth/login', {
      email: 'li@jhxx.demo',
      password: 'tongzhou-demo',
    });
    expectStatus(again, 200);
    const newCookie = again.headers.get('set-cookie')!.split(';')[0]!;
    expect(newCookie).not.toBe(oldCookie);
    expectStatus(await new Client(h.app, { cookie: oldCookie }).get('/api/me'), 401);
    expectStatus(await new Client(h.app, { cookie: newCookie }).get('/api/me'), 200);
  });

  it('logout answers 204 and ends the session', async () => {
    const res = await h.login('chen@nanhu.demo');
    const client = new Client(h.app, { cookie: res.headers.get('set-cookie')!.split(';')[0]! });
    expectStatus(await client.post('/api/auth/logout'), 204);
    expectStatus(await client.get('/api/me'), 401);
  });
});

describe('auth: sign-in rate limits', () => {
  it('after 5 failures for one account answers 429 with Retry-After, even with the right password', async () => {
    for (let i = 0; i < 5; i++) expectStatus(await h.login('zhang@jhzx.demo', 'wrong-password', `192.0.2.${i}`), 401);
    const blocked = await h.login('zhang@jhzx.demo', 'tongzhou-demo', '192.0.2.99');
    expectStatus(blocked, 429);
    expect(blocked.body.error.code).toBe('too_many_requests');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(60);
  });

  it('after 30 failures from one address refuses that address, not others', async () => {
    const ip = '192.0.2.200';
    for (let i = 0; i < 30; i++) await h.login(`guess${i}@example.com`, 'x', ip);
    const blocked = await h.login('li@jhxx.demo', 'tongzhou-demo', ip);
    expectStatus(blocked, 429);
    expect(blocked.headers.get('retry-after')).toBeTruthy();
    expectStatus(await h.login('li@jhxx.demo', 'tongzhou-demo', '192.0.2.201'), 200);
  });

  it('behind the trusted proxy the address is the one it appended: a client writing its own cannot slip the limit', async () => {
    for (let i = 0; i < 30; i++) await h.login(`spoof${i}@example.com`, 'x', `10.9.${i}.1, 192.0.2.210`);
    expectStatus(await h.login('li@jhxx.demo', 'tongzhou-demo', '10.9.99.1, 192.0.2.210'), 429);
  });

  it("accepting an invitation with an existing account's password is limited like a sign-in", async () => {
    const admin = await h.as('admin@jhzx.demo');
    const res = await admin.post(`/api/orgs/${h.ids.orgs.jhzx}/invitations`, {
      name: '张',
      email: 'office@chengguan.demo',
      role: 'teacher',
    });
    const token = res.body.invitation.url!.split('/').pop();
    const accept = (password: string) =>
      new Client(h.app, {}, '192.0.2.220').post(`/api/invitations/${token}/accept`, { password });
    for (let i = 0; i < 5; i++) expectStatus(await accept(`wrong-password-${i}`), 401);
    const right = await accept('tongzhou-demo');
    expectStatus(right, 429);
    expect(right.headers.get('retry-after')).toBeTruthy();
  });
});

describe('auth: CSRF protection of cookie-authenticated writes', () => {
  it('refuses a write that a browser marks as cross-site', async () => {
    const wang = await h.as('wang@jhzx.demo');
    const res = await wang.patch(
      '/api/me',
      { locale: 'en' },
      { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    );
    expectStatus(res, 403);
    expect(res.body.error.code).toBe('csrf_rejected');
    const me = await wang.get('/api/me');
    expect(me.body.user.locale).toBe('zh');
  });

  it('accepts the same write from the app itself', async () => {
    const wang = await h.as('wang@jhzx.demo');
    const res = await wang.patch(
      '/api/me',
      { locale: 'en' },
      { origin: 'http://localhost', 'sec-fetch-site': 'same-origin' },
    );
    expectStatus(res, 200);
    expect(res.body.user.locale).toBe('en');
    expectStatus(await wang.patch('/api/me', { locale: 'zh' }), 200);
  });
});

describe('auth: one’s own profile', () => {
  it('a change is recorded with what it changed; choosing what is already set changes and records nothing', async () => {
    const li = await h.as('li@jhxx.demo');
    const events = async () =>
      (await li.get('/api/audit')).body.items.filter(
        (e) => e.action === 'user.update' && e.entityId === h.ids.users.li,
      );
    const before = (await events()).length;
    expectStatus(await li.patch('/api/me', { locale: 'zh' }), 200);
    expect(await events()).toHaveLength(before);
    expectStatus(await li.patch('/api/me', { locale: 'en', name: '李雪梅' }), 200);
    const after = await events();
    expect(after).toHaveLength(before + 1);
    expect(after[0]).toMatchObject({ before: { locale: 'zh' }, after: { locale: 'en' } });
    expectStatus(await li.patch('/api/me', { locale: 'zh' }), 200);
  });
});

describe('auth: bearer tokens for scripts', () => {
  it('creates a token shown once, which then works as Authorization: Bearer, and can be revoked', async () => {
    const admin = await h.as('admin@jhzx.demo');
    const created = await admin.post('/api/auth/tokens', { name: 'timetable sync', expiresInDays: 30 });
    expectStatus(created, 201);
    const { token, id } = created.body.token;
    expect(token).toMatch(/^tzk_/);

    const script = new Client(h.app, { bearer: token });
    const me = await script.get('/api/me');
    expectStatus(me, 200);
    expect(me.body.user.email).toBe('admin@jhzx.demo');

    const list = await admin.get('/api/auth/tokens');
    expect(list.body.items.map((t) => t.name)).toContain('timetable sync');
    expect(JSON.stringify(list.body)).not.toContain(token);

    expectStatus(await admin.delete(`/api/auth/tokens/${id}`), 204);
    const after = await script.get('/api/me');
    expectStatus(after, 401);
    expect(after.body.error.code).toBe('unauthenticated');
  });

  it('a session cookie value is not accepted as a bearer token', async () => {
    const res = await h.login('li@jhxx.demo');
    const value = res.headers.get('set-cookie')!.split(';')[0]!.split('=')[1]!;
    expectStatus(await new Client(h.app, { bearer: value }).get('/api/me'), 401);
  });

  it('a token cannot make tokens: a leaked one cannot outlive its own revocation', async () => {
    const admin = await h.as('admin@jhzx.demo');
    const created = await admin.post('/api/auth/tokens', { name: 'sync' });
    const script = new Client(h.app, { bearer: created.body.token.token });
    const minted = await script.post('/api/auth/tokens', { name: 'spare' });
    expectStatus(minted, 403);
    expect((await admin.get('/api/auth/tokens')).body.items.map((t) => t.name)).not.toContain('spare');
  });

  it("another person cannot revoke someone's token: 404", async () => {
    const admin = await h.as('admin@jhzx.demo');
    const created = await admin.post('/api/auth/tokens', { name: 'mine' });
    const other = await h.as('admin@xiling.demo');
    expectStatus(await other.delete(`/api/auth/tokens/${created.body.token.id}`), 404);
  });
});

describe('auth: password change', () => {
  it('needs the current password, then signs out other sessions', async () => {
    const first = await h.login('admin@jhxx.demo');
    const other = new Client(h.app, { cookie: first.headers.get('set-cookie')!.split(';')[0]! });
    const second = await h.login('admin@jhxx.demo');
    const me = new Client(h.app, { cookie: second.headers.get('set-cookie')!.split(';')[0]! });
    const wrong = await me.post('/api/me/password', { currentPassword: 'nope', newPassword: 'a-new-long-password' });
    expectStatus(wrong, 400);
    expect(detailsOf(wrong, 'fields').currentPassword).toBeTruthy();
    const short = await me.post('/api/me/password', { currentPassword: 'tongzhou-demo', newPassword: 'short' });
    expectStatus(short, 400);
    expect(detailsOf(short, 'fields').newPassword).toBeTruthy();
    expectStatus(
      await me.post('/api/me/password', { currentPassword: 'tongzhou-demo', newPassword: 'a-new-long-password' }),
      204,
    );
    expectStatus(await other.get('/api/me'), 401);
    expectStatus(await h.login('admin@jhxx.demo', 'a-new-long-password', '203.0.113.50'), 200);
  });
});
