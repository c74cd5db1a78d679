import { dbOf, type SignedInHandler } from '../../lib/router';
import { facilityUsageOf } from './facility-usage.queries';
import { lessonUsageOf, requireAttendanceReader } from './lesson-usage.queries';
import { overviewOf } from './overview.queries';
import { headOf, reportScope } from './report-scope';
import type * as contract from './reports.contract';
import { resourceUsageOf } from './resource-usage.queries';

export const overview: SignedInHandler<typeof contract.overview> = async (c) => {
  const { orgId, at } = c.req.valid('query');
  const scope = await reportScope(dbOf(c), c.get('actor'), orgId, at);
  return c.json({ ...headOf(scope), ...(await overviewOf(dbOf(c), scope)) }, 200);
};

export const facilityUsage: SignedInHandler<typeof contract.facilityUsage> = async (c) => {
  const { orgId, at } = c.req.valid('query');
  const scope = await reportScope(dbOf(c), c.get('actor'), orgId, at);
  return c.json({ ...headOf(scope), ...(await facilityUsageOf(dbOf(c), scope)) }, 200);
};

export const resourceUsage: SignedInHandler<typeof contract.resourceUsage> = async (c) => {
  const { orgId, at } = c.req.valid('query');
  const scope = await reportScope(dbOf(c), c.get('actor'), orgId, at);
  return c.json({ ...headOf(scope), ...(await resourceUsageOf(dbOf(c), scope)) }, 200);
};

export const lessonUsage: SignedInHandler<typeof contract.lessonUsage> = async (c) => {
  const actor = c.get('actor');
  const { orgId, at } = c.req.valid('query');
  requireAttendanceReader(actor);
  const scope = await reportScope(dbOf(c), actor, orgId, at);
  return c.json({ ...headOf(scope), ...(await lessonUsageOf(dbOf(c), scope)) }, 200);
};
