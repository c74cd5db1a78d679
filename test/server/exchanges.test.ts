import { and, eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  exchangeApplications,
  exchangeApprovals,
  exchangePlacements,
  exchangePostings,
  lessons,
  memberships,
  users,
} from '../../server/db/schema';
import { rowsOf } from '../../server/lib/db';
import { addMonths, eligibilityOf, pastMondays } from '../../server/modules/exchanges/exchanges.rules';
import { eligibleSql } from '../../server/modules/exchanges/overview.queries';
import { lastWeekOf, MISSING_LOG, remindMissingLogs } from '../../server/modules/exchanges/reminders.service';
import { fromLocal, toLocal } from '../../shared/time';
import { type Client, detailsOf, expectStatus, useHarness } from '../support/harness';
import { placeByHand } from '../support/placements';

const h = useHarness();
const ex = () => h.ids.exchanges!;

/** A new posting of the demo programme, at `school`, posted by the group leader. */
async function newPosting(school: string, over: Record<string, unknown> = {}) {
  const leader = await h.as('leader@jinghua.demo');
  const programme = (await leader.get(`/api/exchanges/programmes/${ex().programme}`)).body.programme!;
  const res = await leader.post('/api/exchanges/postings', {
    programmeId: programme.id,
    schoolId: h.ids.orgs[school]!,
    subject: 'math',
    gradeFrom: 1,
    gradeTo: 6,
    places: 1,
    startsOn: programme.startsOn,
    months: 12,
    ...over,
  });
  expectStatus(res, 201);
  return res.body.posting!;
}

describe('exchanges: programmes and postings', () => {
  it('the demo programme lists postings at both rural schools first, marked, with filters and paging', async () => {
    const li = await h.as('li@jhxx.demo');
    const all = await li.get('/api/exchanges/postings');
    expectStatus(all, 200);
    const names = all.body.items.map((p) => p.school.name);
    expect(names).toEqual(expect.arrayContaining(['北山乡中心小学', '南湖村小学']));
    expect(all.body.items.every((p) => p.school.rural)).toBe(true);
    const open = await li.get('/api/exchanges/postings?open=true');
    expect(open.body.items.map((p) => p.id).sort()).toEqual([ex().beishanMath, ex().nanhuChinese].sort());
    const chinese = await li.get('/api/exchanges/postings?subject=chinese');
    expect(chinese.body.items.map((p) => p.id)).toEqual([ex().nanhuChinese]);
    const first = await li.get('/api/exchanges/postings?limit=1');
    expect(first.body.items).toHaveLength(1);
    const next = await li.get(`/api/exchanges/postings?limit=1&cursor=${first.body.nextCursor}`);
    expect(next.body.items[0]!.id).not.toBe(first.body.items[0]!.id);
    // Her own application shows on the posting she applied to.
    expect(chinese.body.items[0]!.myApplication).toMatchObject({ status: 'under_consideration' });
  });

  it('a rural school posts an opening (sorted before an urban one); a teacher of another group sees none of it', async () => {
    const urban = await newPosting('jhzx', { subject: 'english' });
    const nanhuAdmin = await h.as('admin@nanhu.demo');
    const res = await nanhuAdmin.post('/api/exchanges/postings', {
      programmeId: ex().programme!,
      schoolId: h.ids.orgs.nanhu!,
      subject: 'english',
      gradeFrom: 3,
      gradeTo: 6,
      places: 1,
      startsOn: urban.startsOn,
      months: 12,
      duties: '三至六年级英语',
    });
    expectStatus(res, 201);
    const english = (await (await h.as('zhang@jhzx.demo')).get('/api/exchanges/postings?subject=english')).body.items;
    expect(english.map((p) => p.school.name)).toEqual(['南湖村小学', '京华实验中学']);
    // 南湖's admin cannot post for 北山; the months follow the programme's settings.
    const forOther = await nanhuAdmin.post('/api/exchanges/postings', {
      programmeId: ex().programme!,
      schoolId: h.ids.orgs.beishan!,
      subject: 'math',
      gradeFrom: 1,
      gradeTo: 6,
      places: 1,
      startsOn: urban.startsOn,
      months: 12,
    });
    expectStatus(forOther, 403);
    const tooLong = await nanhuAdmin.post('/api/exchanges/postings', {
      programmeId: ex().programme!,
      schoolId: h.ids.orgs.nanhu!,
      subject: 'math',
      gradeFrom: 1,
      gradeTo: 6,
      places: 1,
      startsOn: urban.startsOn,
      months: 48,
    });
    expectStatus(tooLong, 400);
    expect(detailsOf(tooLong, 'fields').months).toBeTruthy();

    const xiling = await h.as('admin@xiling.demo');
    expect((await xiling.get('/api/exchanges/postings')).body.items).toEqual([]);
    expect((await xiling.get('/api/exchanges/programmes')).body.items).toEqual([]);
    const hidden = await xiling.get(`/api/exchanges/postings/${urban.id}`);
    const missing = await xiling.get('/api/exchanges/postings/00000000-0000-4000-8000-000000000000');
    expectStatus(hidden, 404);
    expect(hidden.body).toEqual(missing.body);
    expectStatus(await xiling.get(`/api/exchanges/programmes/${ex().programme}`), 404);
  });

  it('only the group’s or district’s leaders set up a programme, with its own settings', async () => {
    const body = {
      orgId: h.ids.orgs.jinghua!,
      kind: 'support' as const,
      name: '北山支教',
      schoolYear: '2026-2027',
      startsOn: '2026-09-01',
      endsOn: '2027-08-31',
      minYearsAtSchool: 3,
      minMonths: 6,
      maxMonths: 12,
    };
    expectStatus(await (await h.as('admin@jhzx.demo')).post('/api/exchanges/programmes', body), 403);
    expectStatus(await (await h.as('admin@xiling.demo')).post('/api/exchanges/programmes', body), 404);
    const res = await (await h.as('leader@jinghua.demo')).post('/api/exchanges/programmes', body);
    expectStatus(res, 201);
    expect(res.body.programme).toMatchObject({
      kind: 'support' as const,
      minYearsAtSchool: 3,
      rotationSharePct: 10,
      mine: true,
    });
    expect(res.body.programme!.approvalSteps).toEqual(['home', 'host', 'group']);
    const reversed = await (await h.as('leader@jinghua.demo')).post('/api/exchanges/programmes', {
      ...body,
      endsOn: '2026-08-01',
    });
    expectStatus(reversed, 400);
    // The longest placement shorter than the shortest: the problem names the shortest as its bound.
    const shorter = await (await h.as('leader@jinghua.demo')).post('/api/exchanges/programmes', {
      ...body,
      minMonths: 24,
      maxMonths: 12,
    });
    expectStatus(shorter, 400);
    expect(detailsOf(shorter, 'problems')).toEqual([
      expect.objectContaining({ field: 'maxMonths', code: 'too_small', min: 24 }),
    ]);
  });
});

describe('exchanges: applying, approving, placing', () => {
  it('a teacher sees why she may not apply: every failed rule named, in the posting and in the 400', async () => {
    const wang = await h.as('wang@jhzx.demo');
    // 王明远 retires in 2041; a programme that wants 20 years from retirement and 15 at the school stops him twice.
    const leader = await h.as('leader@jinghua.demo');
    const strict = await leader.post('/api/exchanges/programmes', {
      orgId: h.ids.orgs.jinghua!,
      kind: 'mentoring',
      name: '带教（严格）',
      schoolYear: '2026-2027',
      startsOn: '2026-09-01',
      endsOn: '2027-08-31',
      minYearsAtSchool: 15,
      retirementMarginYears: 20,
      minMonths: 6,
    });
    expectStatus(strict, 201);
    const posting = await leader.post('/api/exchanges/postings', {
      programmeId: strict.body.programme!.id,
      schoolId: h.ids.orgs.jhzx!,
      subject: 'math',
      gradeFrom: 7,
      gradeTo: 9,
      places: 1,
      startsOn: '2026-09-01',
      months: 6,
    });
    expectStatus(posting, 201);
    const id = posting.body.posting!.id;
    const seen = await wang.get(`/api/exchanges/postings/${id}`);
    expect(seen.body.eligibility).toMatchObject({ eligible: false });
    expect(seen.body.eligibility!.rules.map((r) => r.rule).sort()).toEqual(
      ['near_retirement', 'own_school', 'years_at_school'].sort(),
    );
    const res = await wang.post('/api/exchanges/applications', { postingId: id, statement: '愿意' });
    expectStatus(res, 400);
    expect(res.body.error!.code).toBe('not_eligible');
    const failed = (res.body.error!.details as { rules: { rule: string; required?: number; years?: number }[] }).rules;
    expect(failed.map((r) => r.rule).sort()).toEqual(['near_retirement', 'own_school', 'years_at_school'].sort());
    expect(failed.find((r) => r.rule === 'years_at_school')).toMatchObject({ required: 15, years: 14 });
  });

  it('apply → home, host and group approve in any order → placed; her other applications are withdrawn', async () => {
    const zhang = await h.as('zhang@jhzx.demo');
    const other = await newPosting('nanhu', { subject: 'physics' });
    const target = await newPosting('beishan', { subject: 'physics' });
    const a1 = await zhang.post('/api/exchanges/applications', { postingId: other.id, statement: '物理' });
    expectStatus(a1, 201);
    const res = await zhang.post('/api/exchanges/applications', { postingId: target.id, statement: '愿去北山' });
    expectStatus(res, 201);
    const app = res.body.application!;
    expect(app.status).toBe('submitted');
    expect(app.approvals.map((a) => [a.step, a.by])).toEqual([
      ['home', null],
      ['host', null],
      ['group', null],
    ]);
    expect(app.myActions).toEqual(['withdraw']);
    // A second click is refused, naming the rule.
    const again = await zhang.post('/api/exchanges/applications', { postingId: target.id });
    expectStatus(again, 400);

    // She cannot approve her own; a teacher of the group cannot read it.
    expectStatus(await zhang.post(`/api/exchanges/applications/${app.id}/approve`), 403);
    expectStatus(await (await h.as('li@jhxx.demo')).get(`/api/exchanges/applications/${app.id}`), 404);
    // 南湖's admin is no approver of a 北山 posting and cannot read it either.
    expectStatus(await (await h.as('admin@nanhu.demo')).get(`/api/exchanges/applications/${app.id}`), 404);

    const leader = await h.as('leader@jinghua.demo');
    const queue = await leader.get('/api/exchanges/applications?scope=to_approve');
    expect(queue.body.items.map((a) => a.id)).toContain(app.id);
    const g = await leader.post(`/api/exchanges/applications/${app.id}/approve`);
    expectStatus(g, 200);
    expect(g.body.application).toMatchObject({ status: 'under_consideration', mySteps: [] });
    expectStatus(await leader.post(`/api/exchanges/applications/${app.id}/approve`), 409); // each step once
    expect(
      (await leader.get('/api/exchanges/applications?scope=to_approve')).body.items.map((a) => a.id),
    ).not.toContain(app.id);
    expectStatus(await (await h.as('admin@beishan.demo')).post(`/api/exchanges/applications/${app.id}/approve`), 200);
    const last = await (await h.as('admin@jhzx.demo')).post(`/api/exchanges/applications/${app.id}/approve`);
    expectStatus(last, 200);
    expect(last.body.application).toMatchObject({ status: 'placed' });
    expect(last.body.application!.approvals.map((a) => a.by?.name)).toEqual(['孙丽华', '吴秀兰', '刘建国']);
    expect(last.body.application!.placement).toMatchObject({ startsOn: target.startsOn, status: 'active' });

    const withdrawn = await zhang.get(`/api/exchanges/applications/${a1.body.application!.id}`);
    expect(withdrawn.body.application!.status).toBe('withdrawn');
    const seen = await zhang.get(`/api/exchanges/postings/${target.id}`);
    expect(seen.body.posting).toMatchObject({ filled: 1, open: false });
    // In post now: a third application is refused as already placed.
    const third = await newPosting('nanhu', { subject: 'biology' });
    const refused = await zhang.post('/api/exchanges/applications', { postingId: third.id });
    expectStatus(refused, 400);
    expect((refused.body.error!.details as { rules: { rule: string }[] }).rules.map((r) => r.rule)).toEqual([
      'already_placed',
    ]);
    // Her notices told her.
    const notices = (await zhang.get('/api/notifications')).body.items.map((n) => n.kind);
    expect(notices).toContain('exchange.placed');
    // The activity log names whose application each decision was, the automatic withdrawal too.
    const log = (await leader.get(`/api/audit?orgId=${h.ids.orgs.jhzx}`)).body.items.filter(
      (e) => e.entityId === app.id || e.entityId === a1.body.application!.id,
    );
    const decisions = log.filter((e) => /^exchange\.application\.(approve|withdraw)$/.test(e.action));
    expect(decisions.map((e) => e.action).sort()).toEqual([
      'exchange.application.approve',
      'exchange.application.approve',
      'exchange.application.approve',
      'exchange.application.withdraw',
    ]);
    for (const e of decisions) expect(Object.values(e.names)).toContain('张伟');
  });

  it('a deferral’s reason is read by the approvers and the teacher only; a decline needs a reason', async () => {
    const leader = await h.as('leader@jinghua.demo');
    const id = ex().waitingApplication;
    expectStatus(await leader.post(`/api/exchanges/applications/${id}/decline`, { reason: '' } as never), 400);
    const deferred = await leader.post(`/api/exchanges/applications/${id}/defer`, { reason: '明年南湖语文缺口更大' });
    expectStatus(deferred, 200);
    expect(deferred.body.application).toMatchObject({ status: 'deferred', deferralReason: '明年南湖语文缺口更大' });
    const li = await h.as('li@jhxx.demo');
    expect((await li.get(`/api/exchanges/applications/${id}`)).body.application!.deferralReason).toBe(
      '明年南湖语文缺口更大',
    );
    // Deferred is not approved: approving now is a 409 naming the state.
    const late = await leader.post(`/api/exchanges/applications/${id}/approve`);
    expectStatus(late, 409);
    expect(late.body.error!.code).toBe('invalid_state');
    expectStatus(await li.post(`/api/exchanges/applications/${id}/withdraw`), 200);
  });

  it('a home school nominates its teacher; it cannot nominate another school’s', async () => {
    const admin = await h.as('admin@jhxx.demo');
    const posting = await newPosting('beishan', { subject: 'music' });
    const nominated = await admin.post('/api/exchanges/applications', {
      postingId: posting.id,
      teacherId: h.ids.users.li!,
      statement: '学校推荐',
    });
    expectStatus(nominated, 201);
    expect(nominated.body.application).toMatchObject({ nominated: true, submittedBy: { name: '何静' }, mySteps: [] });
    expect(nominated.body.application!.myActions).toEqual(['withdraw']); // the nominator never approves it
    const foreign = await admin.post('/api/exchanges/applications', {
      postingId: posting.id,
      teacherId: h.ids.users.zhang!,
    });
    expectStatus(foreign, 404);
    const li = await h.as('li@jhxx.demo');
    expect((await li.get('/api/exchanges/applications?scope=mine')).body.items.map((a) => a.id)).toContain(
      nominated.body.application!.id,
    );
  });
});

/** A teacher of 京华实验小学 since 2010, made in the database. */
async function newTeacher(email: string, name: string): Promise<string> {
  const db = h.deps.database.db;
  const [u] = await db.insert(users).values({ email, name }).returning({ id: users.id });
  await db.insert(memberships).values({ userId: u!.id, orgId: h.ids.orgs.jhxx!, role: 'teacher', since: '2010-09-01' });
  return u!.id;
}

/** The teacher's application to the posting, approved by the home and host schools: it waits for the group only. */
async function waitingForGroup(postingId: string, teacherId: string, hostAdminId: string): Promise<string> {
  const db = h.deps.database.db;
  const [a] = await db
    .insert(exchangeApplications)
    .values({ postingId, teacherId, homeSchoolId: h.ids.orgs.jhxx!, submittedBy: teacherId })
    .returning({ id: exchangeApplications.id });
  await db.insert(exchangeApprovals).values([
    { applicationId: a!.id, step: 'home', approvedBy: h.ids.users.jhxxAdmin! },
    { applicationId: a!.id, step: 'host', approvedBy: hostAdminId },
  ]);
  return a!.id;
}

describe('exchanges: the last place under load', () => {
  it('50 group approvals of the last place at once: exactly one teacher is placed, the others hear it is full', async () => {
    const db = h.deps.database.db;
    const posting = await newPosting('nanhu', { subject: 'art', places: 1 });
    // 50 applications whose home and host schools approved, waiting only for the group leader.
    const ids: string[] = [];
    for (let i = 0; i < 50; i++)
      ids.push(
        await waitingForGroup(posting.id, await newTeacher(`load${i}@jhxx.demo`, `教师${i}`), h.ids.users.nanhuAdmin!),
      );
    const leader: Client = await h.as('leader@jinghua.demo');
    const replies = await Promise.all(ids.map((id) => leader.post(`/api/exchanges/applications/${id}/approve`)));
    const statuses = replies.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    expect(new Set(replies.filter((r) => r.status === 409).map((r) => r.body.error?.code))).toEqual(
      new Set(['posting_full']),
    );
    const [row] = await db.select().from(exchangePostings).where(eq(exchangePostings.id, posting.id));
    expect(row).toMatchObject({ filled: 1, places: 1 });
    const placements = await db.select().from(exchangePlacements).where(eq(exchangePlacements.postingId, posting.id));
    expect(placements).toHaveLength(1);
    // A refused approval left nothing behind: the others still wait for the group's step.
    const groupSteps = await db
      .select()
      .from(exchangeApprovals)
      .where(and(eq(exchangeApprovals.step, 'group')));
    expect(groupSteps.filter((s) => ids.includes(s.applicationId))).toHaveLength(1);
  });

  it('the last approvals of one teacher’s two applications at once: one places him, the other hears it was withdrawn', async () => {
    const db = h.deps.database.db;
    const leader: Client = await h.as('leader@jinghua.demo');
    const [nanhu, beishan] = [
      await newPosting('nanhu', { subject: 'music' }),
      await newPosting('beishan', { subject: 'pe' }),
    ];
    // Several teachers, each with two applications waiting only for the group: the race is met more than once.
    for (let i = 0; i < 6; i++) {
      const teacher = await newTeacher(`both${i}@jhxx.demo`, `两校教师${i}`);
      const ids = [
        await waitingForGroup(nanhu.id, teacher, h.ids.users.nanhuAdmin!),
        await waitingForGroup(beishan.id, teacher, h.ids.users.beishanAdmin!),
      ];
      const replies = await Promise.all(ids.map((id) => leader.post(`/api/exchanges/applications/${id}/approve`)));
      expect(replies.map((r) => r.status).sort(), `teacher ${i}`).toEqual([200, 409]);
      expect(replies.find((r) => r.status === 409)!.body.error?.code).toBe('invalid_state');
      const placed = await db.select().from(exchangePlacements).where(eq(exchangePlacements.teacherId, teacher));
      expect(placed).toHaveLength(1);
      // Each place taken once: the other posting's place was given back with the refused approval.
      await db.delete(exchangePlacements).where(eq(exchangePlacements.teacherId, teacher));
      await db
        .update(exchangePostings)
        .set({ filled: 0 })
        .where(inArray(exchangePostings.id, [nanhu.id, beishan.id]));
    }
  });

  it('the database refuses an overlapping second active placement, whatever the code does', async () => {
    const db = h.deps.database.db;
    const [p] = await db.select().from(exchangePlacements).where(eq(exchangePlacements.teacherId, h.ids.users.gao!));
    const { id: _id, createdAt: _c, ...copy } = p!;
    await expect(
      db.insert(exchangePlacements).values({ ...copy, applicationId: ex().waitingApplication! }),
    ).rejects.toThrow();
    await expect(
      db.update(exchangePostings).set({ filled: 5 }).where(eq(exchangePostings.id, ex().beishanScience!)),
    ).rejects.toThrow();
  });
});

describe('exchanges: in post', () => {
  const gaoPlacement = async () => {
    const gao = await h.as('gao@jhxx.demo');
    const list = await gao.get('/api/exchanges/placements?scope=mine');
    expectStatus(list, 200);
    return { gao, placement: list.body.items[0]! };
  };

  it('a week without an entry brings the teacher one notice, however often the hourly sweep runs', async () => {
    const { gao, placement } = await gaoPlacement();
    const db = h.deps.database.db;
    const today = toLocal(new Date()).date;
    const week = lastWeekOf(today);
    expect(placement.weeksWithoutEntry.at(-1)).toBe(week); // the demo's missed week is last week
    // Those the leader's list shows missing last week: 高志远, and the teachers the tests above placed.
    const all = (await (await h.as('leader@jinghua.demo')).get('/api/exchanges/placements?scope=all')).body.items;
    const missing = all.filter((p) => p.status === 'active' && p.weeksWithoutEntry.includes(week));
    expect(missing.map((p) => p.teacher.name)).toContain('高志远');
    const [first, second] = await Promise.all([remindMissingLogs(db, today), remindMissingLogs(db, today)]);
    expect(first + second).toBe(missing.length);
    expect(await remindMissingLogs(db, today)).toBe(0);
    const notices = (await gao.get('/api/notifications')).body.items.filter((n) => n.kind === MISSING_LOG);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.data).toMatchObject({ placementId: placement.id, week, school: '北山乡中心小学' });
    // The host school's admin and the home school hear nothing of it.
    for (const email of ['admin@beishan.demo', 'admin@jhxx.demo']) {
      const items = (await (await h.as(email)).get('/api/notifications')).body.items;
      expect(items.filter((n) => n.kind === MISSING_LOG)).toEqual([]);
    }
  });

  it('the teacher in post sees his weeks, the one he missed, and the live lesson the platform offers to log', async () => {
    const { gao, placement } = await gaoPlacement();
    expect(placement).toMatchObject({ status: 'active', hostSchool: { name: '北山乡中心小学', rural: true } });
    expect(placement.mayLog).toBe(true);
    // Every past week has an entry but the last one: that is the reminder.
    const weeks = pastMondays(placement.startsOn, placement.endsOn, toLocal(new Date()).date);
    expect(placement.weeksWithoutEntry).toEqual(weeks.slice(-1));
    const page = await gao.get(`/api/exchanges/placements/${placement.id}`);
    expectStatus(page, 200);
    const [offer] = page.body.offers!;
    expect(offer).toMatchObject({ title: '植物的一生（乡村课堂直播）', hours: 1 });
    expect(offer!.classrooms.map((r) => [r.schoolName, r.name, r.minutes])).toEqual(
      expect.arrayContaining([
        ['北山乡中心小学', '六年级一班', 45],
        ['南湖村小学', '三年级一班', 34],
      ]),
    );
    // Its days are Beijing's: a lesson at 07:40 on the placement's first day is in it, one on its first day out is not.
    const db = h.deps.database.db;
    const [lesson] = await db.select().from(lessons).where(eq(lessons.id, offer!.lessonId));
    const offeredAt = async (day: string) => {
      const startsAt = fromLocal(day, 7 * 60 + 40);
      const endsAt = new Date(startsAt.getTime() + lesson!.endsAt.getTime() - lesson!.startsAt.getTime());
      await db.update(lessons).set({ startsAt, endsAt }).where(eq(lessons.id, lesson!.id));
      return (await gao.get(`/api/exchanges/placements/${placement.id}`)).body.offers!.map((o) => o.lessonId);
    };
    expect(await offeredAt(placement.startsOn)).toContain(lesson!.id);
    expect(await offeredAt(placement.endsOn)).not.toContain(lesson!.id);
    await db
      .update(lessons)
      .set({ startsAt: lesson!.startsAt, endsAt: lesson!.endsAt })
      .where(eq(lessons.id, lesson!.id));
    // One click logs it: its day and hours come from the lesson; a second time is refused.
    const fromLesson = `/api/exchanges/placements/${placement.id}/logs/from-lesson` as const;
    const logged = await gao.post(fromLesson, { lessonId: offer!.lessonId });
    expectStatus(logged, 201);
    expect(logged.body.log).toMatchObject({ activity: 'taught', hours: 1, lesson: { title: offer!.title } });
    expectStatus(await gao.post(fromLesson, { lessonId: offer!.lessonId }), 404);
    expect((await gao.get(`/api/exchanges/placements/${placement.id}`)).body.offers).toEqual([]);
    // A day typed by hand: inside the placement and not in the future.
    const typed = await gao.post(`/api/exchanges/placements/${placement.id}/logs`, {
      on: placement.startsOn,
      hours: 3,
      activity: 'research',
      note: '集体备课',
    });
    expectStatus(typed, 201);
    const future = await gao.post(`/api/exchanges/placements/${placement.id}/logs`, {
      on: '2099-01-05',
      hours: 3,
      activity: 'taught',
    });
    expectStatus(future, 400);
    // Only the teacher logs: the host school's admin may not, another group does not even see it.
    expectStatus(
      await (await h.as('admin@beishan.demo')).post(`/api/exchanges/placements/${placement.id}/logs`, {
        on: placement.startsOn,
        hours: 1,
        activity: 'other',
      }),
      403,
    );
    expectStatus(await (await h.as('admin@xiling.demo')).get(`/api/exchanges/placements/${placement.id}`), 404);
    expectStatus(await (await h.as('zhang@jhzx.demo')).get(`/api/exchanges/placements/${placement.id}`), 404);
  });

  it('a day holds at most 24 hours of entries, however many are sent at once', async () => {
    const { gao, placement } = await gaoPlacement();
    const today = toLocal(new Date()).date;
    const logged = new Set((await gao.get(`/api/exchanges/placements/${placement.id}`)).body.logs!.map((l) => l.on));
    // A day in post with nothing logged yet.
    let day = placement.startsOn;
    while (logged.has(day)) day = new Date(Date.parse(day) + 86_400_000).toISOString().slice(0, 10);
    expect(day <= today).toBe(true);
    const entry = { on: day, hours: 8, activity: 'other' as const, note: '整理实验室' };
    const replies = await Promise.all(
      [1, 2, 3, 4].map(() => gao.post(`/api/exchanges/placements/${placement.id}/logs`, entry)),
    );
    expect(replies.map((r) => r.status).sort()).toEqual([201, 201, 201, 400]);
    const refused = replies.find((r) => r.status === 400)!;
    expect(refused.body.error).toMatchObject({ code: 'validation_failed' });
    expect(detailsOf(refused, 'fields')).toEqual({ hours: [expect.stringMatching(/at most 24 hours: 24 are logged/)] });
    const after = (await gao.get(`/api/exchanges/placements/${placement.id}`)).body.logs!.filter((l) => l.on === day);
    expect(after.reduce((s, l) => s + l.hours, 0)).toBe(24);
  });

  it('the host school confirms the log, names a mentor, reviews; the final review completes it and tells home', async () => {
    const { placement } = await gaoPlacement();
    const host = await h.as('admin@beishan.demo');
    const page = (await host.get(`/api/exchanges/placements/${placement.id}`)).body;
    const open = page.logs!.find((l) => !l.confirmedAt)!;
    const confirmed = await host.post(`/api/exchanges/placements/${placement.id}/logs/${open.id}/confirm`);
    expectStatus(confirmed, 200);
    expect(confirmed.body.logs!.find((l) => l.id === open.id)!.confirmedBy!.name).toBe('吴秀兰');
    expect(confirmed.body.placement!.hoursConfirmed).toBeGreaterThan(placement.hoursConfirmed);
    // The home school reads but does not confirm.
    expectStatus(
      await (await h.as('admin@jhxx.demo')).post(`/api/exchanges/placements/${placement.id}/logs/${open.id}/confirm`),
      403,
    );
    // A mentor must teach at the host school: 赵春生, its classroom's assistant teacher, may; a teacher elsewhere not.
    const mentorOf = `/api/exchanges/placements/${placement.id}/mentor` as const;
    expectStatus(await host.post(mentorOf, { mentorId: h.ids.users.wang! }), 404);
    expectStatus(await host.post(mentorOf, { mentorId: h.ids.users.gao! }), 404);
    const mentor = await host.post(mentorOf, { mentorId: h.ids.users.zhao! });
    expectStatus(mentor, 200);
    expect(mentor.body.placement!.mentor).toEqual({ id: h.ids.users.zhao, name: '赵春生' });
    const mid = await host.post(`/api/exchanges/placements/${placement.id}/reviews`, {
      stage: 'midterm',
      summary: '科学课开齐开足，实验室已建成。',
      satisfactory: true,
    });
    expectStatus(mid, 201);
    expect(mid.body.placement!.status).toBe('active');
    // In post, the years are not counted yet: a placement counts once the host school completes it.
    const gao = await h.as('gao@jhxx.demo');
    const yearsOf = `/api/exchanges/rural-service/years/${h.ids.users.gao}` as const;
    expect((await gao.get(yearsOf)).body).toMatchObject({ years: 0, days: 0, ongoing: false });
    const final = await host.post(`/api/exchanges/placements/${placement.id}/reviews`, {
      stage: 'final',
      summary: '一年期满，考核优秀。',
      satisfactory: true,
    });
    expectStatus(final, 201);
    expect(final.body.placement).toMatchObject({ status: 'completed', mayLog: false });
    expect(final.body.placement!.reviews.map((r) => r.stage)).toEqual(['midterm', 'final']);
    // Completed today, months before its planned end: it counts from its first day to today, and stops there.
    const today = toLocal(new Date()).date;
    const served = (Date.parse(today) - Date.parse(placement.startsOn)) / 86_400_000;
    const years = await gao.get(yearsOf);
    expectStatus(years, 200);
    expect(years.body).toMatchObject({ years: 0, days: served, ongoing: false });
    expect(years.body.honours!.map((x) => x.reachesOn)).toEqual([null, null, null]);
    // From today he is no longer in post there, on the list and in the group's view alike; yesterday he was.
    expect(final.body.placement!.completedOn).toBe(today);
    const leader = await h.as('leader@jinghua.demo');
    const hosted = `/api/exchanges/placements?scope=all&schoolId=${placement.hostSchool.id}&side=host` as const;
    const inPostOn = async (day: string) => (await leader.get(`${hosted}&inPostOn=${day}`)).body.items.map((p) => p.id);
    const nowInPost = await inPostOn(today);
    expect(nowInPost).not.toContain(placement.id);
    const yesterday = new Date(Date.parse(today) - 86_400_000).toISOString().slice(0, 10);
    if (yesterday >= placement.startsOn) expect(await inPostOn(yesterday)).toContain(placement.id);
    const view = await leader.get(`/api/exchanges/overview?orgId=${h.ids.orgs.jinghua}`);
    const hostFigures = view.body.schools!.find((s) => s.school.id === placement.hostSchool.id)!.thisYear;
    expect(hostFigures.inPost).toBe(nowInPost.length);
    const homeAdmin = await h.as('admin@jhxx.demo');
    const notices = (await homeAdmin.get('/api/notifications')).body.items.map((n) => n.kind);
    expect(notices).toContain('exchange.review.final');
    const seen = await homeAdmin.get(`/api/exchanges/placements/${placement.id}`);
    expect(seen.body.placement!.reviews.at(-1)!.summary).toBe('一年期满，考核优秀。');
  });
});

describe('exchanges: rural-service years and honours', () => {
  it('赵春生 reaches 20 years at 北山 this school year: on the leader’s honours list, in a fixed order', async () => {
    const leader = await h.as('leader@jinghua.demo');
    const list = await leader.get(`/api/exchanges/honours?orgId=${h.ids.orgs.jinghua}`);
    expectStatus(list, 200);
    const zhao = list.body.items!.filter((i) => i.user.name === '赵春生');
    expect(zhao.map((i) => [i.honour.years, i.honour.level])).toContainEqual([20, 'provincial']);
    expect(list.body.items!.every((i) => !('rank' in i))).toBe(true);
    const years = await (await h.as('zhao@beishan.demo')).get(`/api/exchanges/rural-service/years/${h.ids.users.zhao}`);
    expectStatus(years, 200);
    expect(years.body.years).toBeGreaterThanOrEqual(20);
    // Not for another group, nor for a colleague who runs nothing.
    expectStatus(
      await (await h.as('admin@xiling.demo')).get(`/api/exchanges/honours?orgId=${h.ids.orgs.jinghua}`),
      404,
    );
    expectStatus(await (await h.as('li@jhxx.demo')).get(`/api/exchanges/rural-service/years/${h.ids.users.zhao}`), 404);
  });

  it('years are recorded with evidence by one admin and count once another approves, never self-approved', async () => {
    const host = await h.as('admin@nanhu.demo');
    const evidence = (await host.get('/api/resources')).body.items[0]!;
    const body = {
      userId: h.ids.users.chen!,
      schoolId: h.ids.orgs.nanhu!,
      startsOn: '2016-09-01',
      evidenceResourceId: evidence.id,
      note: '聘任合同',
    };
    const before = (await host.get(`/api/exchanges/rural-service/years/${h.ids.users.chen}`)).body.years!;
    const rec = await host.post('/api/exchanges/rural-service', body);
    expectStatus(rec, 201);
    expect(rec.body.record).toMatchObject({ status: 'pending', mayDecide: false });
    expect((await host.get(`/api/exchanges/rural-service/years/${h.ids.users.chen}`)).body.years).toBe(before);
    expectStatus(await host.post(`/api/exchanges/rural-service/${rec.body.record!.id}/approve`), 403);
    // Not at a rural school: refused. Not someone of one's own schools: not found.
    expectStatus(await host.post('/api/exchanges/rural-service', { ...body, schoolId: h.ids.orgs.jhzx! }), 400);
    expectStatus(await host.post('/api/exchanges/rural-service', { ...body, userId: h.ids.users.wang! }), 404);
    const leader = await h.as('leader@jinghua.demo');
    const ok = await leader.post(`/api/exchanges/rural-service/${rec.body.record!.id}/approve`);
    expectStatus(ok, 200);
    expect(ok.body.record).toMatchObject({ status: 'approved', decidedBy: { name: '刘建国' } });
    const after = (await host.get(`/api/exchanges/rural-service/years/${h.ids.users.chen}`)).body.years!;
    expect(after).toBeGreaterThanOrEqual(before + 10);
    expectStatus(await leader.post(`/api/exchanges/rural-service/${rec.body.record!.id}/approve`), 409);
  });
});

describe('exchanges: honour thresholds are the group’s or district’s settings', () => {
  const settingsOf = (c: Client, orgId: string) => c.get(`/api/exchanges/honour-settings?orgId=${orgId}`);
  const zhaoHonours = async () => {
    const zhao = await h.as('zhao@beishan.demo');
    const years = await zhao.get(`/api/exchanges/rural-service/years/${h.ids.users.zhao}`);
    expectStatus(years, 200);
    return years.body.honours!.map((x) => [x.level, x.years]);
  };
  const listed = async (c: Client, orgId: string) =>
    (await c.get(`/api/exchanges/honours?orgId=${orgId}`)).body.items!.filter((i) => i.user.name === '赵春生');

  it('a district sets its own years, a group’s own come first for its schools, and back to the published', async () => {
    const leader = await h.as('leader@jinghua.demo');
    const office = await h.as('office@chengguan.demo');
    const beishan = await h.as('admin@beishan.demo');
    const group = h.ids.orgs.jinghua!;
    const district = h.ids.orgs.chengguan!;
    // At first the published 10 / 20 / 30 years, which a school reads but only its group or district sets.
    const first = await settingsOf(beishan, h.ids.orgs.beishan!);
    expectStatus(first, 200);
    expect(first.body).toMatchObject({
      years: { county: 10, provincial: 20, national: 30 },
      source: 'published',
      mayEdit: false,
    });
    expect((await settingsOf(leader, group)).body).toMatchObject({ source: 'published', mayEdit: true });
    expect(await zhaoHonours()).toEqual([
      ['county', 10],
      ['provincial', 20],
      ['national', 30],
    ]);

    // The district honours at 8 and 18 years and gives no national certificate of its own.
    const set = await office.put('/api/exchanges/honour-settings', {
      orgId: district,
      county: 8,
      provincial: 18,
      national: null,
    });
    expectStatus(set, 200);
    expect(set.body).toMatchObject({
      years: { county: 8, provincial: 18, national: null },
      source: 'own',
      from: { name: '城关学区' },
      updatedBy: { name: '马文涛' },
    });
    expect((await settingsOf(beishan, h.ids.orgs.beishan!)).body).toMatchObject({
      source: 'district',
      from: { name: '城关学区' },
      years: { county: 8, provincial: 18, national: null },
    });
    // 赵春生 (20 years this school year) passed 18 two years ago: off this year's list, and no national honour.
    expect(await zhaoHonours()).toEqual([
      ['county', 8],
      ['provincial', 18],
    ]);
    expect(await listed(office, district)).toEqual([]);

    // The group's own years come first for its schools: 20 years is provincial again, on the list.
    const mine = await leader.put('/api/exchanges/honour-settings', {
      orgId: group,
      county: 10,
      provincial: 20,
      national: 25,
    });
    expectStatus(mine, 200);
    expect((await settingsOf(beishan, h.ids.orgs.beishan!)).body).toMatchObject({ source: 'group' });
    expect(await zhaoHonours()).toEqual([
      ['county', 10],
      ['provincial', 20],
      ['national', 25],
    ]);
    const onList = await leader.get(`/api/exchanges/honours?orgId=${group}`);
    expect(onList.body.years).toEqual({ county: 10, provincial: 20, national: 25 });
    expect(onList.body.items!.filter((i) => i.user.name === '赵春生').map((i) => i.honour)).toEqual([
      { years: 20, level: 'provincial' },
    ]);
    // The district's list heads with its own years; its rows keep their group's.
    const districtList = await office.get(`/api/exchanges/honours?orgId=${district}`);
    expect(districtList.body.years).toEqual({ county: 8, provincial: 18, national: null });
    expect(districtList.body.items!.find((i) => i.user.name === '赵春生')?.honour).toEqual({
      years: 20,
      level: 'provincial',
    });

    // The activity log says who changed what, from what.
    const log = (await leader.get(`/api/audit?orgId=${group}`)).body.items.filter(
      (e) => e.action === 'exchange.honours.set',
    );
    expect(log[0]).toMatchObject({ before: null, after: { county: 10, provincial: 20, national: 25 } });

    // Back to the published years: the group's row goes, the district's applies again.
    const cleared = await leader.delete(`/api/exchanges/honour-settings?orgId=${group}`);
    expectStatus(cleared, 200);
    expect(cleared.body).toMatchObject({ source: 'published', years: { county: 10, provincial: 20, national: 30 } });
    expect((await settingsOf(beishan, h.ids.orgs.beishan!)).body).toMatchObject({ source: 'district' });
    expectStatus(await office.delete(`/api/exchanges/honour-settings?orgId=${district}`), 200);
    expect(await zhaoHonours()).toEqual([
      ['county', 10],
      ['provincial', 20],
      ['national', 30],
    ]);
  });

  it('years that cannot stand are refused by field; only the group’s or district’s own admins set them', async () => {
    const leader = await h.as('leader@jinghua.demo');
    const group = h.ids.orgs.jinghua!;
    const put = (c: Client, body: Record<string, unknown>) =>
      c.put('/api/exchanges/honour-settings', {
        orgId: group,
        county: 10,
        provincial: 20,
        national: 30,
        ...body,
      } as never);
    const problems = async (body: Record<string, unknown>) => {
      const res = await put(leader, body);
      expectStatus(res, 400);
      return detailsOf(res, 'problems').map((p) => [p.field, p.code]);
    };
    expect(await problems({ provincial: 10 })).toEqual([['provincial', 'honours_ascending']]);
    expect(await problems({ county: 35, provincial: null })).toEqual([['national', 'honours_ascending']]);
    expect(await problems({ county: null, provincial: null, national: null })).toEqual([['_', 'honours_none']]);
    expect(await problems({ national: 61 })).toEqual([['national', 'too_large']]);
    expect(await problems({ county: 0 })).toEqual([['county', 'too_small']]);
    expect(await problems({ county: 10.5 })).toEqual([['county', 'invalid']]);
    expect(await problems({ county: '10' })).toEqual([['county', 'invalid']]);
    // A school takes its group's; a teacher runs nothing; another group's admin does not see this one.
    const schoolAdmin = await h.as('admin@beishan.demo');
    const atSchool = await schoolAdmin.put('/api/exchanges/honour-settings', {
      orgId: h.ids.orgs.beishan!,
      county: 5,
      provincial: null,
      national: null,
    });
    expectStatus(atSchool, 403);
    expectStatus(await put(schoolAdmin, {}), 403);
    expectStatus(await put(await h.as('li@jhxx.demo'), {}), 403);
    expectStatus(await put(await h.as('admin@xiling.demo'), {}), 404);
    expectStatus(await (await h.as('admin@xiling.demo')).get(`/api/exchanges/honour-settings?orgId=${group}`), 404);
    // The database holds the same rules whatever writes to it.
    const refused = await h.deps.database.db
      .execute(
        sql`INSERT INTO honour_settings (org_id, county_years, provincial_years, national_years, updated_by)
            VALUES (${group}, 20, 10, NULL, ${h.ids.users.leader})`,
      )
      .then(
        () => null,
        (e: Error) => e,
      );
    expect(String((refused?.cause as Error | undefined)?.message ?? refused)).toMatch(/honour_settings_ascending/);
    expect((await leader.get(`/api/exchanges/honour-settings?orgId=${group}`)).body.source).toBe('published');
  });

  it('twenty admins saving at once leave one whole setting and twenty entries in the activity log', async () => {
    const leader = await h.as('leader@jinghua.demo');
    const group = h.ids.orgs.jinghua!;
    const saves = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        leader.put('/api/exchanges/honour-settings', { orgId: group, county: 5 + i, provincial: 30, national: 40 }),
      ),
    );
    for (const r of saves) expectStatus(r, 200);
    const now = (await leader.get(`/api/exchanges/honour-settings?orgId=${group}`)).body.years!;
    expect(now.county).toBeGreaterThanOrEqual(5);
    expect(now.county).toBeLessThan(25);
    expect(now).toMatchObject({ provincial: 30, national: 40 });
    const log = (await leader.get(`/api/audit?orgId=${group}&limit=100`)).body.items.filter(
      (e) => e.action === 'exchange.honours.set' && (e.after as { provincial: number }).provincial === 30,
    );
    expect(log).toHaveLength(20);
    // Each entry's "before" is the setting the one before it left: no save read a stale row.
    const befores = log.map((e) => JSON.stringify(e.before));
    expect(new Set(befores).size).toBe(20);
    expectStatus(await leader.delete(`/api/exchanges/honour-settings?orgId=${group}`), 200);
  });
});

describe('exchanges: the group’s view', () => {
  it('per school by name, this year against last; the quota on the programme’s settings; who is next', async () => {
    const leader = await h.as('leader@jinghua.demo');
    const res = await leader.get(`/api/exchanges/overview?orgId=${h.ids.orgs.jinghua}`);
    expectStatus(res, 200);
    const names = res.body.schools!.map((s) => s.school.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))); // by name, never by a figure
    expect(names).toHaveLength(4);
    const row = (name: string) => res.body.schools!.find((s) => s.school.name === name)!;
    // 高志远 went from 京华实验小学 to 北山 this school year (and more were placed by the tests above).
    expect(row('京华实验小学').thisYear.sent).toBeGreaterThanOrEqual(1);
    expect(row('北山乡中心小学').thisYear).toMatchObject({ received: expect.any(Number) });
    expect(row('北山乡中心小学').thisYear.received).toBeGreaterThanOrEqual(1);
    expect(row('北山乡中心小学').thisYear.hours).toBeGreaterThan(0);
    expect(row('北山乡中心小学').lastYear).toEqual({ sent: 0, received: 0, inPost: 0, hours: 0 });
    const demo = res.body.programmes!.find((p) => p.programme.id === ex().programme)!;
    expect(demo).toMatchObject({ rotationSharePct: 10, keySharePct: 20, keyShareBase: 'rotated' });
    expect(demo.rotated).toBeGreaterThanOrEqual(1);
    expect(demo.eligible).toBeGreaterThanOrEqual(demo.rotated);
    expect(JSON.stringify(res.body)).not.toMatch(/rank/i);
    // A teacher of the group reads it too; another group does not see the group at all.
    expectStatus(await (await h.as('li@jhxx.demo')).get(`/api/exchanges/overview?orgId=${h.ids.orgs.jinghua}`), 200);
    expectStatus(
      await (await h.as('admin@xiling.demo')).get(`/api/exchanges/overview?orgId=${h.ids.orgs.jinghua}`),
      404,
    );
  });

  it('counts eligibility in SQL exactly as applying does: anniversaries, 29 February, the retirement margin', async () => {
    /** A calendar day that exists (2027-02-29 does not). */
    const real = (d: string) => {
      const t = Date.parse(`${d}T00:00:00Z`);
      return !Number.isNaN(t) && new Date(t).toISOString().startsWith(d);
    };
    const cases: { since: string; retiresOn: string | null; day: string }[] = [];
    for (const day of ['2026-02-28', '2026-03-01', '2026-09-01', '2027-02-28', '2028-02-29', '2028-03-01']) {
      const [y, md] = [Number(day.slice(0, 4)), day.slice(4)];
      const sinces = [`${y - 6}${md}`, `${y - 6}-02-28`, `${y - 6}-02-29`, `${y - 6}-03-01`, `${y - 5}-08-31`];
      const retirements = [`${y + 5}${md}`, `${y + 5}-02-28`, `${y + 5}-03-01`, `${y + 6}-01-01`];
      for (const since of sinces.filter(real))
        for (const retiresOn of [null, ...retirements.filter(real)]) cases.push({ since, retiresOn, day });
    }
    const rows = rowsOf<{ i: number; eligible: boolean }>(
      await h.deps.database.db.execute(sql`
        SELECT c.i, ${eligibleSql(sql`c.since::date`, sql`c.retires_on::date`, sql`c.day::date`, sql`6`, sql`5`)} AS eligible
        FROM (VALUES ${sql.join(
          cases.map((c, i) => sql`(${i}::int, ${c.since}, ${c.retiresOn}, ${c.day})`),
          sql`, `,
        )}) AS c(i, since, retires_on, day) ORDER BY c.i`),
    );
    const byRule = cases.map(
      (c) =>
        eligibilityOf({
          programme: { open: true, minYearsAtSchool: 6, retirementMarginYears: 5 },
          posting: { schoolId: 'host', startsOn: c.day, months: 12, open: true },
          teacher: { schoolId: 'home', teaches: true, since: c.since, retiresOn: c.retiresOn },
          placements: [],
          pendingHere: false,
        }).length === 0,
    );
    expect(rows.map((r) => r.eligible)).toEqual(byRule);
    expect(byRule.filter(Boolean).length).toBeGreaterThan(10); // both answers occur, on both sides of each edge
    expect(byRule.filter((x) => !x).length).toBeGreaterThan(10);
  });
});

describe('exchanges: no one judges their own placement', () => {
  /**
   * A teacher of 京华实验小学 in post at 北山 for a year from `startsOn` (the programme's start when not given), made in
   * the database; with a password.
   */
  async function placed(email: string, alsoRunsHost: boolean, from?: string) {
    const db = h.deps.database.db;
    const posting = await newPosting('beishan', { subject: 'english' });
    const startsOn = from ?? posting.startsOn;
    const [demo] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.email, 'gao@jhxx.demo'));
    const [u] = await db
      .insert(users)
      .values({ email, name: email.split('@')[0]!, passwordHash: demo!.hash })
      .returning({ id: users.id });
    await db
      .insert(memberships)
      .values([
        { userId: u!.id, orgId: h.ids.orgs.jhxx!, role: 'teacher' as const, since: '2010-09-01' },
        ...(alsoRunsHost
          ? [{ userId: u!.id, orgId: h.ids.orgs.beishan!, role: 'school_admin' as const, since: '2020-09-01' }]
          : []),
      ]);
    return placeByHand(db, {
      postingId: posting.id,
      teacherId: u!.id,
      homeSchoolId: h.ids.orgs.jhxx!,
      hostSchoolId: h.ids.orgs.beishan!,
      startsOn,
      endsOn: addMonths(startsOn, 12),
    });
  }

  it('a teacher in post who also runs the host school neither confirms their own log nor reviews it', async () => {
    const id = await placed('two-hats@jhxx.demo', true);
    const me = await h.as('two-hats@jhxx.demo');
    const page = await me.get(`/api/exchanges/placements/${id}`);
    expectStatus(page, 200);
    expect(page.body.placement).toMatchObject({ mayLog: true, mayConfirm: false });
    const on = page.body.placement!.startsOn;
    const entry = await me.post(`/api/exchanges/placements/${id}/logs`, { on, hours: 4, activity: 'taught' });
    expectStatus(entry, 201);
    expectStatus(await me.post(`/api/exchanges/placements/${id}/logs/${entry.body.log!.id}/confirm`), 403);
    const review = { stage: 'final' as const, summary: '我自己评价自己。', satisfactory: true };
    expectStatus(await me.post(`/api/exchanges/placements/${id}/reviews`, review), 403);
    // Nor does that teacher name the colleague who will confirm it: the mentor is named by the school's other admins.
    expectStatus(await me.post(`/api/exchanges/placements/${id}/mentor`, { mentorId: h.ids.users.zhao! }), 403);
    // The school's other admin may.
    const wu = await h.as('admin@beishan.demo');
    expectStatus(await wu.post(`/api/exchanges/placements/${id}/logs/${entry.body.log!.id}/confirm`), 200);
  });

  it('a placement is reviewed once it has begun', async () => {
    const tomorrow = new Date(Date.parse(toLocal(new Date()).date) + 86_400_000).toISOString().slice(0, 10);
    const id = await placed('not-yet@jhxx.demo', false, tomorrow);
    const wu = await h.as('admin@beishan.demo');
    const early = await wu.post(`/api/exchanges/placements/${id}/reviews`, {
      stage: 'final',
      summary: '还没开始。',
      satisfactory: true,
    });
    expectStatus(early, 409);
    expect(early.body.error?.code).toBe('invalid_state');
  });
});
