// The writes of facilities: listing one, editing it, retiring it. Each change writes its audit event in the same
// transaction; a second facility of the same name at a school is refused (the unique index decides).
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { facilityInput, updateFacilityInput } from '../../../shared/schemas/facilities';
import { facilities } from '../../db/schema';
import { audit } from '../../lib/audit';
import type { RequestMeta } from '../../lib/context';
import type { Db } from '../../lib/db';
import { AppError, sqlState } from '../../lib/errors';
import type { Actor } from '../../lib/policy';
import type { FacilityRow } from './facilities.queries';

export interface CreateFacilityParams {
  /** The school, as the caller's gate (listingSchool) returned it. */
  school: FacilityRow['school'];
  input: Omit<z.infer<typeof facilityInput>, 'schoolId'>;
}

export async function createFacility(
  db: Db,
  actor: Actor,
  params: CreateFacilityParams,
  meta: RequestMeta,
): Promise<FacilityRow> {
  const { school, input } = params;
  const facility = await uniqueFacilityName(() =>
    db.transaction(async (tx) => {
      const [row] = await tx
        .insert(facilities)
        .values({ ...input, schoolId: school.id, equipment: input.equipment ?? [] })
        .returning();
      if (!row) throw new Error('an insert that succeeded made no facility');
      await audit(tx, actor, meta, {
        action: 'facility.create',
        entityType: 'facility',
        entityId: row.id,
        orgId: school.id,
        after: input,
      });
      return row;
    }),
  );
  return { facility, school };
}

export interface UpdateFacilityParams {
  /** The facility, as the caller's gate (getManagedFacility) returned it. */
  facility: FacilityRow;
  input: z.infer<typeof updateFacilityInput>;
}

export async function updateFacility(
  db: Db,
  actor: Actor,
  params: UpdateFacilityParams,
  meta: RequestMeta,
): Promise<FacilityRow> {
  const { facility: row, input } = params;
  const facility = await uniqueFacilityName(() =>
    db.transaction(async (tx) => {
      const [updated] = await tx
        .update(facilities)
        .set({ ...input, updatedAt: new Date() })
        .where(eq(facilities.id, row.facility.id))
        .returning();
      if (!updated) throw new Error('the facility went missing while it was edited');
      const before = Object.fromEntries(
        Object.keys(input).map((k) => [k, row.facility[k as keyof typeof row.facility]]),
      );
      await audit(tx, actor, meta, {
        action: 'facility.update',
        entityType: 'facility',
        entityId: row.facility.id,
        orgId: row.school.id,
        before,
        after: input,
      });
      return updated;
    }),
  );
  return { ...row, facility };
}

export interface RetireFacilityParams {
  /** The facility, as the caller's gate (getManagedFacility) returned it. */
  facility: FacilityRow;
}

/** No new bookings; the existing ones are kept. */
export async function retireFacility(
  db: Db,
  actor: Actor,
  params: RetireFacilityParams,
  meta: RequestMeta,
): Promise<FacilityRow> {
  const { facility: row } = params;
  const facility = await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(facilities)
      .set({ retiredAt: new Date(), updatedAt: new Date() })
      .where(eq(facilities.id, row.facility.id))
      .returning();
    if (!updated) throw new Error('the facility went missing while it was retired');
    await audit(tx, actor, meta, {
      action: 'facility.retire',
      entityType: 'facility',
      entityId: row.facility.id,
      orgId: row.school.id,
    });
    return updated;
  });
  return { ...row, facility };
}

async function uniqueFacilityName<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (sqlState(err) === '23505')
      throw new AppError('already_exists', 'The school already has a facility with this name', {
        fields: { name: ['already used'] },
      });
    throw err;
  }
}
