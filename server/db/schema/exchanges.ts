// Teacher exchanges (DOMAIN pillar 3; seed clauses 2, 7, 9): programmes run by a group or district, postings by
// receiving schools, applications approved by home school, host school and group, and the placements they make.
// The guarantees live here: a posting is never over-filled (filled ≤ places, moved under the row's lock) and a
// teacher is never in two overlapping active placements (an exclusion constraint, migration 0015).
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  applicationStatuses,
  approvalSteps,
  exchangeKinds,
  keyShareBases,
  logActivities,
  placementStatuses,
  programmeStatuses,
  reviewStages,
  serviceStatuses,
} from '../../../shared/enums';
import { lessons } from './lessons';
import { orgs, users } from './orgs';
import { resources, subject } from './resources';

export const exchangeKind = pgEnum('exchange_kind', exchangeKinds);
export const programmeStatus = pgEnum('programme_status', programmeStatuses);
export const approvalStep = pgEnum('approval_step', approvalSteps);
export const applicationStatus = pgEnum('application_status', applicationStatuses);
export const keyShareBase = pgEnum('key_share_base', keyShareBases);
export const placementStatus = pgEnum('placement_status', placementStatuses);
export const logActivity = pgEnum('log_activity', logActivities);
export const reviewStage = pgEnum('review_stage', reviewStages);
export const serviceStatus = pgEnum('service_status', serviceStatuses);

/** A school year's programme of one kind, run by a group or a district, with the policy's settings as its own. */
export const exchangeProgrammes = pgTable(
  'exchange_programmes',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** The group or district that runs it; postings are at its schools, applicants teach at its schools. */
    orgId: uuid()
      .notNull()
      .references(() => orgs.id),
    kind: exchangeKind().notNull(),
    name: text().notNull(),
    /** The school year it belongs to, e.g. 2026-2027. */
    schoolYear: text().notNull(),
    startsOn: date().notNull(),
    endsOn: date().notNull(),
    goals: text().notNull().default(''),
    status: programmeStatus().notNull().default('open'),
    /** Eligible after this many consecutive years at one school (Beijing 2021: 6). */
    minYearsAtSchool: integer().notNull().default(6),
    /** Not eligible within this many years of retirement (Beijing 2021: 5). */
    retirementMarginYears: integer().notNull().default(5),
    /** How long a placement lasts, in months (rotation: 12–36). */
    minMonths: integer().notNull().default(12),
    maxMonths: integer().notNull().default(36),
    /** At least this share (%) of eligible teachers take part each school year. */
    rotationSharePct: integer().notNull().default(10),
    /** Key teachers are at least this share (%) of `keyShareBase`. */
    keySharePct: integer().notNull().default(20),
    keyShareBase: keyShareBase().notNull().default('rotated'),
    /** Whose approval an application needs, in any order. */
    approvalSteps: approvalStep().array().notNull().default(sql`'{home,host,group}'::approval_step[]`),
    createdBy: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('exchange_programmes_org_idx').on(t.orgId, t.startsOn),
    check('exchange_programmes_dates', sql`${t.endsOn} > ${t.startsOn}`),
    check(
      'exchange_programmes_months',
      sql`${t.minMonths} >= 1 AND ${t.maxMonths} >= ${t.minMonths} AND ${t.maxMonths} <= 60`,
    ),
    check(
      'exchange_programmes_shares',
      sql`${t.rotationSharePct} BETWEEN 0 AND 100 AND ${t.keySharePct} BETWEEN 0 AND 100`,
    ),
    check('exchange_programmes_steps', sql`cardinality(${t.approvalSteps}) >= 1`),
  ],
);

/** An opening at a receiving school. `filled` moves with each placement; the check keeps it within `places`. */
export const exchangePostings = pgTable(
  'exchange_postings',
  {
    id: uuid().primaryKey().defaultRandom(),
    programmeId: uuid()
      .notNull()
      .references(() => exchangeProgrammes.id),
    schoolId: uuid()
      .notNull()
      .references(() => orgs.id),
    subject: subject().notNull(),
    gradeFrom: integer().notNull(),
    gradeTo: integer().notNull(),
    places: integer().notNull(),
    filled: integer().notNull().default(0),
    startsOn: date().notNull(),
    months: integer().notNull(),
    /** What the post involves. */
    duties: text().notNull().default(''),
    requirements: text().notNull().default(''),
    /** Closed by its school: no new applications (those under way go on). */
    closedAt: timestamp({ withTimezone: true }),
    createdBy: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('exchange_postings_programme_idx').on(t.programmeId),
    index('exchange_postings_school_idx').on(t.schoolId),
    check('exchange_postings_filled', sql`${t.filled} >= 0 AND ${t.filled} <= ${t.places}`),
    check('exchange_postings_places', sql`${t.places} >= 1`),
    check(
      'exchange_postings_grades',
      sql`${t.gradeFrom} BETWEEN 1 AND 12 AND ${t.gradeTo} BETWEEN ${t.gradeFrom} AND 12`,
    ),
    check('exchange_postings_months', sql`${t.months} BETWEEN 1 AND 60`),
  ],
);

/** A teacher's application to a posting, or their home school's nomination of them. */
export const exchangeApplications = pgTable(
  'exchange_applications',
  {
    id: uuid().primaryKey().defaultRandom(),
    postingId: uuid()
      .notNull()
      .references(() => exchangePostings.id),
    teacherId: uuid()
      .notNull()
      .references(() => users.id),
    /** The teacher's school when they applied: its admins approve the `home` step. */
    homeSchoolId: uuid()
      .notNull()
      .references(() => orgs.id),
    /** The teacher (an application) or a home-school admin (a nomination); never approves it. */
    submittedBy: uuid()
      .notNull()
      .references(() => users.id),
    statement: text().notNull().default(''),
    status: applicationStatus().notNull().default('submitted'),
    /** Why it was declined (the teacher and the approvers read it). */
    declineReason: text(),
    /** Why it was deferred: private to the approvers and the teacher. */
    deferralReason: text(),
    decidedBy: uuid().references(() => users.id),
    decidedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('exchange_applications_posting_idx').on(t.postingId, t.status),
    index('exchange_applications_teacher_idx').on(t.teacherId, t.status),
    index('exchange_applications_home_idx').on(t.homeSchoolId, t.status),
    // One application waiting per teacher and posting: a double click or a second nomination is a 409.
    uniqueIndex('exchange_applications_pending_key')
      .on(t.postingId, t.teacherId)
      .where(sql`${t.status} IN ('submitted', 'under_consideration')`),
  ],
);

/** One approval step of an application: each step once, with who and when. */
export const exchangeApprovals = pgTable(
  'exchange_approvals',
  {
    applicationId: uuid()
      .notNull()
      .references(() => exchangeApplications.id, { onDelete: 'cascade' }),
    step: approvalStep().notNull(),
    approvedBy: uuid()
      .notNull()
      .references(() => users.id),
    approvedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.step] })],
);

/** A teacher in post at a host school, from an application every step approved. */
export const exchangePlacements = pgTable(
  'exchange_placements',
  {
    id: uuid().primaryKey().defaultRandom(),
    applicationId: uuid()
      .notNull()
      .references(() => exchangeApplications.id),
    postingId: uuid()
      .notNull()
      .references(() => exchangePostings.id),
    teacherId: uuid()
      .notNull()
      .references(() => users.id),
    homeSchoolId: uuid()
      .notNull()
      .references(() => orgs.id),
    hostSchoolId: uuid()
      .notNull()
      .references(() => orgs.id),
    /** [startsOn, endsOn): a teacher's active placements never overlap (exclusion constraint, migration 0015). */
    startsOn: date().notNull(),
    endsOn: date().notNull(),
    status: placementStatus().notNull().default('active'),
    /**
     * The day the host school's final review completed it (Beijing), its first day out when that comes before
     * `endsOn`: a placement is held over [startsOn, least(endsOn, completedOn)). Set exactly when completed.
     */
    completedOn: date(),
    /** The host school's mentor for the teacher (带教: the mentee's mentor). */
    mentorId: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('exchange_placements_application_key').on(t.applicationId),
    index('exchange_placements_teacher_idx').on(t.teacherId, t.startsOn),
    index('exchange_placements_host_idx').on(t.hostSchoolId, t.startsOn),
    index('exchange_placements_home_idx').on(t.homeSchoolId, t.startsOn),
    check('exchange_placements_dates', sql`${t.endsOn} > ${t.startsOn}`),
    check('exchange_placements_completed', sql`(${t.status} = 'completed') = (${t.completedOn} IS NOT NULL)`),
  ],
);

/** What a teacher in post did on a day: the weekly log the host school confirms. */
export const exchangeLogs = pgTable(
  'exchange_logs',
  {
    id: uuid().primaryKey().defaultRandom(),
    placementId: uuid()
      .notNull()
      .references(() => exchangePlacements.id),
    on: date().notNull(),
    hours: numeric({ precision: 4, scale: 1, mode: 'number' }).notNull(),
    activity: logActivity().notNull(),
    note: text().notNull().default(''),
    /** A live lesson the teacher gave (offered from the platform's own records, with its attendance). */
    lessonId: uuid().references(() => lessons.id),
    resourceId: uuid().references(() => resources.id),
    confirmedBy: uuid().references(() => users.id),
    confirmedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('exchange_logs_placement_idx').on(t.placementId, t.on),
    // A live lesson is logged once.
    uniqueIndex('exchange_logs_lesson_key').on(t.placementId, t.lessonId).where(sql`${t.lessonId} IS NOT NULL`),
    check('exchange_logs_hours', sql`${t.hours} > 0 AND ${t.hours} <= 24`),
  ],
);

/** The host school's mid-term and final reviews of a placement; the final one completes it. */
export const exchangeReviews = pgTable(
  'exchange_reviews',
  {
    placementId: uuid()
      .notNull()
      .references(() => exchangePlacements.id),
    stage: reviewStage().notNull(),
    summary: text().notNull(),
    /** The host school's judgement: the teacher met the post's goals. */
    satisfactory: boolean().notNull(),
    reviewedBy: uuid()
      .notNull()
      .references(() => users.id),
    reviewedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.placementId, t.stage] })],
);

/**
 * Years at rural schools that the platform did not see as placements: recorded by a school admin with evidence
 * (a document in the library), counted once another admin approves — never self-declared alone.
 */
export const ruralService = pgTable(
  'rural_service',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    /** The rural school served at. */
    schoolId: uuid()
      .notNull()
      .references(() => orgs.id),
    startsOn: date().notNull(),
    /** Null: still serving there. */
    endsOn: date(),
    evidenceResourceId: uuid().references(() => resources.id),
    note: text().notNull().default(''),
    status: serviceStatus().notNull().default('pending'),
    recordedBy: uuid()
      .notNull()
      .references(() => users.id),
    decidedBy: uuid().references(() => users.id),
    decidedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('rural_service_user_idx').on(t.userId),
    index('rural_service_school_idx').on(t.schoolId, t.status),
    check('rural_service_dates', sql`${t.endsOn} IS NULL OR ${t.endsOn} > ${t.startsOn}`),
    // Whoever records it does not approve it.
    check('rural_service_not_self_approved', sql`${t.decidedBy} IS NULL OR ${t.decidedBy} <> ${t.recordedBy}`),
  ],
);

/**
 * A group's or district's rural-service honour thresholds (issue 12: the policy's facts are settings). Null: the level
 * is not given there. A school takes its group's row, else its district's, else the published 10 / 20 / 30 years.
 */
export const honourSettings = pgTable(
  'honour_settings',
  {
    orgId: uuid()
      .primaryKey()
      .references(() => orgs.id),
    countyYears: integer(),
    provincialYears: integer(),
    nationalYears: integer(),
    updatedBy: uuid()
      .notNull()
      .references(() => users.id),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'honour_settings_years',
      sql`(${t.countyYears} IS NULL OR ${t.countyYears} BETWEEN 1 AND 60)
        AND (${t.provincialYears} IS NULL OR ${t.provincialYears} BETWEEN 1 AND 60)
        AND (${t.nationalYears} IS NULL OR ${t.nationalYears} BETWEEN 1 AND 60)`,
    ),
    // Each higher honour asks for more years than a lower one; at least one honour is given.
    check(
      'honour_settings_ascending',
      sql`(${t.countyYears} IS NULL OR ${t.provincialYears} IS NULL OR ${t.countyYears} < ${t.provincialYears})
        AND (${t.provincialYears} IS NULL OR ${t.nationalYears} IS NULL OR ${t.provincialYears} < ${t.nationalYears})
        AND (${t.countyYears} IS NULL OR ${t.nationalYears} IS NULL OR ${t.countyYears} < ${t.nationalYears})
        AND num_nonnulls(${t.countyYears}, ${t.provincialYears}, ${t.nationalYears}) > 0`,
    ),
  ],
);
