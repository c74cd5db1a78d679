import { createRoute } from '@hono/zod-openapi';
import { createdTokenAnswer, createTokenInput, tokenPage } from '../../../shared/schemas/auth';
import { idParam } from '../../../shared/schemas/common';
import { commonErrors, json, jsonBody, noContent } from '../../lib/router';

export const create = createRoute({
  method: 'post',
  path: '/auth/tokens',
  tags: ['auth'],
  summary: 'Create a bearer token for scripts (shown once)',
  request: { body: jsonBody(createTokenInput) },
  responses: { 201: json(createdTokenAnswer), ...commonErrors },
});

export const list = createRoute({
  method: 'get',
  path: '/auth/tokens',
  tags: ['auth'],
  summary: "The caller's live bearer tokens",
  responses: { 200: json(tokenPage), ...commonErrors },
});

export const revoke = createRoute({
  method: 'delete',
  path: '/auth/tokens/{id}',
  tags: ['auth'],
  summary: 'Revoke a bearer token',
  request: { params: idParam },
  responses: { 204: noContent, ...commonErrors },
});
