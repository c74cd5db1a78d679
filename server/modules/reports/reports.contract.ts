import { createRoute } from '@hono/zod-openapi';
import {
  facilityUsageReport,
  lessonUsageReport,
  overviewReport,
  reportQuery,
  resourceUsageReport,
} from '../../../shared/schemas/reports';
import { commonErrors, json } from '../../lib/router';

export const overview = createRoute({
  method: 'get',
  path: '/reports/overview',
  tags: ['reports'],
  summary: 'The figures of the group dashboard, each school against its own last term',
  request: { query: reportQuery },
  responses: { 200: json(overviewReport), ...commonErrors },
});

export const facilityUsage = createRoute({
  method: 'get',
  path: '/reports/facility-usage',
  tags: ['reports'],
  summary: 'Hours of facilities lent and borrowed per school and facility, this term and by month, against last term',
  request: { query: reportQuery },
  responses: { 200: json(facilityUsageReport), ...commonErrors },
});

export const resourceUsage = createRoute({
  method: 'get',
  path: '/reports/resource-usage',
  tags: ['reports'],
  summary:
    'Resources contributed, used by other schools and received, per school this term against last term, ' +
    'and what reached rural and supported schools by month',
  request: { query: reportQuery },
  responses: { 200: json(resourceUsageReport), ...commonErrors },
});

/** Live lessons this term (journey 6), from LiveKit's own attendance; for teachers and leaders (403 otherwise). */
export const lessonUsage = createRoute({
  method: 'get',
  path: '/reports/lesson-usage',
  tags: ['reports'],
  summary:
    'Live lessons this term: per classroom the lessons it was invited to, attended and the minutes present; ' +
    'per school the lessons its teachers gave',
  request: { query: reportQuery },
  responses: { 200: json(lessonUsageReport), ...commonErrors },
});
