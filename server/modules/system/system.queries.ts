import { sql } from 'drizzle-orm';
import type { Db } from '../../lib/db';

/** Whether the database answers a query. */
export async function databaseAnswers(db: Db): Promise<boolean> {
  try {
    await db.execute(sql`SELECT 1`);
    return true;
  } catch {
    return false;
  }
}
