// Lessons left live after their time: a room LiveKit closes before a lesson's end leaves the lesson open to join
// again (webhooks.service.ts), so a lesson everyone left early and nobody ended would stay "live" for good. The
// hourly jobs (server/scheduled.ts) end each such lesson once its time is half an hour past and no one is in it — or
// three hours past whatever its sessions say (a leave LiveKit never reported) — at its end or its last leave,
// whichever came later, closing any session still open there (or where it began, if later). Idempotent: a second run
// finds nothing.
import { sql } from 'drizzle-orm';
import { OVERRUN_MS } from '../../../shared/lessons';
import { type Queryable, rowsOf } from '../../lib/db';

export async function endLessonsOver(db: Queryable, now = new Date()): Promise<number> {
  // Instants as ISO text: postgres.js takes no Date among a raw statement's parameters.
  const at = now.toISOString();
  const overrunFrom = new Date(now.getTime() - OVERRUN_MS).toISOString();
  return db.transaction(async (tx) => {
    const ended = rowsOf<{ id: string }>(
      await tx.execute(sql`
        UPDATE lessons l SET status = 'ended', updated_at = LEAST(${at}::timestamptz, GREATEST(l.ends_at,
          coalesce((SELECT max(a.left_at) FROM lesson_attendance a WHERE a.lesson_id = l.id), l.ends_at)))
        WHERE l.status = 'live' AND l.ends_at < ${overrunFrom}::timestamptz
          AND (l.ends_at < ${at}::timestamptz - interval '3 hours' OR NOT EXISTS (SELECT 1 FROM lesson_attendance a
            WHERE a.lesson_id = l.id AND a.joined_at IS NOT NULL AND a.left_at IS NULL))
        RETURNING l.id`),
    );
    if (ended.length)
      await tx.execute(sql`
        UPDATE lesson_attendance a SET left_at = GREATEST(l.updated_at, a.joined_at) FROM lessons l
        WHERE l.id = a.lesson_id AND a.left_at IS NULL
          AND l.id IN (${sql.join(
            ended.map((e) => sql`${e.id}::uuid`),
            sql`, `,
          )})`);
    return ended.length;
  });
}
