import { createRoute } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../../lib/errors';
import { json, newRouter } from '../../lib/router';

const health = z.object({
  ok: z.boolean(),
  db: z.enum(['pglite', 'postgres']),
  livekit: z.enum(['ok', 'absent', 'down']),
  version: z.string(),
});

export const systemRoutes = newRouter().openapi(
  createRoute({
    method: 'get',
    path: '/health',
    tags: ['system'],
    summary: 'Whether the server, its database and LiveKit answer',
    responses: { 200: json(health), 503: json(z.object({ error: z.any() }), 'The database does not answer') },
  }),
  async (c) => {
    const { database, livekitStatus, config } = c.get('deps');
    try {
      await database.db.execute(sql`SELECT 1`);
    } catch (err) {
      throw new AppError('service_unavailable', 'The database does not answer', { db: database.kind });
    }
    const livekit: 'ok' | 'down' | 'absent' = livekitStatus ? await livekitStatus() : 'absent';
    return c.json({ ok: true, db: database.kind, livekit, version: config.version }, 200);
  },
);
