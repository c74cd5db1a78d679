import { createRoute } from '@hono/zod-openapi';
import { health as healthAnswer } from '../../../shared/schemas/system';
import { errorAnswers, json } from '../../lib/router';

export const health = createRoute({
  method: 'get',
  path: '/health',
  tags: ['system'],
  summary: 'Whether the server, its database and LiveKit answer',
  responses: { 200: json(healthAnswer), ...errorAnswers({ 503: 'The database does not answer' }) },
});
