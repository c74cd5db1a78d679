import type { Actor } from './policy';
import { TtlMap } from './ttl-map';

/**
 * Signed-in people by credential, for a few seconds: most requests then need no session query. Every change
 * to a person's sessions, memberships or profile forgets them at once: in this process by the service that made it,
 * in every other Node process by the database's notification of it (server/lib/forget.ts); a Worker isolate, which
 * cannot listen, sees such a change within the TTL.
 *
 * Requests of one session that miss the cache together share one lookup: when the entry of a busy session expires,
 * the requests then in flight (64 at once in the bookings bench) would otherwise each query the session — on the
 * embedded database, one after another on the event loop, ahead of everyone's real work.
 */
export class ActorCache extends TtlMap<Actor> {
  private readonly loading = new Map<string, Promise<Actor | null>>();
  /** Counts forgets: a lookup that began before one is answered but not kept. */
  private generation = 0;

  constructor(ttlMs = 5000, max = 10_000) {
    super(ttlMs, max);
  }

  /** The cached person, else the one lookup of `key` in flight, else a new lookup (kept when it finds someone). */
  async getOrLoad(key: string, load: () => Promise<Actor | null>): Promise<Actor | null> {
    const hit = this.get(key);
    if (hit) return hit;
    const pending = this.loading.get(key);
    if (pending) return pending;
    const began = this.generation;
    const lookup = load()
      .then((actor) => {
        if (actor && began === this.generation) this.set(key, actor);
        return actor;
      })
      .finally(() => {
        if (this.loading.get(key) === lookup) this.loading.delete(key);
      });
    this.loading.set(key, lookup);
    return lookup;
  }

  /** After anything that changes who a person is or what they may do. */
  forgetUser(userId: string): void {
    this.forgetAll((actor) => actor.user.id === userId);
  }

  /** Everyone (`which`: whom): after a change many people carry, or when changes may have been missed. */
  forgetAll(which: (actor: Actor) => boolean = () => true): void {
    this.generation++;
    // A lookup in flight may have read them before the change: later requests start their own.
    this.loading.clear();
    this.forgetWhere(which);
  }
}
