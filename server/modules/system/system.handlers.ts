import type { PublicHandler } from '../../lib/router';
import type * as contract from './system.contract';
import { databaseAnswers } from './system.queries';

export const health: PublicHandler<typeof contract.health> = async (c) => {
  const { database, livekitStatus, config } = c.get('deps');
  if (!(await databaseAnswers(database.db))) {
    c.header('Retry-After', '2');
    const error = { code: 'database_unavailable', message: 'The database does not answer' };
    return c.json({ ok: false as const, db: database.kind, error }, 503);
  }
  const livekit: 'ok' | 'down' | 'starting' | 'absent' = livekitStatus ? await livekitStatus() : 'absent';
  return c.json({ ok: true, db: database.kind, livekit, version: config.version }, 200);
};
