// The four pillars (DOMAIN.md) and their figures, in the order the reports show them — apart from the schemas, so
// the web's report pages carry no validation library for it.
import type { PillarFigures } from './schemas/reports';

export const pillars = {
  facilities: ['facilityHoursLent', 'facilityHoursBorrowed'],
  resources: ['resourcesShared', 'resourcesUsedByOthers', 'resourcesReceived'],
  lessons: ['liveLessonsTaught', 'liveLessonsReceived', 'liveMinutesReceived'],
  exchanges: ['exchangeSent', 'exchangeReceived', 'exchangeInPost', 'exchangeHours'],
} as const satisfies Record<string, readonly (keyof PillarFigures)[]>;
export type Pillar = keyof typeof pillars;
