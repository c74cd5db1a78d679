// Enumerations shared by the database schema (pgEnum), the zod schemas and the web app.
// `as const` arrays are the single source: the web bundle imports these, never drizzle.

export const orgKinds = ['group', 'district', 'school'] as const;
export type OrgKind = (typeof orgKinds)[number];

/** Roles a person holds in an organisation. `master_teacher` is a flag on a teacher membership. */
export const roles = ['group_admin', 'district_admin', 'school_admin', 'teacher', 'assistant'] as const;
export type Role = (typeof roles)[number];

/** Roles that may hold a membership of each kind of organisation. */
export const rolesByOrgKind: Record<OrgKind, readonly Role[]> = {
  group: ['group_admin'],
  district: ['district_admin'],
  school: ['school_admin', 'teacher', 'assistant'],
};

export const locales = ['zh', 'en'] as const;
export type Locale = (typeof locales)[number];

/** Visibility / sharing scope of a shared thing, narrowest first. */
export const scopes = ['school', 'group', 'district', 'public'] as const;
export type Scope = (typeof scopes)[number];

export const subjects = [
  'chinese',
  'math',
  'english',
  'physics',
  'chemistry',
  'biology',
  'history',
  'geography',
  'politics',
  'science',
  'music',
  'art',
  'pe',
  'it',
  'labor',
  'other',
] as const;
export type Subject = (typeof subjects)[number];

export const facilityKinds = [
  'gym',
  'lab',
  'auditorium',
  'playing_field',
  'music_room',
  'computer_room',
  'library',
  'practice_site',
  'other',
] as const;
export type FacilityKind = (typeof facilityKinds)[number];

/** `block`: time the owner closed (maintenance, exams); it occupies the slot like an approved booking. */
export const bookingKinds = ['booking', 'block'] as const;
export const bookingStatuses = ['pending', 'approved', 'declined', 'cancelled'] as const;
export type BookingStatus = (typeof bookingStatuses)[number];
/** Statuses that hold a slot: no two of these may overlap on one facility. */
export const activeBookingStatuses = ['pending', 'approved'] as const satisfies readonly BookingStatus[];

export const resourceKinds = ['lesson_plan', 'courseware', 'exercise', 'video', 'school_course', 'other'] as const;
export type ResourceKind = (typeof resourceKinds)[number];
export const licences = ['cc_by', 'cc_by_sa', 'cc_by_nc', 'group_only'] as const;
export type Licence = (typeof licences)[number];
/** `returned`: the reviewer sent it back with comments; the author edits and submits again. */
export const resourceStatuses = ['draft', 'in_review', 'published', 'returned'] as const;
export type ResourceStatus = (typeof resourceStatuses)[number];
/** Textbook editions and volumes, stored by their Chinese names; the web names them in the page's language. */
export const editions = ['人教版', '北师大版', '苏教版', '沪教版', '外研版', '部编版', '校本', '其他'] as const;
export const volumes = ['上册', '下册', '全一册'] as const;

export const lessonStatuses = ['scheduled', 'live', 'ended', 'cancelled'] as const;
export type LessonStatus = (typeof lessonStatuses)[number];
export const lessonRoles = ['teacher', 'classroom', 'observer'] as const;
export type LessonRole = (typeof lessonRoles)[number];
/** After a lesson: an assistant's feedback for their classroom, or an observer's rubric evaluation. */
export const feedbackKinds = ['classroom', 'observer'] as const;
export type FeedbackKind = (typeof feedbackKinds)[number];

/** Teacher exchanges (DOMAIN pillar 3): 轮岗 rotation, 支教 support teaching, 跟岗 shadowing, 带教 mentoring. */
export const exchangeKinds = ['rotation', 'support', 'shadowing', 'mentoring'] as const;
export type ExchangeKind = (typeof exchangeKinds)[number];
export const programmeStatuses = ['open', 'closed'] as const;
export type ProgrammeStatus = (typeof programmeStatuses)[number];
/** Whose approval an application needs: the teacher's home school, the host school, the group or district. */
export const approvalSteps = ['home', 'host', 'group'] as const;
export type ApprovalStep = (typeof approvalSteps)[number];
/**
 * submitted → under_consideration (an approver has taken it up) → placed once every step has approved; side exits
 * withdrawn (by who applied or nominated), declined and deferred (by an approver, with a reason).
 */
export const applicationStatuses = [
  'submitted',
  'under_consideration',
  'placed',
  'withdrawn',
  'declined',
  'deferred',
] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];
/** Applications still waiting for a decision: at most one per teacher and posting. */
export const pendingApplicationStatuses = [
  'submitted',
  'under_consideration',
] as const satisfies readonly ApplicationStatus[];
/** `rotated`: key teachers are counted against those rotated; `eligible`: against all who are eligible. */
export const keyShareBases = ['rotated', 'eligible'] as const;
export type KeyShareBase = (typeof keyShareBases)[number];
export const placementStatuses = ['active', 'completed', 'ended'] as const;
export type PlacementStatus = (typeof placementStatuses)[number];
/** A week's log entry in post: taught, observed lessons, 教研 (research with colleagues), mentored, other. */
export const logActivities = ['taught', 'observed', 'research', 'mentored', 'other'] as const;
export type LogActivity = (typeof logActivities)[number];
export const reviewStages = ['midterm', 'final'] as const;
export type ReviewStage = (typeof reviewStages)[number];
/** Rural-service records: recorded by a school admin with evidence, counted once another admin approves. */
export const serviceStatuses = ['pending', 'approved', 'rejected'] as const;
export type ServiceStatus = (typeof serviceStatuses)[number];

/**
 * The sections of a school's public page (信息公开, seed clause 13), in the order the page shows them: basic facts,
 * courses offered, the timetable, enrolment, fees and their standards, facilities open to the public, public resources.
 */
export const publicSections = [
  'basic',
  'courses',
  'timetable',
  'enrolment',
  'fees',
  'facilities',
  'resources',
] as const;
export type PublicSection = (typeof publicSections)[number];
/** What a fee's amount is charged per. */
export const feePeriods = ['term', 'year', 'month', 'day', 'once'] as const;
export type FeePeriod = (typeof feePeriods)[number];
