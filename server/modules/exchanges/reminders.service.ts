// The weekly log's reminder (issue 12, point 5): a teacher in post whose last whole week has no entry gets one notice
// for that week. Run on a timer by the Node door and by the Workers cron (server/scheduled.ts): idempotent, so a
// second run, a second process or a retried cron adds nothing.
import { sql } from 'drizzle-orm';
import { addDays, mondayOf, toLocal } from '../../../shared/time';
import { type Queryable, rowsOf } from '../../lib/db';

export const MISSING_LOG = 'exchange.log.missing';

/** The Monday of the week before `today`'s. */
export const lastWeekOf = (today: string): string => addDays(mondayOf(today), -7);

/**
 * Notices for last week's missing entries, at most one per placement and week; the number sent. A week counts as in
 * the weekly log's reminders do (pastMondays): from the week the placement starts to the week before it ends.
 */
export async function remindMissingLogs(db: Queryable, today = toLocal(new Date()).date): Promise<number> {
  const week = lastWeekOf(today);
  return db.transaction(async (tx) => {
    // One sweep at a time across processes; the NOT EXISTS below then keeps each notice single.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${MISSING_LOG}))`);
    const sent = rowsOf<{ id: string }>(
      await tx.execute(sql`
        INSERT INTO notifications (user_id, kind, data)
        SELECT pl.teacher_id, ${MISSING_LOG},
          jsonb_build_object('placementId', pl.id, 'week', ${week}::text, 'school', o.name)
        FROM exchange_placements pl JOIN orgs o ON o.id = pl.host_school_id
        WHERE pl.status = 'active'
          AND date_trunc('week', pl.starts_on)::date <= ${week}::date
          AND ${week}::date < date_trunc('week', pl.ends_on)::date
          AND NOT EXISTS (SELECT 1 FROM exchange_logs l
            WHERE l.placement_id = pl.id AND l.on >= ${week}::date AND l.on < ${week}::date + 7)
          AND NOT EXISTS (SELECT 1 FROM notifications n
            WHERE n.user_id = pl.teacher_id AND n.kind = ${MISSING_LOG}
              AND n.data->>'placementId' = pl.id::text AND n.data->>'week' = ${week}::text)
        RETURNING id`),
    );
    return sent.length;
  });
}
