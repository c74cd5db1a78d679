import { createRoute } from '@hono/zod-openapi';
import { changePasswordInput, loginInput, meResponse, updateMeInput, userAnswer } from '../../../shared/schemas/auth';
import { commonErrors, errorAnswers, json, jsonBody, noContent } from '../../lib/router';

export const login = createRoute({
  method: 'post',
  path: '/auth/login',
  tags: ['auth'],
  summary: 'Sign in with email and password',
  request: { body: jsonBody(loginInput) },
  responses: {
    200: json(userAnswer),
    ...commonErrors,
    ...errorAnswers({ 429: 'Too many attempts; see Retry-After' }),
  },
});

export const logout = createRoute({
  method: 'post',
  path: '/auth/logout',
  tags: ['auth'],
  summary: 'Sign out',
  responses: { 204: noContent },
});

export const me = createRoute({
  method: 'get',
  path: '/me',
  tags: ['auth'],
  summary: 'The signed-in person and their memberships',
  responses: { 200: json(meResponse), ...commonErrors },
});

export const updateMe = createRoute({
  method: 'patch',
  path: '/me',
  tags: ['auth'],
  summary: 'Change own name or interface language',
  request: { body: jsonBody(updateMeInput) },
  responses: { 200: json(userAnswer), ...commonErrors },
});

export const password = createRoute({
  method: 'post',
  path: '/me/password',
  tags: ['auth'],
  summary: 'Change own password; other sessions are signed out',
  request: { body: jsonBody(changePasswordInput) },
  responses: { 204: noContent, ...commonErrors },
});
