import { index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { lessonStatuses } from '../../../shared/enums';
import { classrooms, orgs, users } from './orgs';
import { subject } from './resources';

export const lessonStatus = pgEnum('lesson_status', lessonStatuses);

/** A live dual-teacher lesson: a master teacher teaches, invited classrooms watch and take part. */
export const lessons = pgTable(
  'lessons',
  {
    id: uuid().primaryKey().defaultRandom(),
    teacherId: uuid().notNull().references(() => users.id),
    /** The teacher's school: the lesson's owner for visibility. */
    schoolId: uuid().notNull().references(() => orgs.id),
    title: text().notNull(),
    subject: subject().notNull(),
    grade: integer().notNull(),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    status: lessonStatus().notNull().default('scheduled'),
    /** One LiveKit room per lesson. */
    roomName: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('lessons_room_key').on(t.roomName), index('lessons_teacher_idx').on(t.teacherId, t.startsAt), index('lessons_school_idx').on(t.schoolId, t.startsAt)],
);

export const lessonClassrooms = pgTable(
  'lesson_classrooms',
  {
    lessonId: uuid().notNull().references(() => lessons.id, { onDelete: 'cascade' }),
    classroomId: uuid().notNull().references(() => classrooms.id),
  },
  (t) => [primaryKey({ columns: [t.lessonId, t.classroomId] }), index('lesson_classrooms_classroom_idx').on(t.classroomId)],
);

/** Every LiveKit webhook applied, by its event id: a repeated delivery changes nothing the second time. */
export const livekitEvents = pgTable('livekit_events', {
  id: text().primaryKey(),
  event: text().notNull(),
  room: text(),
  receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Who was in a lesson, from the media server's own events: one row per participant session. */
export const lessonAttendance = pgTable(
  'lesson_attendance',
  {
    id: uuid().primaryKey().defaultRandom(),
    lessonId: uuid().notNull().references(() => lessons.id, { onDelete: 'cascade' }),
    /** user:<id> or classroom:<id>, as in the token. */
    identity: text().notNull(),
    /** LiveKit's participant session id (sid): joins and leaves pair on it, whatever order they arrive in. */
    sid: text().notNull(),
    joinedAt: timestamp({ withTimezone: true }),
    leftAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex('lesson_attendance_sid_key').on(t.lessonId, t.sid), index('lesson_attendance_identity_idx').on(t.lessonId, t.identity)],
);
