// The signed-in-person cache (server/lib/actor-cache.ts): requests of one session that miss it together share one
// lookup, and a change to the person while a lookup is in flight is never hidden behind a stale entry.
import { describe, expect, it } from 'vitest';
import { ActorCache } from '../../server/lib/actor-cache';
import type { Actor } from '../../server/lib/policy';

const person = (name: string): Actor => ({
  user: { id: 'u1', name, email: 'a@example.com', locale: 'zh' },
  credentialId: 'c1',
  via: 'cookie',
  memberships: [],
});

/** A lookup whose calls answer when told to (the n-th call by `answer(a, n)`), counting how often it was asked. */
function slowLookup() {
  const answers: ((a: Actor | null) => void)[] = [];
  const load = () => new Promise<Actor | null>((ok) => answers.push(ok));
  return { load, answer: (a: Actor | null, n = 0) => answers[n]?.(a), calls: () => answers.length };
}

describe('the signed-in-person cache', () => {
  it('64 requests that miss it at once make one lookup, and all get its answer', async () => {
    const cache = new ActorCache();
    const lookup = slowLookup();
    const waiting = Array.from({ length: 64 }, () => cache.getOrLoad('cookie:x', lookup.load));
    lookup.answer(person('王老师'));
    const got = await Promise.all(waiting);
    expect(lookup.calls()).toBe(1);
    expect(got.every((a) => a?.user.name === '王老师')).toBe(true);
    // Kept: the next request needs no lookup.
    expect(await cache.getOrLoad('cookie:x', lookup.load)).toMatchObject({ user: { name: '王老师' } });
    expect(lookup.calls()).toBe(1);
  });

  it('a lookup that began before the person changed is answered but not kept; later requests look again', async () => {
    const cache = new ActorCache();
    const lookup = slowLookup();
    const before = cache.getOrLoad('cookie:x', lookup.load);
    cache.forgetUser('u1'); // e.g. a membership revoked while the lookup ran
    const after = cache.getOrLoad('cookie:x', lookup.load);
    expect(lookup.calls()).toBe(2);
    lookup.answer(person('改名后'), 1);
    expect(await after).toMatchObject({ user: { name: '改名后' } });
    // The stale lookup ends last: its request gets what it read, the cache keeps the fresh one.
    lookup.answer(person('改名前'), 0);
    expect(await before).toMatchObject({ user: { name: '改名前' } });
    expect(cache.get('cookie:x')?.user.name).toBe('改名后');
  });

  it('no one found is not kept: a new sign-in is seen at once', async () => {
    const cache = new ActorCache();
    const lookup = slowLookup();
    const first = cache.getOrLoad('cookie:y', lookup.load);
    lookup.answer(null);
    expect(await first).toBeNull();
    expect(cache.get('cookie:y')).toBeUndefined();
  });
});
