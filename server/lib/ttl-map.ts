/**
 * Values by key for a few seconds, at most `max` of them (when full, the oldest goes first: a Map keeps insertion
 * order). What a process keeps to spare the database work it would repeat: signed-in people, rendered pages.
 */
export class TtlMap<V> {
  private readonly entries = new Map<string, { value: V; until: number }>();
  constructor(
    private readonly ttlMs: number,
    private readonly max: number,
  ) {}

  get(key: string): V | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (hit.until < Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return hit.value;
  }

  set(key: string, value: V): void {
    const oldest = this.entries.size >= this.max ? this.entries.keys().next() : undefined;
    if (oldest && !oldest.done) this.entries.delete(oldest.value);
    this.entries.set(key, { value, until: Date.now() + this.ttlMs });
  }

  /** Forgets every value that `test` picks, at once. */
  forgetWhere(test: (value: V) => boolean): void {
    for (const [key, hit] of this.entries) if (test(hit.value)) this.entries.delete(key);
  }
}
