import type { Context } from 'hono';
import { z } from 'zod';
import { id } from '../../../shared/schemas/common';
import { iso } from '../../../shared/time';
import type { AppEnv } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { requireActor } from '../auth/auth.middleware';
import { termOf } from '../bookings/bookings.rules';
import { getVisibleOrg, listSchoolsOf } from '../orgs/orgs.queries';

/**
 * What every report starts from: the organisation asked about (404 outside reach), its schools, this term and the last.
 */
export async function reportScope(c: Context<AppEnv>, orgId: string, at?: string) {
  const actor = requireActor(c);
  const { db } = c.get('deps').database;
  const org = await getVisibleOrg(db, actor, orgId);
  const schools = org.kind === 'school' ? [org] : await listSchoolsOf(db, org);
  if (!schools.length) throw new AppError('not_found', 'This organisation has no schools yet');
  const term = termOf(at ? new Date(`${at}T12:00:00+08:00`) : new Date());
  const previous = termOf(new Date(term.start.getTime() - 86400_000));
  return { actor, db, org, schools, ids: schools.map((s) => s.id), term, previous };
}

/** What every report answers first: the organisation, this term and the last (a fixed head, shared by the reports). */
export const reportHead = {
  org: z.object({ id, name: z.string(), kind: z.string() }),
  term: z.object({ name: z.string(), start: z.string(), end: z.string() }),
  previousTerm: z.object({ name: z.string() }),
};

export function headOf(scope: Pick<Awaited<ReturnType<typeof reportScope>>, 'org' | 'term' | 'previous'>) {
  const { org, term, previous } = scope;
  return {
    org: { id: org.id, name: org.name, kind: org.kind },
    term: { name: term.name, start: iso(term.start), end: iso(term.end) },
    previousTerm: { name: previous.name },
  };
}
