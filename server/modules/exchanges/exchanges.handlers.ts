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
import { settingsOf } from './honour-settings.queries';
import { honourList, listRecords, visibleOrg, yearsFor } from './honours.queries';
import { clearHonours, decideService, recordService as record, setHonours } from './honours.service';
import { exchangeOverview } from './overview.queries';
import { listPlacements as listPlacementRows, placementPage } from './placements.queries';
import { confirmLogs, reviewPlacement, setMentor, addLog as writeLog } from './placements.service';

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

// ---- in post ----

/** A placement as its page shows it: the placement, its log, and the live lessons it can log. */
export const listPlacements: SignedInHandler<typeof contract.listPlacements> = async (c) => {
  return c.json(await listPlacementRows(dbOf(c), c.get('actor'), c.req.valid('query')), 200);
};

export const getPlacement: SignedInHandler<typeof contract.getPlacement> = async (c) => {
  return c.json(await placementPage(dbOf(c), c.get('actor'), c.req.valid('param').id), 200);
};

export const addLog: SignedInHandler<typeof contract.addLog> = async (c) => {
  const params = { placementId: c.req.valid('param').id, input: c.req.valid('json') };
  return c.json({ log: await writeLog(dbOf(c), c.get('actor'), params, requestMeta(c)) }, 201);
};

export const addLessonLog: SignedInHandler<typeof contract.addLessonLog> = async (c) => {
  const params = { placementId: c.req.valid('param').id, input: c.req.valid('json') };
  return c.json({ log: await writeLog(dbOf(c), c.get('actor'), params, requestMeta(c)) }, 201);
};

export const confirmLog: SignedInHandler<typeof contract.confirmLog> = async (c) => {
  const { id, logId } = c.req.valid('param');
  await confirmLogs(dbOf(c), c.get('actor'), { placementId: id, logIds: [logId] }, requestMeta(c));
  return c.json(await placementPage(dbOf(c), c.get('actor'), id), 200);
};

export const review: SignedInHandler<typeof contract.review> = async (c) => {
  const id = c.req.valid('param').id;
  await reviewPlacement(dbOf(c), c.get('actor'), { placementId: id, ...c.req.valid('json') }, requestMeta(c));
  return c.json(await placementPage(dbOf(c), c.get('actor'), id), 201);
};

export const mentor: SignedInHandler<typeof contract.mentor> = async (c) => {
  const id = c.req.valid('param').id;
  await setMentor(dbOf(c), c.get('actor'), { placementId: id, ...c.req.valid('json') }, requestMeta(c));
  return c.json(await placementPage(dbOf(c), c.get('actor'), id), 200);
};

// ---- rural-service years and honours ----

export const listService: SignedInHandler<typeof contract.listService> = async (c) => {
  return c.json(await listRecords(dbOf(c), c.get('actor'), c.req.valid('query')), 200);
};

export const recordService: SignedInHandler<typeof contract.recordService> = async (c) => {
  return c.json({ record: await record(dbOf(c), c.get('actor'), c.req.valid('json'), requestMeta(c)) }, 201);
};

export const approveService: SignedInHandler<typeof contract.approveService> = async (c) => {
  const params = { id: c.req.valid('param').id, decision: 'approve' as const };
  return c.json({ record: await decideService(dbOf(c), c.get('actor'), params, requestMeta(c)) }, 200);
};

export const rejectService: SignedInHandler<typeof contract.rejectService> = async (c) => {
  const params = { id: c.req.valid('param').id, decision: 'reject' as const };
  return c.json({ record: await decideService(dbOf(c), c.get('actor'), params, requestMeta(c)) }, 200);
};

export const serviceYears: SignedInHandler<typeof contract.serviceYears> = async (c) => {
  return c.json(await yearsFor(dbOf(c), c.get('actor'), c.req.valid('param').id), 200);
};

export const honours: SignedInHandler<typeof contract.honours> = async (c) => {
  const org = await visibleOrg(dbOf(c), c.get('actor'), c.req.valid('query').orgId);
  return c.json(await honourList(dbOf(c), org), 200);
};

export const getHonourSettings: SignedInHandler<typeof contract.getHonourSettings> = async (c) => {
  const org = await visibleOrg(dbOf(c), c.get('actor'), c.req.valid('query').orgId);
  return c.json(await settingsOf(dbOf(c), c.get('actor'), org), 200);
};

export const setHonourSettings: SignedInHandler<typeof contract.setHonourSettings> = async (c) => {
  return c.json(await setHonours(dbOf(c), c.get('actor'), c.req.valid('json'), requestMeta(c)), 200);
};

export const clearHonourSettings: SignedInHandler<typeof contract.clearHonourSettings> = async (c) => {
  return c.json(await clearHonours(dbOf(c), c.get('actor'), c.req.valid('query').orgId, requestMeta(c)), 200);
};

export const overview: SignedInHandler<typeof contract.overview> = async (c) => {
  const org = await visibleOrg(dbOf(c), c.get('actor'), c.req.valid('query').orgId);
  return c.json(await exchangeOverview(dbOf(c), org), 200);
};
