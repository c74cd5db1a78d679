import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rowsOf } from '../../server/lib/db';
import { toLocal } from '../../server/modules/bookings/bookings.rules';
import { detailsOf, expectStatus, useHarness } from '../support/harness';
import { addDays, slot } from '../support/time';

const h = useHarness();
const lab = () => h.ids.facilities.chemLab!;
const gym = () => h.ids.facilities.gym!;

describe('bookings: booking a slot', () => {
  it('books the chemistry lab at once (no approval), and the same time again is 409 with what it clashes with and free slots', async () => {
    const li = await h.as('li@jhxx.demo');
    const s = slot(1, 14, 15.5, 8);
    const res = await li.post('/api/bookings', {
      facilityId: lab(),
      ...s,
      purpose: '科学课：溶液的配制',
      attendees: 40,
    });
    expectStatus(res, 201);
    expect(res.body.booking).toMatchObject({
      status: 'approved',
      facilityName: '化学实验室',
      borrowerSchoolName: '京华实验小学',
      startsAt: s.startsAt,
      endsAt: s.endsAt,
    });

    const clash = await (await h.as('zhang@jhzx.demo')).post('/api/bookings', {
      facilityId: lab(),
      startsAt: s.startsAt.replace('14:00', '15:00'),
      endsAt: s.endsAt.replace('15:30', '16:30'),
      purpose: '化学实验',
    });
    expectStatus(clash, 409);
    expect(clash.body.error.code).toBe('booking_conflict');
    expect(detailsOf(clash, 'conflicts')[0]!.with).toEqual([
      { startsAt: s.startsAt, endsAt: s.endsAt, status: 'approved' },
    ]);
    expect(detailsOf(clash, 'suggestions').length).toBeGreaterThan(0);
    for (const free of detailsOf(clash, 'suggestions')) {
      expect(free.endsAt <= s.startsAt || free.startsAt >= s.endsAt).toBe(true);
    }
  });

  it('back-to-back is fine: intervals are half-open', async () => {
    const li = await h.as('li@jhxx.demo');
    // Late afternoon: the demo's own Tuesday booking of the lab (9–11, two to nine days ahead) falls on this Tuesday
    // when the tests run on a Monday in Beijing.
    const a = slot(2, 16, 17, 8);
    const b = slot(2, 17, 18, 8);
    expectStatus(await li.post('/api/bookings', { facilityId: lab(), ...a, purpose: 'a' }), 201);
    expectStatus(await li.post('/api/bookings', { facilityId: lab(), ...b, purpose: 'b' }), 201);
  });

  it('checks opening hours, length, capacity and notice with errors naming the rule', async () => {
    const li = await h.as('li@jhxx.demo');
    const late = await li.post('/api/bookings', { facilityId: lab(), ...slot(3, 17, 19, 8), purpose: 'x' });
    expectStatus(late, 400);
    expect(detailsOf(late, 'fields').startsAt!.join()).toMatch(/opening hours/);
    const crowd = await li.post('/api/bookings', {
      facilityId: lab(),
      ...slot(3, 9, 10, 8),
      purpose: 'x',
      attendees: 49,
    });
    expect(detailsOf(crowd, 'fields').startsAt!.join()).toMatch(/capacity of 48/);
    // …and as codes with their figures, which the web app words in the reader's language.
    expect(detailsOf(late, 'problems')).toEqual([
      { field: 'startsAt', code: 'outside_opening_hours', startsAt: expect.any(String) },
    ]);
    expect(detailsOf(crowd, 'problems')).toMatchObject([{ field: 'startsAt', code: 'over_capacity', capacity: 48 }]);
    const admin = await h.as('admin@jhzx.demo');
    const allDay = Object.fromEntries(
      ['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [{ start: '00:00', end: '24:00' }]]),
    );
    const site = await admin.post('/api/facilities', {
      name: '天文台',
      kind: 'practice_site',
      capacity: 20,
      approvalRequired: false,
      minNoticeHours: 72,
      openingHours: allDay,
    });
    const tomorrow = addDays(toLocal(new Date()).date, 1);
    const soon = await li.post('/api/bookings', {
      facilityId: site.body.facility.id,
      startsAt: `${tomorrow}T10:00:00+08:00`,
      endsAt: `${tomorrow}T11:00:00+08:00`,
      purpose: 'x',
    });
    expectStatus(soon, 400);
    expect(detailsOf(soon, 'fields').startsAt!.join()).toMatch(/at least 72 h ahead/);
    const reversed = await li.post('/api/bookings', {
      facilityId: lab(),
      startsAt: '2026-12-10T10:00:00+08:00',
      endsAt: '2026-12-10T09:00:00+08:00',
      purpose: 'x',
    });
    expectStatus(reversed, 400);
    expect(detailsOf(reversed, 'fields').endsAt).toBeTruthy();
  });
});

describe('bookings: approval', () => {
  it('the gym waits for the owner; the admin approves once; a second approve is 409 invalid_state; the booker is told', async () => {
    const li = await h.as('li@jhxx.demo');
    const res = await li.post('/api/bookings', {
      facilityId: gym(),
      ...slot(5, 15, 17, 8),
      purpose: '篮球训练',
      attendees: 30,
    });
    expectStatus(res, 201);
    expect(res.body.booking.status).toBe('pending');
    const id = res.body.booking.id;

    const admin = await h.as('admin@jhzx.demo');
    const queue = await admin.get('/api/bookings?scope=to_approve');
    expect(queue.body.items.map((b) => b.id)).toContain(id);
    expect((await li.get('/api/bookings?scope=to_approve')).body.items).toEqual([]);
    const adminNotices = await admin.get('/api/notifications');
    expect(adminNotices.body.items.some((n) => n.kind === 'booking.pending' && n.bookingId === id)).toBe(true);

    const [first, second] = await Promise.all([
      admin.post(`/api/bookings/${id}/approve`),
      admin.post(`/api/bookings/${id}/approve`),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    expect([first, second].find((r) => r.status === 409)!.body.error.code).toBe('invalid_state');

    const notices = await li.get('/api/notifications');
    expect(notices.body.unread).toBeGreaterThan(0);
    expect(notices.body.items[0]).toMatchObject({ kind: 'booking.approved', bookingId: id, read: false });
    expect((await li.post('/api/notifications/read', {})).body.unread).toBe(0);
  });

  it('a booking waiting when its day is closed is not approved for that day; declining it still works', async () => {
    const li = await h.as('li@jhxx.demo');
    const when = slot(4, 15, 17, 29);
    const res = await li.post('/api/bookings', { facilityId: gym(), ...when, purpose: '篮球友谊赛', attendees: 30 });
    expect(res.body.booking.status).toBe('pending');
    const admin = await h.as('admin@jhzx.demo');
    const closure = {
      schoolId: h.ids.orgs.jhzx!,
      facilityId: gym(),
      startsOn: when.day,
      endsOn: when.day,
      reason: '场馆消毒',
    };
    expectStatus(await admin.post('/api/closures', closure), 201);
    const approve = await admin.post(`/api/bookings/${res.body.booking.id}/approve`);
    expectStatus(approve, 409);
    expect(approve.body.error).toMatchObject({ code: 'conflict', details: { reason: 'closed' } });
    expect(approve.body.error.message).toContain('场馆消毒');
    const declined = await admin.post(`/api/bookings/${res.body.booking.id}/decline`, { reason: '场馆消毒' });
    expectStatus(declined, 200);
    // Decided already: approving it says that, not that the day is closed.
    const again = await admin.post(`/api/bookings/${res.body.booking.id}/approve`);
    expect(again.body.error?.code).toBe('invalid_state');
  });

  it('the group leader may approve too; a teacher may not; another group cannot see it', async () => {
    const li = await h.as('li@jhxx.demo');
    const res = await li.post('/api/bookings', { facilityId: gym(), ...slot(6, 9, 11, 8), purpose: '运动会彩排' });
    const id = res.body.booking.id;
    expectStatus(await (await h.as('wang@jhzx.demo')).post(`/api/bookings/${id}/approve`), 404);
    expectStatus(await (await h.as('admin@xiling.demo')).post(`/api/bookings/${id}/approve`), 404);
    const declined = await (await h.as('leader@jinghua.demo')).post(`/api/bookings/${id}/decline`, {
      reason: '当天场馆检修',
    });
    expectStatus(declined, 200);
    expect(declined.body.booking).toMatchObject({ status: 'declined', decisionReason: '当天场馆检修' });
    expectStatus(await li.post(`/api/bookings/${id}/cancel`), 409);
  });

  it('bulk approval answers for each booking', async () => {
    const li = await h.as('li@jhxx.demo');
    const a = await li.post('/api/bookings', { facilityId: gym(), ...slot(1, 9, 10, 15), purpose: '体育课 A' });
    const b = await li.post('/api/bookings', { facilityId: gym(), ...slot(1, 10, 11, 15), purpose: '体育课 B' });
    const admin = await h.as('admin@jhzx.demo');
    const res = await admin.post('/api/bookings/bulk', {
      action: 'approve',
      ids: [a.body.booking.id, b.body.booking.id, a.body.booking.id],
    });
    expectStatus(res, 200);
    expect(res.body.results.map((r) => [r.ok, r.booking?.status])).toEqual([
      [true, 'approved'],
      [true, 'approved'],
    ]);
  });

  it('the booker cancels with a reason; someone else cannot', async () => {
    const li = await h.as('li@jhxx.demo');
    const res = await li.post('/api/bookings', { facilityId: lab(), ...slot(4, 8, 9, 15), purpose: '实验' });
    expectStatus(await (await h.as('zhao@beishan.demo')).post(`/api/bookings/${res.body.booking.id}/cancel`), 404);
    const cancelled = await li.post(`/api/bookings/${res.body.booking.id}/cancel`, { reason: '调课' });
    expect(cancelled.body.booking).toMatchObject({ status: 'cancelled', cancelReason: '调课' });
    // The slot is free again.
    expectStatus(await li.post('/api/bookings', { facilityId: lab(), ...slot(4, 8, 9, 15), purpose: '实验' }), 201);
  });

  it('a group leader books on behalf of a rural school, and the record says so', async () => {
    const leader = await h.as('leader@jinghua.demo');
    const res = await leader.post('/api/bookings', {
      facilityId: lab(),
      ...slot(5, 9, 11, 15),
      purpose: '北山乡中心小学科学实践',
      forSchoolId: h.ids.orgs.beishan,
    });
    expectStatus(res, 201);
    expect(res.body.booking).toMatchObject({
      borrowerSchoolName: '北山乡中心小学',
      onBehalf: true,
      bookerName: '刘建国',
    });
    const audit = await leader.get(`/api/audit?orgId=${h.ids.orgs.jhzx}&entityType=booking`);
    expect(audit.body.items.find((e) => e.entityId === res.body.booking.id)!.onBehalfOfOrgId).toBe(h.ids.orgs.beishan);
    expectStatus(
      await (await h.as('li@jhxx.demo')).post('/api/bookings', {
        facilityId: lab(),
        ...slot(5, 14, 15, 15),
        purpose: 'x',
        forSchoolId: h.ids.orgs.beishan,
      }),
      403,
    );
  });
});

describe('bookings: weekly series', () => {
  it('checks a series as a whole: with one clashing date nothing is booked, or the free dates when asked', async () => {
    const li = await h.as('li@jhxx.demo');
    const first = slot(3, 10, 11, 22);
    const taken = {
      startsAt: first.startsAt.replace(first.day, addDays(first.day, 14)),
      endsAt: first.endsAt.replace(first.day, addDays(first.day, 14)),
    };
    expectStatus(
      await (await h.as('zhang@jhzx.demo')).post('/api/bookings', { facilityId: lab(), ...taken, purpose: '占用' }),
      201,
    );
    const series = { facilityId: lab(), ...first, purpose: '每周科学实验', recurrence: { count: 4 } };

    const all = await li.post('/api/bookings', series);
    expectStatus(all, 409);
    expect(detailsOf(all, 'conflicts').map((c) => c.startsAt)).toEqual([taken.startsAt]);
    const mine = await li.get(`/api/bookings?scope=mine&from=${encodeURIComponent(first.startsAt)}`);
    expect(mine.body.items.filter((b) => b.purpose === '每周科学实验')).toEqual([]);

    const some = await li.post('/api/bookings', { ...series, conflicts: 'available' });
    expectStatus(some, 201);
    expect(some.body.bookings).toHaveLength(3);
    expect(some.body.clashed).toEqual([taken]);
    expect(new Set(some.body.bookings.map((b) => b.seriesId)).size).toBe(1);
  });

  it('skips closed days of the school', async () => {
    const admin = await h.as('admin@jhzx.demo');
    const first = slot(2, 14, 15, 29);
    const closed = addDays(first.day, 7);
    expectStatus(
      await admin.post('/api/closures', {
        schoolId: h.ids.orgs.jhzx!,
        startsOn: closed,
        endsOn: closed,
        reason: '期中考试',
      }),
      201,
    );
    const res = await (await h.as('li@jhxx.demo')).post('/api/bookings', {
      facilityId: lab(),
      ...first,
      purpose: '兴趣小组',
      recurrence: { weekdays: [2], count: 3 },
    });
    expectStatus(res, 201);
    expect(res.body.bookings.map((b) => b.startsAt.slice(0, 10))).toEqual([first.day, addDays(first.day, 14)]);
    expect(res.body.skipped).toEqual([expect.objectContaining({ reason: '期中考试' })]);
  });

  it('another group’s closure cannot be removed, and reads exactly like a closure that never was', async () => {
    const { day } = slot(3, 9, 10, 60);
    const input = { schoolId: h.ids.orgs.jhzx!, startsOn: day, endsOn: day, reason: '校庆' };
    const closure = await (await h.as('admin@jhzx.demo')).post('/api/closures', input);
    expectStatus(closure, 201);
    const xiling = await h.as('admin@xiling.demo');
    const theirs = await xiling.delete(`/api/closures/${closure.body.closure.id}`);
    const nobodys = await xiling.delete(`/api/closures/${randomUUID()}`);
    expectStatus(theirs, 404);
    expect(theirs.body).toEqual(nobodys.body);
    const still = await (await h.as('admin@jhzx.demo')).get(`/api/closures?schoolId=${h.ids.orgs.jhzx}`);
    expect(still.body.items.map((c) => c.id)).toContain(closure.body.closure.id);
  });
});

describe('bookings: what the form pre-fills', () => {
  it("the purpose comes from the teacher's last booking of that facility, else of its kind — never an unrelated one", async () => {
    const li = await h.as('li@jhxx.demo');
    const defaults = async (facilityId: string) =>
      (await li.get(`/api/bookings/defaults?facilityId=${facilityId}`)).body.purpose;
    const book = async (facilityId: string, purpose: string, s: ReturnType<typeof slot>) =>
      expectStatus(await li.post('/api/bookings', { facilityId, ...s, purpose }), 201);
    await book(lab(), '科学课：溶液的配制', slot(5, 8, 9, 30));
    await book(gym(), '课间操展示排练', slot(5, 9, 10, 30));
    expect(await defaults(lab())).toBe('科学课：溶液的配制');
    expect(await defaults(gym())).toBe('课间操展示排练');
    // She has never booked an auditorium: nothing is pre-filled (not the basketball match).
    expect(await defaults(h.ids.facilities.hall!)).toBeNull();
    // Another lab of the group takes the purpose of her chemistry lab booking.
    const admin = await h.as('admin@jhzx.demo');
    const physics = await admin.post('/api/facilities', {
      name: '物理实验室（二）',
      kind: 'lab',
      capacity: 40,
      approvalRequired: false,
      openingHours: { '1': [{ start: '08:00', end: '18:00' }] },
    });
    expect(await defaults(physics.body.facility.id)).toBe('科学课：溶液的配制');
  });
});

describe('bookings: quota and block-outs', () => {
  it('refuses what would exceed the borrowing school’s hours this term', async () => {
    const admin = await h.as('admin@jhzx.demo');
    const f = await admin.post('/api/facilities', {
      name: '舞蹈房',
      kind: 'other',
      capacity: 30,
      approvalRequired: false,
      quotaHoursPerTerm: 3,
      openingHours: Object.fromEntries(['1', '2', '3', '4', '5'].map((d) => [d, [{ start: '08:00', end: '18:00' }]])),
    });
    const li = await h.as('li@jhxx.demo');
    const s = slot(2, 9, 11, 10);
    expectStatus(await li.post('/api/bookings', { facilityId: f.body.facility.id, ...s, purpose: '舞蹈' }), 201);
    const over = await li.post('/api/bookings', {
      facilityId: f.body.facility.id,
      ...slot(3, 9, 11, 10),
      purpose: '舞蹈',
    });
    expectStatus(over, 400);
    expect(detailsOf(over, 'quota')).toMatchObject({ hours: 3, held: 2, requested: 2 });
    expect(detailsOf(over, 'problems')).toEqual([
      { field: 'startsAt', code: 'quota_exceeded', quota: 3, held: 2, requested: 2 },
    ]);
    // The owner school itself has no quota.
    expectStatus(
      await admin.post('/api/bookings', { facilityId: f.body.facility.id, ...slot(3, 9, 17, 10), purpose: '排练' }),
      201,
    );
  });

  it('blocking time out declines clashing pending bookings with a notice, and refuses over approved ones', async () => {
    const li = await h.as('li@jhxx.demo');
    const s = slot(4, 9, 11, 22);
    const pending = await li.post('/api/bookings', { facilityId: gym(), ...s, purpose: '羽毛球' });
    expect(pending.body.booking.status).toBe('pending');
    const admin = await h.as('admin@jhzx.demo');
    const block = await admin.post(`/api/facilities/${gym()}/blocks`, {
      startsAt: s.startsAt.replace('09:00', '08:00'),
      endsAt: s.endsAt.replace('11:00', '12:00'),
      reason: '地板维修',
    });
    expectStatus(block, 201);
    expect(block.body.declined.map((b) => [b.id, b.status])).toEqual([[pending.body.booking.id, 'declined']]);
    const notices = await li.get('/api/notifications');
    expect(notices.body.items[0]).toMatchObject({
      kind: 'booking.declined',
      data: expect.objectContaining({ reason: '地板维修' }),
    });
    const avail = await li.get(
      `/api/facilities/${gym()}/availability?from=${encodeURIComponent(s.startsAt)}&to=${encodeURIComponent(s.endsAt)}`,
    );
    expect(avail.body.busy.map((b) => b.status)).toEqual(['blocked']);

    const approved = slot(4, 14, 15, 22);
    await admin.post('/api/bookings', { facilityId: gym(), ...approved, purpose: '校队训练' });
    const refused = await admin.post(`/api/facilities/${gym()}/blocks`, { ...approved, reason: '考试' });
    expectStatus(refused, 409);
    expect(detailsOf(refused, 'conflicts')[0]!.with[0]).toMatchObject({ status: 'approved', purpose: '校队训练' });
  });
});

describe('bookings: concurrency', () => {
  it('200 concurrent requests for one slot: exactly one booked, 199 × 409, no overlapping active rows', async () => {
    const clients = await Promise.all(
      ['li@jhxx.demo', 'zhang@jhzx.demo', 'admin@jhzx.demo', 'leader@jinghua.demo'].map((e) => h.as(e)),
    );
    const s = slot(1, 10, 12, 36);
    const replies = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        clients[i % clients.length]!.post('/api/bookings', {
          facilityId: lab(),
          ...s,
          purpose: `抢占 ${i}`,
          forSchoolId: i % 4 === 3 ? h.ids.orgs.nanhu : undefined,
        }),
      ),
    );
    const tally: Record<string, number> = {};
    for (const r of replies)
      tally[`${r.status} ${r.body?.error?.code ?? ''}`.trim()] =
        (tally[`${r.status} ${r.body?.error?.code ?? ''}`.trim()] ?? 0) + 1;
    expect(tally).toEqual({ '201': 1, '409 booking_conflict': 199 });
    const overlaps = rowsOf<{ n: number }>(
      await h.deps.database.db.execute(sql`
        SELECT count(*)::int AS n FROM bookings a JOIN bookings b ON a.facility_id = b.facility_id AND a.id < b.id
        WHERE a.status IN ('pending', 'approved') AND b.status IN ('pending', 'approved')
          AND tstzrange(a.starts_at, a.ends_at, '[)') && tstzrange(b.starts_at, b.ends_at, '[)')`),
    );
    expect(Number(overlaps[0]!.n)).toBe(0);
  });
});

describe('bookings: what was read a moment ago is never trusted', () => {
  // A booking of one date is judged against a copy of its facility kept for a minute; the write itself compares the
  // facility and its school with that copy and looks for a closed day, so a change made meanwhile — through this app
  // or by another process straight in the database — counts at once.
  const db = () => h.deps.database.db;
  const book = async (email: string, s: { startsAt: string; endsAt: string }, purpose: string) =>
    (await h.as(email)).post('/api/bookings', { facilityId: lab(), ...s, purpose });
  const bookedOn = async (day: string) =>
    rowsOf<{ n: number }>(
      await db().execute(sql`SELECT count(*)::int AS n FROM bookings
        WHERE facility_id = ${lab()} AND status IN ('pending', 'approved')
          AND (starts_at AT TIME ZONE 'Asia/Shanghai')::date = ${day}::date`),
    )[0]!.n;

  it('a day closed since the last booking is refused, closed in the app or in the database by another process', async () => {
    const first = slot(4, 9, 10, 33);
    expectStatus(await book('li@jhxx.demo', first, '先读一次'), 201);

    const viaApp = slot(4, 9, 10, 40);
    expectStatus(
      await (await h.as('admin@jhzx.demo')).post('/api/closures', {
        schoolId: h.ids.orgs.jhzx!,
        startsOn: viaApp.day,
        endsOn: viaApp.day,
        reason: '运动会',
      }),
      201,
    );
    const refused = await book('li@jhxx.demo', viaApp, '运动会那天');
    expectStatus(refused, 400);
    expect(detailsOf(refused, 'problems')).toMatchObject([{ code: 'closed', reason: '运动会' }]);

    const viaSql = slot(4, 9, 10, 47);
    await db().execute(sql`INSERT INTO closures (school_id, starts_on, ends_on, reason)
      VALUES (${h.ids.orgs.jhzx}, ${viaSql.day}, ${viaSql.day}, '停电检修')`);
    const alsoRefused = await book('li@jhxx.demo', viaSql, '停电那天');
    expectStatus(alsoRefused, 400);
    expect(detailsOf(alsoRefused, 'problems')).toMatchObject([{ code: 'closed', reason: '停电检修' }]);
    expect([await bookedOn(viaApp.day), await bookedOn(viaSql.day)]).toEqual([0, 0]);
  });

  it('a facility changed in the database takes its new rules and approvers at the next booking', async () => {
    const zhang = rowsOf<{ id: string }>(
      await db().execute(sql`SELECT id FROM users WHERE email = 'zhang@jhzx.demo'`),
    )[0]!.id;
    expectStatus(await book('li@jhxx.demo', slot(4, 10, 11, 33), '先读一次'), 201);
    try {
      // Another process makes the lab need approval and makes 张 an admin of its school.
      await db().execute(sql`UPDATE facilities SET approval_required = true WHERE id = ${lab()}`);
      await db().execute(sql`INSERT INTO memberships (user_id, org_id, role)
        VALUES (${zhang}, ${h.ids.orgs.jhzx}, 'school_admin')`);
      const res = await book('li@jhxx.demo', slot(4, 11, 12, 33), '要审批了');
      expectStatus(res, 201);
      expect(res.body.booking.status).toBe('pending');
      const told = rowsOf<{ n: number }>(
        await db().execute(sql`SELECT count(*)::int AS n FROM notifications
          WHERE user_id = ${zhang} AND kind = 'booking.pending' AND booking_id = ${res.body.booking.id}`),
      );
      expect(told[0]!.n).toBe(1);

      await db().execute(sql`UPDATE facilities SET retired_at = now() WHERE id = ${lab()}`);
      const retired = await book('li@jhxx.demo', slot(4, 14, 15, 33), '已停用');
      expectStatus(retired, 409);
      expect(retired.body.error.code).toBe('invalid_state');
    } finally {
      await db().execute(sql`UPDATE facilities SET approval_required = false, retired_at = NULL WHERE id = ${lab()}`);
      await db().execute(sql`DELETE FROM memberships
        WHERE user_id = ${zhang} AND org_id = ${h.ids.orgs.jhzx} AND role = 'school_admin'`);
    }
    const again = await book('li@jhxx.demo', slot(4, 15, 16, 33), '恢复了');
    expectStatus(again, 201);
    expect(again.body.booking.status).toBe('approved');
  });
});
