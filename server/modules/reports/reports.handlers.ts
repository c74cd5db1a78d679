import contentDisposition from 'content-disposition';
import { dbOf, type SignedInHandler } from '../../lib/router';
import { dashboardOf } from './dashboard.queries';
import { facilityUsageOf } from './facility-usage.queries';
import { lessonUsageOf, requireAttendanceReader } from './lesson-usage.queries';
import { overviewOf } from './overview.queries';
import { headOf, reportScope } from './report-scope';
import type * as contract from './reports.contract';
import { resourceUsageOf } from './resource-usage.queries';
import { termCsv as csvOf } from './term-csv.rules';
import { termReportOf } from './term-report.queries';

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
  const scope = await reportScope(dbOf(c), actor, orgId, at);
  requireAttendanceReader(actor, scope.org);
  return c.json({ ...headOf(scope), ...(await lessonUsageOf(dbOf(c), scope)) }, 200);
};

export const dashboard: SignedInHandler<typeof contract.dashboard> = async (c) => {
  const actor = c.get('actor');
  const { orgId, at } = c.req.valid('query');
  const scope = await reportScope(dbOf(c), actor, orgId, at);
  requireAttendanceReader(actor, scope.org);
  return c.json({ ...headOf(scope), ...(await dashboardOf(dbOf(c), scope)) }, 200);
};

export const term: SignedInHandler<typeof contract.term> = async (c) => {
  const actor = c.get('actor');
  const { orgId, term } = c.req.valid('query');
  const scope = await reportScope(dbOf(c), actor, orgId, undefined, term);
  requireAttendanceReader(actor, scope.org);
  return c.json({ ...headOf(scope), ...(await termReportOf(dbOf(c), scope)) }, 200);
};

export const termCsv: SignedInHandler<typeof contract.termCsv> = async (c) => {
  const actor = c.get('actor');
  const { orgId, term, table, schoolId, lang } = c.req.valid('query');
  const scope = await reportScope(dbOf(c), actor, orgId, undefined, term);
  requireAttendanceReader(actor, scope.org);
  const report = { ...headOf(scope), ...(await termReportOf(dbOf(c), scope)) };
  const file = csvOf(report, table, lang ?? actor.user.locale, schoolId);
  return c.body(file.body, 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': contentDisposition(file.name),
    'Cache-Control': 'private, no-store',
  });
};
