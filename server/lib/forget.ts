// Every Node process hears what the others changed: the database sends a notification on channel tz_forget when a
// transaction that changes a signed-in person or a school's public page commits (migrations/0019), and each process
// forgets what it kept of them. Revoking a session or a membership on one process thus takes effect on all at once,
// not after the caches' few seconds.

import type { PublicPageCache } from '../modules/public-pages/public-pages.cache';
import type { ActorCache } from './actor-cache';
import type { Database } from './db';
import type { Logger } from './log';

export const FORGET_CHANNEL = 'tz_forget';

/** What one notification's payload makes the caches forget. */
export function forget(payload: string, caches: { actors: ActorCache; pages: PublicPageCache }): void {
  const [kind, id] = payload.split(':', 2);
  if (kind === 'user' && id) caches.actors.forgetUser(id);
  else if (kind === 'school' && id) caches.pages.forgetSchool(id);
  else {
    caches.actors.forgetAll();
    caches.pages.forgetWhere(() => true);
  }
}

/**
 * Listens for the process's lifetime. Each time listening (re)starts — after a lost connection, notifications sent
 * meanwhile are gone — everything kept is forgotten. Resolves with a function that stops listening.
 */
export async function listenForChanges(
  database: Database,
  caches: { actors: ActorCache; pages: PublicPageCache },
  log: Logger,
): Promise<() => Promise<void>> {
  if (!database.listen) return async () => {};
  let started = false;
  return database.listen(
    FORGET_CHANNEL,
    (payload) => forget(payload, caches),
    () => {
      if (started) {
        log.log('info', 'listening again for changes made by other processes; cached sign-ins forgotten');
        forget('all', caches);
      }
      started = true;
    },
  );
}
