import { z } from 'zod';
import { lessonRoles, lessonStatuses, subjects } from '../enums';
import { rubricCriteria } from '../lessons';
import { id, isoTime } from './common';

export { JOIN_OPENS_MS, joinOpen, rubricCriteria } from '../lessons';

const MAX_LESSON_MS = 4 * 3600_000;
/** Lessons are scheduled from yesterday to two years ahead (a series included): nothing a calendar cannot hold. */
const sensible = (iso: string, weeks = 1) => {
  const t = new Date(iso).getTime();
  return t > Date.now() - 86_400_000 && t + (weeks - 1) * 7 * 86_400_000 < Date.now() + 2 * 365 * 86_400_000;
};

export const createLessonInput = z
  .object({
    title: z.string().trim().min(1).max(120),
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
  })
  .refine((l) => new Date(l.endsAt) > new Date(l.startsAt), {
    message: 'endsAt must be after startsAt',
    path: ['endsAt'],
  })
  .refine((l) => new Date(l.endsAt).getTime() - new Date(l.startsAt).getTime() <= MAX_LESSON_MS, {
    message: 'a live lesson lasts at most 4 hours',
    path: ['endsAt'],
  })
  .refine((l) => sensible(l.startsAt, l.weeks), {
    message: 'between yesterday and two years ahead (the whole series)',
    path: ['startsAt'],
  });

export const updateLessonInput = z
  .object({
    title: z.string().trim().min(1).max(120).optional(),
    startsAt: isoTime.optional(),
    endsAt: isoTime.optional(),
    /** Move this lesson and the rest of its series by the same amount. */
    series: z.boolean().default(false),
    allowClashes: z.boolean().default(false),
  })
  .refine((u) => u.title !== undefined || u.startsAt !== undefined, {
    message: 'nothing to change: give a title or new times',
    path: ['title'],
  })
  .refine((u) => !u.startsAt === !u.endsAt, { message: 'give both startsAt and endsAt', path: ['endsAt'] })
  .refine((u) => !u.startsAt || new Date(u.endsAt!) > new Date(u.startsAt), {
    message: 'endsAt must be after startsAt',
    path: ['endsAt'],
  })
  .refine((u) => !u.startsAt || new Date(u.endsAt!).getTime() - new Date(u.startsAt).getTime() <= MAX_LESSON_MS, {
    message: 'a live lesson lasts at most 4 hours',
    path: ['endsAt'],
  })
  .refine((u) => !u.startsAt || sensible(u.startsAt), {
    message: 'between yesterday and two years ahead',
    path: ['startsAt'],
  });

export const cancelLessonInput = z.object({
  reason: z.string().trim().max(200).default(''),
  series: z.boolean().default(false),
});

export const feedbackInput = z.object({
  rating: z.number().int().min(1).max(5),
  comment: z.string().trim().max(2000).default(''),
  /** Assistant teachers: what the students asked. */
  questions: z.string().trim().max(2000).default(''),
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
export const feedback = z.object({
  id,
  kind: z.enum(['classroom', 'observer']),
  authorName: z.string(),
  classroomName: z.string().nullable(),
  rating: z.number().int(),
  rubric: z.record(z.string(), z.number()).nullable(),
  comment: z.string(),
  questions: z.string(),
  updatedAt: isoTime,
  mine: z.boolean(),
});

export const lesson = z.object({
  id,
  title: z.string(),
  subject: z.enum(subjects),
  grade: z.number().int(),
  startsAt: isoTime,
  endsAt: isoTime,
  status: z.enum(lessonStatuses),
  teacherId: id,
  teacherName: z.string(),
  schoolId: id,
  schoolName: z.string(),
  classrooms: z.array(z.object({ id, name: z.string(), schoolId: id, schoolName: z.string() })),
  materials: z.array(z.object({ id, title: z.string(), kind: z.string() })),
  seriesId: id.nullable(),
  cancelReason: z.string().nullable(),
  /** How the caller takes part, if at all. */
  myRole: z.enum(lessonRoles).nullable(),
});
export type Lesson = z.infer<typeof lesson>;

export const joinAnswer = z.object({ url: z.string(), token: z.string(), role: z.enum(lessonRoles) });

/** A participant of a lesson's room: `classroom:<id>` or `user:<id>` (CONTRACT: LiveKit identities). */
export const participantParam = z.object({
  id,
  identity: z.string().regex(/^(classroom|user):[0-9a-f-]{36}$/, 'not a lesson participant identity'),
});
export const speakInput = z.object({ allowed: z.boolean() });
export const muteInput = z.object({ source: z.enum(['microphone', 'camera']).default('microphone') });
export const speaking = z.object({ identity: z.string(), name: z.string(), canPublish: z.boolean() });

/** One invited classroom's time in the lesson, from LiveKit's own webhooks. */
export const attendanceRow = z.object({
  classroomId: id,
  name: z.string(),
  schoolName: z.string(),
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
