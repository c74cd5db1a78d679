import { query } from '@solidjs/router';
import { call, client } from '../../lib/api';

/** Hours lent and borrowed per school this term and last, per facility and per month (journey 6). */
export const getFacilityUsage = query(
  (orgId: string) => call(client.reports['facility-usage'].$get({ query: { orgId } })),
  'facilityUsage',
);
export const getResourceUsage = query(
  (orgId: string) => call(client.reports['resource-usage'].$get({ query: { orgId } })),
  'resourceUsage',
);
export const getLessonUsage = query(
  (orgId: string) => call(client.reports['lesson-usage'].$get({ query: { orgId } })),
  'lessonUsage',
);
/** The leader's dashboard: each school this term against the same point of last term (journey 6). */
export const getDashboard = query(
  (orgId: string) => call(client.reports.dashboard.$get({ query: { orgId } })),
  'reportsDashboard',
);
/** A term report, month by month; this term when `term` is empty. */
export const getTermReport = query(
  (orgId: string, term: string) => call(client.reports.term.$get({ query: { orgId, ...(term ? { term } : {}) } })),
  'termReport',
);
