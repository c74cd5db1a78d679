import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { feedbackKinds, lessonStatuses } from '../../../shared/enums';
import { classrooms, orgs, users } from './orgs';
import { resources, subject } from './resources';

export const lessonStatus = pgEnum('lesson_status', lessonStatuses);
export const feedbackKind = pgEnum('feedback_kind', feedbackKinds);

/** A live dual-teacher lesson: a master teacher teaches, invited classrooms watch and take part. */
export const lessons = pgTable(
  'lessons',
  {
    id: uuid().primaryKey().defaultRandom(),
    teacherId: uuid()
      .notNull()
      .references(() => users.id),
    /** The teacher's school: the lesson's owner for visibility. */
    schoolId: uuid()
      .notNull()
      .references(() => orgs.id),
    title: text().notNull(),
    subject: subject().notNull(),
    grade: integer().notNull(),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    status: lessonStatus().notNull().default('scheduled'),
    /** One LiveKit room per lesson. */
    roomName: text().notNull(),
    /** Lessons scheduled together as a weekly series share this id. */
    seriesId: uuid(),
    cancelReason: text(),
    /** The teacher chose to record this lesson (off unless chosen). */
    record: boolean().notNull().default(false),
    /** A server-side recording (LiveKit Egress) in progress or done, and the storage key it writes to. */
    recordingEgressId: text(),
    recordingKey: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('lessons_room_key').on(t.roomName),
    index('lessons_teacher_idx').on(t.teacherId, t.startsAt),
    index('lessons_school_idx').on(t.schoolId, t.startsAt),
    index('lessons_series_idx').on(t.seriesId),
  ],
);

export const lessonClassrooms = pgTable(
  'lesson_classrooms',
  {
    lessonId: uuid()
      .notNull()
      .references(() => lessons.id, { onDelete: 'cascade' }),
    classroomId: uuid()
      .notNull()
      .references(() => classrooms.id),
  },
  (t) => [
    primaryKey({ columns: [t.lessonId, t.classroomId] }),
    index('lesson_classrooms_classroom_idx').on(t.classroomId),
  ],
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
    lessonId: uuid()
      .notNull()
      .references(() => lessons.id, { onDelete: 'cascade' }),
    /** user:<id> or classroom:<id>, as in the token. */
    identity: text().notNull(),
    /** LiveKit's participant session id (sid): joins and leaves pair on it, whatever order they arrive in. */
    sid: text().notNull(),
    joinedAt: timestamp({ withTimezone: true }),
    leftAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('lesson_attendance_sid_key').on(t.lessonId, t.sid),
    index('lesson_attendance_identity_idx').on(t.lessonId, t.identity),
  ],
);

/** Materials from the library attached to a lesson (the classrooms can open them before and after). */
export const lessonMaterials = pgTable(
  'lesson_materials',
  {
    lessonId: uuid()
      .notNull()
      .references(() => lessons.id, { onDelete: 'cascade' }),
    resourceId: uuid()
      .notNull()
      .references(() => resources.id),
    position: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.lessonId, t.resourceId] })],
);

/**
 * After the lesson (听课评课): an assistant teacher's feedback for their classroom, or an observer's evaluation with
 * a short rubric (each criterion 1–5). One per person per lesson; writing again replaces it.
 */
export const lessonFeedback = pgTable(
  'lesson_feedback',
  {
    id: uuid().primaryKey().defaultRandom(),
    lessonId: uuid()
      .notNull()
      .references(() => lessons.id, { onDelete: 'cascade' }),
    authorId: uuid()
      .notNull()
      .references(() => users.id),
    /** classroom (an assistant's feedback) or observer (an evaluation). */
    kind: feedbackKind().notNull(),
    classroomId: uuid().references(() => classrooms.id),
    /** Overall, 1–5. */
    rating: integer().notNull(),
    /** Observer rubric: criterion → 1–5. */
    rubric: jsonb().$type<Record<string, number>>(),
    comment: text().notNull().default(''),
    /** What the students asked (assistants). */
    questions: text().notNull().default(''),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('lesson_feedback_author_key').on(t.lessonId, t.authorId),
    check('lesson_feedback_rating_check', sql`${t.rating} BETWEEN 1 AND 5`),
  ],
);
