import { z } from 'zod';
import { text } from './common';

export const health = z.object({
  ok: z.boolean(),
  db: z.enum(['pglite', 'postgres']),
  livekit: z.enum(['ok', 'absent', 'down']),
  version: text(),
});
