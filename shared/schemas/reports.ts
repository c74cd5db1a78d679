// The sharing reports (journey 6): what the API takes and answers, shared by the server's contract and the web.
// Every report shows each school against its own past, in a fixed order — never a ranking (clause 4).
import { z } from 'zod';
import { id, isoDay, text } from './common';

/** Which organisation to report on, and a day of the term to report (today when left out). */
export const reportQuery = z.object({ orgId: id, at: isoDay.optional() });

/** What every report answers first: the organisation, this term and the last (a fixed head, shared by the reports). */
export const reportHead = z.object({
  org: z.object({ id, name: text(), kind: text() }),
  term: z.object({ name: text(), start: text(), end: text() }),
  previousTerm: z.object({ name: text() }),
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
  /** Each school's own figures this term and last, in a fixed order (lead school, then by name) — never a ranking. */
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
