// Rural-service records: a school admin records years at a rural school with evidence (a document in the library);
// another admin of the school, its group or district approves or rejects — never who recorded it, never the person
// themself (a check constraint keeps the first).
import { and, eq } from 'drizzle-orm';
import type { ServiceRecordInput } from '../../../shared/schemas/exchanges';
import { orgs, ruralService } from '../../db/schema';
import { audit } from '../../lib/audit';
import type { RequestMeta } from '../../lib/context';
import type { Db } from '../../lib/db';
import { AppError, forbidden, notFound } from '../../lib/errors';
import { type Actor, canSeeOrg } from '../../lib/policy';
import { getVisibleResource } from '../resources/resources.queries';
import { decidesRecord, getReadableRecord, leadsPerson, recordOut } from './honours.queries';

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
