import { dbOf, requestMeta, type SignedInHandler } from '../../lib/router';
import type * as contract from './exchanges.contract';
import {
  getVisiblePosting,
  getVisibleProgramme,
  listApplications as listApplicationRows,
  listPostings as listPostingRows,
  listProgrammes as listProgrammeRows,
  postingOut,
  programmeOut,
  readApplication,
} from './exchanges.queries';
import {
  apply as applyTo,
  decide,
  eligibilityFor,
  createPosting as post,
  createProgramme as setUp,
} from './exchanges.service';

export const listProgrammes: SignedInHandler<typeof contract.listProgrammes> = async (c) => {
  const { cursor, limit } = c.req.valid('query');
  return c.json(await listProgrammeRows(dbOf(c), c.get('actor'), cursor, limit), 200);
};

export const createProgramme: SignedInHandler<typeof contract.createProgramme> = async (c) => {
  const programme = await setUp(dbOf(c), c.get('actor'), c.req.valid('json'), requestMeta(c));
  return c.json({ programme }, 201);
};

export const getProgramme: SignedInHandler<typeof contract.getProgramme> = async (c) => {
  const actor = c.get('actor');
  const row = await getVisibleProgramme(dbOf(c), actor, c.req.valid('param').id);
  return c.json({ programme: programmeOut(row, actor) }, 200);
};

export const listPostings: SignedInHandler<typeof contract.listPostings> = async (c) => {
  return c.json(await listPostingRows(dbOf(c), c.get('actor'), c.req.valid('query')), 200);
};

export const createPosting: SignedInHandler<typeof contract.createPosting> = async (c) => {
  const posting = await post(dbOf(c), c.get('actor'), c.req.valid('json'), requestMeta(c));
  return c.json({ posting, eligibility: null }, 201);
};

export const getPosting: SignedInHandler<typeof contract.getPosting> = async (c) => {
  const actor = c.get('actor');
  const row = await getVisiblePosting(dbOf(c), actor, c.req.valid('param').id);
  const teaches = actor.memberships.some((m) => m.role === 'teacher');
  const eligibility = teaches ? await eligibilityFor(dbOf(c), row, actor.user.id) : null;
  return c.json({ posting: postingOut(row), eligibility }, 200);
};

export const apply: SignedInHandler<typeof contract.apply> = async (c) => {
  const application = await applyTo(dbOf(c), c.get('actor'), c.req.valid('json'), requestMeta(c));
  return c.json({ application }, 201);
};

export const listApplications: SignedInHandler<typeof contract.listApplications> = async (c) => {
  return c.json(await listApplicationRows(dbOf(c), c.get('actor'), c.req.valid('query')), 200);
};

export const getApplication: SignedInHandler<typeof contract.getApplication> = async (c) => {
  return c.json({ application: await readApplication(dbOf(c), c.get('actor'), c.req.valid('param').id) }, 200);
};

export const approve: SignedInHandler<typeof contract.approve> = async (c) => {
  const params = {
    applicationId: c.req.valid('param').id,
    action: 'approve' as const,
    step: c.req.valid('json')?.step,
  };
  return c.json({ application: await decide(dbOf(c), c.get('actor'), params, requestMeta(c)) }, 200);
};

export const consider: SignedInHandler<typeof contract.consider> = async (c) => {
  const params = { applicationId: c.req.valid('param').id, action: 'consider' as const };
  return c.json({ application: await decide(dbOf(c), c.get('actor'), params, requestMeta(c)) }, 200);
};

export const decline: SignedInHandler<typeof contract.decline> = async (c) => {
  const params = { applicationId: c.req.valid('param').id, action: 'decline' as const, ...c.req.valid('json') };
  return c.json({ application: await decide(dbOf(c), c.get('actor'), params, requestMeta(c)) }, 200);
};

export const defer: SignedInHandler<typeof contract.defer> = async (c) => {
  const params = { applicationId: c.req.valid('param').id, action: 'defer' as const, ...c.req.valid('json') };
  return c.json({ application: await decide(dbOf(c), c.get('actor'), params, requestMeta(c)) }, 200);
};

export const withdraw: SignedInHandler<typeof contract.withdraw> = async (c) => {
  const params = { applicationId: c.req.valid('param').id, action: 'withdraw' as const, ...c.req.valid('json') };
  return c.json({ application: await decide(dbOf(c), c.get('actor'), params, requestMeta(c)) }, 200);
};
