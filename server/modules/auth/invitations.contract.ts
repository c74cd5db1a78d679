import { createRoute } from '@hono/zod-openapi';
import {
  acceptInvitationInput,
  invitationInfoAnswer,
  invitationTokenParam,
  userAnswer,
} from '../../../shared/schemas/auth';
import { commonErrors, errorAnswers, json, jsonBody } from '../../lib/router';

const usedOrExpired = errorAnswers({ 410: 'The invitation was already used, or has expired (`gone`)' });

export const get = createRoute({
  method: 'get',
  path: '/invitations/{token}',
  tags: ['auth'],
  summary: 'What an invitation link is for',
  request: { params: invitationTokenParam },
  responses: { 200: json(invitationInfoAnswer), ...commonErrors, ...usedOrExpired },
});

export const accept = createRoute({
  method: 'post',
  path: '/invitations/{token}/accept',
  tags: ['auth'],
  summary: 'Set a password and sign in',
  request: { params: invitationTokenParam, body: jsonBody(acceptInvitationInput) },
  responses: { 200: json(userAnswer), ...commonErrors, ...usedOrExpired },
});
