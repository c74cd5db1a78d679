import { createRoute } from '@hono/zod-openapi';
import { idParam } from '../../../shared/schemas/common';
import {
  invitationAnswer,
  invitationPage,
  inviteInput,
  offerPage,
  orgInvitationParams,
} from '../../../shared/schemas/orgs';
import { commonErrors, errorAnswers, json, jsonBody, noContent } from '../../lib/router';

const answered = errorAnswers({ 410: 'The invitation was already answered or withdrawn, or has expired (`gone`)' });

export const create = createRoute({
  method: 'post',
  path: '/orgs/{id}/invitations',
  tags: ['orgs'],
  summary: 'Invite a person by email: nothing is granted until they accept',
  description:
    'The answer reads the same whether the address has an account or not. Someone with an account sees the ' +
    'invitation in the app; the link (shown once) works for anyone holding it.',
  request: { params: idParam, body: jsonBody(inviteInput) },
  responses: {
    201: json(invitationAnswer),
    ...commonErrors,
    ...errorAnswers({ 409: 'The person already has this role here (`already_exists`)' }),
  },
});

export const list = createRoute({
  method: 'get',
  path: '/orgs/{id}/invitations',
  tags: ['orgs'],
  summary: "An organisation's open invitations (its admins)",
  request: { params: idParam },
  responses: { 200: json(invitationPage), ...commonErrors },
});

export const revoke = createRoute({
  method: 'delete',
  path: '/orgs/{id}/invitations/{invitationId}',
  tags: ['orgs'],
  summary: 'Withdraw an open invitation',
  request: { params: orgInvitationParams },
  responses: { 204: noContent, ...commonErrors },
});

export const offers = createRoute({
  method: 'get',
  path: '/me/invitations',
  tags: ['orgs'],
  summary: 'Open invitations made to the signed-in person',
  responses: { 200: json(offerPage), ...commonErrors },
});

export const accept = createRoute({
  method: 'post',
  path: '/me/invitations/{id}/accept',
  tags: ['orgs'],
  summary: 'Accept an invitation made to the signed-in person: the membership starts now',
  request: { params: idParam },
  responses: { 204: noContent, ...commonErrors, ...answered },
});

export const decline = createRoute({
  method: 'post',
  path: '/me/invitations/{id}/decline',
  tags: ['orgs'],
  summary: 'Decline an invitation made to the signed-in person',
  request: { params: idParam },
  responses: { 204: noContent, ...commonErrors, ...answered },
});
