// The writes of closed days. Recurring bookings skip them; single bookings on them are refused (bookings.rules).
import { and, eq } from 'drizzle-orm';
import type { ClosureInput } from '../../../shared/schemas/facilities';
import { closures, facilities } from '../../db/schema';
import { audit } from '../../lib/audit';
import type { RequestMeta } from '../../lib/context';
import type { Db } from '../../lib/db';
import { AppError } from '../../lib/errors';
import type { Actor } from '../../lib/policy';
import type { FacilityRow } from './facilities.queries';

export interface CreateClosureParams {
  /** The school, as the caller's gate (getManagedSchool) returned it. */
  school: FacilityRow['school'];
  input: ClosureInput;
}

export async function createClosure(db: Db, actor: Actor, params: CreateClosureParams, meta: RequestMeta) {
  const { school, input } = params;
  if (input.facilityId) {
    const [f] = await db
      .select({ id: facilities.id })
      .from(facilities)
      .where(and(eq(facilities.id, input.facilityId), eq(facilities.schoolId, school.id)));
    if (!f)
      throw new AppError('validation_failed', 'The facility is not of this school', {
        fields: { facilityId: ['not of this school'] },
      });
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(closures)
      .values({ ...input, schoolId: school.id, facilityId: input.facilityId ?? null, createdBy: actor.user.id })
      .returning();
    if (!row) throw new Error('an insert that succeeded made no closure');
    await audit(tx, actor, meta, {
      action: 'closure.create',
      entityType: 'closure',
      entityId: row.id,
      orgId: school.id,
      after: input,
    });
    return row;
  });
}

export interface DeleteClosureParams {
  /** The closure and its school, as the caller's gate (getManagedClosure) returned them. */
  closure: typeof closures.$inferSelect;
  school: FacilityRow['school'];
}

export async function deleteClosure(db: Db, actor: Actor, params: DeleteClosureParams, meta: RequestMeta) {
  const { closure, school } = params;
  await db.transaction(async (tx) => {
    await tx.delete(closures).where(eq(closures.id, closure.id));
    await audit(tx, actor, meta, {
      action: 'closure.delete',
      entityType: 'closure',
      entityId: closure.id,
      orgId: school.id,
      before: closure,
    });
  });
}
