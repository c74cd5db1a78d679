import type { Actor } from './policy';

/**
 * Signed-in people by credential, for a few seconds: most requests then need no session query. Every change
 * to a person's sessions, memberships or profile in this process forgets them at once; another process (or
 * Worker isolate) sees such a change within the TTL.
 */
export class ActorCache {
  private readonly entries = new Map<string, { actor: Actor; until: number }>();
  constructor(
    private readonly ttlMs = 5000,
    private readonly max = 10_000,
  ) {}

  get(key: string): Actor | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (hit.until < Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return hit.actor;
  }

  set(key: string, actor: Actor): void {
    // Full: the oldest goes first (a Map keeps insertion order).
    const oldest = this.entries.size >= this.max ? this.entries.keys().next() : undefined;
    if (oldest && !oldest.done) this.entries.delete(oldest.value);
    this.entries.set(key, { actor, until: Date.now() + this.ttlMs });
  }

  /** After anything that changes who a person is or what they may do. */
  forgetUser(userId: string): void {
    for (const [key, hit] of this.entries) if (hit.actor.user.id === userId) this.entries.delete(key);
  }
}
