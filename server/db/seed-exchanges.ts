// Demo exchanges (CONTRACT.md): one open programme of this school year with postings at both rural schools, a
// teacher in post at 北山乡中心小学, and an application that the home and host schools approved and that waits for
// the group leader. Dates follow today, so the demo stays current.
import { toLocal } from '../../shared/time';
import type { Queryable } from '../lib/db';
import { addMonths } from '../modules/exchanges/exchanges.rules';
import { type DemoIds, first, must } from './demo-ids';
import {
  exchangeApplications,
  exchangeApprovals,
  exchangePlacements,
  exchangePostings,
  exchangeProgrammes,
} from './schema';

/** The school year that holds `day` (from 1 September), e.g. 2026 for 2026-12-05 and for 2027-03-01. */
export function schoolYearOf(day: string): number {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return m >= 9 ? y : y - 1;
}

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
  await tx.insert(exchangePlacements).values({
    applicationId: placed.id,
    postingId: beishanScience,
    teacherId: user('gao'),
    homeSchoolId: org('jhxx'),
    hostSchoolId: org('beishan'),
    startsOn,
    endsOn: addMonths(startsOn, 12),
  });
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
