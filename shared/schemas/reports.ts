// The sharing reports (journey 6): what the API takes and answers, shared by the server's contract and the web.
// Every report shows each school against its own past, in a fixed order — never a ranking (clause 4).
import { z } from 'zod';
import { locales } from '../enums';
import { id, isoDay, text } from './common';

/** Which organisation to report on, and a day of the term to report (today when left out). */
export const reportQuery = z.object({ orgId: id, at: isoDay.optional() });

/** A term's name: its year and season ("2026-autumn"; spring and summer are named by their calendar year). */
export const termName = z
  .string()
  .regex(/^20\d\d-(autumn|spring|summer)$/, 'a term such as 2026-autumn or 2027-spring');

/** A term report: which organisation and which term (this term when left out). */
export const termReportQuery = z.object({ orgId: id, term: termName.optional() });

/**
 * What the figures count: this term up to the report day, only what has already happened (a booking once it has
 * ended), against the same point of the previous teaching term — as many days in — or all of it once this term is
 * over. Instants are half-open [from, to).
 */
export const reportWindow = z.object({
  /** The report day (Beijing date) and how many days of the term it is into. */
  day: text(),
  daysIn: z.number().int(),
  from: text(),
  to: text(),
  previousFrom: text(),
  previousTo: text(),
});

/** What every report answers first: the organisation, this term and the last (a fixed head, shared by the reports). */
export const reportHead = z.object({
  org: z.object({ id, name: text(), kind: text() }),
  term: z.object({ name: text(), start: text(), end: text() }),
  previousTerm: z.object({ name: text() }),
  window: reportWindow,
});
export type ReportHead = z.infer<typeof reportHead>;

const hours = z.number();
const count = z.number().int();

export const facilityUsageReport = reportHead.extend({
  /** Each school against its own past, in a fixed order (by name) — never a ranking (clause 4). */
  schools: z.array(
    z.object({
      id,
      name: text(),
      rural: z.boolean(),
      supported: z.boolean(),
      lentHours: hours,
      borrowedHours: hours,
      previousLentHours: hours,
      previousBorrowedHours: hours,
    }),
  ),
  facilities: z.array(
    z.object({ id, name: text(), schoolId: id, schoolName: text(), ownerHours: hours, otherHours: hours }),
  ),
  months: z.array(z.object({ month: text(), ownerHours: hours, otherHours: hours })),
});
export type FacilityUsageReport = z.infer<typeof facilityUsageReport>;

const resourceFigures = z.object({ contributed: count, usedByOthers: count, received: count });

export const resourceUsageReport = reportHead.extend({
  /** Each school against its own last term, in a fixed order (by name) — never a ranking (clause 4). */
  schools: z.array(
    z.object({
      id,
      name: text(),
      rural: z.boolean(),
      supported: z.boolean(),
      now: resourceFigures,
      before: resourceFigures,
    }),
  ),
  months: z.array(
    z.object({ month: text(), contributed: count, usedAcrossSchools: count, reachedRuralOrSupported: count }),
  ),
});
export type ResourceUsageReport = z.infer<typeof resourceUsageReport>;

export const lessonUsageReport = reportHead.extend({
  /** Every classroom of the schools, in a fixed order (school, then class) — never a ranking (clause 4). */
  classrooms: z.array(
    z.object({
      id,
      name: text(),
      schoolId: id,
      schoolName: text(),
      rural: z.boolean(),
      supported: z.boolean(),
      invited: count,
      attended: count,
      minutes: count,
    }),
  ),
  /** Live lessons given by each school's teachers this term, and their minutes on air. */
  schools: z.array(z.object({ id, name: text(), taught: count, minutesTaught: count })),
  reachedRuralOrSupported: z.object({ lessons: count, minutes: count }),
});
export type LessonUsageReport = z.infer<typeof lessonUsageReport>;

const overviewFigures = z.object({
  facilityHoursLent: hours,
  facilityHoursBorrowed: hours,
  resourcesContributed: count,
  resourcesUsedByOthers: count,
  resourcesReceived: count,
});

export const overviewReport = reportHead.extend({
  /** Each school's own figures this term and last, in a fixed order (by name) — never a ranking. */
  schools: z.array(
    z.object({
      id,
      name: text(),
      rural: z.boolean(),
      supported: z.boolean(),
      now: overviewFigures,
      before: overviewFigures,
    }),
  ),
  /** What reached the rural and supported schools this term. */
  reachedRuralOrSupported: z.object({ facilityHours: hours, resourcesUsed: count }),
});
export type OverviewReport = z.infer<typeof overviewReport>;

/** The four pillars' figures of one school (or the group) for one stretch of time. */
export const pillarFigures = z.object({
  /** Hours other schools held in this school's facilities (bookings that have ended). */
  facilityHoursLent: hours,
  /** Hours this school held in other schools' facilities. */
  facilityHoursBorrowed: hours,
  /** Resources the school published to other schools (group, district or public). */
  resourcesShared: count,
  /** Uses (downloads) of the school's resources by people of other schools. */
  resourcesUsedByOthers: count,
  /** Uses by the school's people of other schools' resources. */
  resourcesReceived: count,
  /** Live lessons the school's teachers gave. */
  liveLessonsTaught: count,
  /** Live lessons the school's classrooms attended (by LiveKit's attendance), one per classroom and lesson. */
  liveLessonsReceived: count,
  /** Minutes the school's classrooms were present in live lessons. */
  liveMinutesReceived: count,
  /** Exchange teachers from the school whose posting overlaps the stretch. */
  exchangeSent: count,
  /** Exchange teachers at the school whose posting overlaps the stretch. */
  exchangeReceived: count,
  /** Exchange teachers at the school on the stretch's last day. */
  exchangeInPost: count,
  /** Hours logged by exchange teachers at the school. */
  exchangeHours: hours,
});
export type PillarFigures = z.infer<typeof pillarFigures>;
export const pillarKeys = Object.keys(pillarFigures.shape) as (keyof PillarFigures)[];

const reached = z.object({
  facilityHours: hours,
  resourcesUsed: count,
  liveLessons: count,
  liveMinutes: count,
  exchangeTeachersInPost: count,
  exchangeHours: hours,
});

const schoolFacts = { id, name: text(), code: text().nullable(), rural: z.boolean(), supported: z.boolean() };
const lessonsAndMinutes = z.object({ lessons: count, minutes: count });

export const dashboardReport = reportHead.extend({
  /** Each school against its own past, in a fixed order (by name) — never a ranking (clause 4). */
  schools: z.array(z.object({ ...schoolFacts, now: pillarFigures, before: pillarFigures })),
  /** The rural and supported schools' classrooms (school, then class, by name): live lessons they attended. */
  classrooms: z.array(
    z.object({ id, name: text(), schoolId: id, schoolName: text(), now: lessonsAndMinutes, before: lessonsAndMinutes }),
  ),
  /** What reached the rural and supported schools, in total. */
  reachedRuralOrSupported: z.object({ now: reached, before: reached }),
});
export type DashboardReport = z.infer<typeof dashboardReport>;

const monthFigures = pillarFigures.extend({ month: text() });
const termRow = z.object({
  /** Month by month (YYYY-MM) up to the report day. */
  months: z.array(monthFigures),
  /** The term up to the report day, and the same point of the term before. */
  total: pillarFigures,
  before: pillarFigures,
});

export const termReport = reportHead.extend({
  /** The teaching terms one may ask for, newest first. */
  terms: z.array(z.object({ name: text() })),
  /** The whole organisation (all its schools together). */
  group: termRow,
  /** The rural and supported schools together: what reached them. */
  helped: termRow,
  /** Each school with its own trend, in a fixed order (by name) — never a ranking (clause 4). */
  schools: z.array(termRow.extend(schoolFacts)),
});
export type TermReport = z.infer<typeof termReport>;

/**
 * The tables of a term report, as CSV: the schools' totals against the term before; month by month (for a school, or
 * the whole organisation); month by month for the rural and supported schools together.
 */
export const reportTables = ['summary', 'months', 'helped'] as const;
export type ReportTable = (typeof reportTables)[number];
export const termCsvQuery = termReportQuery.extend({
  table: z.enum(reportTables),
  /** Month by month for one school (the group's when left out). */
  schoolId: id.optional(),
  lang: z.enum(locales).optional(),
});
