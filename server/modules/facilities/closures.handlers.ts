import { dbOf, requestMeta, type SignedInHandler } from '../../lib/router';
import type * as contract from './closures.contract';
import { closureOut, getManagedClosure, upcomingClosures } from './closures.queries';
import { createClosure, deleteClosure } from './closures.service';
import { getManagedSchool, getVisibleSchool } from './facilities.queries';

export const list: SignedInHandler<typeof contract.list> = async (c) => {
  const school = await getVisibleSchool(dbOf(c), c.get('actor'), c.req.valid('query').schoolId);
  const rows = await upcomingClosures(dbOf(c), school);
  return c.json({ items: rows.map(closureOut), nextCursor: null }, 200);
};

export const create: SignedInHandler<typeof contract.create> = async (c) => {
  const actor = c.get('actor');
  const input = c.req.valid('json');
  const refusal = "Only the school's administrators set its closed days";
  const school = await getManagedSchool(dbOf(c), actor, input.schoolId, refusal);
  const row = await createClosure(dbOf(c), actor, { school, input }, requestMeta(c));
  return c.json({ closure: closureOut(row) }, 201);
};

export const remove: SignedInHandler<typeof contract.remove> = async (c) => {
  const actor = c.get('actor');
  const refusal = "Only the school's administrators change its closed days";
  const gated = await getManagedClosure(dbOf(c), actor, c.req.valid('param').id, refusal);
  await deleteClosure(dbOf(c), actor, gated, requestMeta(c));
  return c.body(null, 204);
};
