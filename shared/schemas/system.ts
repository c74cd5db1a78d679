import { z } from 'zod';
import { errorBody, text } from './common';

export const health = z.object({
  ok: z.boolean(),
  db: z.enum(['pglite', 'postgres']),
  livekit: z.enum(['ok', 'absent', 'down', 'starting']),
  version: text(),
});

/** CONTRACT: 503 with `ok: false` when the database is unreachable — in the contract's error shape as well. */
export const healthDown = z.object({
  ok: z.literal(false),
  db: z.enum(['pglite', 'postgres']),
  error: errorBody.shape.error,
});
