import { createRoute } from '@hono/zod-openapi';
import { webhookAnswer } from '../../../shared/schemas/lessons';
import { errorAnswers, json } from '../../lib/router';

export const receive = createRoute({
  method: 'post',
  path: '/livekit/webhook',
  tags: ['lessons'],
  summary: 'Receives LiveKit’s signed webhooks (room and participant events)',
  description: 'Body: LiveKit’s webhook JSON (application/webhook+json), signed in the Authorization header.',
  responses: {
    200: json(webhookAnswer),
    ...errorAnswers({
      401: 'Unsigned or tampered',
      503:
        'No LiveKit server is configured here, so no signature can be checked (`livekit_unavailable`); or a ' +
        'finished recording could not be filed yet (`service_unavailable`): LiveKit retries',
    }),
  },
});
