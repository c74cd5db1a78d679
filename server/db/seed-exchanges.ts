// Demo exchanges (CONTRACT.md): one open programme of this school year with postings at both rural schools, a
// teacher in post at 北山乡中心小学, and an application that the home and host schools approved and that waits for
// the group leader. Dates follow today, so the demo stays current.
import { toLocal } from '../../shared/time';
import type { Queryable } from '../lib/db';
import { fromLocal } from '../modules/bookings/bookings.rules';
import { addMonths, pastMondays, schoolYearOf } from '../modules/exchanges/exchanges.rules';
import { type DemoIds, first, must } from './demo-ids';
import {
  exchangeApplications,
  exchangeApprovals,
  exchangeLogs,
  exchangePlacements,
  exchangePostings,
  exchangeProgrammes,
  lessonAttendance,
  lessonClassrooms,
  lessons,
  resources,
  ruralService,
} from './schema';

export async function seedExchanges(tx: Queryable, ids: DemoIds): Promise<void> {
  const today = toLocal(new Date()).date;
  const year = schoolYearOf(today);
  const startsOn = `${year}-09-01`;
  const user = (key: string) => must(ids.users, key);
  const org = (key: string) => must(ids.orgs, key);
  const programme = first(
    await tx
      .insert(exchangeProgrammes)
      .values({
        orgId: org('jinghua'),
        kind: 'rotation',
        name: `京华教育集团 ${year}–${year + 1} 学年教师交流轮岗`,
        schoolYear: `${year}-${year + 1}`,
        startsOn,
        endsOn: `${year + 1}-08-31`,
        goals: '城区学校骨干教师到乡村学校任教一年，带动北山、南湖两校数学和语文教研。',
        createdBy: user('leader'),
      })
      .returning({ id: exchangeProgrammes.id }),
  );
  // Open postings start on the first of the month after next.
  const nextStart = `${addMonths(today, 2).slice(0, 7)}-01`;
  const posting = async (school: string, values: Partial<typeof exchangePostings.$inferInsert>) =>
    first(
      await tx
        .insert(exchangePostings)
        .values({
          programmeId: programme.id,
          schoolId: org(school),
          subject: 'math',
          gradeFrom: 1,
          gradeTo: 6,
          places: 1,
          startsOn: nextStart,
          months: 12,
          createdBy: user('leader'),
          ...values,
        })
        .returning({ id: exchangePostings.id }),
    ).id;
  const beishanMath = await posting('beishan', {
    subject: 'math',
    gradeFrom: 3,
    gradeTo: 6,
    places: 2,
    duties: '承担四至六年级数学教学，每周不少于 12 课时；牵头学校数学教研组，每月一次公开课。',
    requirements: '小学数学教师，具有中级及以上职称；能指导青年教师。',
  });
  const nanhuChinese = await posting('nanhu', {
    subject: 'chinese',
    gradeFrom: 1,
    gradeTo: 3,
    duties: '承担一至三年级语文教学和整本书阅读课程；与本校教师结对带教。',
    requirements: '小学语文教师，有低年级教学经验。',
  });
  // 高志远 has been in post at 北山 since the school year began: a science post, its one place filled.
  const beishanScience = await posting('beishan', {
    subject: 'science',
    gradeFrom: 3,
    gradeTo: 6,
    startsOn,
    filled: 1,
    duties: '承担三至六年级科学教学，建设学校科学实验室。',
  });
  const placed = first(
    await tx
      .insert(exchangeApplications)
      .values({
        postingId: beishanScience,
        teacherId: user('gao'),
        homeSchoolId: org('jhxx'),
        submittedBy: user('gao'),
        statement: '我在京华实验小学任教科学九年，希望把实验课带到乡村学校。',
        status: 'placed',
        decidedBy: user('leader'),
        decidedAt: new Date(`${year}-07-10T02:00:00Z`),
        createdAt: new Date(`${year}-06-20T02:00:00Z`),
        updatedAt: new Date(`${year}-07-10T02:00:00Z`),
      })
      .returning({ id: exchangeApplications.id }),
  );
  await tx.insert(exchangeApprovals).values([
    {
      applicationId: placed.id,
      step: 'home',
      approvedBy: user('jhxxAdmin'),
      approvedAt: new Date(`${year}-06-25T02:00:00Z`),
    },
    {
      applicationId: placed.id,
      step: 'host',
      approvedBy: user('beishanAdmin'),
      approvedAt: new Date(`${year}-07-01T02:00:00Z`),
    },
    {
      applicationId: placed.id,
      step: 'group',
      approvedBy: user('leader'),
      approvedAt: new Date(`${year}-07-10T02:00:00Z`),
    },
  ]);
  const placement = first(
    await tx
      .insert(exchangePlacements)
      .values({
        applicationId: placed.id,
        postingId: beishanScience,
        teacherId: user('gao'),
        homeSchoolId: org('jhxx'),
        hostSchoolId: org('beishan'),
        startsOn,
        endsOn: addMonths(startsOn, 12),
      })
      .returning({ id: exchangePlacements.id }),
  );
  await seedInPost(tx, ids, placement.id, startsOn, today);
  // 李雪梅 applied to 南湖; her school and 南湖 approved; it waits for the group leader.
  const waiting = first(
    await tx
      .insert(exchangeApplications)
      .values({
        postingId: nanhuChinese,
        teacherId: user('li'),
        homeSchoolId: org('jhxx'),
        submittedBy: user('li'),
        statement: '我教低年级语文十年，愿意到南湖村小学带一届学生读整本书。',
        status: 'under_consideration',
      })
      .returning({ id: exchangeApplications.id }),
  );
  await tx.insert(exchangeApprovals).values([
    { applicationId: waiting.id, step: 'home', approvedBy: user('jhxxAdmin') },
    { applicationId: waiting.id, step: 'host', approvedBy: user('nanhuAdmin') },
  ]);
  ids.exchanges = {
    programme: programme.id,
    beishanMath,
    nanhuChinese,
    beishanScience,
    placedApplication: placed.id,
    waitingApplication: waiting.id,
  };
}

/**
 * 高志远's weeks at 北山: a log entry for every past week but the last (so his home page reminds him), the older ones
 * confirmed by 北山's admin; and a live lesson he gave three days ago to two rural classrooms, with what LiveKit
 * recorded of it, not yet logged: the platform offers it as a log entry. 赵春生 has 20 years at 北山 on record.
 */
async function seedInPost(tx: Queryable, ids: DemoIds, placementId: string, startsOn: string, today: string) {
  const user = (key: string) => must(ids.users, key);
  const weeks = pastMondays(startsOn, addMonths(startsOn, 12), today).slice(0, -1);
  const tuesday = (monday: string) => toLocal(new Date(Date.parse(`${monday}T12:00:00+08:00`) + 86_400_000)).date;
  const notes = ['四年级科学：植物的生长', '五年级科学：电路', '六年级科学：显微镜下的世界', '科学教研组集体备课'];
  if (weeks.length)
    await tx.insert(exchangeLogs).values(
      weeks.map((monday, i) => ({
        placementId,
        on: tuesday(monday),
        hours: i % 4 === 3 ? 2 : 6,
        activity: i % 4 === 3 ? ('research' as const) : ('taught' as const),
        note: notes[i % 4] ?? '',
        confirmedBy: i < weeks.length - 2 ? user('beishanAdmin') : null,
        confirmedAt: i < weeks.length - 2 ? new Date(Date.parse(`${monday}T10:00:00Z`) + 4 * 86_400_000) : null,
      })),
    );
  const day = toLocal(new Date(Date.now() - 3 * 86_400_000)).date;
  const at = (minutes: number) => fromLocal(day, minutes);
  const lesson = first(
    await tx
      .insert(lessons)
      .values({
        teacherId: user('gao'),
        schoolId: must(ids.orgs, 'jhxx'),
        title: '植物的一生（乡村课堂直播）',
        subject: 'science',
        grade: 6,
        startsAt: at(14 * 60),
        endsAt: at(14 * 60 + 45),
        status: 'ended',
        roomName: `lesson-exchange-demo-${day}`,
        updatedAt: at(14 * 60 + 46),
      })
      .returning({ id: lessons.id }),
  );
  const rooms = [must(ids.classrooms, 'beishan6_1'), must(ids.classrooms, 'nanhu3_1')];
  await tx.insert(lessonClassrooms).values(rooms.map((classroomId) => ({ lessonId: lesson.id, classroomId })));
  await tx.insert(lessonAttendance).values([
    { lessonId: lesson.id, identity: `user:${user('gao')}`, sid: 'PA_gao1', joinedAt: at(838), leftAt: at(886) },
    { lessonId: lesson.id, identity: `classroom:${rooms[0]}`, sid: 'PA_bs61', joinedAt: at(840), leftAt: at(885) },
    { lessonId: lesson.id, identity: `classroom:${rooms[1]}`, sid: 'PA_nh31', joinedAt: at(846), leftAt: at(880) },
  ]);
  ids.lessons = { ...ids.lessons, exchange: lesson.id };
  const [evidence] = await tx.select({ id: resources.id }).from(resources).limit(1);
  await tx.insert(ruralService).values({
    userId: user('zhao'),
    schoolId: must(ids.orgs, 'beishan'),
    startsOn: '2006-09-01',
    evidenceResourceId: evidence?.id ?? null,
    note: '北山乡中心小学聘任合同（2006 年起）及历年考核表',
    status: 'approved',
    recordedBy: user('beishanAdmin'),
    decidedBy: user('leader'),
    decidedAt: new Date('2026-03-01T02:00:00Z'),
  });
}
