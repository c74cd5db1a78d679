import { dbOf, type SignedInHandler } from '../../lib/router';
import type * as contract from './audit.contract';
import { listAuditEvents } from './audit.queries';

export const list: SignedInHandler<typeof contract.list> = async (c) => {
  return c.json(await listAuditEvents(dbOf(c), c.get('actor'), c.req.valid('query')), 200);
};
