import { AppError } from '../../lib/errors';
import type { PublicHandler } from '../../lib/router';
import type * as contract from './system.contract';
import { databaseAnswers } from './system.queries';

export const health: PublicHandler<typeof contract.health> = async (c) => {
  const { database, livekitStatus, config } = c.get('deps');
  if (!(await databaseAnswers(database.db)))
    throw new AppError('service_unavailable', 'The database does not answer', { db: database.kind });
  const livekit: 'ok' | 'down' | 'absent' = livekitStatus ? await livekitStatus() : 'absent';
  return c.json({ ok: true, db: database.kind, livekit, version: config.version }, 200);
};
