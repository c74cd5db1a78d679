import { createRoute } from '@hono/zod-openapi';
import { idParam } from '../../../shared/schemas/common';
import {
  attendance,
  cancelLessonAnswer,
  cancelLessonInput,
  createLessonInput,
  feedbackAnswer,
  feedbackInput,
  feedbackList,
  lessonAnswer,
  lessonDefaults,
  lessonListQuery,
  lessonPage,
  lessonSeriesAnswer,
  updateLessonInput,
} from '../../../shared/schemas/lessons';
import { commonErrors, errorAnswers, json, jsonBody } from '../../lib/router';

export const create = createRoute({
  method: 'post',
  path: '/lessons',
  tags: ['lessons'],
  summary: 'A master teacher schedules a dual-teacher lesson for chosen classrooms',
  request: { body: jsonBody(createLessonInput) },
  responses: {
    201: json(lessonSeriesAnswer),
    ...commonErrors,
    ...errorAnswers({
      409:
        'conflict: the classrooms already have lessons then (details.clashes); ' +
        'send allowClashes to schedule anyway',
    }),
  },
});

export const list = createRoute({
  method: 'get',
  path: '/lessons',
  tags: ['lessons'],
  summary:
    'Lessons the caller teaches or attends (mine), or also may observe (upcoming), from now on; ' +
    'or those already over (past, newest first)',
  request: { query: lessonListQuery },
  responses: { 200: json(lessonPage), ...commonErrors },
});

export const defaults = createRoute({
  method: 'get',
  path: '/lessons/defaults',
  tags: ['lessons'],
  summary:
    'What a new lesson of the caller starts with (the master teacher’s schedule form): the subject and grade ' +
    'they usually teach, and the classrooms, start time and length of their latest lesson',
  responses: { 200: json(lessonDefaults), ...commonErrors },
});

export const get = createRoute({
  method: 'get',
  path: '/lessons/{id}',
  tags: ['lessons'],
  summary: 'A lesson, its classrooms and its status',
  request: { params: idParam },
  responses: { 200: json(lessonAnswer), ...commonErrors },
});

export const getAttendance = createRoute({
  method: 'get',
  path: '/lessons/{id}/attendance',
  tags: ['lessons'],
  summary:
    'Per invited classroom: when it joined and left and the minutes present ' +
    '(for the teacher and the group’s colleagues)',
  request: { params: idParam },
  responses: { 200: json(attendance), ...commonErrors },
});

export const update = createRoute({
  method: 'patch',
  path: '/lessons/{id}',
  tags: ['lessons'],
  summary:
    'The teacher renames or moves a lesson not yet started (or it and the rest of its series); ' +
    'the classrooms are told',
  request: { params: idParam, body: jsonBody(updateLessonInput) },
  responses: {
    200: json(lessonSeriesAnswer),
    ...commonErrors,
    ...errorAnswers({ 409: 'Started, ended or cancelled; or clashes (details.clashes)' }),
  },
});

export const cancel = createRoute({
  method: 'post',
  path: '/lessons/{id}/cancel',
  tags: ['lessons'],
  summary: 'The teacher cancels a lesson not yet ended (or it and the rest of its series); every classroom is told',
  request: { params: idParam, body: jsonBody(cancelLessonInput) },
  responses: { 200: json(cancelLessonAnswer), ...commonErrors, ...errorAnswers({ 409: 'Already ended or cancelled' }) },
});

export const putFeedback = createRoute({
  method: 'put',
  path: '/lessons/{id}/feedback',
  tags: ['lessons'],
  summary:
    'After the lesson: an assistant teacher’s feedback for their classroom, or an observer’s evaluation ' +
    'with the rubric (one each; writing again replaces it)',
  request: { params: idParam, body: jsonBody(feedbackInput) },
  responses: {
    200: json(feedbackAnswer),
    ...commonErrors,
    ...errorAnswers({ 409: 'The lesson has not started yet' }),
  },
});

export const getFeedback = createRoute({
  method: 'get',
  path: '/lessons/{id}/feedback',
  tags: ['lessons'],
  summary: 'Feedback and evaluations: all of them for the teacher, one’s own for others',
  request: { params: idParam },
  responses: { 200: json(feedbackList), ...commonErrors },
});
