import { createRoute } from '@hono/zod-openapi';
import { auditListQuery, auditPage } from '../../../shared/schemas/audit';
import { commonErrors, json } from '../../lib/router';

export const list = createRoute({
  method: 'get',
  path: '/audit',
  tags: ['audit'],
  summary: 'Audit trail of the organisations the caller administers, newest first',
  request: { query: auditListQuery },
  responses: { 200: json(auditPage), ...commonErrors },
});
