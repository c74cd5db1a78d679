// Teacher exchanges: what the API takes and answers, shared by the server's contract and the web.
import { z } from 'zod';
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
  subjects,
} from '../enums';
import { eligibilityRules, honourLevels, honoursOf } from '../exchanges';
import { id, isoDay, isoTime, listQuery, page, text } from './common';

/** A school year as its two calendar years say it: "2026-2027". */
const schoolYear = z.string().regex(/^20\d\d-20\d\d$/, 'a school year such as 2026-2027');

const daysBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

export const createProgrammeInput = z
  .object({
    /** The group or district that runs it. */
    orgId: id,
    kind: z.enum(exchangeKinds),
    name: text().trim().min(1).max(120),
    /** e.g. 2026-2027 */
    schoolYear,
    startsOn: isoDay,
    endsOn: isoDay,
    goals: text().trim().max(2000).default(''),
    minYearsAtSchool: z.number().int().min(0).max(40).default(6),
    retirementMarginYears: z.number().int().min(0).max(20).default(5),
    minMonths: z.number().int().min(1).max(60).default(12),
    maxMonths: z.number().int().min(1).max(60).default(36),
    rotationSharePct: z.number().int().min(0).max(100).default(10),
    keySharePct: z.number().int().min(0).max(100).default(20),
    keyShareBase: z.enum(keyShareBases).default('rotated'),
    approvalSteps: z.array(z.enum(approvalSteps)).min(1).max(3).default(['home', 'host', 'group']),
  })
  .refine((p) => p.endsOn > p.startsOn, {
    message: 'the end must be after the start',
    path: ['endsOn'],
    params: { problem: 'ends_before_start' },
  })
  .refine((p) => daysBetween(p.startsOn, p.endsOn) <= 5 * 366, {
    message: 'at most 5 years',
    path: ['endsOn'],
    params: { problem: 'too_large', max: 5 },
  })
  // The bound is the shortest placement the programme allows (a refine's params are fixed, so it cannot name it).
  .superRefine((p, ctx) => {
    if (p.maxMonths < p.minMonths)
      ctx.addIssue({
        code: 'custom',
        message: 'the longest placement must not be shorter than the shortest',
        path: ['maxMonths'],
        params: { problem: 'too_small', min: p.minMonths },
      });
  });
export type CreateProgrammeInput = z.infer<typeof createProgrammeInput>;

export const programme = z.object({
  id,
  orgId: id,
  orgName: text(),
  kind: z.enum(exchangeKinds),
  name: text(),
  schoolYear: z.string(),
  startsOn: isoDay,
  endsOn: isoDay,
  goals: text(),
  status: z.enum(programmeStatuses),
  minYearsAtSchool: z.number().int(),
  retirementMarginYears: z.number().int(),
  minMonths: z.number().int(),
  maxMonths: z.number().int(),
  rotationSharePct: z.number().int(),
  keySharePct: z.number().int(),
  keyShareBase: z.enum(keyShareBases),
  approvalSteps: z.array(z.enum(approvalSteps)),
  postings: z.number().int(),
  placed: z.number().int(),
  /** Whether the caller runs it (sets it up, adds postings for any of its schools, approves the group step). */
  mine: z.boolean(),
});
export type Programme = z.infer<typeof programme>;
export const programmeAnswer = z.object({ programme });
export const programmePage = page(programme);

export const createPostingInput = z
  .object({
    programmeId: id,
    /** The receiving school; its admins post, or the programme's leaders for it. */
    schoolId: id,
    subject: z.enum(subjects),
    gradeFrom: z.number().int().min(1).max(12),
    gradeTo: z.number().int().min(1).max(12),
    places: z.number().int().min(1).max(100),
    startsOn: isoDay,
    months: z.number().int().min(1).max(60),
    duties: text().trim().max(2000).default(''),
    requirements: text().trim().max(2000).default(''),
  })
  .refine((p) => p.gradeTo >= p.gradeFrom, {
    message: 'the last grade must not be before the first',
    path: ['gradeTo'],
    params: { problem: 'ends_before_start' },
  });
export type CreatePostingInput = z.infer<typeof createPostingInput>;

const place = z.object({ id, name: text() });
const school = place.extend({ rural: z.boolean(), supported: z.boolean() });

export const posting = z.object({
  id,
  programmeId: id,
  programmeName: text(),
  kind: z.enum(exchangeKinds),
  school,
  subject: z.enum(subjects),
  gradeFrom: z.number().int(),
  gradeTo: z.number().int(),
  places: z.number().int(),
  filled: z.number().int(),
  /** Takes applications: not closed, its programme open, a place left. */
  open: z.boolean(),
  startsOn: isoDay,
  months: z.number().int(),
  duties: text(),
  requirements: text(),
  createdAt: isoTime,
  /** The caller's own application to it that is still under way, if any. */
  myApplication: z.object({ id, status: z.enum(applicationStatuses) }).nullable(),
});
export type Posting = z.infer<typeof posting>;

export const eligibilityFailure = z
  .object({ rule: z.enum(eligibilityRules), message: z.string() })
  .catchall(z.union([z.string(), z.number()]));
export const eligibility = z.object({ eligible: z.boolean(), rules: z.array(eligibilityFailure) });
export type Eligibility = z.infer<typeof eligibility>;

export const postingAnswer = z.object({
  posting,
  /** For a teacher: whether they may apply, and each rule that stops them. Null for others. */
  eligibility: eligibility.nullable(),
});
export const postingPage = page(posting);

const yesNo = z.enum(['true', 'false']).transform((v) => v === 'true');

export const postingListQuery = listQuery.extend({
  programmeId: id.optional(),
  kind: z.enum(exchangeKinds).optional(),
  subject: z.enum(subjects).optional(),
  schoolId: id.optional(),
  /** `true`: only postings that take applications now. */
  open: yesNo.optional(),
});

export const applyInput = z.object({
  postingId: id,
  statement: text().trim().max(2000).optional(),
  /** A nomination: the home school's admin names one of its teachers. Absent: the caller applies. */
  teacherId: id.optional(),
});
export type ApplyInput = z.infer<typeof applyInput>;

export const approval = z.object({
  step: z.enum(approvalSteps),
  by: place.nullable(),
  at: isoTime.nullable(),
});

export const applicationActions = ['approve', 'consider', 'decline', 'defer', 'withdraw'] as const;
export type ApplicationAction = (typeof applicationActions)[number];

export const application = z.object({
  id,
  status: z.enum(applicationStatuses),
  posting: z.object({
    id,
    programmeId: id,
    programmeName: text(),
    kind: z.enum(exchangeKinds),
    school,
    subject: z.enum(subjects),
    gradeFrom: z.number().int(),
    gradeTo: z.number().int(),
    startsOn: isoDay,
    months: z.number().int(),
  }),
  teacher: place,
  homeSchool: place,
  submittedBy: place,
  /** Submitted by the home school rather than the teacher. */
  nominated: z.boolean(),
  statement: text(),
  /** Every step the programme asks for, approved (with who and when) or still waiting (`by` null). */
  approvals: z.array(approval),
  declineReason: text().nullable(),
  /** Only the approvers and the teacher read it; null for anyone else. */
  deferralReason: text().nullable(),
  createdAt: isoTime,
  updatedAt: isoTime,
  /** What the caller may do now, and which steps they would approve. */
  myActions: z.array(z.enum(applicationActions)),
  mySteps: z.array(z.enum(approvalSteps)),
  placement: z.object({ id, startsOn: isoDay, endsOn: isoDay, status: z.enum(placementStatuses) }).nullable(),
});
export type Application = z.infer<typeof application>;
export const applicationAnswer = z.object({ application });
export const applicationPage = page(application);

export const applicationListQuery = listQuery.extend({
  /** mine: the caller's own (and those they nominated); to_approve: waiting for a step the caller approves; all:
   *  every one the caller may read (programme leaders, home and host school admins). */
  scope: z.enum(['mine', 'to_approve', 'all']).default('mine'),
  programmeId: id.optional(),
  status: z.enum(applicationStatuses).optional(),
});

export const approveInput = z.object({
  /** The step to approve; absent: every step still waiting that the caller approves. */
  step: z.enum(approvalSteps).optional(),
});
export const reasonRequiredInput = z.object({ reason: text().trim().min(1).max(500) });
export const withdrawInput = z.object({ reason: text().trim().max(500).optional() });

// ---- in post: placements, weekly logs, reviews ----

export const logEntry = z.object({
  id,
  on: isoDay,
  hours: z.number(),
  activity: z.enum(logActivities),
  note: text(),
  lesson: z.object({ id, title: text() }).nullable(),
  resource: z.object({ id, title: text() }).nullable(),
  confirmedBy: place.nullable(),
  confirmedAt: isoTime.nullable(),
});
export type LogEntry = z.infer<typeof logEntry>;

export const review = z.object({
  stage: z.enum(reviewStages),
  summary: text(),
  satisfactory: z.boolean(),
  by: place,
  at: isoTime,
});

/** A live lesson the teacher gave to rural classrooms while in post, not yet in the log: one click logs it. */
export const lessonOffer = z.object({
  lessonId: id,
  title: text(),
  startsAt: isoTime,
  endsAt: isoTime,
  hours: z.number(),
  /** Rural classrooms that joined, and their minutes, from LiveKit's own events. */
  classrooms: z.array(z.object({ name: text(), schoolName: text(), minutes: z.number().int() })),
});

export type LessonOffer = z.infer<typeof lessonOffer>;

export const placement = z.object({
  id,
  applicationId: id,
  status: z.enum(placementStatuses),
  kind: z.enum(exchangeKinds),
  programmeName: text(),
  subject: z.enum(subjects),
  teacher: place,
  homeSchool: place,
  hostSchool: school,
  mentor: place.nullable(),
  startsOn: isoDay,
  endsOn: isoDay,
  /** The day the host school's final review completed it (null until then); it is held until then at the latest. */
  completedOn: isoDay.nullable(),
  hoursLogged: z.number(),
  hoursConfirmed: z.number(),
  /** Mondays of past weeks in post (at most the last 8) with no entry: the reminder. */
  weeksWithoutEntry: z.array(isoDay),
  reviews: z.array(review),
  /** What the caller may do: log (the teacher), confirm logs / review / name the mentor (the host school). */
  mayLog: z.boolean(),
  mayConfirm: z.boolean(),
});
export type Placement = z.infer<typeof placement>;
export const placementPage = page(placement);
export const placementAnswer = z.object({
  placement,
  logs: z.array(logEntry),
  offers: z.array(lessonOffer),
});

export const placementListQuery = listQuery.extend({
  /** mine: the caller's own; hosted: at schools the caller administers; all: every one the caller may read. */
  scope: z.enum(['mine', 'hosted', 'all']).default('mine'),
  status: z.enum(placementStatuses).optional(),
  /** The lists behind the group's view's figures: one school's placements, sent from it (`home`) or received. */
  schoolId: id.optional(),
  side: z.enum(['home', 'host']).optional(),
  /** The placements the group's view counts in a school year ("2026-2027"): active or completed, overlapping it. */
  schoolYear: schoolYear.optional(),
  /** Those in post on this day: started, neither ended nor completed by it. */
  inPostOn: isoDay.optional(),
});

export const logInput = z.object({
  on: isoDay,
  hours: z.number().min(0.5).max(24).multipleOf(0.5),
  activity: z.enum(logActivities),
  note: text().trim().max(1000).default(''),
  /** A resource of the library the day's work made or used. */
  resourceId: id.optional(),
});
export type LogInput = z.infer<typeof logInput>;
/** Log a live lesson the platform recorded: its day, hours and attendance come from the lesson. */
export const lessonLogInput = z.object({ lessonId: id, note: text().trim().max(1000).default('') });
export type LessonLogInput = z.infer<typeof lessonLogInput>;
export const logAnswer = z.object({ log: logEntry });

export const reviewInput = z.object({
  stage: z.enum(reviewStages),
  summary: text().trim().min(1).max(2000),
  satisfactory: z.boolean(),
});
export const mentorInput = z.object({ mentorId: id });
export const logParams = z.object({ id, logId: id });

// ---- rural-service years and honours ----

export const serviceRecordInput = z
  .object({
    userId: id,
    /** The rural school served at. */
    schoolId: id,
    startsOn: isoDay,
    endsOn: isoDay.optional(),
    /** The evidence: a document in the library (an appointment letter, a payroll record…). */
    evidenceResourceId: id,
    note: text().trim().max(500).default(''),
  })
  .refine((r) => !r.endsOn || r.endsOn > r.startsOn, {
    message: 'the end must be after the start',
    path: ['endsOn'],
    params: { problem: 'ends_before_start' },
  });
export type ServiceRecordInput = z.infer<typeof serviceRecordInput>;

export const serviceRecord = z.object({
  id,
  user: place,
  school: place,
  startsOn: isoDay,
  endsOn: isoDay.nullable(),
  evidence: z.object({ id, title: text() }).nullable(),
  note: text(),
  status: z.enum(serviceStatuses),
  recordedBy: place,
  decidedBy: place.nullable(),
  mayDecide: z.boolean(),
});
export const serviceRecordAnswer = z.object({ record: serviceRecord });
export const serviceRecordPage = page(serviceRecord);
export const serviceListQuery = listQuery.extend({ status: z.enum(serviceStatuses).optional() });

const honourLevel = z.enum(honourLevels);

/** Years an honour asks; null: not given. */
const honourYearsOf = z.number().int().min(1).max(60).nullable();
const honourYears = z.object({ county: honourYearsOf, provincial: honourYearsOf, national: honourYearsOf });

/** A group's or district's honour thresholds: each higher honour asks more years than a lower one; one at least. */
export const honourSettingsInput = honourYears.extend({ orgId: id }).superRefine((s, ctx) => {
  const given = honoursOf(s);
  if (!given.length)
    ctx.addIssue({
      code: 'custom',
      message: 'give at least one honour',
      path: [],
      params: { problem: 'honours_none' },
    });
  const out = given.find((h, i) => i > 0 && h.years <= (given[i - 1]?.years ?? 0));
  if (out)
    ctx.addIssue({
      code: 'custom',
      message: 'a higher honour must ask more years than a lower one',
      path: [out.level],
      params: { problem: 'honours_ascending' },
    });
});
export type HonourSettingsInput = z.infer<typeof honourSettingsInput>;

/** The thresholds in effect for an organisation, and where they come from. */
export const honourSettings = z.object({
  orgId: id,
  years: honourYears,
  /** Its own row; its group's or district's (for a school); or the published 10 / 20 / 30. */
  source: z.enum(['own', 'group', 'district', 'published']),
  /** The organisation whose row is in effect, when one is. */
  from: place.nullable(),
  updatedAt: isoTime.nullable(),
  updatedBy: place.nullable(),
  /** A group's or district's admin may set its own (a school takes its group's or district's). */
  mayEdit: z.boolean(),
});
export const honourSettingsQuery = z.object({ orgId: id });
export const serviceYearsAnswer = z.object({
  user: place,
  years: z.number().int(),
  days: z.number().int(),
  ongoing: z.boolean(),
  /** Each honour with the day it is (or will be) reached; null when service ended short of it. */
  honours: z.array(z.object({ years: z.number().int(), level: honourLevel, reachesOn: isoDay.nullable() })),
});

export const honourItem = z.object({
  user: place,
  school: place,
  years: z.number().int(),
  honour: z.object({ years: z.number().int(), level: honourLevel }),
  reachesOn: isoDay,
  /** Reached in this calendar year or the next. */
  when: z.enum(['this_year', 'next_year']),
});
export type HonourItem = z.infer<typeof honourItem>;
export const honourList = z.object({
  orgId: id,
  year: z.number().int(),
  /** The organisation's thresholds; a district's list may hold schools of groups with their own. */
  years: honourYears,
  items: z.array(honourItem),
});
export const honourQuery = z.object({ orgId: id });

// ---- the group's view ----

const figures = z.object({
  sent: z.number().int(),
  received: z.number().int(),
  inPost: z.number().int(),
  hours: z.number(),
});
export const exchangeOverview = z.object({
  orgId: id,
  schoolYear: z.string(),
  /** Every school of the organisation by name (never by a figure), this school year against the last. */
  schools: z.array(
    z.object({
      school: z.object({ id, name: text(), code: z.string().nullable(), rural: z.boolean(), supported: z.boolean() }),
      thisYear: figures,
      lastYear: figures,
    }),
  ),
  /** Each programme of this school year against its own quota settings. */
  programmes: z.array(
    z.object({
      programme: z.object({ id, name: text(), kind: z.enum(exchangeKinds) }),
      eligible: z.number().int(),
      rotated: z.number().int(),
      rotationSharePct: z.number().int(),
      rotationMet: z.boolean(),
      keyRotated: z.number().int(),
      keyBase: z.number().int(),
      keyShareBase: z.enum(keyShareBases),
      keySharePct: z.number().int(),
      keyMet: z.boolean(),
    }),
  ),
  /** Teachers who become eligible by the next school year's start. */
  eligibleNextYear: z.array(z.object({ user: place, school: place, eligibleFrom: isoDay })),
});
export const overviewQuery = z.object({ orgId: id });
