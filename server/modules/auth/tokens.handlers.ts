import { dbOf, requestMeta, type SignedInHandler } from '../../lib/router';
import { listTokens } from './auth.queries';
import type * as contract from './tokens.contract';
import { createToken, revokeToken } from './tokens.service';

export const create: SignedInHandler<typeof contract.create> = async (c) => {
  const token = await createToken(dbOf(c), c.get('actor'), c.req.valid('json'), requestMeta(c));
  return c.json({ token }, 201);
};

export const list: SignedInHandler<typeof contract.list> = async (c) => {
  return c.json({ items: await listTokens(dbOf(c), c.get('actor').user.id), nextCursor: null }, 200);
};

export const revoke: SignedInHandler<typeof contract.revoke> = async (c) => {
  const { actorCache } = c.get('deps');
  await revokeToken(dbOf(c), c.get('actor'), c.req.valid('param'), requestMeta(c), actorCache);
  return c.body(null, 204);
};
