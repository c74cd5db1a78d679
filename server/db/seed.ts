// Demo data exactly as CONTRACT.md describes it. Later modules (facilities, resources, exchanges, lessons)
// add their own demo records through seed functions registered here.
import { count } from 'drizzle-orm';
import type { OpeningHours } from '../../shared/schemas/facilities';
import { hashPassword } from '../lib/crypto';
import type { Db, Queryable } from '../lib/db';
import { fromLocal, toLocal } from '../modules/bookings/bookings.rules';
import type { Storage } from '../modules/resources/storage';
import { type DemoIds, first, must } from './demo-ids';
import {
  bookings,
  classrooms,
  facilities,
  lessonAttendance,
  lessonClassrooms,
  lessonFeedback,
  lessons,
  memberships,
  orgs,
  users,
} from './schema';
import { seedExchanges } from './seed-exchanges';
import { seedHistory } from './seed-history';
import { seedPublicPages } from './seed-public-pages';
import { seedResources } from './seed-resources';

export type { DemoIds } from './demo-ids';

export const DEMO_PASSWORD = 'tongzhou-demo';

type OrgIns = typeof orgs.$inferInsert;

const weekdays = (start: string, end: string): OpeningHours =>
  Object.fromEntries(['1', '2', '3', '4', '5'].map((d) => [d, [{ start, end }]]));
const everyDay = (start: string, end: string): OpeningHours =>
  Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [{ start, end }]]));

/** The local date of the next given weekday (1 = Monday) at least `minDays` from today. */
export function nextWeekday(weekday: number, minDays = 1): string {
  for (let i = minDays; i < minDays + 8; i++) {
    const d = new Date(Date.now() + i * 86400_000);
    if (toLocal(d).weekday === weekday) return toLocal(d).date;
  }
  throw new Error('unreachable');
}

export async function isEmpty(db: Queryable): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(orgs);
  return (row?.n ?? 0) === 0;
}

/** Loads the demo organisations, classrooms and people in one transaction. Returns their ids by key. */
/** With `storage`, demo resources and their files are added too. */
export async function seedDemo(db: Db, storage?: Storage): Promise<DemoIds> {
  // One hash for every demo account: they share a published password, and hashing once keeps
  // first start and each test file's set-up quick. Real accounts each get their own salt.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    const ids: DemoIds = { orgs: {}, classrooms: {}, users: {}, facilities: {} };
    const org = async (key: string, values: OrgIns) => {
      const row = first(await tx.insert(orgs).values(values).returning({ id: orgs.id }));
      ids.orgs[key] = row.id;
      return row.id;
    };
    const jinghua = await org('jinghua', { kind: 'group', name: '京华教育集团' });
    const chengguan = await org('chengguan', { kind: 'district', name: '城关学区' });
    const xilingGroup = await org('xilingGroup', { kind: 'group', name: '西岭教育集团' });
    const xilingDistrict = await org('xilingDistrict', { kind: 'district', name: '西岭学区' });
    const jg = { groupId: jinghua, districtId: chengguan } as const;
    await org('jhzx', {
      kind: 'school',
      name: '京华实验中学',
      code: 'JHZX',
      lead: true,
      address: '城关镇文昌路 18 号',
      ...jg,
    });
    await org('jhxx', { kind: 'school', name: '京华实验小学', code: 'JHXX', address: '城关镇育才街 6 号', ...jg });
    await org('beishan', {
      kind: 'school',
      name: '北山乡中心小学',
      code: 'BSXZX',
      rural: true,
      supported: true,
      address: '北山乡北山村',
      ...jg,
    });
    await org('nanhu', {
      kind: 'school',
      name: '南湖村小学',
      code: 'NHCXX',
      rural: true,
      supported: true,
      address: '南湖镇南湖村',
      ...jg,
    });
    await org('xiling', {
      kind: 'school',
      name: '西岭中学',
      code: 'XLZX',
      lead: true,
      address: '西岭镇中心街 1 号',
      groupId: xilingGroup,
      districtId: xilingDistrict,
    });

    const room = async (key: string, school: string, name: string, grade: number) => {
      const row = first(
        await tx
          .insert(classrooms)
          .values({ schoolId: must(ids.orgs, school), name, grade })
          .returning({ id: classrooms.id }),
      );
      ids.classrooms[key] = row.id;
    };
    await room('beishan4_1', 'beishan', '四年级一班', 4);
    await room('beishan6_1', 'beishan', '六年级一班', 6);
    await room('nanhu5_1', 'nanhu', '五年级一班', 5);
    await room('nanhu3_1', 'nanhu', '三年级一班', 3);
    await room('jhzx7_1', 'jhzx', '初一（1）班', 7);
    await room('jhzx8_2', 'jhzx', '初二（2）班', 8);
    await room('jhxx4_2', 'jhxx', '四年级二班', 4);
    await room('xiling7_1', 'xiling', '初一（1）班', 7);

    const person = async (
      key: string,
      email: string,
      name: string,
      org: string,
      role: typeof memberships.$inferInsert.role,
      extra: {
        masterTeacher?: boolean;
        classroom?: string;
        since?: string;
        keyTeacher?: boolean;
        retiresOn?: string;
      } = {},
    ) => {
      const u = first(
        await tx
          .insert(users)
          .values({ email, name, passwordHash, retiresOn: extra.retiresOn ?? null })
          .returning({ id: users.id }),
      );
      ids.users[key] = u.id;
      await tx.insert(memberships).values({
        userId: u.id,
        orgId: must(ids.orgs, org),
        role,
        masterTeacher: !!extra.masterTeacher,
        classroomId: extra.classroom ? must(ids.classrooms, extra.classroom) : null,
        since: extra.since ?? '2020-09-01',
        keyTeacher: !!extra.keyTeacher,
      });
    };
    await person('leader', 'leader@jinghua.demo', '刘建国', 'jinghua', 'group_admin');
    await person('admin', 'admin@jhzx.demo', '孙丽华', 'jhzx', 'school_admin');
    await person('wang', 'wang@jhzx.demo', '王明远', 'jhzx', 'teacher', {
      masterTeacher: true,
      since: '2012-09-01',
      keyTeacher: true,
      retiresOn: '2041-07-31',
    });
    await person('li', 'li@jhxx.demo', '李雪梅', 'jhxx', 'teacher', { since: '2016-09-01', retiresOn: '2048-07-31' });
    // Twenty years at 北山 (clause 9's honour): counted from the rural-service records (issue 12).
    await person('zhao', 'zhao@beishan.demo', '赵春生', 'beishan', 'assistant', {
      classroom: 'beishan4_1',
      since: '2006-09-01',
    });
    await person('chen', 'chen@nanhu.demo', '陈小燕', 'nanhu', 'assistant', { classroom: 'nanhu5_1' });
    await person('xilingAdmin', 'admin@xiling.demo', '周志强', 'xiling', 'school_admin');
    // Beyond the contract's list, so pages have more than one person in them.
    await person('zhang', 'zhang@jhzx.demo', '张伟', 'jhzx', 'teacher', { since: '2014-09-01', keyTeacher: true });
    // Exchanges: the rural schools' admins approve as host schools; 高志远 is in post at 北山乡中心小学.
    await person('beishanAdmin', 'admin@beishan.demo', '吴秀兰', 'beishan', 'school_admin', { since: '2010-09-01' });
    await person('nanhuAdmin', 'admin@nanhu.demo', '郑国强', 'nanhu', 'school_admin', { since: '2012-09-01' });
    await person('gao', 'gao@jhxx.demo', '高志远', 'jhxx', 'teacher', { since: '2015-09-01', keyTeacher: true });
    await person('jhxxAdmin', 'admin@jhxx.demo', '何静', 'jhxx', 'school_admin');
    await person('district', 'office@chengguan.demo', '马文涛', 'chengguan', 'district_admin');
    await person('xilingTeacher', 'sun@xiling.demo', '孙浩', 'xiling', 'teacher');

    const facility = async (key: string, school: string, values: Omit<typeof facilities.$inferInsert, 'schoolId'>) => {
      const row = first(
        await tx
          .insert(facilities)
          .values({ schoolId: must(ids.orgs, school), ...values })
          .returning({ id: facilities.id }),
      );
      ids.facilities[key] = row.id;
    };
    await facility('gym', 'jhzx', {
      name: '体育馆',
      kind: 'gym',
      capacity: 300,
      location: '东区 1 号楼',
      scope: 'group',
      approvalRequired: true,
      minNoticeHours: 24,
      maxLengthMinutes: 240,
      quotaHoursPerTerm: 40,
      equipment: ['篮球场 2 片', '羽毛球场 6 片', '音响'],
      openingHours: everyDay('08:00', '21:00'),
    });
    await facility('chemLab', 'jhzx', {
      name: '化学实验室',
      kind: 'lab',
      capacity: 48,
      location: '实验楼 3 层',
      scope: 'group',
      approvalRequired: false,
      maxLengthMinutes: 180,
      equipment: ['通风橱 12 台', '投影仪', '洗眼器'],
      openingHours: weekdays('08:00', '18:00'),
    });
    await facility('hall', 'jhzx', {
      name: '报告厅',
      kind: 'auditorium',
      capacity: 400,
      location: '行政楼 1 层',
      scope: 'district',
      approvalRequired: true,
      minNoticeHours: 48,
      equipment: ['LED 大屏', '同声传译', '录播系统'],
      openingHours: weekdays('08:00', '20:00'),
    });
    await facility('scienceMuseum', 'jhzx', {
      name: '城关科技馆',
      kind: 'practice_site',
      capacity: 120,
      provider: '城关区科学技术馆',
      providerAddress: '城关镇科技路 9 号',
      description: '社会大课堂实践基地：机器人、天文、生命科学展厅，可预约讲解。',
      scope: 'district',
      approvalRequired: true,
      minNoticeHours: 72,
      openingHours: {
        '2': [{ start: '09:00', end: '16:30' }],
        '3': [{ start: '09:00', end: '16:30' }],
        '4': [{ start: '09:00', end: '16:30' }],
        '5': [{ start: '09:00', end: '16:30' }],
        '6': [{ start: '09:00', end: '16:30' }],
      },
    });
    await facility('music', 'jhxx', {
      name: '音乐教室',
      kind: 'music_room',
      capacity: 50,
      location: '艺术楼 2 层',
      scope: 'group',
      approvalRequired: false,
      equipment: ['钢琴', '奥尔夫乐器'],
      openingHours: weekdays('08:00', '17:00'),
    });
    await facility('pool', 'xiling', {
      name: '游泳馆',
      kind: 'gym',
      capacity: 80,
      location: '体育中心',
      scope: 'group',
      approvalRequired: true,
      minNoticeHours: 24,
      equipment: ['25 米泳道 6 条'],
      openingHours: everyDay('09:00', '20:00'),
    });

    // A few bookings in the coming week, so calendars and queues are not empty.
    const booking = async (
      facilityKey: string,
      booker: string,
      school: string,
      day: string,
      start: number,
      end: number,
      purpose: string,
      status: 'approved' | 'pending',
      attendees: number,
    ) =>
      tx.insert(bookings).values({
        facilityId: must(ids.facilities, facilityKey),
        bookerId: must(ids.users, booker),
        borrowerSchoolId: must(ids.orgs, school),
        onBehalf: booker === 'leader',
        purpose,
        attendees,
        status,
        startsAt: fromLocal(day, start * 60),
        endsAt: fromLocal(day, end * 60),
        ...(status === 'approved' ? { decidedAt: new Date() } : {}),
      });
    const tue = nextWeekday(2, 2);
    const wed = nextWeekday(3, 2);
    const thu = nextWeekday(4, 2);
    await booking('chemLab', 'zhang', 'jhzx', tue, 9, 11, '初三化学分组实验：氧气的制取', 'approved', 40);
    await booking('gym', 'li', 'jhxx', wed, 14, 16, '四年级篮球联赛', 'pending', 120);
    await booking('chemLab', 'li', 'jhxx', thu, 10, 12, '小学科学开放日：有趣的化学变化', 'approved', 36);
    await booking('hall', 'leader', 'beishan', thu, 14, 17, '集团教研日：乡村学校数学课例研讨', 'pending', 150);
    if (storage) await seedResources(tx, storage, ids);
    await seedExchanges(tx, ids);
    await seedPublicPages(tx, ids, storage);

    // One upcoming dual-teacher lesson by the master teacher for both rural classrooms (CONTRACT demo data).
    const lessonDay = nextWeekday(3, 1);
    const lesson = first(
      await tx
        .insert(lessons)
        .values({
          teacherId: must(ids.users, 'wang'),
          schoolId: must(ids.orgs, 'jhzx'),
          title: '分数的初步认识（双师课堂）',
          subject: 'math',
          grade: 4,
          startsAt: fromLocal(lessonDay, 10 * 60),
          endsAt: fromLocal(lessonDay, 10 * 60 + 40),
          roomName: `lesson-demo-${lessonDay}`,
        })
        .returning({ id: lessons.id }),
    );
    await tx.insert(lessonClassrooms).values(
      [must(ids.classrooms, 'beishan4_1'), must(ids.classrooms, 'nanhu5_1')].map((classroomId) => ({
        lessonId: lesson.id,
        classroomId,
      })),
    );
    // And one given a week ago, with what LiveKit recorded of it and the feedback it had (so the attendance,
    // feedback and the sharing report have something to show on a fresh start).
    const lastWeek = toLocal(new Date(Date.now() - 7 * 86400_000)).date;
    const at = (minutes: number) => fromLocal(lastWeek, minutes);
    const past = first(
      await tx
        .insert(lessons)
        .values({
          teacherId: must(ids.users, 'wang'),
          schoolId: must(ids.orgs, 'jhzx'),
          title: '小数的意义（双师课堂）',
          subject: 'math',
          grade: 4,
          status: 'ended',
          startsAt: at(600),
          endsAt: at(640),
          updatedAt: at(642),
          roomName: `lesson-demo-${lastWeek}`,
        })
        .returning({ id: lessons.id }),
    );
    await tx.insert(lessonClassrooms).values(
      [must(ids.classrooms, 'beishan4_1'), must(ids.classrooms, 'nanhu5_1')].map((classroomId) => ({
        lessonId: past.id,
        classroomId,
      })),
    );
    await tx.insert(lessonAttendance).values([
      {
        lessonId: past.id,
        identity: `user:${ids.users.wang}`,
        sid: 'PA_demo_teacher',
        joinedAt: at(595),
        leftAt: at(642),
      },
      {
        lessonId: past.id,
        identity: `classroom:${ids.classrooms.beishan4_1}`,
        sid: 'PA_demo_beishan',
        joinedAt: at(598),
        leftAt: at(641),
      },
      // 南湖's link dropped once: two sessions.
      {
        lessonId: past.id,
        identity: `classroom:${ids.classrooms.nanhu5_1}`,
        sid: 'PA_demo_nanhu_1',
        joinedAt: at(605),
        leftAt: at(620),
      },
      {
        lessonId: past.id,
        identity: `classroom:${ids.classrooms.nanhu5_1}`,
        sid: 'PA_demo_nanhu_2',
        joinedAt: at(622),
        leftAt: at(640),
      },
    ]);
    await tx.insert(lessonFeedback).values([
      {
        lessonId: past.id,
        authorId: must(ids.users, 'zhao'),
        kind: 'classroom',
        classroomId: must(ids.classrooms, 'beishan4_1'),
        rating: 5,
        comment: '学生跟得上，举手很积极。',
        questions: '0.5 和 0.50 一样大吗？',
        createdAt: at(650),
        updatedAt: at(650),
      },
      {
        lessonId: past.id,
        authorId: must(ids.users, 'li'),
        kind: 'observer',
        rating: 4,
        rubric: { goals: 5, interaction: 4, dualTeacher: 4, technology: 3 },
        comment: '南湖掉线一次，建议提前测网。',
        createdAt: at(660),
        updatedAt: at(660),
      },
    ]);
    ids.lessons = { ...ids.lessons, demo: lesson.id, past: past.id };
    // The last term and this one up to a week ago, so each school's figures have a past (issue 13).
    await seedHistory(tx, ids);
    return ids;
  });
}
