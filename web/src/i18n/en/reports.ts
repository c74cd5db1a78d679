import type { reportsZh } from '../zh/reports';

export const reportsEn: { [K in keyof typeof reportsZh]: (typeof reportsZh)[K] extends string ? string : Record<string, string> } = {
  title: 'Sharing report', libraryTitle: 'Teaching resources', count: 'count', contributed: 'Resources published', usedByOthers: 'Used by other schools', received: 'Used from other schools', usedAcrossSchools: 'Uses across schools', reachedRural: 'Reached rural and supported schools', libraryEmpty: 'No resource was used across schools this term yet.',
  facilityTitle: 'Facility sharing', intro: 'Each school against its own last term, in a fixed order — not a ranking.', term: 'Term',
  terms: { autumn: 'Autumn term {{ year }}', spring: 'Spring term {{ year }}', summer: 'Summer {{ year }}' },
  school: 'School', lent: 'Lent (hours)', borrowed: 'Borrowed (hours)', lentNow: 'Lent this term', borrowedNow: 'Borrowed this term',
  lentBefore: 'Lent last term', borrowedBefore: 'Borrowed last term', change: 'Against last term', up: '↑ {{ n }} more', down: '↓ {{ n }} fewer', same: 'Same',
  facility: 'Facility', owner: 'Own school (hours)', others: 'Other schools (hours)', byMonth: 'By month', month: 'Month', hours: 'hours',
  empty: 'No approved bookings this term yet.', org: 'Scope',
  lessonsTitle: 'Dual-teacher lessons', lessonsReached: 'This term, classrooms of rural and supported schools took {{ lessons }} live lessons, {{ minutes }} minutes in all.', lessonsEmpty: 'No live lessons yet this term.',
  classroom: 'Classroom', invited: 'Scheduled', attended: 'Attended', minutes: 'minutes', minutesReceived: 'Minutes present', taughtBy: '{{ school }} taught {{ n }} lessons, {{ minutes }} minutes',
};
