// Walks every route in openapi.json as 西岭中学's admin (another group), with 京华's record ids in the
// path, and accepts only 401/403/404: another organisation's records do not exist for them.
import { describe, expect, it } from 'vitest';
import { expectStatus, type OpenApiDoc, useHarness } from '../support/harness';

const h = useHarness();

/** A path parameter filled with a record of 京华教育集团, chosen by its name. */
function jinghuaValue(param: string, path: string): string {
  if (param === 'identity') return `classroom:${h.ids.classrooms.beishan4_1}`;
  if (path.startsWith('/api/classrooms')) return h.ids.classrooms.beishan4_1!;
  if (path.startsWith('/api/facilities')) return h.ids.facilities.gym!;
  if (path.startsWith('/api/bookings')) return 'BOOKING';
  if (path.startsWith('/api/closures')) return 'CLOSURE';
  if (path.startsWith('/api/resources')) return 'RESOURCE';
  if (path.startsWith('/api/lessons')) return 'LESSON';
  if (path.startsWith('/api/orgs')) return h.ids.orgs.jhzx!;
  if (path.startsWith('/api/memberships')) return 'MEMBERSHIP';
  if (param === 'token') return 'x'.repeat(43);
  return h.ids.orgs.jinghua!;
}

const sampleQuery = `?from=${encodeURIComponent('2030-03-05T00:00:00+08:00')}&to=${encodeURIComponent('2030-03-06T00:00:00+08:00')}`;
// A body valid for every route, so that what answers is the access check, not input validation.
const sampleBody = {
  name: '测试',
  email: 'probe@example.com',
  role: 'teacher',
  address: 'x',
  locale: 'en',
  grade: 3,
  reason: '测试',
  resourceId: '00000000-0000-4000-8000-000000000000',
  // A month ahead: within every route's bounds (lessons are scheduled at most two years ahead).
  startsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
  endsAt: new Date(Date.now() + 30 * 86_400_000 + 3_600_000).toISOString(),
  purpose: '测试',
  decision: 'publish',
  body: '测试',
  title: '测试',
  allowed: true,
  source: 'microphone',
  rating: 3,
};

describe('tenancy: another group sees nothing of 京华', () => {
  it('every route with an id answers 401/403/404 to 西岭中学’s admin', async () => {
    const spec = (await h.anon.raw('GET', '/api/openapi.json')).body as OpenApiDoc;
    const xiling = await h.as('admin@xiling.demo');
    const leader = await h.as('leader@jinghua.demo');
    const members = await leader.get(`/api/orgs/${h.ids.orgs.jhzx}/members`);
    const membershipId = members.body.items[0]!.membershipId;
    const bookingId = (await leader.get('/api/bookings?scope=to_approve')).body.items[0]!.id;
    const closure = await leader.post('/api/closures', {
      schoolId: h.ids.orgs.jhzx!,
      startsOn: '2030-01-01',
      endsOn: '2030-01-02',
      reason: '元旦',
    });
    const upload = new FormData();
    upload.set(
      'meta',
      JSON.stringify({ title: '京华的课件', subject: 'math', grade: 4, kind: 'courseware', visibility: 'group' }),
    );
    upload.set('file', new Blob([new TextEncoder().encode('%PDF-1.4\n%%EOF\n')]), 'x.pdf');
    const resource = await (await h.as('wang@jhzx.demo')).raw('POST', '/api/resources', upload);
    const lesson = await (await h.as('wang@jhzx.demo')).post('/api/lessons', {
      title: '京华的直播课',
      subject: 'math',
      grade: 4,
      startsAt: new Date(Date.now() + 300_000).toISOString(),
      endsAt: new Date(Date.now() + 3_000_000).toISOString(),
      classroomIds: [h.ids.classrooms.beishan4_1!],
    });
    const stand: Record<string, string> = {
      MEMBERSHIP: membershipId,
      BOOKING: bookingId,
      CLOSURE: closure.body.closure.id,
      RESOURCE: resource.body.resource.id,
      LESSON: lesson.body.lesson.id,
    };
    let checked = 0;
    for (const [path, ops] of Object.entries(spec.paths)) {
      if (!path.includes('{')) continue;
      // Invitation links are capabilities, not records: anyone holding the link may use it.
      if (path.startsWith('/api/invitations/') || path.startsWith('/api/calendar/')) continue;
      // Own tokens only; another person's token id is simply not found.
      for (const method of Object.keys(ops)) {
        const url = path.replace(/\{(\w+)\}/g, (_, p) => {
          const v = jinghuaValue(p, path);
          return stand[v] ?? v;
        });
        const isCsv = !!ops[method]?.requestBody?.content?.['text/csv'];
        const res = await xiling.raw(
          method.toUpperCase(),
          `${url}${sampleQuery}`,
          isCsv ? 'name,email,role,school_code\n' : method === 'get' ? undefined : sampleBody,
          isCsv ? { 'content-type': 'text/csv' } : {},
        );
        if (![401, 403, 404].includes(res.status))
          throw new Error(`${method.toUpperCase()} ${url} answered ${res.status}: ${res.text.slice(0, 300)}`);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(8);
  });

  it('every list route omits 京华’s records for 西岭中学’s admin', async () => {
    const spec = (await h.anon.raw('GET', '/api/openapi.json')).body as OpenApiDoc;
    const xiling = await h.as('admin@xiling.demo');
    const secrets = [
      h.ids.orgs.jhzx,
      h.ids.orgs.jinghua,
      h.ids.orgs.beishan,
      h.ids.classrooms.beishan4_1,
      h.ids.users.wang,
      h.ids.facilities.gym,
      '京华',
    ];
    for (const [path, ops] of Object.entries(spec.paths)) {
      if (path.includes('{') || !ops.get || path === '/api/openapi.json') continue;
      const res = await xiling.raw('GET', path === '/api/closures' ? `${path}?schoolId=${h.ids.orgs.xiling}` : path);
      expect(res.status, `GET ${path}: ${res.text.slice(0, 200)}`).toBeLessThan(500);
      for (const s of secrets) expect(res.text, `GET ${path} leaks ${s}`).not.toContain(s);
    }
  });

  it('unauthenticated callers get 401 on every route but health, openapi, login and invitation links', async () => {
    const spec = (await h.anon.raw('GET', '/api/openapi.json')).body as OpenApiDoc;
    const open = new Set([
      '/api/livekit/webhook',
      '/api/calendar/{file}',
      '/api/health',
      '/api/auth/login',
      '/api/auth/logout',
      '/api/invitations/{token}',
      '/api/invitations/{token}/accept',
    ]);
    for (const [path, ops] of Object.entries(spec.paths)) {
      if (open.has(path)) continue;
      for (const method of Object.keys(ops)) {
        const url = path.replace(/\{\w+\}/g, h.ids.orgs.jhzx!);
        const isCsv = !!ops[method]?.requestBody?.content?.['text/csv'];
        const res = await h.anon.raw(
          method.toUpperCase(),
          url,
          isCsv ? 'a' : method === 'get' ? undefined : sampleBody,
          isCsv ? { 'content-type': 'text/csv' } : {},
        );
        expectStatus(res, 401);
      }
    }
  });
});
