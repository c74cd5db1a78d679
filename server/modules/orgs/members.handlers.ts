import type { Context } from 'hono';
import type { AppEnv } from '../../lib/context';
import { AppError, forbidden } from '../../lib/errors';
import { canManageOrg, reach } from '../../lib/policy';
import { dbOf, requestMeta, type SignedInHandler } from '../../lib/router';
import { importMembers } from './import.service';
import type * as contract from './members.contract';
import { getManagedMembership, listMembers } from './members.queries';
import { removeMembership, updateMembership } from './members.service';
import { getVisibleOrg } from './orgs.queries';

const MAX_CSV_BYTES = 1024 * 1024;

export const list: SignedInHandler<typeof contract.list> = async (c) => {
  const actor = c.get('actor');
  const db = dbOf(c);
  const org = await getVisibleOrg(db, actor, c.req.valid('param').id);
  if (!reach(actor).schoolIds.has(org.id) && !canManageOrg(actor, org))
    throw forbidden("Only the organisation's members and admins see its members");
  return c.json({ items: await listMembers(db, org.id), nextCursor: null }, 200);
};

export const update: SignedInHandler<typeof contract.update> = async (c) => {
  const actor = c.get('actor');
  const db = dbOf(c);
  const found = await getManagedMembership(db, actor, c.req.valid('param').id);
  const params = { found, input: c.req.valid('json') };
  const updated = await updateMembership(db, actor, params, requestMeta(c), c.get('deps').actorCache);
  const { id, role, masterTeacher, reviewer, classroomId } = updated;
  return c.json({ membership: { id, role, masterTeacher, reviewer, classroomId } }, 200);
};

export const remove: SignedInHandler<typeof contract.remove> = async (c) => {
  const actor = c.get('actor');
  const db = dbOf(c);
  const found = await getManagedMembership(db, actor, c.req.valid('param').id);
  await removeMembership(db, actor, { found }, requestMeta(c), c.get('deps').actorCache);
  return c.body(null, 204);
};

export const importCsv: SignedInHandler<typeof contract.importCsv> = async (c) => {
  const text = await csvText(c);
  const imported = await importMembers(dbOf(c), c.get('actor'), { text }, requestMeta(c));
  return c.json({ imported }, 201);
};

/** The body as CSV text: 415 unless it says it is CSV (or plain text), 413 past 1 MB. */
async function csvText<E extends AppEnv>(c: Context<E>): Promise<string> {
  const type = c.req.header('content-type') ?? '';
  if (!/^text\/(csv|plain)\b/i.test(type)) throw new AppError('unsupported_type', 'Send the file as text/csv');
  const text = await c.req.text();
  if (new TextEncoder().encode(text).length > MAX_CSV_BYTES)
    throw new AppError('payload_too_large', 'The file is larger than 1 MB');
  return text;
}
