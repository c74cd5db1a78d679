// Rural-service records: a school admin records years at a rural school with evidence (a document in the library);
// another admin of the school, its group or district approves or rejects — never who recorded it, never the person
// themself (a check constraint keeps the first).
import { and, eq } from 'drizzle-orm';
import type { HonourSettingsInput, ServiceRecordInput } from '../../../shared/schemas/exchanges';
import { honourSettings, orgs, ruralService } from '../../db/schema';
import { audit } from '../../lib/audit';
import type { RequestMeta } from '../../lib/context';
import type { Db, Queryable } from '../../lib/db';
import { AppError, forbidden, notFound } from '../../lib/errors';
import { type Actor, canManageOrg, canSeeOrg } from '../../lib/policy';
import { getVisibleResource } from '../resources/resources.queries';
import { settingsOf, yearsOfRow } from './honour-settings.queries';
import { decidesRecord, getReadableRecord, leadsPerson, recordOut, visibleOrg } from './honours.queries';

export async function recordService(db: Db, actor: Actor, input: ServiceRecordInput, meta: RequestMeta) {
  return db.transaction(async (tx) => {
    const [school] = await tx.select().from(orgs).where(eq(orgs.id, input.schoolId));
    if (school?.kind !== 'school' || !canSeeOrg(actor, school)) throw notFound('school');
    if (!school.rural)
      throw new AppError('validation_failed', 'Only service at rural schools counts', {
        fields: { schoolId: ['not a rural school'] },
        problems: [{ field: 'schoolId', code: 'invalid' }],
      });
    if (!(await leadsPerson(tx, actor, input.userId))) throw notFound('person at a school you run');
    if (input.userId === actor.user.id) throw forbidden('Years of service are recorded by someone else');
    await getVisibleResource(tx, actor, input.evidenceResourceId);
    const [row] = await tx
      .insert(ruralService)
      .values({ ...input, endsOn: input.endsOn ?? null, recordedBy: actor.user.id })
      .returning({ id: ruralService.id });
    if (!row) throw new Error('a service record insert returned no row');
    await audit(tx, actor, meta, {
      action: 'exchange.service.record',
      entityType: 'rural_service',
      entityId: row.id,
      orgId: school.id,
      after: { userId: input.userId, startsOn: input.startsOn, endsOn: input.endsOn ?? null },
    });
    return recordOut(await getReadableRecord(tx, actor, row.id), actor);
  });
}

export async function decideService(
  db: Db,
  actor: Actor,
  params: { id: string; decision: 'approve' | 'reject' },
  meta: RequestMeta,
) {
  return db.transaction(async (tx) => {
    const row = await getReadableRecord(tx, actor, params.id);
    if (!decidesRecord(actor, row))
      throw forbidden('Another admin of the school, its group or district decides (not who recorded it)');
    const status = params.decision === 'approve' ? 'approved' : 'rejected';
    const [done] = await tx
      .update(ruralService)
      .set({ status, decidedBy: actor.user.id, decidedAt: new Date() })
      .where(and(eq(ruralService.id, row.r.id), eq(ruralService.status, 'pending')))
      .returning({ id: ruralService.id });
    if (!done) throw new AppError('invalid_state', `This record is ${row.r.status} already`, { status: row.r.status });
    await audit(tx, actor, meta, {
      action: `exchange.service.${params.decision}`,
      entityType: 'rural_service',
      entityId: row.r.id,
      orgId: row.r.schoolId,
      before: { status: row.r.status },
      after: { status },
    });
    return recordOut(await getReadableRecord(tx, actor, row.r.id), actor);
  });
}

/** The group or district whose thresholds are set: its own admins only; a school takes its group's or district's. */
async function settableOrg(db: Queryable, actor: Actor, orgId: string) {
  const org = await visibleOrg(db, actor, orgId);
  if (org.kind === 'school')
    throw forbidden('A school takes its group’s or district’s honours; set them for the group or district');
  if (!canManageOrg(actor, org)) throw forbidden('Only the administrators of this group or district set its honours');
  // One change at a time per organisation, so each audit entry's "before" is what the previous change left (the
  // settings row may not exist yet to be locked; the organisation's row always does).
  await db.select({ id: orgs.id }).from(orgs).where(eq(orgs.id, org.id)).for('no key update');
  return org;
}

/** A group or district sets its own honour thresholds; the activity log keeps the years before and after. */
export async function setHonours(db: Db, actor: Actor, input: HonourSettingsInput, meta: RequestMeta) {
  return db.transaction(async (tx) => {
    const org = await settableOrg(tx, actor, input.orgId);
    const [before] = await tx.select().from(honourSettings).where(eq(honourSettings.orgId, org.id));
    const values = {
      countyYears: input.county,
      provincialYears: input.provincial,
      nationalYears: input.national,
      updatedBy: actor.user.id,
      updatedAt: new Date(),
    };
    await tx
      .insert(honourSettings)
      .values({ orgId: org.id, ...values })
      .onConflictDoUpdate({ target: honourSettings.orgId, set: values });
    await audit(tx, actor, meta, {
      action: 'exchange.honours.set',
      entityType: 'honour_settings',
      entityId: org.id,
      orgId: org.id,
      before: before ? yearsOfRow(before) : null,
      after: { county: input.county, provincial: input.provincial, national: input.national },
    });
    return settingsOf(tx, actor, org);
  });
}

/** A group or district goes back to the published thresholds. */
export async function clearHonours(db: Db, actor: Actor, orgId: string, meta: RequestMeta) {
  return db.transaction(async (tx) => {
    const org = await settableOrg(tx, actor, orgId);
    const [before] = await tx.delete(honourSettings).where(eq(honourSettings.orgId, org.id)).returning();
    if (before)
      await audit(tx, actor, meta, {
        action: 'exchange.honours.reset',
        entityType: 'honour_settings',
        entityId: org.id,
        orgId: org.id,
        before: yearsOfRow(before),
        after: null,
      });
    return settingsOf(tx, actor, org);
  });
}
