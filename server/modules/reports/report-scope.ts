import type { Context } from 'hono';
import type { AppEnv } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { requireActor } from '../auth/auth.middleware';
import { termOf } from '../bookings/bookings.rules';
import { getVisibleOrg, listSchoolsOf } from '../orgs/orgs.queries';

/** What every report starts from: the organisation asked about (404 outside reach), its schools, this term and the last. */
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
