// The two groups of the tenancy walk, each with a record of every kind a route takes an id of: 京华's, made by its
// own people and shared no further than its group or district, and 西岭's, with the 西岭 people who do the asking —
// by session cookie and by bearer token.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import {
  exchangeApplications,
  exchangeLogs,
  exchangePlacements,
  exchangePostings,
  exchangeProgrammes,
  facilities as facilityRows,
  memberships,
  orgs,
  resources,
  ruralService,
  users,
} from '../../server/db/schema';
import { Client, expectStatus, type Harness, type Reply, type ReplyOf } from './harness';
import { slot } from './time';

/** Records by kind (the kinds openapi-walk reads off names: `facility`, `classroom`, …); the first is the usual one. */
export type Records = Record<string, string[]>;

export interface Caller {
  who: string;
  client: Client;
  /** The caller's own records by kind, for the parts of a request that are not under test. */
  own: Records;
  /** Which week the caller's requests book and schedule in, so that they do not clash with anyone else's. */
  round: number;
}

export interface Tenants {
  /** 京华's records by kind: none is visible to 西岭. */
  jinghua: Records;
  /** 京华's ids, and the names of its schools, people and things: none may appear in an answer to 西岭. */
  secrets: string[];
  /** 西岭's admin and its teacher 孙浩 (a master teacher), signed in with a session cookie. */
  cookie: Caller[];
  /** The same two, each with a bearer token of their own. */
  bearer: Caller[];
}

export function must<T>(res: Reply<T>, status: number): T {
  expectStatus(res, status);
  return res.body;
}

/** A PNG of one pixel: a facility photo. */
const PNG = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0,
  0, 0, 0x1f, 0x15, 0xc4, 0x89,
]);

function photoForm() {
  const form = new FormData();
  form.set('file', new Blob([PNG]), 'photo.png');
  return form;
}

function uploadForm(meta: Record<string, unknown>, name: string) {
  const form = new FormData();
  form.set('meta', JSON.stringify({ subject: 'math', grade: 4, kind: 'courseware', ...meta }));
  form.set('file', new Blob([new TextEncoder().encode(`%PDF-1.4\n% ${name}\n%%EOF\n`)]), `${name}.pdf`);
  return form;
}

const newYear = (schoolId: string) => ({ schoolId, startsOn: '2030-01-01', endsOn: '2030-01-02', reason: '元旦' });

/** The titles of everything in the library the person sees, but what is public. */
async function libraryTitles(client: Client): Promise<string[]> {
  const titles: string[] = [];
  let cursor: string | null = null;
  do {
    const page: ReplyOf<'GET', '/api/resources'> = await client.get(`/api/resources?cursor=${cursor ?? ''}`);
    const { items, nextCursor } = must(page, 200);
    titles.push(...items.filter((r) => r.visibility !== 'public').map((r) => r.title));
    cursor = nextCursor;
  } while (cursor);
  return titles;
}

/** 京华's records of every kind, made by 京华's people, and what of 京华's must never reach 西岭. */
async function seedJinghua(h: Harness): Promise<Pick<Tenants, 'jinghua' | 'secrets'>> {
  const { orgs, classrooms, facilities, users, lessons } = h.ids;
  // What 京华实验中学 shares with the public for its public page (a sports ground, a course, a lesson recording) is
  // everyone's by design, 西岭's too; the walks are about the rest, so here it is shared with the district only.
  const db = h.deps.database.db;
  await db.update(facilityRows).set({ scope: 'district' }).where(eq(facilityRows.scope, 'public'));
  await db.update(resources).set({ visibility: 'district' }).where(eq(resources.visibility, 'public'));
  const leader = await h.as('leader@jinghua.demo');
  const admin = await h.as('admin@jhzx.demo');
  const wang = await h.as('wang@jhzx.demo');
  const li = await h.as('li@jhxx.demo');

  const members = must(await leader.get(`/api/orgs/${orgs.jhzx}/members`), 200).items;
  const pending = must(await leader.get('/api/bookings?scope=to_approve'), 200).items;
  const closure = must(await leader.post('/api/closures', newYear(orgs.jhzx!)), 201).closure;
  const schoolOnly = uploadForm({ title: '京华的本校教案', visibility: 'school' }, 'a');
  const ownSchool = must(await wang.raw('POST', '/api/resources', schoolOnly), 201).resource;
  const inReview = must(
    await wang.raw('POST', '/api/resources', uploadForm({ title: '京华的课件', visibility: 'group' }, 'b')),
    201,
  );
  const library = must(await wang.get(`/api/resources?schoolId=${orgs.jhzx}`), 200).items;
  const published = library.find((r) => r.status === 'published' && r.visibility !== 'school')!;
  const lesson = must(
    await wang.post('/api/lessons', {
      title: '京华的直播课',
      subject: 'math',
      grade: 4,
      startsAt: new Date(Date.now() + 300_000).toISOString(),
      endsAt: new Date(Date.now() + 3_000_000).toISOString(),
      classroomIds: [classrooms.beishan4_1!],
    }),
    201,
  ).lesson;
  const collection = must(await wang.post('/api/collections', { title: '京华的资源包', visibility: 'group' }), 201);
  const collectionId = collection.collection.id;
  must(await wang.post(`/api/collections/${collectionId}/items`, { resourceId: ownSchool.id }), 200);
  const feed = must(await wang.post('/api/calendar-feeds', {}), 201).feed;
  const token = must(await wang.post('/api/auth/tokens', { name: '京华的脚本' }), 201).token;
  const photo = must(await admin.raw('POST', `/api/facilities/${facilities.gym}/photos`, photoForm()), 201).photo;
  // A booking by 京华实验小学 tells the gym's school admins: 京华实验中学's admin has a notice.
  must(await li.post('/api/bookings', { facilityId: facilities.gym!, ...slot(3, 9, 10, 10), purpose: '篮球赛' }), 201);
  const notice = must(await admin.get('/api/notifications'), 200).items[0]!;
  const invitation = must(
    await admin.post(`/api/orgs/${orgs.jhzx}/invitations`, { name: '新老师', email: 'new@jhzx.demo', role: 'teacher' }),
    201,
  ).invitation;

  // Exchanges: the demo programme, a posting, the application waiting for the leader, 高志远's placement and a day
  // of his log, 赵春生's rural-service record.
  const placement = must(await leader.get('/api/exchanges/placements?scope=all'), 200).items[0]!;
  const log = must(await leader.get(`/api/exchanges/placements/${placement.id}`), 200).logs[0]!;
  const service = must(await leader.get('/api/exchanges/rural-service'), 200).items[0]!;
  const ex = h.ids.exchanges!;

  const jinghua: Records = {
    org: [orgs.jhzx!, orgs.beishan!, orgs.jinghua!, orgs.chengguan!],
    facility: [facilities.gym!, facilities.hall!, facilities.music!],
    classroom: [classrooms.beishan4_1!, classrooms.jhzx7_1!],
    resource: [ownSchool.id, inReview.resource.id, published.id],
    booking: [pending[0]!.id],
    closure: [closure.id],
    lesson: [lesson.id, lessons!.demo!],
    membership: [members[0]!.membershipId],
    collection: [collectionId],
    'calendar-feed': [feed.id],
    token: [token.id],
    photo: [photo.id],
    notification: [notice.id],
    invitation: [invitation.id],
    identity: [`classroom:${classrooms.beishan4_1}`, `user:${users.wang}`],
    programme: [ex.programme!],
    posting: [ex.beishanMath!, ex.nanhuChinese!],
    application: [ex.waitingApplication!, ex.placedApplication!],
    placement: [placement.id],
    log: [log.id],
    'rural-service': [service.id],
    user: [users.li!, users.zhao!],
  };
  // All that 王明远 sees in the library (none of it public) and the titles of his lessons.
  const titles = await libraryTitles(wang);
  titles.push(...must(await wang.get('/api/lessons?scope=mine'), 200).items.map((l) => l.title));
  const people = Object.entries(users).filter(([key]) => !key.startsWith('xiling'));
  const secrets = [
    ...new Set([
      ...Object.values(jinghua).flat(),
      ...people.map(([, id]) => id),
      token.token,
      ...titles,
      ...['京华', '北山', '南湖', '城关', '刘建国', '孙丽华', '王明远', '李雪梅', '赵春生', '陈小燕', '张伟', '何静'],
      ...['高志远', '吴秀兰', '郑国强'],
      ...['体育馆', '化学实验室', '报告厅', '音乐教室', '四年级一班'],
    ]),
  ];
  return { jinghua, secrets };
}

/** 西岭's records, and its admin and teacher as callers by cookie and by token. */
async function seedXiling(h: Harness): Promise<Pick<Tenants, 'cookie' | 'bearer'>> {
  const { orgs, classrooms, facilities } = h.ids;
  const admin = await h.as('admin@xiling.demo');
  const sun = await h.as('sun@xiling.demo');
  const membershipOf = async (email: string) =>
    must(await admin.get(`/api/orgs/${orgs.xiling}/members`), 200).items.find((m) => m.email === email)!.membershipId;
  // 孙浩 is made a master teacher, so that he schedules lessons of his own.
  must(await admin.patch(`/api/memberships/${await membershipOf('sun@xiling.demo')}`, { masterTeacher: true }), 200);
  // An assistant teacher whose membership the walk may change at will (孙浩 must stay a master teacher), written
  // straight into the database: how people join an organisation is the invitations' business, not this walk's.
  const db = h.deps.database.db;
  const [assistant] = await db.insert(users).values({ email: 'assistant@xiling.demo', name: '西岭的助教' }).returning();
  const [membership] = await db
    .insert(memberships)
    .values({ userId: assistant!.id, orgId: orgs.xiling!, role: 'assistant' })
    .returning();
  const exchanges = await seedXilingExchanges(h, assistant!.id);
  const lesson = {
    title: '西岭的直播课',
    subject: 'math' as const,
    grade: 7,
    ...slot(2, 15, 16, 40),
    classroomIds: [classrooms.xiling7_1!],
  };
  const booking = { facilityId: facilities.pool!, ...slot(4, 10, 11, 40), purpose: '游泳课' };
  const shared: Records = {
    org: [orgs.xiling!],
    facility: [facilities.pool!],
    classroom: [classrooms.xiling7_1!],
    resource: [must(await sun.get('/api/resources?mine=1'), 200).items[0]!.id],
    booking: [must(await sun.post('/api/bookings', booking), 201).booking.id],
    lesson: [must(await sun.post('/api/lessons', lesson), 201).lesson.id],
    membership: [membership!.id],
    closure: [must(await admin.post('/api/closures', newYear(orgs.xiling!)), 201).closure.id],
    photo: [must(await admin.raw('POST', `/api/facilities/${facilities.pool}/photos`, photoForm()), 201).photo.id],
    identity: [`classroom:${classrooms.xiling7_1}`],
    ...exchanges.records,
    invitation: [
      must(
        await admin.post(`/api/orgs/${orgs.xiling}/invitations`, {
          name: '新老师',
          email: 'new@xiling.demo',
          role: 'teacher',
        }),
        201,
      ).invitation.id,
    ],
  };
  /**
   * A caller, with the records a person keeps for themselves: a collection, a feed, a token, a notice. Tokens are
   * made from the person's browser session (`browser`): a token cannot make tokens.
   */
  const caller = async (who: string, client: Client, round: number, browser = client): Promise<Caller> => {
    const made = must(await client.post('/api/collections', { title: '西岭的资源包', visibility: 'group' }), 201);
    const notices = must(await client.get('/api/notifications'), 200).items;
    const own: Records = {
      ...shared,
      ...exchanges.perCaller(round),
      collection: [made.collection.id],
      'calendar-feed': [must(await client.post('/api/calendar-feeds', {}), 201).feed.id],
      token: [must(await browser.post('/api/auth/tokens', { name: '西岭的脚本' }), 201).token.id],
      notification: notices.length ? [notices[0]!.id] : [randomUUID()],
    };
    return { who, client, own, round };
  };
  const script = async (client: Client) =>
    new Client(h.app, { bearer: must(await client.post('/api/auth/tokens', { name: '西岭的脚本' }), 201).token.token });
  return {
    cookie: [await caller('西岭’s admin', admin, 0), await caller('西岭’s teacher', sun, 1)],
    bearer: [
      await caller('西岭’s admin, by token', await script(admin), 2, admin),
      await caller('西岭’s teacher, by token', await script(sun), 3, sun),
    ],
  };
}

/**
 * 西岭's exchanges, written straight into the database (the walk's callers are 西岭中学's admin and teacher, and no
 * group leader): a rural school of the group, 西岭村小, that the admin also runs and where a third teacher of 西岭中学
 * also teaches; a programme; a posting at 西岭村小; 孙浩 in post there (with a day of log); the assistant's application
 * and rural-service record. Each id of 西岭's that a route takes in its body is one its callers may use.
 */
async function seedXilingExchanges(
  h: Harness,
  assistantId: string,
): Promise<{ records: Records; perCaller: (round: number) => Records }> {
  const db = h.deps.database.db;
  const { orgs: org, users: people } = h.ids;
  const [village] = await db
    .insert(orgs)
    .values({
      kind: 'school',
      name: '西岭村小',
      code: 'XLCX',
      rural: true,
      groupId: org.xilingGroup!,
      districtId: org.xilingDistrict!,
    })
    .returning();
  await db.insert(memberships).values({ userId: people.xilingAdmin!, orgId: village!.id, role: 'school_admin' });
  h.deps.actorCache?.forgetUser(people.xilingAdmin!); // as the app does on a change of memberships
  // One teacher per caller (nominated, named mentor), teaching at 西岭中学 and also at 西岭村小.
  const teachers: string[] = [];
  for (const n of [0, 1, 2, 3]) {
    const [t] = await db
      .insert(users)
      .values({ email: `teacher${n}@xiling.demo`, name: `西岭的老师${n}` })
      .returning();
    await db.insert(memberships).values([
      { userId: t!.id, orgId: org.xiling!, role: 'teacher', since: '2010-09-01' },
      { userId: t!.id, orgId: village!.id, role: 'teacher', since: '2020-09-01' },
    ]);
    teachers.push(t!.id);
  }
  const [programme] = await db
    .insert(exchangeProgrammes)
    .values({
      orgId: org.xilingGroup!,
      kind: 'support',
      name: '西岭的交流',
      schoolYear: '2026-2027',
      startsOn: '2026-09-01',
      endsOn: '2031-08-31',
      minYearsAtSchool: 0,
      minMonths: 1,
      createdBy: people.xilingAdmin!,
    })
    .returning();
  const [posting] = await db
    .insert(exchangePostings)
    .values({
      programmeId: programme!.id,
      schoolId: village!.id,
      subject: 'math',
      gradeFrom: 1,
      gradeTo: 6,
      places: 3,
      startsOn: '2026-09-01',
      months: 6,
      createdBy: people.xilingAdmin!,
    })
    .returning();
  // One later posting per caller to apply to (孙浩 is in post until March 2027).
  const later: string[] = [];
  for (const n of [0, 1, 2, 3]) {
    const [p] = await db
      .insert(exchangePostings)
      .values({ ...posting!, id: undefined, startsOn: `${2027 + n}-09-01`, months: 6, createdAt: undefined })
      .returning();
    later.push(p!.id);
  }
  const application = async (teacherId: string, status: 'submitted' | 'placed') =>
    (
      await db
        .insert(exchangeApplications)
        .values({ postingId: posting!.id, teacherId, homeSchoolId: org.xiling!, submittedBy: teacherId, status })
        .returning()
    )[0]!;
  const waiting = await application(assistantId, 'submitted');
  const placed = await application(people.xilingTeacher!, 'placed');
  const [placement] = await db
    .insert(exchangePlacements)
    .values({
      applicationId: placed.id,
      postingId: posting!.id,
      teacherId: people.xilingTeacher!,
      homeSchoolId: org.xiling!,
      hostSchoolId: village!.id,
      startsOn: '2026-09-01',
      endsOn: '2027-03-01',
    })
    .returning();
  const [log] = await db
    .insert(exchangeLogs)
    .values({ placementId: placement!.id, on: '2026-09-08', hours: 2, activity: 'taught' })
    .returning();
  const [service] = await db
    .insert(ruralService)
    .values({ userId: assistantId, schoolId: village!.id, startsOn: '2010-09-01', recordedBy: people.xilingAdmin! })
    .returning();
  return {
    records: {
      programme: [programme!.id],
      application: [waiting.id],
      placement: [placement!.id],
      log: [log!.id],
      'rural-service': [service!.id],
    },
    perCaller: (round) => ({ posting: [later[round]!], user: [teachers[round]!, people.xilingTeacher!] }),
  };
}

export async function seedTenants(h: Harness): Promise<Tenants> {
  return { ...(await seedJinghua(h)), ...(await seedXiling(h)) };
}

/** What 京华's people see of their own records: anything 西岭 managed to change would show here. */
export async function jinghuaViews(h: Harness, r: Records): Promise<string[]> {
  const views: [string, string][] = [
    ['leader@jinghua.demo', `/api/bookings/${r.booking![0]}`],
    ['leader@jinghua.demo', '/api/bookings?scope=to_approve'],
    ['leader@jinghua.demo', `/api/closures?schoolId=${r.org![0]}`],
    ['admin@jhzx.demo', '/api/notifications'],
    ['admin@jhzx.demo', `/api/orgs/${r.org![0]}/members`],
    ['admin@jhzx.demo', `/api/facilities/${r.facility![0]}`],
    ['wang@jhzx.demo', `/api/lessons/${r.lesson![0]}`],
    ['wang@jhzx.demo', `/api/collections/${r.collection![0]}`],
    ['wang@jhzx.demo', `/api/resources/${r.resource![0]}`],
    ['wang@jhzx.demo', '/api/auth/tokens'],
    ['wang@jhzx.demo', '/api/calendar-feeds'],
    ['zhao@beishan.demo', '/api/lessons?scope=mine'],
  ];
  const out: string[] = [];
  for (const [email, path] of views) {
    const res = await (await h.as(email)).raw('GET', path);
    out.push(`${email} GET ${path} → ${res.status} ${res.text}`);
  }
  return out;
}
