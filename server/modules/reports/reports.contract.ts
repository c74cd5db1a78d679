import { createRoute, z } from '@hono/zod-openapi';
import {
  dashboardReport,
  facilityUsageReport,
  lessonUsageReport,
  overviewReport,
  reportQuery,
  resourceUsageReport,
  termCsvQuery,
  termReport,
  termReportQuery,
} from '../../../shared/schemas/reports';
import { commonErrors, json } from '../../lib/router';

export const overview = createRoute({
  method: 'get',
  path: '/reports/overview',
  tags: ['reports'],
  summary: 'Facilities and resources per school, each school against the same point of its own last term',
  description: 'A part of the dashboard (GET /reports/dashboard), kept for its callers; the same windows and counts.',
  request: { query: reportQuery },
  responses: { 200: json(overviewReport), ...commonErrors },
});

/** The leader's dashboard (journey 6); it holds attendance figures, so it is for teachers and leaders (403). */
export const dashboard = createRoute({
  method: 'get',
  path: '/reports/dashboard',
  tags: ['reports'],
  summary:
    'The group dashboard: per school (by name), this term up to the report day against the same point of the ' +
    'term before — facility hours held lent and borrowed, resources shared and used, live lessons and minutes, ' +
    'exchange teachers — and what reached rural and supported schools',
  description:
    'Only what has happened counts: a booking once it has ended, a lesson live or given. `at` ends the window after ' +
    'that day; the term before is compared at as many days in. Schools are never ranked (clause 4).',
  request: { query: reportQuery },
  responses: { 200: json(dashboardReport), ...commonErrors },
});

export const term = createRoute({
  method: 'get',
  path: '/reports/term',
  tags: ['reports'],
  summary: 'A term report: the four pillars month by month, per school (by name) and for the whole organisation',
  description:
    'This term (up to today) when `term` is left out. Each school against itself: its months, and the term against ' +
    'the same point of the term before. For teachers and leaders (403 otherwise).',
  request: { query: termReportQuery },
  responses: { 200: json(termReport), ...commonErrors },
});

export const termCsv = createRoute({
  method: 'get',
  path: '/reports/term/csv',
  tags: ['reports'],
  summary: 'A table of a term report as CSV (UTF-8 with a byte-order mark, for Excel), as an attachment',
  description:
    '`summary`: the schools and the whole organisation, this term against the same point of the term before; ' +
    '`months`: month by month, for `schoolId` or the whole organisation; `helped`: month by month, the rural and ' +
    'supported schools together. Headers in `lang` (the reader’s language by default).',
  request: { query: termCsvQuery },
  responses: {
    200: { description: 'text/csv', content: { 'text/csv': { schema: z.string() } } },
    ...commonErrors,
  },
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
