// Demo history (issue 13): the previous teaching term, whole, and this term up to now — held bookings, uses of the
// lead school's resources by other schools, live lessons with what LiveKit recorded of them, and a teacher's support
// posting last term — so that each school's figures have a past to be held against. This term's live lessons stop a
// week ago: from then on, the lessons are seed.ts's hand-written ones (of a week and of three days ago).
//
// Every stream repeats every `every` days from day `first` of its term, so this term and the last compare at the same
// point: a school whose stream is more frequent this term goes up, less frequent down, the same stays level —
// whatever today's date. Days that fall when a place is closed move to its next open day.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { previousTeachingTerm, type Term, termOf, toLocal } from '../../shared/time';
import type { Queryable } from '../lib/db';
import { fromLocal } from '../modules/bookings/bookings.rules';
import { addMonths, schoolYearOf } from '../modules/exchanges/exchanges.rules';
import { type DemoIds, first, must } from './demo-ids';
import {
  bookings,
  exchangeApplications,
  exchangeApprovals,
  exchangeLogs,
  exchangePlacements,
  exchangePostings,
  exchangeProgrammes,
  exchangeReviews,
  lessonAttendance,
  lessonClassrooms,
  lessons,
  resources,
  resourceUses,
} from './schema';

const DAY_MS = 86400_000;

/** A repeating event: on day `first` of the term, then every `every` days. */
interface Rhythm {
  first: number;
  every: number;
}

const WEEKDAYS = [1, 2, 3, 4, 5];
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];

/**
 * The terms the history fills: the last one whole, this one up to `until` (now: only what has ended), its lessons up
 * to `lessonsUntil` (the start of the day a week ago, when seed.ts's own lesson was given).
 */
export function historyTerms(now = new Date()) {
  const term = termOf(now);
  const weekAgo = fromLocal(toLocal(new Date(now.getTime() - 7 * DAY_MS)).date);
  return { term, previous: previousTeachingTerm(term), until: now, lessonsUntil: weekAgo };
}

/** The Beijing days of a rhythm within [term start, until), each moved to the next day among `open` weekdays. */
export function daysOf(term: Term, rhythm: Rhythm, open: number[], until: Date): string[] {
  const out: string[] = [];
  for (let offset = rhythm.first; ; offset += rhythm.every) {
    let d = new Date(term.start.getTime() + offset * DAY_MS + 12 * 3600_000);
    while (!open.includes(toLocal(d).weekday)) d = new Date(d.getTime() + DAY_MS);
    if (d >= term.end || d >= until) return out;
    out.push(toLocal(d).date);
  }
}

type Stream<T> = T & { last: Rhythm; now: Rhythm };

const BOOKINGS: Stream<{
  facility: string;
  school: string;
  booker: string;
  decider: string;
  hours: [number, number];
  open: number[];
  purpose: string;
}>[] = [
  // 京华实验小学 brings its science classes to the lead school's lab weekly now, fortnightly last term: up.
  {
    facility: 'chemLab',
    school: 'jhxx',
    booker: 'li',
    decider: 'admin',
    hours: [14, 16],
    open: WEEKDAYS,
    purpose: '小学科学实验课：溶解与结晶',
    last: { first: 9, every: 14 },
    now: { first: 9, every: 7 },
  },
  // 南湖村小学's teacher training in the lecture hall, monthly now, fortnightly last term: down.
  {
    facility: 'hall',
    school: 'nanhu',
    booker: 'nanhuAdmin',
    decider: 'admin',
    hours: [14, 17],
    open: WEEKDAYS,
    purpose: '南湖村小学教师培训：课堂观察与评课',
    last: { first: 12, every: 14 },
    now: { first: 12, every: 28 },
  },
  // 北山乡中心小学's study visits to the science museum, every three weeks in both terms: level.
  {
    facility: 'scienceMuseum',
    school: 'beishan',
    booker: 'beishanAdmin',
    decider: 'admin',
    hours: [9.5, 12],
    open: [2, 3, 4, 5, 6],
    purpose: '北山乡中心小学社会大课堂：科技馆研学',
    last: { first: 15, every: 21 },
    now: { first: 15, every: 21 },
  },
  // …and its basketball team trains in the lead school's gym fortnightly now, monthly last term: up.
  {
    facility: 'gym',
    school: 'beishan',
    booker: 'beishanAdmin',
    decider: 'admin',
    hours: [9, 11],
    open: EVERY_DAY,
    purpose: '北山乡中心小学篮球队训练',
    last: { first: 20, every: 28 },
    now: { first: 20, every: 14 },
  },
  // The lead school's choir rehearses in 京华实验小学's music room fortnightly in both terms: level.
  {
    facility: 'music',
    school: 'jhzx',
    booker: 'zhang',
    decider: 'jhxxAdmin',
    hours: [10, 11],
    open: WEEKDAYS,
    purpose: '初一合唱团排练',
    last: { first: 5, every: 14 },
    now: { first: 5, every: 14 },
  },
];

/** A live lesson series; `rooms` says which classrooms the n-th lesson invites, `missed` which of them stayed away. */
interface LessonStream {
  teacher: string;
  school: string;
  subject: 'math' | 'chinese';
  grade: number;
  title: string;
  start: number;
  minutes: number;
  rhythm: Rhythm;
  rooms: (n: number) => string[];
  missed: (n: number, room: string) => boolean;
}

const lessonStreams = (term: 'last' | 'now'): LessonStream[] => [
  // 王明远's weekly dual-teacher maths: 北山 四年级一班 every week (last term it missed every fifth lesson: up now);
  // 南湖 五年级一班 every week last term, every other week this term (down).
  {
    teacher: 'wang',
    school: 'jhzx',
    subject: 'math',
    grade: 4,
    title: '数学双师课堂',
    start: 10 * 60,
    minutes: 40,
    rhythm: { first: 8, every: 7 },
    rooms: (n) => (term === 'last' || n % 2 === 0 ? ['beishan4_1', 'nanhu5_1'] : ['beishan4_1']),
    missed: (n, room) => term === 'last' && room === 'beishan4_1' && n % 5 === 4,
  },
  // 李雪梅's fortnightly whole-book reading: 南湖 三年级一班 last term, 北山 六年级一班 this term.
  {
    teacher: 'li',
    school: 'jhxx',
    subject: 'chinese',
    grade: term === 'last' ? 3 : 6,
    title: '整本书阅读',
    start: 14 * 60,
    minutes: 40,
    rhythm: { first: 10, every: 14 },
    rooms: () => [term === 'last' ? 'nanhu3_1' : 'beishan6_1'],
    missed: () => false,
  },
];

const at = (day: string, minutes: number) => fromLocal(day, Math.round(minutes));

async function seedBookings(tx: Queryable, ids: DemoIds, terms: ReturnType<typeof historyTerms>) {
  const rows: (typeof bookings.$inferInsert)[] = [];
  for (const s of BOOKINGS)
    for (const [term, rhythm, until] of [
      [terms.previous, s.last, terms.previous.end],
      [terms.term, s.now, terms.until],
    ] as const)
      for (const day of daysOf(term, rhythm, s.open, until)) {
        const startsAt = at(day, s.hours[0] * 60);
        const endsAt = at(day, s.hours[1] * 60);
        // Held: over by now (a booking of later today is not history).
        if (endsAt > until) continue;
        rows.push({
          facilityId: must(ids.facilities, s.facility),
          bookerId: must(ids.users, s.booker),
          borrowerSchoolId: must(ids.orgs, s.school),
          purpose: s.purpose,
          attendees: 40,
          status: 'approved',
          startsAt,
          endsAt,
          decidedBy: must(ids.users, s.decider),
          decidedAt: new Date(startsAt.getTime() - 3 * DAY_MS),
          createdAt: new Date(startsAt.getTime() - 5 * DAY_MS),
          updatedAt: new Date(startsAt.getTime() - 3 * DAY_MS),
        });
      }
  if (rows.length) await tx.insert(bookings).values(rows);
}

async function seedLessons(tx: Queryable, ids: DemoIds, terms: ReturnType<typeof historyTerms>) {
  for (const [which, term, until] of [
    ['last', terms.previous, terms.previous.end],
    ['now', terms.term, terms.lessonsUntil],
  ] as const)
    for (const s of lessonStreams(which)) {
      const days = daysOf(term, s.rhythm, WEEKDAYS, until);
      if (!days.length) continue;
      const made = await tx
        .insert(lessons)
        .values(
          days.map((day, n) => ({
            teacherId: must(ids.users, s.teacher),
            schoolId: must(ids.orgs, s.school),
            title: `${s.title}（第 ${n + 1} 讲）`,
            subject: s.subject,
            grade: s.grade,
            status: 'ended' as const,
            startsAt: at(day, s.start),
            endsAt: at(day, s.start + s.minutes),
            updatedAt: at(day, s.start + s.minutes + 2),
            createdAt: at(day, s.start - 7 * 24 * 60),
            roomName: `lesson-history-${s.teacher}-${day}`,
          })),
        )
        .returning({ id: lessons.id });
      const invited: (typeof lessonClassrooms.$inferInsert)[] = [];
      const sessions: (typeof lessonAttendance.$inferInsert)[] = [];
      made.forEach(({ id: lessonId }, n) => {
        const day = days[n] as string;
        const t = (m: number) => at(day, s.start + m);
        sessions.push({
          lessonId,
          identity: `user:${must(ids.users, s.teacher)}`,
          sid: `PA_h_${n}_teacher`,
          joinedAt: t(-5),
          leftAt: t(s.minutes + 2),
        });
        for (const room of s.rooms(n)) {
          const classroomId = must(ids.classrooms, room);
          invited.push({ lessonId, classroomId });
          if (s.missed(n, room)) continue;
          // Rural links drop now and then: every fourth lesson a classroom rejoins after two minutes.
          const dropped = n % 4 === 1;
          const identity = `classroom:${classroomId}`;
          const late = room.startsWith('nanhu') ? 3 : -2;
          sessions.push({
            lessonId,
            identity,
            sid: `PA_h_${n}_${room}_1`,
            joinedAt: t(late),
            leftAt: t(dropped ? 15 : s.minutes + 1),
          });
          if (dropped)
            sessions.push({
              lessonId,
              identity,
              sid: `PA_h_${n}_${room}_2`,
              joinedAt: t(17),
              leftAt: t(s.minutes + 1),
            });
        }
      });
      await tx.insert(lessonClassrooms).values(invited);
      await tx.insert(lessonAttendance).values(sessions);
    }
}

/** Who downloads the lead school's material, and how often: 北山 more this term, 南湖 less, 京华实验小学 the same. */
const USES: Stream<{ user: string; school: string }>[] = [
  { user: 'zhao', school: 'beishan', last: { first: 6, every: 14 }, now: { first: 6, every: 7 } },
  { user: 'chen', school: 'nanhu', last: { first: 7, every: 7 }, now: { first: 7, every: 14 } },
  { user: 'li', school: 'jhxx', last: { first: 8, every: 10 }, now: { first: 8, every: 10 } },
];

async function seedUses(tx: Queryable, ids: DemoIds, terms: ReturnType<typeof historyTerms>) {
  const material = await tx
    .select({ id: resources.id, publishedAt: resources.publishedAt })
    .from(resources)
    .where(
      and(
        eq(resources.schoolId, must(ids.orgs, 'jhzx')),
        eq(resources.status, 'published'),
        inArray(resources.visibility, ['group', 'district', 'public']),
      ),
    )
    .orderBy(resources.publishedAt);
  const rows: (typeof resourceUses.$inferInsert)[] = [];
  for (const u of USES)
    for (const [term, rhythm, until] of [
      [terms.previous, u.last, terms.previous.end],
      [terms.term, u.now, terms.until],
    ] as const)
      daysOf(term, rhythm, EVERY_DAY, until).forEach((day, n) => {
        const when = at(day, 16 * 60);
        if (when > until) return;
        // Of what was published by then, a different piece each time.
        const ready = material.filter((m) => m.publishedAt && m.publishedAt < when);
        const pick = ready[(n * 5) % Math.max(1, ready.length)];
        if (pick)
          rows.push({
            resourceId: pick.id,
            userId: must(ids.users, u.user),
            schoolId: must(ids.orgs, u.school),
            at: when,
          });
      });
  if (!rows.length) return;
  await tx.insert(resourceUses).values(rows);
  const perResource = new Map<string, number>();
  for (const r of rows) perResource.set(r.resourceId, (perResource.get(r.resourceId) ?? 0) + 1);
  for (const [id, n] of perResource)
    await tx
      .update(resources)
      .set({ downloads: sql`${resources.downloads} + ${n}` })
      .where(eq(resources.id, id));
}

/**
 * Last term 张伟 of the lead school taught science at 南湖村小学 on a support posting (支教), logging his weeks; this
 * term nobody went from the lead school and nobody came to 南湖 (高志远's year at 北山 is seed-exchanges').
 */
async function seedSupportPosting(tx: Queryable, ids: DemoIds, terms: ReturnType<typeof historyTerms>) {
  const user = (key: string) => must(ids.users, key);
  const org = (key: string) => must(ids.orgs, key);
  const startsOn = toLocal(terms.previous.start).date;
  const endsOn = toLocal(terms.previous.end).date;
  const year = schoolYearOf(startsOn);
  const decided = new Date(terms.previous.start.getTime() - 20 * DAY_MS);
  const programme = first(
    await tx
      .insert(exchangeProgrammes)
      .values({
        orgId: org('jinghua'),
        kind: 'support',
        name: `京华教育集团 ${year}–${year + 1} 学年乡村学校支教`,
        schoolYear: `${year}-${year + 1}`,
        startsOn,
        endsOn: addMonths(startsOn, 6),
        goals: '城区骨干教师到乡村学校支教一个学期，开齐开足科学课。',
        status: 'closed',
        minMonths: 1,
        maxMonths: 12,
        createdBy: user('leader'),
        createdAt: new Date(decided.getTime() - 40 * DAY_MS),
      })
      .returning({ id: exchangeProgrammes.id }),
  );
  const posting = first(
    await tx
      .insert(exchangePostings)
      .values({
        programmeId: programme.id,
        schoolId: org('nanhu'),
        subject: 'science',
        gradeFrom: 3,
        gradeTo: 6,
        places: 1,
        filled: 1,
        startsOn,
        months: Math.max(
          1,
          Math.round((terms.previous.end.getTime() - terms.previous.start.getTime()) / (30 * DAY_MS)),
        ),
        duties: '承担三至六年级科学课，每周不少于 12 课时。',
        closedAt: decided,
        createdBy: user('leader'),
        createdAt: new Date(decided.getTime() - 30 * DAY_MS),
      })
      .returning({ id: exchangePostings.id }),
  );
  const application = first(
    await tx
      .insert(exchangeApplications)
      .values({
        postingId: posting.id,
        teacherId: user('zhang'),
        homeSchoolId: org('jhzx'),
        submittedBy: user('zhang'),
        statement: '我愿意到南湖村小学支教一个学期，把实验课带给孩子们。',
        status: 'placed',
        decidedBy: user('leader'),
        decidedAt: decided,
        createdAt: new Date(decided.getTime() - 14 * DAY_MS),
        updatedAt: decided,
      })
      .returning({ id: exchangeApplications.id }),
  );
  await tx.insert(exchangeApprovals).values(
    (
      [
        ['home', 'admin', 10],
        ['host', 'nanhuAdmin', 5],
        ['group', 'leader', 0],
      ] as const
    ).map(([step, by, daysBefore]) => ({
      applicationId: application.id,
      step,
      approvedBy: user(by),
      approvedAt: new Date(decided.getTime() - daysBefore * DAY_MS),
    })),
  );
  const placement = first(
    await tx
      .insert(exchangePlacements)
      .values({
        applicationId: application.id,
        postingId: posting.id,
        teacherId: user('zhang'),
        homeSchoolId: org('jhzx'),
        hostSchoolId: org('nanhu'),
        startsOn,
        endsOn,
        status: 'completed',
        completedOn: endsOn,
        mentorId: user('nanhuAdmin'),
        createdAt: decided,
      })
      .returning({ id: exchangePlacements.id }),
  );
  // The host school's final review, on the term's last day out: what completed it, and what the home school reads.
  await tx.insert(exchangeReviews).values({
    placementId: placement.id,
    stage: 'final',
    summary: '张伟老师开齐了三至六年级科学课，带着南湖村小学的老师集体备课，学生第一次做了完整的实验。',
    satisfactory: true,
    reviewedBy: user('nanhuAdmin'),
    reviewedAt: at(endsOn, 9 * 60),
  });
  const weeks = daysOf(terms.previous, { first: 1, every: 7 }, WEEKDAYS, terms.previous.end);
  await tx.insert(exchangeLogs).values(
    weeks.map((on, i) => ({
      placementId: placement.id,
      on,
      hours: i % 4 === 3 ? 3 : 8,
      activity: i % 4 === 3 ? ('research' as const) : ('taught' as const),
      note: i % 4 === 3 ? '与南湖村小学教师集体备课' : '三至六年级科学课',
      confirmedBy: user('nanhuAdmin'),
      confirmedAt: at(on, 7 * 24 * 60),
      createdAt: at(on, 18 * 60),
    })),
  );
}

/** Adds the history to the demo: called by seedDemo once the demo's people, places and resources are there. */
export async function seedHistory(tx: Queryable, ids: DemoIds, now = new Date()): Promise<void> {
  const terms = historyTerms(now);
  await seedBookings(tx, ids, terms);
  await seedLessons(tx, ids, terms);
  await seedUses(tx, ids, terms);
  await seedSupportPosting(tx, ids, terms);
}
