// Work that runs on a clock rather than on a request: every hour on the Node door (a timer) and on Workers (a cron
// trigger in wrangler.toml). Each job is idempotent, so two processes or a retried run add nothing twice; a failing
// job is logged and the others still run.
import type { Queryable } from './lib/db';
import type { Logger } from './lib/log';
import { remindMissingLogs } from './modules/exchanges/reminders.service';
import { endLessonsOver } from './modules/lessons/over.service';

export const SCHEDULED_EVERY_MS = 60 * 60 * 1000;

const jobs: { name: string; run(db: Queryable): Promise<number> }[] = [
  { name: 'exchange log reminders', run: (db) => remindMissingLogs(db) },
  { name: 'lessons left live after their time', run: (db) => endLessonsOver(db) },
];

export async function runScheduled(db: Queryable, log: Logger): Promise<void> {
  for (const job of jobs) {
    try {
      const n = await job.run(db);
      if (n) log.log('info', `${job.name}: ${n}`);
    } catch (err) {
      log.log('error', `${job.name} failed`, { err: String(err) });
    }
  }
}
