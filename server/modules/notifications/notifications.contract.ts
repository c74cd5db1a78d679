import { createRoute } from '@hono/zod-openapi';
import { markReadInput, notificationList, unreadAnswer } from '../../../shared/schemas/notifications';
import { commonErrors, json, jsonBody } from '../../lib/router';

export const list = createRoute({
  method: 'get',
  path: '/notifications',
  tags: ['notifications'],
  summary: "The caller's notices, newest first, with the unread count",
  responses: { 200: json(notificationList), ...commonErrors },
});

export const markRead = createRoute({
  method: 'post',
  path: '/notifications/read',
  tags: ['notifications'],
  summary: 'Mark notices read (all when no ids are given)',
  request: { body: jsonBody(markReadInput) },
  responses: { 200: json(unreadAnswer), ...commonErrors },
});
