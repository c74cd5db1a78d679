import { describe, expect, it } from 'vitest';
import { nextWeekday } from '../../server/db/seed';
import { byCodePoint } from '../../shared/order';
import { type BodyOf, detailsOf, expectStatus, useHarness } from '../support/harness';
import { addDays, slot } from '../support/time';

const h = useHarness();
const weekdays = Object.fromEntries(['1', '2', '3', '4', '5'].map((d) => [d, [{ start: '08:00', end: '18:00' }]]));

describe('facilities: who sees what', () => {
  it("a teacher of the group sees the group's and district's shared facilities, not another group's pool", async () => {
    const li = await h.as('li@jhxx.demo');
    const res = await li.get('/api/facilities');
    expectStatus(res, 200);
    const names = res.body.items.map((f) => f.name);
    expect(names).toEqual(expect.arrayContaining(['体育馆', '化学实验室', '报告厅', '城关科技馆', '音乐教室']));
    expect(names).not.toContain('游泳馆');
    expect(res.body.items.find((f) => f.name === '化学实验室')).toMatchObject({
      schoolName: '京华实验中学',
      capacity: 48,
      approvalRequired: false,
      canManage: false,
    });
  });

  it("another group's admin sees their own pool and what 京华 opens to the public; 京华's other facilities are 404", async () => {
    const xiling = await h.as('admin@xiling.demo');
    const res = await xiling.get('/api/facilities');
    // 京华实验中学's sports ground is shared with the public (its public page lists it): everyone sees it.
    expect(res.body.items.map((f) => [f.name, f.scope])).toEqual([
      ['田径场', 'public'],
      ['游泳馆', 'group'],
    ]);
    expectStatus(await xiling.get(`/api/facilities/${h.ids.facilities.chemLab}`), 404);
    const s = slot(4, 9, 10);
    expectStatus(
      await xiling.get(
        `/api/facilities/${h.ids.facilities.chemLab}/availability?from=${encodeURIComponent(s.startsAt)}&to=${encodeURIComponent(s.endsAt)}`,
      ),
      404,
    );
  });

  it('filters by kind, capacity and words in the name, school or equipment', async () => {
    const li = await h.as('li@jhxx.demo');
    expect((await li.get('/api/facilities?kind=lab')).body.items.map((f) => f.name)).toEqual(['化学实验室']);
    expect((await li.get('/api/facilities?capacity=200')).body.items.map((f) => f.name).sort()).toEqual(
      ['报告厅', '体育馆', '田径场'].sort(),
    );
    expect((await li.get(`/api/facilities?q=${encodeURIComponent('实验室')}`)).body.items.map((f) => f.name)).toEqual([
      '化学实验室',
    ]);
    expect((await li.get(`/api/facilities?q=${encodeURIComponent('钢琴')}`)).body.items.map((f) => f.name)).toEqual([
      '音乐教室',
    ]);
  });
});

describe('facilities: what is free', () => {
  it('finds facilities open and free for a window, for so many people', async () => {
    const li = await h.as('li@jhxx.demo');
    const seeded = slot(3, 14, 16, 2); // the gym is held (pending) then
    const q = (from: string, to: string, extra = '') =>
      li.get(`/api/facilities?freeFrom=${encodeURIComponent(from)}&freeTo=${encodeURIComponent(to)}${extra}`);
    const names = (
      await q(seeded.startsAt.replace('14:00', '15:00'), seeded.endsAt.replace('16:00', '17:30'))
    ).body.items.map((f) => f.name);
    expect(names).not.toContain('体育馆'); // taken
    expect(names).toContain('化学实验室'); // open weekdays 08–18
    expect(names).not.toContain('音乐教室'); // closes at 17:00
    const evening = (
      await q(seeded.startsAt.replace('14:00', '19:00'), seeded.endsAt.replace('16:00', '20:00'))
    ).body.items.map((f) => f.name);
    expect(evening).toContain('体育馆');
    expect(evening).not.toContain('化学实验室');
    const big = (await q(seeded.startsAt, seeded.endsAt, '&capacity=200')).body.items.map((f) => f.name);
    expect(big).toEqual(['报告厅']);
    // A window of a century is refused at once, at its field, not worked out day by day.
    const century = await q('2000-01-01T00:00:00+08:00', '2099-12-31T00:00:00+08:00', '&partly=1');
    expectStatus(century, 400);
    expect(detailsOf(century, 'problems')).toEqual([{ field: 'freeTo', code: 'too_large', max: 31 }]);
  });

  it('partly free facilities come with their free times, and ones not free then with the nearest day they are', async () => {
    const li = await h.as('li@jhxx.demo');
    const seeded = slot(3, 14, 16, 2); // the gym is held (pending) 14:00–16:00
    const from = seeded.startsAt.replace('14:00', '15:00');
    const to = seeded.endsAt.replace('16:00', '17:30');
    const res = await li.get(
      `/api/facilities?freeFrom=${encodeURIComponent(from)}&freeTo=${encodeURIComponent(to)}&partly=1`,
    );
    expectStatus(res, 200);
    const byName = Object.fromEntries(res.body.items.map((f) => [f.name, f]));
    const hhmm = (s?: { startsAt: string; endsAt: string }[]) =>
      s?.map((x) => `${x.startsAt.slice(11, 16)}–${x.endsAt.slice(11, 16)}`);
    expect(hhmm(byName['化学实验室']?.free)).toEqual(['15:00–17:30']);
    expect(hhmm(byName['体育馆']?.free)).toEqual(['16:00–17:30']);
    expect(hhmm(byName['音乐教室']?.free)).toEqual(['15:00–17:00']);
    // Free for all of it first, then the most free.
    const order = res.body.items.map((f) => f.name);
    expect(order.indexOf('化学实验室')).toBeLessThan(order.indexOf('音乐教室'));
    expect(order.indexOf('音乐教室')).toBeLessThan(order.indexOf('体育馆'));

    // A Saturday afternoon: the lab (weekdays only) is not free then; the soonest weekday at the same hours is.
    const saturday = slot(6, 14, 16, 2);
    const weekend = await li.get(
      `/api/facilities?freeFrom=${encodeURIComponent(saturday.startsAt)}&freeTo=${encodeURIComponent(saturday.endsAt)}&partly=1&kind=lab`,
    );
    const lab = weekend.body.items.find((f) => f.name === '化学实验室');
    expect(lab?.free).toEqual([]);
    expect(lab?.nextFree).toEqual({
      startsAt: `${addDays(saturday.day, 2)}T14:00:00+08:00`,
      endsAt: `${addDays(saturday.day, 2)}T16:00:00+08:00`,
    });
  });
});

describe('facilities: listing and editing', () => {
  it('a school admin lists a facility of the school; a teacher may not; another group may not see the school', async () => {
    const admin = await h.as('admin@jhzx.demo');
    const input: BodyOf<'POST', '/api/facilities'> = {
      name: '物理实验室',
      kind: 'lab',
      capacity: 45,
      scope: 'group',
      approvalRequired: false,
      openingHours: weekdays,
      equipment: ['示波器'],
    };
    const res = await admin.post('/api/facilities', input);
    expectStatus(res, 201);
    expect(res.body.facility).toMatchObject({
      name: '物理实验室',
      schoolName: '京华实验中学',
      canManage: true,
      equipment: ['示波器'],
    });
    expectStatus(await admin.post('/api/facilities', input), 409);
    const wang = await h.as('wang@jhzx.demo');
    expectStatus(await wang.post('/api/facilities', { ...input, name: 'x', schoolId: h.ids.orgs.jhzx }), 403);
    const xiling = await h.as('admin@xiling.demo');
    expectStatus(await xiling.post('/api/facilities', { ...input, schoolId: h.ids.orgs.jhzx }), 404);
  });

  it('validates opening hours', async () => {
    const admin = await h.as('admin@jhzx.demo');
    const res = await admin.post('/api/facilities', {
      name: 'x',
      kind: 'gym',
      capacity: 10,
      openingHours: { '1': [{ start: '18:00', end: '08:00' }] },
    });
    expectStatus(res, 400);
    expect(Object.keys(detailsOf(res, 'fields'))[0]).toMatch(/^openingHours/);
  });

  it('a retired facility keeps its bookings and takes no new ones', async () => {
    const admin = await h.as('admin@jhzx.demo');
    const created = await admin.post('/api/facilities', {
      name: '旧机房',
      kind: 'computer_room',
      capacity: 30,
      approvalRequired: false,
      openingHours: weekdays,
    });
    const fid = created.body.facility.id;
    const s = slot(2, 9, 10);
    const booked = await admin.post('/api/bookings', { facilityId: fid, ...s, purpose: '信息课' });
    expectStatus(booked, 201);
    expectStatus(await admin.post(`/api/facilities/${fid}/retire`), 200);
    const again = await admin.post('/api/bookings', { facilityId: fid, ...slot(3, 9, 10), purpose: '信息课' });
    expectStatus(again, 409);
    expect(again.body.error.code).toBe('invalid_state');
    expect((await admin.get(`/api/bookings/${booked.body.booking.id}`)).body.booking.status).toBe('approved');
    expect((await admin.get('/api/facilities')).body.items.map((f) => f.name)).not.toContain('旧机房');
    expect(
      (await admin.get('/api/facilities?includeRetired=1')).body.items.find((f) => f.name === '旧机房')!.retired,
    ).toBe(true);
  });
});

describe('facilities: availability', () => {
  it('answers busy slots with their status and the open hours', async () => {
    const li = await h.as('li@jhxx.demo');
    const s = slot(3, 0, 0, 2);
    const from = `${s.day}T00:00:00+08:00`;
    const to = `${s.day}T23:59:00+08:00`;
    const res = await li.get(
      `/api/facilities/${h.ids.facilities.gym}/availability?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
    );
    expectStatus(res, 200);
    expect(res.body.busy).toEqual([
      { startsAt: `${s.day}T14:00:00+08:00`, endsAt: `${s.day}T16:00:00+08:00`, status: 'pending' },
    ]);
    expect(res.body.open).toEqual([{ startsAt: `${s.day}T08:00:00+08:00`, endsAt: `${s.day}T21:00:00+08:00` }]);
  });

  it('shows a block-out as blocked and a closed day as closed, with no open hours that day (one read)', async () => {
    const admin = await h.as('admin@jhzx.demo');
    const lab = h.ids.facilities.chemLab!;
    // A Monday and the Tuesday after it, weeks ahead of the demo's bookings.
    const blockDay = slot(1, 0, 0, 40).day;
    const closedDay = addDays(blockDay, 1);
    const block = await admin.post(`/api/facilities/${lab}/blocks`, {
      startsAt: `${blockDay}T09:00:00+08:00`,
      endsAt: `${blockDay}T11:00:00+08:00`,
      reason: '设备检修',
    });
    expectStatus(block, 201);
    const closure = await admin.post('/api/closures', {
      schoolId: h.ids.orgs.jhzx!,
      facilityId: lab,
      startsOn: closedDay,
      endsOn: closedDay,
      reason: '消防检查',
    });
    expectStatus(closure, 201);
    const from = `${blockDay}T00:00:00+08:00`;
    const to = `${closedDay}T23:59:00+08:00`;
    const res = await admin.get(
      `/api/facilities/${lab}/availability?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
    );
    expectStatus(res, 200);
    expect(res.body.busy).toContainEqual({
      startsAt: `${blockDay}T09:00:00+08:00`,
      endsAt: `${blockDay}T11:00:00+08:00`,
      status: 'blocked',
    });
    expect(res.body.busy).toContainEqual({
      startsAt: `${closedDay}T00:00:00+08:00`,
      endsAt: expect.stringMatching(/T00:00:00\+08:00$/),
      status: 'closed',
    });
    expect(res.body.open.some((o) => o.startsAt.startsWith(closedDay))).toBe(false);
    expect(res.body.open.some((o) => o.startsAt.startsWith(blockDay))).toBe(true);
  });

  it('refuses a reversed or too long range with 400', async () => {
    const li = await h.as('li@jhxx.demo');
    const res = await li.get(
      `/api/facilities/${h.ids.facilities.gym}/availability?from=2026-12-10T00:00:00%2B08:00&to=2026-12-01T00:00:00%2B08:00`,
    );
    expectStatus(res, 400);
    expect(detailsOf(res, 'fields').to).toBeTruthy();
  });
});

describe('facilities: group view of sharing', () => {
  it('counts hours held, not booked: the approved booking of the coming Thursday is no shared hour yet', async () => {
    const leader = await h.as('leader@jinghua.demo');
    // A report of that Thursday (京华实验小学 in the chemistry lab, 2 approved hours) counts only what has happened by
    // now: it reads as today's. (What is held and when is counted in test/server/reports.test.ts.)
    const thursday = await leader.get(
      `/api/reports/facility-usage?orgId=${h.ids.orgs.jinghua}&at=${nextWeekday(4, 2)}`,
    );
    expectStatus(thursday, 200);
    const today = await leader.get(`/api/reports/facility-usage?orgId=${h.ids.orgs.jinghua}`);
    expect(thursday.body.schools).toEqual(today.body.schools);
    expect(thursday.body.facilities).toEqual(today.body.facilities);
    const byName = Object.fromEntries(today.body.schools.map((s) => [s.name, s]));
    expect(byName['北山乡中心小学']).toMatchObject({ rural: true, supported: true, lentHours: 0 });
    // Each school's lending is what the others borrowed from it.
    const lent = today.body.schools.reduce((a, s) => a + s.lentHours, 0);
    const borrowed = today.body.schools.reduce((a, s) => a + s.borrowedHours, 0);
    expect(Math.round(lent * 10)).toBe(Math.round(borrowed * 10));
    // Schools in a fixed order by name (by code point, as COLLATE "C"), never ranked.
    const names = today.body.schools.map((s) => s.name);
    expect(names).toEqual([...names].sort(byCodePoint));
    expectStatus(
      await (await h.as('admin@xiling.demo')).get(`/api/reports/facility-usage?orgId=${h.ids.orgs.jinghua}`),
      404,
    );
  });
});

describe('facilities: photos', () => {
  const png = Uint8Array.from([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6,
    0, 0, 0, 0x1f, 0x15, 0xc4, 0x89,
  ]);
  const form = (bytes: Uint8Array, name: string) => {
    const f = new FormData();
    f.set('file', new Blob([bytes as Uint8Array<ArrayBuffer>]), name);
    return f;
  };
  it("the owner's admin adds a photo that everyone who may book sees; only images are taken", async () => {
    const admin = await h.as('admin@jhzx.demo');
    const res = await admin.raw('POST', `/api/facilities/${h.ids.facilities.gym}/photos`, form(png, '体育馆.png'));
    expectStatus(res, 201);
    const li = await h.as('li@jhxx.demo');
    const facility = await li.get(`/api/facilities/${h.ids.facilities.gym}`);
    expect(facility.body.facility.photos).toEqual([res.body.photo]);
    const image = await li.raw('GET', res.body.photo.url);
    expectStatus(image, 200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(image.text.length).toBe(png.length);
    expectStatus(
      await admin.raw(
        'POST',
        `/api/facilities/${h.ids.facilities.gym}/photos`,
        form(new TextEncoder().encode('%PDF-1.4\n%%EOF'), 'x.png'),
      ),
      415,
    );
    expectStatus(await li.raw('POST', `/api/facilities/${h.ids.facilities.gym}/photos`, form(png, 'x.png')), 403);
    const xiling = await h.as('admin@xiling.demo');
    expectStatus(await xiling.raw('GET', res.body.photo.url), 404);
    expectStatus(await admin.raw('DELETE', res.body.photo.url), 204);
    expect((await li.get(`/api/facilities/${h.ids.facilities.gym}`)).body.facility.photos).toEqual([]);
  });
});
