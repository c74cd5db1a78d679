export const reportsZh = {
  title: '共享报告', libraryTitle: '教学资源共享', count: '次数', contributed: '新发布资源', usedByOthers: '被他校使用', received: '使用他校资源', usedAcrossSchools: '跨校使用', reachedRural: '惠及乡村和帮扶学校', libraryEmpty: '本学期还没有跨校使用的资源。',
  facilityTitle: '场地共享情况', intro: '每所学校与自己的上学期相比，按固定顺序列出，不做排名。', term: '学期',
  terms: { autumn: '{{ year }} 年秋季学期', spring: '{{ year }} 年春季学期', summer: '{{ year }} 年暑期' } as Record<string, string>,
  school: '学校', lent: '借出（小时）', borrowed: '借入（小时）', lentNow: '本学期借出', borrowedNow: '本学期借入',
  lentBefore: '上学期借出', borrowedBefore: '上学期借入', change: '与上学期比', up: '↑ 多 {{ n }}', down: '↓ 少 {{ n }}', same: '持平',
  facility: '场地', owner: '本校使用（小时）', others: '他校使用（小时）', byMonth: '按月', month: '月份', hours: '小时',
  empty: '本学期还没有已批准的预约。', org: '范围',
  lessonsTitle: '双师课堂', lessonsReached: '本学期乡村和帮扶学校的班级上了 {{ lessons }} 节直播课，共 {{ minutes }} 分钟。', lessonsEmpty: '本学期还没有上过直播课。',
  classroom: '班级', invited: '安排', attended: '到课', minutes: '分钟', minutesReceived: '在线分钟', taughtBy: '{{ school }} 主讲 {{ n }} 节、{{ minutes }} 分钟',
};
