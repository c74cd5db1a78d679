import { createRoute } from '@hono/zod-openapi';
import { idParam } from '../../../shared/schemas/common';
import {
  importFailure,
  importFile,
  importResult,
  memberPage,
  membershipAnswer,
  updateMembershipInput,
} from '../../../shared/schemas/orgs';
import { commonErrors, errorAnswers, json, jsonBody, noContent } from '../../lib/router';

export const list = createRoute({
  method: 'get',
  path: '/orgs/{id}/members',
  tags: ['orgs'],
  summary: "An organisation's members (its members and admins)",
  request: { params: idParam },
  responses: { 200: json(memberPage), ...commonErrors },
});

export const update = createRoute({
  method: 'patch',
  path: '/memberships/{id}',
  tags: ['orgs'],
  summary: "Change a member's role, master-teacher flag or classroom",
  request: { params: idParam, body: jsonBody(updateMembershipInput) },
  responses: {
    200: json(membershipAnswer),
    ...commonErrors,
    ...errorAnswers({ 409: 'The person already has this role here (`already_exists`)' }),
  },
});

export const remove = createRoute({
  method: 'delete',
  path: '/memberships/{id}',
  tags: ['orgs'],
  summary: 'Remove a person from an organisation',
  request: { params: idParam },
  responses: { 204: noContent, ...commonErrors },
});

export const importCsv = createRoute({
  method: 'post',
  path: '/members/import',
  tags: ['orgs'],
  summary: 'Import teachers from CSV (name, email, role, school code): all rows or none',
  description:
    'Body is the CSV text (`text/csv`). Every bad row is reported with its line and reason; ' +
    'nothing is imported unless all rows are good.',
  request: { body: { required: true, content: { 'text/csv': { schema: importFile } } } },
  responses: {
    201: json(importResult),
    400: json(importFailure, 'Bad rows, each with its line'),
    401: commonErrors[401],
    403: commonErrors[403],
    ...errorAnswers({ 413: 'The file is larger than 1 MB', 415: 'The body is not text/csv' }),
  },
});
