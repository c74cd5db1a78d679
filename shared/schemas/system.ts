import { z } from 'zod';

export const health = z.object({
  ok: z.boolean(),
  db: z.enum(['pglite', 'postgres']),
  livekit: z.enum(['ok', 'absent', 'down']),
  version: z.string(),
});
