import { createRoute } from '@hono/zod-openapi';
import { idParam } from '../../../shared/schemas/common';
import { photoAnswer, photoParams } from '../../../shared/schemas/facilities';
import { commonErrors, errorAnswers, json, multipartBody, noContent } from '../../lib/router';

export const add = createRoute({
  method: 'post',
  path: '/facilities/{id}/photos',
  tags: ['facilities'],
  summary: 'Add a photo (PNG, JPEG, GIF or WebP, judged by its bytes)',
  description: 'Body: multipart/form-data with `file`.',
  request: { params: idParam, body: multipartBody({ file: 'file' }) },
  responses: {
    201: json(photoAnswer),
    ...commonErrors,
    ...errorAnswers({
      409: 'The facility has as many photos as it may have',
      413: 'Over 10 MB',
      415: 'Not an image',
      503: 'No file storage on this server',
    }),
  },
});

export const get = createRoute({
  method: 'get',
  path: '/facilities/{id}/photos/{photoId}',
  tags: ['facilities'],
  summary: 'A photo of a facility',
  request: { params: photoParams },
  responses: { 200: { description: 'The image' }, ...commonErrors },
});

export const remove = createRoute({
  method: 'delete',
  path: '/facilities/{id}/photos/{photoId}',
  tags: ['facilities'],
  summary: 'Remove a photo',
  request: { params: photoParams },
  responses: { 204: noContent, ...commonErrors },
});
