// Reads of the group's view, the honours and the rural-service records. Loaded with those pages and read by them
// alone (no route preload warms them: a preload's module comes with the first load, which has no room to spare).
import { query } from '@solidjs/router';
import type { Me } from '../../../../shared/schemas/auth';
import { call, client } from '../../lib/api';

export const getOverview = query(
  (orgId: string) => call(client.exchanges.overview.$get({ query: { orgId } })),
  'exchangeOverview',
);
export const getHonours = query(
  (orgId: string) => call(client.exchanges.honours.$get({ query: { orgId } })),
  'exchangeHonours',
);

/** A figure of the group's view whose list opens: one school's, or (rotated) one programme's. */
export type Figure = 'sent' | 'received' | 'inPost' | 'hours';

/** The placements behind one school's figure of a school year ("2026-2027"), as the server counts them. */
export const getFigurePlacements = query(
  (schoolId: string, figure: Figure, schoolYear: string, today: string) =>
    call(
      client.exchanges.placements.$get({
        query: {
          scope: 'all',
          schoolId,
          side: figure === 'sent' ? 'home' : 'host',
          ...(figure === 'inPost' ? { inPostOn: today } : { schoolYear }),
          limit: '200',
        },
      }),
    ),
  'exchangeFigurePlacements',
);

/** The teachers a programme placed (its "rotated" figure). */
export const getPlacedApplications = query(
  (programmeId: string) =>
    call(
      client.exchanges.applications.$get({
        query: { scope: 'all', programmeId, status: 'placed', limit: '200' },
      }),
    ),
  'exchangePlacedApplications',
);

export type RecordFilter = 'pending' | 'all';
export const getServiceRecords = query(
  (filter: RecordFilter) =>
    call(
      client.exchanges['rural-service'].$get({
        query: { ...(filter === 'pending' ? { status: 'pending' as const } : {}), limit: '200' },
      }),
    ),
  'ruralServiceRecords',
);

/**
 * The organisations whose exchanges the person may look at: those they run first (group, district, then school), then
 * the others they belong to; each once.
 */
export function viewOrgsOf(me: Me | undefined) {
  const order = ['group_admin', 'district_admin', 'school_admin'];
  const rank = (role: string) => (order.includes(role) ? order.indexOf(role) : order.length);
  const seen = new Set<string>();
  return [...(me?.memberships ?? [])]
    .sort((a, b) => rank(a.role) - rank(b.role))
    .filter((m) => !seen.has(m.orgId) && seen.add(m.orgId))
    .map((m) => ({ id: m.orgId, name: m.orgName }));
}

/** The page's organisation: the one in its address, else the first the person runs. */
export const orgIdOf = (param: unknown, me: Me | undefined) =>
  (typeof param === 'string' && param) || viewOrgsOf(me)[0]?.id || '';

/** The honour thresholds in effect for the organisation, and whether the person may set its own. */
export const getHonourSettings = query(
  (orgId: string) => call(client.exchanges['honour-settings'].$get({ query: { orgId } })),
  'honourSettings',
);
