import { z } from 'zod';
import { lessonRoles, lessonStatuses, subjects } from '../enums';
import { id, isoTime } from './common';

export const createLessonInput = z
  .object({
    title: z.string().trim().min(1).max(120),
    subject: z.enum(subjects),
    grade: z.number().int().min(1).max(12),
    startsAt: isoTime,
    endsAt: isoTime,
    classroomIds: z.array(id).min(1).max(50),
  })
  .refine((l) => new Date(l.endsAt) > new Date(l.startsAt), { message: 'endsAt must be after startsAt', path: ['endsAt'] });

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
  /** How the caller takes part, if at all. */
  myRole: z.enum(lessonRoles).nullable(),
});
export type Lesson = z.infer<typeof lesson>;

export const joinAnswer = z.object({ url: z.string(), token: z.string(), role: z.enum(lessonRoles) });

/** A participant of a lesson's room: `classroom:<id>` or `user:<id>` (CONTRACT: LiveKit identities). */
export const participantParam = z.object({ id, identity: z.string().regex(/^(classroom|user):[0-9a-f-]{36}$/, 'not a lesson participant identity') });
export const speakInput = z.object({ allowed: z.boolean() });
export const muteInput = z.object({ source: z.enum(['microphone', 'camera']).default('microphone') });
export const speaking = z.object({ identity: z.string(), name: z.string(), canPublish: z.boolean() });
