// Live lessons: what the API takes and answers, shared by the server's contract and the web.
import { z } from 'zod';
import { lessonRoles, lessonStatuses, subjects } from '../enums';
import { rubricCriteria } from '../lessons';
import { id, isoTime, page, text } from './common';

const MAX_LESSON_MS = 4 * 3600_000;
/** Lessons are scheduled from yesterday to two years ahead (a series included): nothing a calendar cannot hold. */
const sensible = (iso: string, weeks = 1) => {
  const t = new Date(iso).getTime();
  return t > Date.now() - 86_400_000 && t + (weeks - 1) * 7 * 86_400_000 < Date.now() + 2 * 365 * 86_400_000;
};
/** A time that may be missing, in ms: a missing one is NaN, so no comparison with it holds (the refinements say so). */
const ms = (iso: string | undefined) => (iso ? new Date(iso).getTime() : NaN);

export const createLessonInput = z
  .object({
    title: text().trim().min(1).max(120),
    subject: z.enum(subjects),
    grade: z.number().int().min(1).max(12),
    startsAt: isoTime,
    endsAt: isoTime,
    classroomIds: z.array(id).min(1).max(50),
    /** Library resources handed to the classrooms. */
    resourceIds: z.array(id).max(20).default([]),
    /** A weekly series: this many weeks at the same time (1 = once). */
    weeks: z.number().int().min(1).max(20).default(1),
    /** Schedule even where a classroom already has a lesson then (the answer to a 409 with clashes). */
    allowClashes: z.boolean().default(false),
    /** Record the lesson (the teacher's choice, never on unasked); can be changed until it goes live. */
    record: z.boolean().default(false),
  })
  .refine((l) => new Date(l.endsAt) > new Date(l.startsAt), {
    message: 'endsAt must be after startsAt',
    path: ['endsAt'],
    params: { problem: 'ends_before_start' },
  })
  .refine((l) => new Date(l.endsAt).getTime() - new Date(l.startsAt).getTime() <= MAX_LESSON_MS, {
    message: 'a live lesson lasts at most 4 hours',
    path: ['endsAt'],
    params: { problem: 'lesson_too_long', hours: MAX_LESSON_MS / 3_600_000 },
  })
  .refine((l) => sensible(l.startsAt, l.weeks), {
    message: 'between yesterday and two years ahead (the whole series)',
    path: ['startsAt'],
    params: { problem: 'lesson_out_of_range' },
  });
export type CreateLessonInput = z.infer<typeof createLessonInput>;

export const updateLessonInput = z
  .object({
    title: text().trim().min(1).max(120).optional(),
    startsAt: isoTime.optional(),
    endsAt: isoTime.optional(),
    /** Record the lesson or not: also while it is live (the teacher's console before going live again). */
    record: z.boolean().optional(),
    /** Move this lesson and the rest of its series by the same amount. */
    series: z.boolean().default(false),
    allowClashes: z.boolean().default(false),
  })
  .refine((u) => u.title !== undefined || u.startsAt !== undefined || u.record !== undefined, {
    message: 'nothing to change: give a title, new times or whether to record',
    path: ['title'],
    params: { problem: 'nothing_to_change' },
  })
  .refine((u) => !u.startsAt === !u.endsAt, {
    message: 'give both startsAt and endsAt',
    path: ['endsAt'],
    params: { problem: 'required' },
  })
  .refine((u) => !u.startsAt || ms(u.endsAt) > ms(u.startsAt), {
    message: 'endsAt must be after startsAt',
    path: ['endsAt'],
    params: { problem: 'ends_before_start' },
  })
  .refine((u) => !u.startsAt || ms(u.endsAt) - ms(u.startsAt) <= MAX_LESSON_MS, {
    message: 'a live lesson lasts at most 4 hours',
    path: ['endsAt'],
    params: { problem: 'lesson_too_long', hours: MAX_LESSON_MS / 3_600_000 },
  })
  .refine((u) => !u.startsAt || sensible(u.startsAt), {
    message: 'between yesterday and two years ahead',
    path: ['startsAt'],
    params: { problem: 'lesson_out_of_range' },
  });

export type UpdateLessonInput = z.infer<typeof updateLessonInput>;

export const cancelLessonInput = z.object({
  reason: text().trim().max(200).default(''),
  series: z.boolean().default(false),
});
export type CancelLessonInput = z.infer<typeof cancelLessonInput>;

export const feedbackInput = z.object({
  rating: z.number().int().min(1).max(5),
  comment: text().trim().max(2000).default(''),
  /** Assistant teachers: what the students asked. */
  questions: text().trim().max(2000).default(''),
  /** Observers: each criterion 1–5 (教学目标, 师生互动, 双师配合, 技术效果). */
  rubric: z
    .object(
      Object.fromEntries(rubricCriteria.map((k) => [k, z.number().int().min(1).max(5)])) as Record<
        (typeof rubricCriteria)[number],
        z.ZodNumber
      >,
    )
    .optional(),
});
export type FeedbackInput = z.infer<typeof feedbackInput>;

export const feedback = z.object({
  id,
  kind: z.enum(['classroom', 'observer']),
  authorName: text(),
  classroomName: text().nullable(),
  rating: z.number().int(),
  rubric: z.record(text(), z.number()).nullable(),
  comment: text(),
  questions: text(),
  updatedAt: isoTime,
  mine: z.boolean(),
});
export type Feedback = z.infer<typeof feedback>;
export const feedbackAnswer = z.object({ feedback });
export const feedbackList = z.object({ items: z.array(feedback) });

export const lesson = z.object({
  id,
  title: text(),
  subject: z.enum(subjects),
  grade: z.number().int(),
  startsAt: isoTime,
  endsAt: isoTime,
  status: z.enum(lessonStatuses),
  teacherId: id,
  teacherName: text(),
  schoolId: id,
  schoolName: text(),
  classrooms: z.array(z.object({ id, name: text(), schoolId: id, schoolName: text() })),
  materials: z.array(z.object({ id, title: text(), kind: text() })),
  seriesId: id.nullable(),
  cancelReason: text().nullable(),
  /** Whether the teacher chose to record it. */
  record: z.boolean(),
  /** How the caller takes part, if at all. */
  myRole: z.enum(lessonRoles).nullable(),
});
export type Lesson = z.infer<typeof lesson>;

/**
 * What a new lesson of the caller (a master teacher) starts with: the subject and grade they usually teach (from
 * their latest lessons, else from their resources), and the classrooms, start time (Beijing, HH:MM) and length of
 * their latest lesson. Null or empty where there is nothing to go on.
 */
export const lessonDefaults = z.object({
  subject: z.enum(subjects).nullable(),
  grade: z.number().int().nullable(),
  classroomIds: z.array(id),
  time: text().nullable(),
  minutes: z.number().int().nullable(),
});
export type LessonDefaults = z.infer<typeof lessonDefaults>;

export const lessonListQuery = z.object({ scope: z.enum(['mine', 'upcoming', 'past']).default('mine') });
export type LessonListScope = z.infer<typeof lessonListQuery>['scope'];
export const lessonPage = page(lesson);
export const lessonAnswer = z.object({ lesson });
/** A lesson and all of its series that the change made (scheduled) or touched (moved). */
export const lessonSeriesAnswer = z.object({ lesson, lessons: z.array(lesson) });
export const cancelLessonAnswer = z.object({ lesson, cancelled: z.number().int() });

/** Another lesson a classroom already has at a wanted time (409 `conflict`, in `details.clashes`). */
export const clash = z.object({
  lessonId: id,
  title: text(),
  startsAt: isoTime,
  endsAt: isoTime,
  classroomId: id,
  classroomName: text(),
});
export type Clash = z.infer<typeof clash>;

export const joinAnswer = z.object({ url: text(), token: text(), role: z.enum(lessonRoles) });

/** A participant of a lesson's room: `classroom:<id>` or `user:<id>` (CONTRACT: LiveKit identities). */
export const participantParam = z.object({
  id,
  identity: text().regex(/^(classroom|user):[0-9a-f-]{36}$/, 'not a lesson participant identity'),
});
export const speakInput = z.object({ allowed: z.boolean() });
export const muteInput = z.object({ source: z.enum(['microphone', 'camera']).default('microphone') });
export const speaking = z.object({ identity: text(), name: text(), canPublish: z.boolean() });
export const speakingAnswer = z.object({ participant: speaking });
export const muteAnswer = z.object({ muted: z.number().int() });

/** A library resource the teacher uploaded, filed as the lesson's recording. */
export const fileRecordingInput = z.object({ resourceId: id });
export const recordingAnswer = z.object({ recording: z.object({ mode: z.literal('egress'), egressId: text() }) });

/** One invited classroom's time in the lesson, from LiveKit's own webhooks. */
export const attendanceRow = z.object({
  classroomId: id,
  name: text(),
  schoolName: text(),
  firstJoinedAt: isoTime.nullable(),
  lastLeftAt: isoTime.nullable(),
  /** Minutes present, overlapping sessions counted once. */
  minutes: z.number().int(),
  /** Connected right now. */
  present: z.boolean(),
});
export const attendance = z.object({
  lessonId: id,
  status: z.enum(lessonStatuses),
  items: z.array(attendanceRow),
  teacherMinutes: z.number().int(),
});
export type Attendance = z.infer<typeof attendance>;

/** What the LiveKit webhook answers: `applied` is false for a delivery already applied. */
export const webhookAnswer = z.object({ ok: z.boolean(), applied: z.boolean() });
