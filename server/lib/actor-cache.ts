import type { Actor } from './policy';
import { TtlMap } from './ttl-map';

/**
 * Signed-in people by credential, for a few seconds: most requests then need no session query. Every change
 * to a person's sessions, memberships or profile in this process forgets them at once; another process (or
 * Worker isolate) sees such a change within the TTL.
 */
export class ActorCache extends TtlMap<Actor> {
  constructor(ttlMs = 5000, max = 10_000) {
    super(ttlMs, max);
  }

  /** After anything that changes who a person is or what they may do. */
  forgetUser(userId: string): void {
    this.forgetWhere((actor) => actor.user.id === userId);
  }
}
