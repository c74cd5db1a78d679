// Days a school (or one facility) is closed: holidays, term breaks. Recurring bookings skip them.
import { createRoute } from '@hono/zod-openapi';
import { idParam } from '../../../shared/schemas/common';
import { closureAnswer, closureInput, closureListQuery, closurePage } from '../../../shared/schemas/facilities';
import { commonErrors, json, jsonBody, noContent } from '../../lib/router';

export const list = createRoute({
  method: 'get',
  path: '/closures',
  tags: ['facilities'],
  summary: "A school's closed days from today on",
  request: { query: closureListQuery },
  responses: { 200: json(closurePage), ...commonErrors },
});

export const create = createRoute({
  method: 'post',
  path: '/closures',
  tags: ['facilities'],
  summary: "Close a school's facilities (or one) for some days",
  request: { body: jsonBody(closureInput) },
  responses: { 201: json(closureAnswer), ...commonErrors },
});

export const remove = createRoute({
  method: 'delete',
  path: '/closures/{id}',
  tags: ['facilities'],
  summary: 'Reopen: remove a closure',
  request: { params: idParam },
  responses: { 204: noContent, ...commonErrors },
});
