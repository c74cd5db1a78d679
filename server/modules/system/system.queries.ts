import { sql } from 'drizzle-orm';
import type { Db } from '../../lib/db';

/** How long health waits for the database before saying it does not answer. */
const HEALTH_TIMEOUT_MS = 3000;

/** Whether the database answers a query within a few seconds (health must never hang). */
export async function databaseAnswers(db: Db): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<false>((ok) => {
    timer = setTimeout(() => ok(false), HEALTH_TIMEOUT_MS);
  });
  const answered = db.execute(sql`SELECT 1`).then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([answered, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
