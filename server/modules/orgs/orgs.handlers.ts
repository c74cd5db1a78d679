import { dbOf, requestMeta, type SignedInHandler } from '../../lib/router';
import type * as contract from './orgs.contract';
import { getManagedOrg, getVisibleOrg, listClassrooms, listSchoolsOf, listVisibleOrgs, orgOut } from './orgs.queries';
import { updateOrg } from './orgs.service';

export const list: SignedInHandler<typeof contract.list> = async (c) => {
  const actor = c.get('actor');
  const rows = await listVisibleOrgs(dbOf(c), actor);
  return c.json({ items: rows.map((r) => orgOut(r, actor)), nextCursor: null }, 200);
};

export const get: SignedInHandler<typeof contract.get> = async (c) => {
  const actor = c.get('actor');
  const db = dbOf(c);
  const row = await getVisibleOrg(db, actor, c.req.valid('param').id);
  const schools = row.kind === 'school' ? [] : await listSchoolsOf(db, row);
  const rooms = row.kind === 'school' ? await listClassrooms(db, [row.id]) : [];
  return c.json({ org: orgOut(row, actor), schools: schools.map((s) => orgOut(s, actor)), classrooms: rooms }, 200);
};

export const update: SignedInHandler<typeof contract.update> = async (c) => {
  const actor = c.get('actor');
  const db = dbOf(c);
  const org = await getManagedOrg(db, actor, c.req.valid('param').id);
  await updateOrg(db, actor, { org, input: c.req.valid('json') }, requestMeta(c));
  return c.json({ org: orgOut(await getVisibleOrg(db, actor, org.id), actor) }, 200);
};
