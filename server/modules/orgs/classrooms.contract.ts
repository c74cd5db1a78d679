import { createRoute } from '@hono/zod-openapi';
import { idParam } from '../../../shared/schemas/common';
import {
  classroomAnswer,
  classroomInput,
  classroomListQuery,
  classroomPage,
  updateClassroomInput,
} from '../../../shared/schemas/orgs';
import { commonErrors, errorAnswers, json, jsonBody } from '../../lib/router';

const nameTaken = errorAnswers({ 409: 'The school already has a classroom of this name (`already_exists`)' });

export const list = createRoute({
  method: 'get',
  path: '/classrooms',
  tags: ['orgs'],
  summary: 'Classrooms the caller may invite or operate, with their school',
  request: { query: classroomListQuery },
  responses: { 200: json(classroomPage), ...commonErrors },
});

export const create = createRoute({
  method: 'post',
  path: '/orgs/{id}/classrooms',
  tags: ['orgs'],
  summary: 'Add a classroom to a school (its admins)',
  request: { params: idParam, body: jsonBody(classroomInput) },
  responses: { 201: json(classroomAnswer), ...commonErrors, ...nameTaken },
});

export const update = createRoute({
  method: 'patch',
  path: '/classrooms/{id}',
  tags: ['orgs'],
  summary: 'Rename a classroom or change its grade',
  request: { params: idParam, body: jsonBody(updateClassroomInput) },
  responses: { 200: json(classroomAnswer), ...commonErrors, ...nameTaken },
});
