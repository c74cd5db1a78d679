import { dbOf, requestMeta, type SignedInHandler } from '../../lib/router';
import type * as contract from './classrooms.contract';
import { createClassroom, updateClassroom } from './classrooms.service';
import { classroomOut, getManagedClassroom, getManagedOrg, listClassrooms, listVisibleOrgs } from './orgs.queries';

export const list: SignedInHandler<typeof contract.list> = async (c) => {
  const { schoolId } = c.req.valid('query');
  const db = dbOf(c);
  const schools = (await listVisibleOrgs(db, c.get('actor'))).filter((o) => o.kind === 'school');
  const schoolIds = schools.map((o) => o.id).filter((id) => !schoolId || id === schoolId);
  return c.json({ items: await listClassrooms(db, schoolIds), nextCursor: null }, 200);
};

export const create: SignedInHandler<typeof contract.create> = async (c) => {
  const actor = c.get('actor');
  const db = dbOf(c);
  const school = await getManagedOrg(db, actor, c.req.valid('param').id);
  const classroom = await createClassroom(db, actor, { school, input: c.req.valid('json') }, requestMeta(c));
  return c.json({ classroom }, 201);
};

export const update: SignedInHandler<typeof contract.update> = async (c) => {
  const actor = c.get('actor');
  const db = dbOf(c);
  const found = await getManagedClassroom(db, actor, c.req.valid('param').id);
  await updateClassroom(db, actor, { found, input: c.req.valid('json') }, requestMeta(c));
  return c.json({ classroom: await classroomOut(db, found.school.id, found.classroom.id) }, 200);
};
