// Editing an organisation. Its admins edit its details; what steers group reports (whether a school is rural
// or supported) is for the admins of its group or district.
import { eq } from 'drizzle-orm';
import type { UpdateOrgInput } from '../../../shared/schemas/orgs';
import { orgs } from '../../db/schema';
import { audit } from '../../lib/audit';
import type { RequestMeta } from '../../lib/context';
import type { Db } from '../../lib/db';
import { AppError, sqlConstraint, sqlState } from '../../lib/errors';
import { type Actor, leadsSchool } from '../../lib/policy';
import type { OrgRow } from './orgs.queries';

export interface UpdateOrgParams {
  /** The organisation, as getManagedOrg returned it. */
  org: OrgRow;
  input: UpdateOrgInput;
}

export async function updateOrg(db: Db, actor: Actor, params: UpdateOrgParams, meta: RequestMeta): Promise<void> {
  const { org, input } = params;
  if (org.kind !== 'school' && (input.code || input.rural !== undefined || input.supported !== undefined)) {
    throw new AppError('validation_failed', 'Only schools have a code and rural/supported flags', {
      fields: { code: ['schools only'] },
    });
  }
  // Whether a school is rural or supported steers group reports: its group's or district's admins decide.
  const flagsChanged = input.rural !== undefined || input.supported !== undefined;
  if (flagsChanged && !leadsSchool(actor, org)) {
    throw new AppError('forbidden', 'Only the group or district admins set whether a school is rural or supported');
  }
  try {
    await db.transaction(async (tx) => {
      await tx
        .update(orgs)
        .set({ ...input, updatedAt: new Date() })
        .where(eq(orgs.id, org.id));
      await audit(tx, actor, meta, {
        action: 'org.update',
        entityType: 'org',
        entityId: org.id,
        orgId: org.id,
        before: pick(org, input),
        after: input,
      });
    });
  } catch (err) {
    if (sqlState(err) === '23505' && sqlConstraint(err) === 'orgs_code_key') {
      throw new AppError('already_exists', 'Another school already has this code', {
        fields: { code: ['already used'] },
      });
    }
    throw err;
  }
}

/** Unique-name violations become a 409 that names the field. */
export async function uniqueName<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (sqlState(err) === '23505')
      throw new AppError('already_exists', 'That name is already used here', { fields: { name: ['already used'] } });
    throw err;
  }
}

/** The values `from` had for the fields a change names: the audit event's `before`. */
export function pick<T extends object>(from: T, keysOf: object): Partial<T> {
  return Object.fromEntries(Object.keys(keysOf).map((k) => [k, from[k as keyof T]])) as Partial<T>;
}
