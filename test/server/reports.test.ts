// The group leader's dashboard and the term reports (issue 13, journey 6): what is counted (held bookings, not booked
// ones; attended minutes from LiveKit's sessions; exchange teachers), the windows compared (this term up to the
// report day against the same point of the term before), the CSV exports, and — over every report route openapi.json
// lists — that nothing ranks: no rank, top, position or place anywhere, and schools in their fixed order by name.
import { eq } from 'drizzle-orm';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  bookings,
  lessonAttendance,
  lessonClassrooms,
  lessons,
  memberships,
  orgs,
  resources,
  resourceUses,
} from '../../server/db/schema';
import { byCodePoint } from '../../shared/order';
import { reportWords } from '../../shared/report-words';
import { type PillarFigures, pillarKeys } from '../../shared/schemas/reports';
import { fromLocal, toLocal } from '../../shared/time';
import { type AnswerOf, expectStatus, type JsonSchema, type OpenApiDoc, useHarness } from '../support/harness';
import { operationsOf, urlOf } from '../support/openapi-walk';

const h = useHarness();
const db = () => h.deps.database.db;
const group = () => h.ids.orgs.jinghua!;
const leader = () => h.as('leader@jinghua.demo');

type Dashboard = AnswerOf<'GET', '/api/reports/dashboard'>;
const school = (d: { schools: { name: string }[] }, name: string) => {
  const s = d.schools.find((x) => x.name === name);
  if (!s) throw new Error(`no ${name} in ${JSON.stringify(d.schools.map((x) => x.name))}`);
  return s as Dashboard['schools'][number];
};

/** A booking of a demo facility at a Beijing day and hours, inserted as the records would stand. */
async function book(facility: string, borrower: string, day: string, from: number, to: number, status = 'approved') {
  await db()
    .insert(bookings)
    .values({
      facilityId: h.ids.facilities[facility]!,
      bookerId: h.ids.users.leader!,
      borrowerSchoolId: h.ids.orgs[borrower]!,
      onBehalf: true,
      purpose: '报告测试',
      status: status as 'approved',
      startsAt: fromLocal(day, from * 60),
      endsAt: fromLocal(day, to * 60),
    });
}

// Autumn term 2024 (from 1 September) and the spring term 2024 before it (from 1 February): nothing of the demo's is
// there, so what these tests put there is all there is.
describe('reports: the dashboard counts held hours at the same point of each term', () => {
  it('counts approved bookings once held, neither pending nor still to come, against the same point of last term', async () => {
    await book('hall', 'nanhu', '2024-10-10', 14, 17);
    await book('hall', 'nanhu', '2024-10-12', 9, 11, 'pending');
    await book('hall', 'nanhu', '2024-10-25', 14, 16);
    // Last term: 50 days in is 22 March (the report day 20 October ends the window on the 50th day).
    await book('hall', 'nanhu', '2024-03-20', 14, 16);
    await book('hall', 'nanhu', '2024-03-25', 14, 15);
    const lead = await leader();
    const at20 = await lead.get(`/api/reports/dashboard?orgId=${group()}&at=2024-10-20`);
    expectStatus(at20, 200);
    expect(at20.body.term.name).toBe('2024-autumn');
    expect(at20.body.previousTerm.name).toBe('2024-spring');
    expect(at20.body.window).toEqual({
      day: '2024-10-20',
      daysIn: 50,
      from: '2024-09-01T00:00:00+08:00',
      to: '2024-10-21T00:00:00+08:00',
      previousFrom: '2024-02-01T00:00:00+08:00',
      previousTo: '2024-03-22T00:00:00+08:00',
    });
    expect(school(at20.body, '南湖村小学').now.facilityHoursBorrowed).toBe(3);
    expect(school(at20.body, '南湖村小学').before.facilityHoursBorrowed).toBe(2);
    expect(school(at20.body, '京华实验中学').now.facilityHoursLent).toBe(3);
    expect(school(at20.body, '京华实验中学').before.facilityHoursLent).toBe(2);
    expect(at20.body.reachedRuralOrSupported.now.facilityHours).toBe(3);
    // Ten days on, the booking of the 25th has been held; last term's 25 March is within the same point too.
    const at30 = await lead.get(`/api/reports/dashboard?orgId=${group()}&at=2024-10-30`);
    expect(school(at30.body, '南湖村小学').now.facilityHoursBorrowed).toBe(5);
    expect(school(at30.body, '南湖村小学').before.facilityHoursBorrowed).toBe(3);
    // The facility report and the overview count the same hours in the same windows.
    const usage = await lead.get(`/api/reports/facility-usage?orgId=${group()}&at=2024-10-20`);
    expect(usage.body.schools.find((s) => s.name === '南湖村小学')).toMatchObject({
      borrowedHours: 3,
      previousBorrowedHours: 2,
    });
    const overview = await lead.get(`/api/reports/overview?orgId=${group()}&at=2024-10-20`);
    expect(school(overview.body, '京华实验中学').now).toMatchObject({ facilityHoursLent: 3 });
  });

  it('today counts none of the approved bookings still to come', async () => {
    const lead = await leader();
    // The demo's approved bookings of the coming days: 京华实验小学 in the lead school's lab on Thursday, 2 hours.
    const today = toLocal(new Date()).date;
    const now = await lead.get(`/api/reports/dashboard?orgId=${group()}`);
    expectStatus(now, 200);
    expect(now.body.window.day).toBe(today);
    expect(Date.parse(now.body.window.to)).toBeLessThanOrEqual(Date.now());
    const held = await db()
      .select()
      .from(bookings)
      .then((rows) =>
        rows.filter(
          (b) =>
            b.status === 'approved' &&
            b.kind === 'booking' &&
            b.borrowerSchoolId === h.ids.orgs.jhxx &&
            b.facilityId !== h.ids.facilities.music &&
            b.startsAt >= new Date(now.body.window.from) &&
            b.endsAt <= new Date(),
        ),
      );
    const hours = held.reduce((a, b) => a + (b.endsAt.getTime() - b.startsAt.getTime()) / 3600_000, 0);
    expect(school(now.body, '京华实验小学').now.facilityHoursBorrowed).toBe(Math.round(hours * 10) / 10);
    const upcoming = await db().select().from(bookings);
    expect(upcoming.some((b) => b.status === 'approved' && b.startsAt > new Date())).toBe(true);
  });

  it('counts attended minutes from the sessions (overlaps once, an open one to the lesson’s end), per classroom', async () => {
    const at = (m: number) => fromLocal('2024-10-15', m);
    const [lesson] = await db()
      .insert(lessons)
      .values({
        teacherId: h.ids.users.wang!,
        schoolId: h.ids.orgs.jhzx!,
        title: '报告测试课',
        subject: 'math',
        grade: 4,
        status: 'ended',
        startsAt: at(600),
        endsAt: at(640),
        updatedAt: at(642),
        roomName: 'lesson-report-test',
      })
      .returning({ id: lessons.id });
    const rooms = h.ids.classrooms;
    await db()
      .insert(lessonClassrooms)
      .values(['beishan4_1', 'nanhu5_1', 'nanhu3_1'].map((r) => ({ lessonId: lesson!.id, classroomId: rooms[r]! })));
    const session = (room: string, sid: string, from: number, to: number | null) => ({
      lessonId: lesson!.id,
      identity: `classroom:${rooms[room]}`,
      sid,
      joinedAt: at(from),
      leftAt: to === null ? null : at(to),
    });
    await db()
      .insert(lessonAttendance)
      .values([
        // A reconnect that joined before the old session's leave arrived: 09:58–10:41, 43 minutes.
        session('beishan4_1', 'a', 598, 620),
        session('beishan4_1', 'b', 615, 641),
        // A leave that never arrived: present until the lesson ended (10:42), 42 minutes.
        session('nanhu5_1', 'c', 600, null),
      ]);
    const lead = await leader();
    const res = await lead.get(`/api/reports/dashboard?orgId=${group()}&at=2024-10-20`);
    const room = (name: string, schoolName: string) =>
      res.body.classrooms.find((c) => c.name === name && c.schoolName === schoolName)!;
    expect(room('四年级一班', '北山乡中心小学').now).toEqual({ lessons: 1, minutes: 43 });
    expect(room('五年级一班', '南湖村小学').now).toEqual({ lessons: 1, minutes: 42 });
    expect(room('三年级一班', '南湖村小学').now).toEqual({ lessons: 0, minutes: 0 });
    expect(school(res.body, '南湖村小学').now).toMatchObject({ liveLessonsReceived: 1, liveMinutesReceived: 42 });
    expect(school(res.body, '京华实验中学').now.liveLessonsTaught).toBe(1);
    expect(res.body.reachedRuralOrSupported.now).toMatchObject({ liveLessons: 2, liveMinutes: 85 });
    // The lesson report (counted in code, attendance.rules) agrees with the dashboard (counted in SQL).
    const usage = await lead.get(`/api/reports/lesson-usage?orgId=${group()}&at=2024-10-20`);
    for (const c of res.body.classrooms) {
      const u = usage.body.classrooms.find((x) => x.id === c.id)!;
      expect({ lessons: u.attended, minutes: u.minutes }, c.name).toEqual(c.now);
    }
  });

  it('today: the rural classrooms’ lessons and minutes agree with the lesson report, this term and at last term’s point', async () => {
    const lead = await leader();
    const d = (await lead.get(`/api/reports/dashboard?orgId=${group()}`)).body;
    const now = (await lead.get(`/api/reports/lesson-usage?orgId=${group()}`)).body;
    // The lesson report of the day at the same point of last term reads last term's window.
    const before = (await lead.get(`/api/reports/lesson-usage?orgId=${group()}&at=${d.window.previousTo.slice(0, 10)}`))
      .body;
    expect(d.classrooms.length).toBe(4);
    for (const c of d.classrooms) {
      const n = now.classrooms.find((x) => x.id === c.id)!;
      expect({ lessons: n.attended, minutes: n.minutes }).toEqual(c.now);
      const b = before.classrooms.find((x) => x.id === c.id)!;
      // The lesson report's window ends with the day; the dashboard's at the same instant of it: no lesson between.
      expect({ lessons: b.attended, minutes: b.minutes }).toEqual(c.before);
    }
  });

  it('counts resources used by other schools, not by their own', async () => {
    const [r] = await db()
      .select({ id: resources.id, schoolId: resources.schoolId })
      .from(resources)
      .where(eq(resources.schoolId, h.ids.orgs.jhzx!))
      .limit(1);
    const use = (user: string, schoolKey: string, day: string) => ({
      resourceId: r!.id,
      userId: h.ids.users[user]!,
      schoolId: h.ids.orgs[schoolKey]!,
      at: fromLocal(day, 600),
    });
    await db()
      .insert(resourceUses)
      .values([
        use('zhao', 'beishan', '2024-10-05'),
        use('zhao', 'beishan', '2024-10-06'),
        use('wang', 'jhzx', '2024-10-05'),
      ]);
    const res = await (await leader()).get(`/api/reports/dashboard?orgId=${group()}&at=2024-10-20`);
    expect(school(res.body, '京华实验中学').now).toMatchObject({ resourcesUsedByOthers: 2, resourcesReceived: 0 });
    expect(school(res.body, '北山乡中心小学').now.resourcesReceived).toBe(2);
    expect(res.body.reachedRuralOrSupported.now.resourcesUsed).toBe(2);
    // A use by the group's leader (of no school) is another's use too, month by month as in the schools' figures.
    await db()
      .insert(resourceUses)
      .values({ resourceId: r!.id, userId: h.ids.users.leader!, schoolId: null, at: fromLocal('2024-10-07', 600) });
    const usage = (await (await leader()).get(`/api/reports/resource-usage?orgId=${group()}&at=2024-10-20`)).body;
    const bySchools = usage.schools.reduce((a, s) => a + s.now.usedByOthers, 0);
    expect(bySchools).toBe(3);
    expect(usage.months.reduce((a, m) => a + m.usedAcrossSchools, 0)).toBe(bySchools);
  });
});

describe('reports: exchange teachers on the dashboard', () => {
  it('counts teachers sent, received and in post, and the hours logged in each window', async () => {
    const lead = await leader();
    const d = (await lead.get(`/api/reports/dashboard?orgId=${group()}`)).body;
    const placements = (await lead.get('/api/exchanges/placements?scope=all')).body.items;
    // 高志远 (京华实验小学) is in post at 北山 this year; 张伟 (京华实验中学) taught at 南湖 last term.
    const gao = placements.find((p) => p.teacher.name === '高志远')!;
    const zhang = placements.find((p) => p.teacher.name === '张伟' && p.status === 'completed')!;
    expect(school(d, '京华实验小学').now).toMatchObject({ exchangeSent: 1, exchangeReceived: 0 });
    expect(school(d, '北山乡中心小学').now).toMatchObject({ exchangeReceived: 1, exchangeInPost: 1 });
    expect(school(d, '京华实验中学').before).toMatchObject({ exchangeSent: 1 });
    expect(school(d, '京华实验中学').now).toMatchObject({ exchangeSent: 0 });
    expect(school(d, '南湖村小学').before).toMatchObject({ exchangeReceived: 1, exchangeInPost: 1 });
    expect(school(d, '南湖村小学').now).toMatchObject({ exchangeReceived: 0, exchangeInPost: 0 });
    // The hours: each placement's log entries within the window's days.
    const hoursIn = async (id: string, from: string, to: string) => {
      const logs = (await lead.get(`/api/exchanges/placements/${id}`)).body.logs;
      return logs.filter((l) => l.on >= from.slice(0, 10) && l.on <= to).reduce((a, l) => a + l.hours, 0);
    };
    const lastDay = toLocal(new Date(Date.parse(d.window.previousTo) - 1)).date;
    expect(school(d, '北山乡中心小学').now.exchangeHours).toBe(await hoursIn(gao.id, d.window.from, d.window.day));
    expect(school(d, '南湖村小学').before.exchangeHours).toBe(await hoursIn(zhang.id, d.window.previousFrom, lastDay));
    expect(school(d, '南湖村小学').before.exchangeHours).toBeGreaterThan(0);
    expect(d.reachedRuralOrSupported.now.exchangeTeachersInPost).toBe(1);
  });
});

describe('reports: the demo has a last term to compare with', () => {
  it('some figures went up, some down, some stayed level; each school has figures in both terms', async () => {
    const d = (await (await leader()).get(`/api/reports/dashboard?orgId=${group()}`)).body;
    const moves = new Set<string>();
    for (const s of d.schools) for (const k of pillarKeys) moves.add(Math.sign(s.now[k] - s.before[k]).toString());
    // A term a month in has had time to differ from the last; in its first weeks everything may still be level.
    if (d.window.daysIn > 35) expect([...moves].sort()).toEqual(['-1', '0', '1']);
    for (const s of d.schools)
      expect(
        pillarKeys.some((k) => s.before[k] > 0),
        s.name,
      ).toBe(true);
  });
});

/** Cookies of signed-in people, for the CSV requests read as bytes. */
const cookies = new Map<string, string>();

/**
 * A CSV export as the browser gets it, after checking it is the UTF-8 file Excel opens: its bytes start with the
 * byte-order mark. Its rows, headers and text (without the mark).
 */
async function csvOf(email: string, url: string) {
  if (!cookies.has(email)) cookies.set(email, (await h.login(email)).headers.get('set-cookie')!.split(';')[0]!);
  const res = await h.app.request(`http://localhost${url}`, { headers: { cookie: cookies.get(email)! } });
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (res.status !== 200) throw new Error(`${url}: ${res.status} ${new TextDecoder().decode(bytes)}`);
  expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1);
  return { headers: res.headers, rows: Papa.parse<string[]>(text, { skipEmptyLines: true }).data };
}

describe('reports: term reports and their CSV', () => {
  it('gives the term month by month per school and for the group, each school against itself', async () => {
    const lead = await leader();
    const res = await lead.get(`/api/reports/term?orgId=${group()}`);
    expectStatus(res, 200);
    const r = res.body;
    expect(r.terms[0]!.name).toBe(r.term.name);
    expect(r.terms.map((t) => t.name)).toContain(r.previousTerm.name);
    expect(r.group.months.map((m) => m.month)).toEqual(r.schools[0]!.months.map((m) => m.month));
    expect(r.group.months[0]!.month).toBe(r.term.start.slice(0, 7));
    for (const k of pillarKeys) {
      // The group is the sum of its schools; a term's counts are the sum of its months (in post: on the last day).
      const sum = (f: (s: (typeof r.schools)[number]) => number) =>
        Math.round(r.schools.reduce((a, s) => a + f(s), 0) * 10) / 10;
      expect(r.group.total[k], k).toBe(sum((s) => s.total[k]));
      if (k !== 'exchangeInPost' && k !== 'exchangeSent' && k !== 'exchangeReceived')
        for (const s of r.schools)
          expect(Math.round(s.months.reduce((a, m) => a + m[k], 0) * 10) / 10, `${s.name} ${k}`).toBe(s.total[k]);
    }
    // What reached the rural and supported schools: theirs together.
    const rural = r.schools.filter((s) => s.rural || s.supported);
    expect(rural.length).toBe(2);
    for (const k of pillarKeys)
      expect(r.helped.total[k], k).toBe(Math.round(rural.reduce((a, s) => a + s.total[k], 0) * 10) / 10);
    // This term's report and the dashboard agree.
    const d = (await lead.get(`/api/reports/dashboard?orgId=${group()}`)).body;
    for (const s of r.schools) {
      expect(s.total, s.name).toEqual(school(d, s.name).now);
      expect(s.before, s.name).toEqual(school(d, s.name).before);
    }
  });

  it('a past term counts the whole term against the whole term before it', async () => {
    const lead = await leader();
    const now = (await lead.get(`/api/reports/term?orgId=${group()}`)).body;
    const last = await lead.get(`/api/reports/term?orgId=${group()}&term=${now.previousTerm.name}`);
    expectStatus(last, 200);
    expect(last.body.window.to).toBe(last.body.term.end);
    expect(last.body.window.previousTo.slice(0, 10)).toBe(last.body.term.start.slice(0, 10));
    // The dashboard's "before" is last term up to the same point: never more than the whole term.
    for (const s of last.body.schools)
      for (const k of ['facilityHoursBorrowed', 'liveMinutesReceived', 'exchangeHours'] as const)
        expect(s.total[k], `${s.name} ${k}`).toBeGreaterThanOrEqual(school(now, s.name).before[k]);
    expectStatus(await lead.raw('GET', `/api/reports/term?orgId=${group()}&term=2026-winter`), 400);
    // A term further back than the picker's four is still reported, and offered as the one shown.
    const old = await lead.get(`/api/reports/term?orgId=${group()}&term=2020-autumn`);
    expectStatus(old, 200);
    expect(old.body.terms[0]!.name).toBe('2020-autumn');
    expect(old.body.previousTerm.name).toBe('2020-spring');
  });

  it('exports the schools’ table as CSV for Excel, named for the group and term, in the reader’s language', async () => {
    const lead = await leader();
    const report = (await lead.get(`/api/reports/term?orgId=${group()}`)).body;
    const { rows, headers } = await csvOf(
      'leader@jinghua.demo',
      `/api/reports/term/csv?orgId=${group()}&table=summary`,
    );
    const disposition = headers.get('content-disposition') ?? '';
    expect(disposition).toMatch(/^attachment; filename=/);
    const [, season] = report.term.name.split('-');
    const seasonWord = { autumn: '秋季学期', spring: '春季学期', summer: '暑期' }[season!]!;
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe(
      `京华教育集团 ${report.term.name.slice(0, 4)} 年${seasonWord} 各校汇总.csv`,
    );
    const [head, ...body] = rows;
    expect(head!.slice(0, 4)).toEqual(['学校', '学校代码', '乡村学校', '帮扶对象']);
    expect(head!.slice(4, 7)).toEqual(['场地借出（小时） 本学期', '场地借出（小时） 上学期同期', '变化']);
    expect(head).toHaveLength(4 + 3 * pillarKeys.length);
    expect(body.map((r) => r[0])).toEqual([
      ...report.schools.map((s) => s.name),
      '京华教育集团（合计）',
      '其中：乡村和帮扶学校',
    ]);
    expect(body.at(-1)!.slice(4, 7).map(Number)).toEqual([
      report.helped.total.facilityHoursLent,
      report.helped.before.facilityHoursLent,
      report.helped.total.facilityHoursLent - report.helped.before.facilityHoursLent,
    ]);
    const beishan = body.find((r) => r[0] === '北山乡中心小学')!;
    const s = school(report, '北山乡中心小学') as unknown as { total: PillarFigures; before: PillarFigures };
    expect(beishan.slice(1, 4)).toEqual(['BSXZX', '是', '是']);
    pillarKeys.forEach((k, i) => {
      const [now, before, change] = beishan.slice(4 + 3 * i, 7 + 3 * i);
      expect([Number(now), Number(before)], k).toEqual([s.total[k], s.before[k]]);
      expect(Number(change), k).toBeCloseTo(s.total[k] - s.before[k], 5);
      expect(change, k).toMatch(/^(\+[0-9.]+|-[0-9.]+|0)$/);
    });
    // English when asked (or when the reader reads English).
    const en = (await csvOf('leader@jinghua.demo', `/api/reports/term/csv?orgId=${group()}&table=summary&lang=en`))
      .rows;
    expect(en[0]!.slice(0, 5)).toEqual([
      'School',
      'School code',
      'Rural',
      'Supported',
      'Facility hours lent this term',
    ]);
    expect(en.at(-2)![0]).toBe('京华教育集团 (all schools)');
  });

  it('exports month by month, for the group or one school', async () => {
    const lead = await leader();
    const report = (await lead.get(`/api/reports/term?orgId=${group()}`)).body;
    const groupRows = (await csvOf('leader@jinghua.demo', `/api/reports/term/csv?orgId=${group()}&table=months`)).rows;
    expect(groupRows[0]).toEqual(['月份', ...pillarKeys.map((k) => reportWords.zh.figures[k])]);
    expect(groupRows.slice(1).map((r) => r[0])).toEqual(report.group.months.map((m) => m.month));
    const nanhu = school(report, '南湖村小学') as unknown as {
      id: string;
      months: (PillarFigures & { month: string })[];
    };
    const { rows, headers } = await csvOf(
      'leader@jinghua.demo',
      `/api/reports/term/csv?orgId=${group()}&table=months&schoolId=${nanhu.id}`,
    );
    expect(decodeURIComponent(headers.get('content-disposition')!.split("UTF-8''")[1]!)).toMatch(
      /^南湖村小学 .* 逐月\.csv$/,
    );
    rows.slice(1).forEach((row, i) => {
      const m = nanhu.months[i]!;
      expect(row[0]).toBe(m.month);
      expect(row.slice(1).map(Number)).toEqual(pillarKeys.map((k) => m[k]));
    });
    // The rural and supported schools together, month by month.
    const helped = await csvOf('leader@jinghua.demo', `/api/reports/term/csv?orgId=${group()}&table=helped`);
    expect(decodeURIComponent(helped.headers.get('content-disposition')!.split("UTF-8''")[1]!)).toMatch(
      /^乡村和帮扶学校 .* 逐月\.csv$/,
    );
    expect(helped.rows.slice(1).map((r) => Number(r[1 + pillarKeys.indexOf('liveMinutesReceived')]))).toEqual(
      report.helped.months.map((m) => m.liveMinutesReceived),
    );
    // A school outside the organisation is not found.
    const other = h.ids.orgs.xiling!;
    expectStatus(await lead.raw('GET', `/api/reports/term/csv?orgId=${group()}&table=months&schoolId=${other}`), 404);
  });

  it('quotes what a spreadsheet would run as a formula; numbers stay numbers', async () => {
    const xiling = h.ids.orgs.xiling!;
    await db().update(orgs).set({ name: '=HYPERLINK("http://x","西岭")' }).where(eq(orgs.id, xiling));
    try {
      const url = `/api/reports/term/csv?orgId=${h.ids.orgs.xilingGroup}&table=summary`;
      const { rows } = await csvOf('admin@xiling.demo', url);
      expect(rows[1]![0]).toBe('\'=HYPERLINK("http://x","西岭")');
      expect(rows[1]!.slice(4).every((v) => /^[+-]?[0-9.]+$/.test(v))).toBe(true);
    } finally {
      await db().update(orgs).set({ name: '西岭中学' }).where(eq(orgs.id, xiling));
    }
  });
});

describe('reports: who reads them', () => {
  it('another group’s admin finds nothing; a classroom assistant reads no attendance figures', async () => {
    const xiling = await h.as('admin@xiling.demo');
    for (const path of ['dashboard', 'term', 'term/csv'])
      expectStatus(await xiling.raw('GET', `/api/reports/${path}?orgId=${group()}&table=summary`), 404);
    const zhao = await h.as('zhao@beishan.demo');
    for (const path of ['dashboard', 'term', 'term/csv'])
      expectStatus(await zhao.raw('GET', `/api/reports/${path}?orgId=${group()}&table=summary`), 403);
    // 孙浩 teaches at 西岭中学 and assists a classroom at 北山 too: he reads his own group's attendance, not 京华's.
    await db().insert(memberships).values({
      userId: h.ids.users.xilingTeacher!,
      orgId: h.ids.orgs.beishan!,
      role: 'assistant',
      since: '2024-09-01',
    });
    const sun = await h.as('sun@xiling.demo');
    for (const path of ['dashboard', 'term', 'term/csv'])
      expectStatus(await sun.raw('GET', `/api/reports/${path}?orgId=${group()}&table=summary`), 403);
    expectStatus(await sun.get(`/api/reports/dashboard?orgId=${h.ids.orgs.xilingGroup}`), 200);
    // The district office reads its district's schools.
    const district = await h.as('office@chengguan.demo');
    const d = await district.get(`/api/reports/dashboard?orgId=${h.ids.orgs.chengguan}`);
    expectStatus(d, 200);
    expect(d.body.schools).toHaveLength(4);
  });
});

/** Names that rank: a rank, a top N, a position or a place in a league table. */
const RANKING = /rank|top|position|place/i;

/** Every key of a JSON value, with its path. */
function keysOf(value: unknown, path = '$'): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => keysOf(v, `${path}[${i}]`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => [`${path}.${k}`, ...keysOf(v, `${path}.${k}`)]);
  return [];
}

/** Every property name a JSON schema describes. */
function schemaKeys(schema: JsonSchema | undefined): string[] {
  if (!schema || typeof schema !== 'object') return [];
  const s = schema as JsonSchema & {
    items?: JsonSchema;
    anyOf?: JsonSchema[];
    oneOf?: JsonSchema[];
    allOf?: JsonSchema[];
  };
  return [
    ...Object.entries(s.properties ?? {}).flatMap(([k, v]) => [k, ...schemaKeys(v)]),
    ...schemaKeys(s.items),
    ...[...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])].flatMap(schemaKeys),
  ];
}

const LISTS = ['schools', 'classrooms', 'facilities'];

/** Arrays of schools (or their classrooms, facilities) in a report: each must be in the fixed order by name. */
function ordersOf(value: unknown, path = '$'): { path: string; names: string[]; grouped?: string[] }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => ordersOf(v, `${path}[${i}]`));
  if (!value || typeof value !== 'object') return [];
  const out: { path: string; names: string[]; grouped?: string[] }[] = [];
  for (const [k, v] of Object.entries(value)) {
    if (LISTS.includes(k) && Array.isArray(v) && v.length) {
      const rows = v as { name: string; schoolName?: string }[];
      out.push({
        path: `${path}.${k}`,
        names: rows.map((r) => r.name),
        grouped: rows[0]!.schoolName ? rows.map((r) => r.schoolName!) : undefined,
      });
    }
    out.push(...ordersOf(v, `${path}.${k}`));
  }
  return out;
}

const sortedByName = (names: string[]) => [...names].sort(byCodePoint);

describe('reports: nothing ranks (clause 4)', () => {
  it('every report route in openapi.json: no rank, top, position or place; schools in order by name', async () => {
    const doc = (await h.anon.raw('GET', '/api/openapi.json')).body as OpenApiDoc;
    const reports = operationsOf(doc).filter((o) => o.path.startsWith('/api/reports/'));
    expect(reports.length).toBeGreaterThanOrEqual(6);
    const lead = await leader();
    const district = await h.as('office@chengguan.demo');
    const checked: string[] = [];
    for (const { method, path, op } of reports) {
      expect(method).toBe('GET');
      // The documented answer names nothing that ranks.
      const content = (op.responses?.['200'] as { content?: Record<string, { schema?: JsonSchema }> } | undefined)
        ?.content;
      for (const [type, { schema }] of Object.entries(content ?? {}))
        expect(
          schemaKeys(schema).filter((k) => RANKING.test(k)),
          `${path} ${type}`,
        ).toEqual([]);
      // Every table of every organisation the leader reads, each way the query can be put.
      const params = op.parameters ?? [];
      const enums = params.filter((p) => p.in === 'query' && p.schema?.enum);
      const variants: Record<string, string>[] = [{}];
      for (const p of enums) {
        const values = p.schema!.enum as string[];
        const next = variants.flatMap((v) => values.map((x) => ({ ...v, [p.name]: x })));
        variants.splice(0, variants.length, ...next);
      }
      for (const [reader, org] of [
        [lead, group()],
        [lead, h.ids.orgs.jhzx!],
        [district, h.ids.orgs.chengguan!],
      ] as const)
        for (const v of variants) {
          const url = urlOf(path, {}, { orgId: org, ...v });
          const res = await reader.raw('GET', url);
          expectStatus(res, 200);
          checked.push(url);
          if ((res.headers.get('content-type') ?? '').startsWith('text/csv')) {
            const rows = Papa.parse<string[]>(res.text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
            expect(
              rows[0]!.filter((c) => RANKING.test(c) || /排名|名次|排行/.test(c)),
              url,
            ).toEqual([]);
            if (v.table === 'summary') {
              // The schools, then the organisation's total and the rural and supported schools' together.
              const names = rows.slice(1, -2).map((r) => r[0]!);
              expect(names, url).toEqual(sortedByName(names));
            }
            continue;
          }
          expect(
            keysOf(res.body).filter((k) => RANKING.test(k.split('.').at(-1)!)),
            url,
          ).toEqual([]);
          for (const o of ordersOf(res.body)) {
            if (o.grouped) {
              // Classrooms and facilities: school by school in the schools' order, each school's by name.
              const schools = (res.body as { schools: { name: string }[] }).schools.map((s) => s.name);
              const at = o.grouped.map((s) => schools.indexOf(s));
              expect(at, `${url} ${o.path}`).toEqual([...at].sort((a, b) => a - b));
              for (const s of new Set(o.grouped)) {
                const mine = o.names.filter((_, i) => o.grouped![i] === s);
                expect(mine, `${url} ${o.path} ${s}`).toEqual(sortedByName(mine));
              }
            } else expect(o.names, `${url} ${o.path}`).toEqual(sortedByName(o.names));
          }
        }
    }
    expect(checked.length).toBeGreaterThanOrEqual(18);
  });
});
