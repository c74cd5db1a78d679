import { createRoute } from '@hono/zod-openapi';
import { health as healthAnswer, healthDown } from '../../../shared/schemas/system';
import { json } from '../../lib/router';

export const health = createRoute({
  method: 'get',
  path: '/health',
  tags: ['system'],
  summary: 'Whether the server, its database and LiveKit answer',
  responses: {
    200: json(healthAnswer),
    503: json(healthDown, 'The database does not answer (`database_unavailable`, with Retry-After)'),
  },
});
