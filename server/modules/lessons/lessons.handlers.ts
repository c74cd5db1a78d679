import { forbidden } from '../../lib/errors';
import { dbOf, requestMeta, type SignedInHandler } from '../../lib/router';
import { attendanceOf } from './attendance.queries';
import { listFeedback } from './feedback.queries';
import { saveFeedback } from './feedback.service';
import type * as contract from './lessons.contract';
import {
  getLessonFor,
  getTaughtLesson,
  lessonAnswerFor,
  lessonOut,
  listLessons,
  schedulingSchool,
  seriesAnswerFor,
} from './lessons.queries';
import { cancelLessons, moveLessons, scheduleLessons } from './lessons.service';
import { lessonDefaultsFor } from './schedule.queries';

export const create: SignedInHandler<typeof contract.create> = async (c) => {
  const actor = c.get('actor');
  const input = c.req.valid('json');
  const schoolId = schedulingSchool(actor);
  const ids = await scheduleLessons(dbOf(c), actor, { schoolId, input }, requestMeta(c));
  const [first] = ids;
  if (!first) throw new Error('a schedule that succeeded made no lesson');
  return c.json(await seriesAnswerFor(dbOf(c), actor, ids, first), 201);
};

export const list: SignedInHandler<typeof contract.list> = async (c) => {
  const actor = c.get('actor');
  const rows = await listLessons(dbOf(c), actor, c.req.valid('query').scope);
  const items = rows.map(({ l, rooms, materials }) => lessonOut(l, rooms, actor, materials));
  return c.json({ items, nextCursor: null }, 200);
};

/** Read from the caller's own lessons and resources only: anyone may ask, a master teacher's form does. */
export const defaults: SignedInHandler<typeof contract.defaults> = async (c) => {
  return c.json(await lessonDefaultsFor(dbOf(c), c.get('actor')), 200);
};

export const get: SignedInHandler<typeof contract.get> = async (c) => {
  return c.json({ lesson: await lessonAnswerFor(dbOf(c), c.get('actor'), c.req.valid('param').id) }, 200);
};

export const getAttendance: SignedInHandler<typeof contract.getAttendance> = async (c) => {
  const { row, rooms, part } = await getLessonFor(dbOf(c), c.get('actor'), c.req.valid('param').id);
  if (part.role === 'classroom') throw forbidden('Attendance is for the lesson’s teacher and the group');
  return c.json(await attendanceOf(dbOf(c), row, rooms), 200);
};

export const update: SignedInHandler<typeof contract.update> = async (c) => {
  const actor = c.get('actor');
  const input = c.req.valid('json');
  const lesson = await getTaughtLesson(dbOf(c), actor, c.req.valid('param').id, 'Only the lesson’s teacher changes it');
  const ids = await moveLessons(dbOf(c), actor, { lesson, input }, requestMeta(c));
  return c.json(await seriesAnswerFor(dbOf(c), actor, ids, lesson.row.id), 200);
};

export const cancel: SignedInHandler<typeof contract.cancel> = async (c) => {
  const actor = c.get('actor');
  const { config, log } = c.get('deps');
  const input = c.req.valid('json');
  const { row } = await getTaughtLesson(
    dbOf(c),
    actor,
    c.req.valid('param').id,
    'Only the lesson’s teacher cancels it',
  );
  const room = { livekit: config.livekit, log };
  const cancelled = await cancelLessons(dbOf(c), actor, { lesson: row, input }, requestMeta(c), room);
  return c.json({ lesson: await lessonAnswerFor(dbOf(c), actor, row.id), cancelled }, 200);
};

export const putFeedback: SignedInHandler<typeof contract.putFeedback> = async (c) => {
  const actor = c.get('actor');
  const lesson = await getLessonFor(dbOf(c), actor, c.req.valid('param').id);
  const feedback = await saveFeedback(dbOf(c), actor, { lesson, input: c.req.valid('json') }, requestMeta(c));
  return c.json({ feedback }, 200);
};

export const getFeedback: SignedInHandler<typeof contract.getFeedback> = async (c) => {
  const actor = c.get('actor');
  const lesson = await getLessonFor(dbOf(c), actor, c.req.valid('param').id);
  return c.json({ items: await listFeedback(dbOf(c), actor, lesson) }, 200);
};
