import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { feedFileParam, feedPage, newFeedAnswer, newFeedInput } from '../../../shared/schemas/calendar';
import { idParam } from '../../../shared/schemas/common';
import { commonErrors, json, jsonBody, noContent } from '../../lib/router';

export const create = createRoute({
  method: 'post',
  path: '/calendar-feeds',
  tags: ['calendar'],
  summary: 'A secret iCalendar URL for one’s own bookings, or for a facility (shown once)',
  request: { body: jsonBody(newFeedInput) },
  responses: { 201: json(newFeedAnswer), ...commonErrors },
});

export const list = createRoute({
  method: 'get',
  path: '/calendar-feeds',
  tags: ['calendar'],
  summary: "The caller's live calendar feeds (URLs are not shown again)",
  responses: { 200: json(feedPage), ...commonErrors },
});

export const revoke = createRoute({
  method: 'delete',
  path: '/calendar-feeds/{id}',
  tags: ['calendar'],
  summary: 'Revoke a feed URL',
  request: { params: idParam },
  responses: { 204: noContent, ...commonErrors },
});

export const file = createRoute({
  method: 'get',
  path: '/calendar/{file}',
  tags: ['calendar'],
  summary: 'The iCalendar feed behind a secret URL (no sign-in: the URL is the key)',
  request: { params: feedFileParam },
  responses: {
    200: { description: 'text/calendar', content: { 'text/calendar': { schema: z.string() } } },
    404: commonErrors[404],
  },
});
