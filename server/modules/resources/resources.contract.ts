import { createRoute } from '@hono/zod-openapi';
import { idParam } from '../../../shared/schemas/common';
import {
  downloadQuery,
  resourceAnswer,
  resourceDetail,
  resourceMeta,
  resourceSearch,
  resourceSearchQuery,
  resourceTree,
  resourceTreeQuery,
  reviewInput,
  uploadLimits,
} from '../../../shared/schemas/resources';
import { commonErrors, errorAnswers, json, jsonBody, multipartBody } from '../../lib/router';

const alreadyOrState = errorAnswers({
  409: 'The same file is already in the library (`already_exists`, details.resourceId) or wrong state',
});
const noStorage = errorAnswers({ 503: 'No file storage here' });
const uploadErrors = {
  ...alreadyOrState,
  ...errorAnswers({
    413: 'Larger than the upload limit',
    415: 'Not an accepted type, judged by the bytes',
  }),
  ...noStorage,
};

// The upload routes describe their bodies without validating them (multipartBody): receiveUpload reads them as a
// stream, where a validator would buffer them whole.
export const create = createRoute({
  method: 'post',
  path: '/resources',
  tags: ['resources'],
  summary: 'Share a file: lesson plan, courseware, exercise, recorded lesson, school-based course',
  description:
    'Body: multipart/form-data with `meta` (JSON: title, summary?, subject, grade, kind, visibility, edition?, ' +
    'volume?, unit?, tags?, licence?, schoolId?) and `file`. The type is judged by the bytes. Shared with the ' +
    'school only, it is published at once; wider, it goes to review.',
  request: { body: multipartBody({ meta: resourceMeta, file: 'file' }) },
  responses: { 201: json(resourceAnswer), ...commonErrors, ...uploadErrors },
});

export const search = createRoute({
  method: 'get',
  path: '/resources',
  tags: ['resources'],
  summary: 'Search the library (Chinese text), with filters and facet counts',
  request: { query: resourceSearchQuery },
  responses: { 200: json(resourceSearch), ...commonErrors },
});

export const limits = createRoute({
  method: 'get',
  path: '/resource-limits',
  tags: ['resources'],
  summary: 'What an upload may be: the size limit and the accepted kinds of file',
  responses: { 200: json(uploadLimits), ...commonErrors },
});

export const tree = createRoute({
  method: 'get',
  path: '/resource-tree',
  tags: ['resources'],
  summary: 'Browse like the textbook: edition → grade → unit, with counts, for one subject',
  request: { query: resourceTreeQuery },
  responses: { 200: json(resourceTree), ...commonErrors },
});

export const get = createRoute({
  method: 'get',
  path: '/resources/{id}',
  tags: ['resources'],
  summary: 'A resource with its versions',
  request: { params: idParam },
  responses: { 200: json(resourceDetail), ...commonErrors },
});

export const newVersion = createRoute({
  method: 'post',
  path: '/resources/{id}/versions',
  tags: ['resources'],
  summary: 'Upload a new version; the old ones are kept',
  description: 'Body: multipart/form-data with `file`.',
  request: { params: idParam, body: multipartBody({ file: 'file' }) },
  responses: { 201: json(resourceAnswer), ...commonErrors, ...uploadErrors },
});

export const review = createRoute({
  method: 'post',
  path: '/resources/{id}/review',
  tags: ['resources'],
  summary: 'Publish a resource in review, or return it with comments (group/district admins)',
  request: { params: idParam, body: jsonBody(reviewInput) },
  responses: { 200: json(resourceAnswer), ...commonErrors, ...alreadyOrState },
});

export const download = createRoute({
  method: 'get',
  path: '/resources/{id}/download',
  tags: ['resources'],
  summary: 'The file, with its content type, a safe Content-Disposition and range requests',
  request: { params: idParam, query: downloadQuery },
  responses: {
    200: { description: 'The file' },
    206: { description: 'Part of the file (Range)' },
    ...errorAnswers({ 416: 'Range not satisfiable' }),
    ...commonErrors,
    ...noStorage,
  },
});
