// Demo public pages (issue 13): 京华实验中学's filled in both languages, with a playing field open to the public and a
// school-based course and a recorded lesson shared publicly; 南湖村小学's sparse, in Chinese only, one section past
// its update deadline. Sections are dated some days back, so an edit today shows.
import { eq } from 'drizzle-orm';
import type { SectionContents } from '../../shared/schemas/public-pages';
import type { Queryable } from '../lib/db';
import type { Storage } from '../modules/resources/storage';
import { type DemoIds, must } from './demo-ids';
import { facilities, orgs, publicPageSections, publicPages } from './schema';
import { addDemoResource, type DemoResourceRow } from './seed-resources';

const both = (zh: string, en: string) => ({ zh, en });
const zhOnly = (zh: string) => ({ zh, en: '' });
const entry = (name: [string, string], detail: [string, string]) => ({
  name: both(...name),
  detail: both(...detail),
});
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);

const JHZX: Partial<SectionContents> = {
  basic: {
    intro: both(
      '京华实验中学是京华教育集团的龙头校，创办于1958年，是一所公办初级中学。学校坚持“五育并举”，' +
        '与集团内乡村学校共享实验室、体育场馆和名师课堂。',
      'Jinghua Experimental Middle School, founded in 1958, is a public junior secondary school and the lead ' +
        'school of the Jinghua Education Group. It shares its laboratories, sports halls and master teachers’ ' +
        'lessons with the rural schools of the group.',
    ),
    stage: both('初中（七至九年级）', 'Junior secondary (grades 7–9)'),
    founded: 1958,
    students: 1620,
    classes: 36,
    staff: 142,
    phone: '010-6123 4500',
  },
  courses: {
    intro: both(
      '按国家课程方案开齐开足国家课程，开设北京市地方课程，并开设校本课程供学生选修。',
      'All national curriculum subjects are taught in full, with Beijing’s local courses and elective ' +
        'school-based courses.',
    ),
    items: [
      entry(
        ['国家课程', 'National curriculum'],
        [
          '语文、数学、英语、道德与法治、历史、地理、物理、化学、生物学、体育与健康、音乐、美术、信息科技、劳动',
          'Chinese, mathematics, English, morality and law, history, geography, physics, chemistry, biology, PE ' +
            'and health, music, art, information technology, labour',
        ],
      ),
      entry(
        ['地方课程', 'Local courses'],
        ['北京市地方课程：专题教育、综合实践活动', 'Beijing local courses: themed education, practical activities'],
      ),
      entry(
        ['校本课程', 'School-based courses'],
        [
          '每周三下午走班选修，共 24 门，涵盖科技、艺术、体育和社会实践',
          'Electives on Wednesday afternoons: 24 courses in science, arts, sport and community practice',
        ],
      ),
    ],
  },
  timetable: {
    intro: both('周一至周五上课，学生 7:40 前到校。', 'Lessons Monday to Friday; students arrive by 7:40.'),
    items: [
      entry(['上午', 'Morning'], ['8:00–11:50，4 节课，每节 45 分钟', '8:00–11:50, four 45-minute lessons']),
      entry(['下午', 'Afternoon'], ['13:30–15:55，3 节课', '13:30–15:55, three lessons']),
      entry(['课后服务', 'After-school care'], ['16:00–17:30，自愿参加', '16:00–17:30, optional']),
    ],
  },
  enrolment: {
    intro: both(
      '按城关学区义务教育入学政策，招收学区划片范围内的小学毕业生，免试就近入学。',
      'Under the Chengguan district’s admission policy, primary school leavers living in the catchment area ' +
        'are admitted without examination.',
    ),
    items: [
      entry(['招生计划', 'Places'], ['七年级 12 个班，540 人', 'Grade 7: 12 classes, 540 places']),
      entry(
        ['报名时间', 'When to apply'],
        ['每年 5 月，以学区通知为准', 'Each May, as announced by the school district'],
      ),
      entry(['咨询电话', 'Enquiries'], ['010-6123 4501（工作日 8:30–17:00）', '010-6123 4501 (weekdays 8:30–17:00)']),
    ],
  },
  fees: {
    intro: both(
      '义务教育阶段免收学费、杂费。以下为按规定收取的服务性收费，家长自愿选择。',
      'Compulsory education is free of tuition and miscellaneous fees. The charges below are for services ' +
        'parents choose.',
    ),
    items: [
      {
        name: both('课后服务费', 'After-school care'),
        amount: 300,
        per: 'term',
        basis: both(
          '城关区中小学课后服务收费标准（2025 年）',
          'Chengguan district standard for after-school care fees (2025)',
        ),
        authority: both(
          '城关区发展和改革委员会、城关区教育委员会',
          'Chengguan district development and reform commission and education commission',
        ),
        complaintsPhone: '12315',
      },
      {
        name: both('午餐费', 'School lunch'),
        amount: 16,
        per: 'day',
        basis: both('据实收取，按月结算', 'At cost, settled monthly'),
        authority: both('城关区教育委员会', 'Chengguan district education commission'),
        complaintsPhone: '010-6123 4599',
      },
    ],
  },
  facilities: {
    intro: both(
      '田径场在节假日和周末上午向社区居民开放。团体使用请提前三个工作日致电总务处（010-6123 4520）。',
      'The sports ground is open to residents on weekend and holiday mornings. Groups telephone the ' +
        'facilities office three working days ahead (010-6123 4520).',
    ),
    items: [],
  },
  resources: {
    intro: both(
      '本校教师录制的部分课堂实录向公众开放，供家长和学生观看。',
      'Some lessons recorded by our teachers are open to everyone, for parents and students to watch.',
    ),
    items: [],
  },
};

/** Each JHZX section's age in days: the timetable is past its 20 working days. */
const JHZX_AGE: Record<string, number> = {
  basic: 12,
  courses: 9,
  timetable: 40,
  enrolment: 5,
  fees: 7,
  facilities: 6,
  resources: 6,
};

const NANHU: Partial<SectionContents> = {
  basic: {
    intro: zhOnly('南湖村小学是一所村级完全小学，京华教育集团帮扶学校，通过双师课堂与集团共享课程。'),
    stage: zhOnly('小学（一至六年级）'),
    founded: null,
    students: 86,
    classes: 6,
    staff: 11,
    phone: null,
  },
  enrolment: {
    intro: zhOnly('招收南湖村及周边自然村的适龄儿童，免试就近入学。'),
    items: [],
  },
};

export async function seedPublicPages(tx: Queryable, ids: DemoIds, storage?: Storage) {
  const jhzx = must(ids.orgs, 'jhzx');
  const nanhu = must(ids.orgs, 'nanhu');
  // What 京华实验中学 opens to everyone: the sports ground, a school-based course, a recorded lesson.
  await tx.insert(facilities).values({
    schoolId: jhzx,
    name: '田径场',
    kind: 'playing_field',
    capacity: 400,
    location: '南区',
    description: '400 米塑胶跑道，标准足球场。',
    scope: 'public',
    approvalRequired: true,
    minNoticeHours: 72,
    createdAt: daysAgo(30),
    updatedAt: daysAgo(30),
    openingHours: {
      '6': [{ start: '07:00', end: '11:00' }],
      '7': [{ start: '07:00', end: '11:00' }],
    },
  });
  const shared: [DemoResourceRow, number, string][] = [
    [
      ['jhzx', 'zhang', '京华科技节 校本课程', 'science', 8, 'school_course', '校本', '科技节', 'public', ['校本课程']],
      20,
      '科技节系列课程：机器人、航模、化学魔术，初二每周三下午选修。',
    ],
    [
      ['jhzx', 'admin', '家长开放日 数学课堂实录', 'math', 7, 'video', '人教版', '第一章', 'public', ['课堂实录']],
      15,
      '家长开放日录制的一节初一数学课：有理数的加法。',
    ],
  ];
  // Demo files 101 and up: each its own bytes, apart from the library's.
  if (storage)
    for (const [i, [row, age, summary]] of shared.entries())
      await addDemoResource(tx, storage, ids, row, 101 + i, daysAgo(age), summary);
  // The schools' details (name, address) were last changed months ago, not when the demo was loaded.
  await tx
    .update(orgs)
    .set({ updatedAt: daysAgo(120) })
    .where(eq(orgs.kind, 'school'));
  for (const [schoolId, sections, age] of [
    [jhzx, JHZX, (k: string) => JHZX_AGE[k] ?? 5],
    [nanhu, NANHU, (k: string) => (k === 'enrolment' ? 70 : 10)],
  ] as const) {
    await tx.insert(publicPages).values({ schoolId, createdAt: daysAgo(90) });
    for (const [section, content] of Object.entries(sections)) {
      await tx.insert(publicPageSections).values({
        schoolId,
        section: section as keyof SectionContents,
        content,
        updatedAt: daysAgo(age(section)),
        updatedBy: must(ids.users, schoolId === jhzx ? 'admin' : 'nanhuAdmin'),
      });
    }
  }
}
