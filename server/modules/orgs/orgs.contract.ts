import { createRoute } from '@hono/zod-openapi';
import { idParam } from '../../../shared/schemas/common';
import { orgAnswer, orgDetail, orgPage, updateOrgInput } from '../../../shared/schemas/orgs';
import { commonErrors, errorAnswers, json, jsonBody } from '../../lib/router';

export const list = createRoute({
  method: 'get',
  path: '/orgs',
  tags: ['orgs'],
  summary: 'Groups, districts and schools within reach',
  responses: { 200: json(orgPage), ...commonErrors },
});

export const get = createRoute({
  method: 'get',
  path: '/orgs/{id}',
  tags: ['orgs'],
  summary: 'An organisation with its schools or classrooms',
  request: { params: idParam },
  responses: { 200: json(orgDetail), ...commonErrors },
});

export const update = createRoute({
  method: 'patch',
  path: '/orgs/{id}',
  tags: ['orgs'],
  summary: "Edit an organisation's details (its admins)",
  request: { params: idParam, body: jsonBody(updateOrgInput) },
  responses: {
    200: json(orgAnswer),
    ...commonErrors,
    ...errorAnswers({ 409: 'Another school already has this code (`already_exists`)' }),
  },
});
