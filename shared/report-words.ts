// The names of the reports' figures and columns, in both languages: the CSV exports' headers (server) and the
// report pages' table heads (web) read the same words, so a downloaded table says what the page said.
import type { PillarFigures } from './schemas/reports';

const figuresZh: Record<keyof PillarFigures, string> = {
  facilityHoursLent: '场地借出（小时）',
  facilityHoursBorrowed: '场地借入（小时）',
  resourcesShared: '共享资源（个）',
  resourcesUsedByOthers: '资源被他校使用（次）',
  resourcesReceived: '使用他校资源（次）',
  liveLessonsTaught: '主讲直播课（节）',
  liveLessonsReceived: '收看直播课（节）',
  liveMinutesReceived: '收看直播（分钟）',
  exchangeSent: '派出交流教师（人）',
  exchangeReceived: '接收交流教师（人）',
  exchangeInPost: '在岗交流教师（人）',
  exchangeHours: '交流工作（小时）',
};

const figuresEn: Record<keyof PillarFigures, string> = {
  facilityHoursLent: 'Facility hours lent',
  facilityHoursBorrowed: 'Facility hours borrowed',
  resourcesShared: 'Resources shared',
  resourcesUsedByOthers: 'Uses by other schools',
  resourcesReceived: 'Uses of other schools’ resources',
  liveLessonsTaught: 'Live lessons taught',
  liveLessonsReceived: 'Live lessons attended',
  liveMinutesReceived: 'Live minutes attended',
  exchangeSent: 'Exchange teachers sent',
  exchangeReceived: 'Exchange teachers received',
  exchangeInPost: 'Exchange teachers in post',
  exchangeHours: 'Exchange hours logged',
};

export const reportWords = {
  zh: {
    figures: figuresZh,
    school: '学校',
    code: '学校代码',
    rural: '乡村学校',
    supported: '帮扶对象',
    yes: '是',
    no: '否',
    month: '月份',
    total: '{{ org }}（合计）',
    helped: '其中：乡村和帮扶学校',
    helpedSchools: '乡村和帮扶学校',
    now: '本学期',
    before: '上学期同期',
    change: '变化',
    tables: { summary: '各校汇总', months: '逐月', helped: '逐月' },
    terms: { autumn: '{{ year }} 年秋季学期', spring: '{{ year }} 年春季学期', summer: '{{ year }} 年暑期' },
  },
  en: {
    figures: figuresEn,
    school: 'School',
    code: 'School code',
    rural: 'Rural',
    supported: 'Supported',
    yes: 'yes',
    no: 'no',
    month: 'Month',
    total: '{{ org }} (all schools)',
    helped: 'of which rural and supported schools',
    helpedSchools: 'Rural and supported schools',
    now: 'this term',
    before: 'same point last term',
    change: 'change',
    tables: { summary: 'schools', months: 'by month', helped: 'by month' },
    terms: { autumn: 'Autumn term {{ year }}', spring: 'Spring term {{ year }}', summer: 'Summer {{ year }}' },
  },
};
export type ReportWords = (typeof reportWords)['zh'];

/** "2026-autumn" in words ("2026 年秋季学期", "Autumn term 2026"). */
export function termWords(words: ReportWords, name: string): string {
  const [year = '', season = ''] = name.split('-');
  const pattern = words.terms[season as keyof ReportWords['terms']];
  return pattern ? pattern.replace('{{ year }}', year) : name;
}
