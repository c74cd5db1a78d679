// What the database tells every app process when a signed-in person or a school's public page changes (issue 15:
// several processes; migrations/0019): one notification per change on commit, whichever route or script made it,
// none for what changes nobody, none for a change rolled back — on PGlite and on the PostgreSQL server.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActorCache } from '../../server/lib/actor-cache';
import { FORGET_CHANNEL, forget } from '../../server/lib/forget';
import type { Actor } from '../../server/lib/policy';
import { PublicPageCache } from '../../server/modules/public-pages/public-pages.cache';
import { expectStatus, useHarness } from '../support/harness';

const h = useHarness();
const heard: string[] = [];
let stop = async () => {};
beforeAll(async () => {
  stop = await h.deps.database.listen!(FORGET_CHANNEL, (payload) => heard.push(payload));
});
afterAll(() => stop());

/**
 * What was heard while `change` ran: a marker sent after it (notifications arrive in commit order) closes the list.
 */
async function heardDuring(change: () => Promise<unknown>): Promise<string[]> {
  heard.length = 0;
  await change();
  const marker = `mark:${Math.random()}`;
  await h.deps.database.db.execute(sql`SELECT pg_notify(${FORGET_CHANNEL}, ${marker})`);
  const until = Date.now() + 5000;
  while (!heard.includes(marker)) {
    if (Date.now() > until) throw new Error(`the marker never came back; heard ${heard.join(', ')}`);
    await new Promise((ok) => setTimeout(ok, 10));
  }
  return heard.slice(0, heard.indexOf(marker));
}

describe('the database tells every process what to forget', () => {
  it('signing out and revoking a token each name the person; using a session (its time touched) names nobody', async () => {
    const wang = h.ids.users.wang!;
    const login = await h.login('wang@jhzx.demo');
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    expect(
      await heardDuring(() =>
        h.deps.database.db.execute(sql`UPDATE credentials SET last_used_at = now(),
          expires_at = now() + interval '14 days' WHERE user_id = ${wang}`),
      ),
    ).toEqual([]);
    expect(
      await heardDuring(async () =>
        h.app.request('http://localhost/api/auth/logout', { method: 'POST', headers: { cookie } }),
      ),
    ).toEqual([`user:${wang}`]);

    const admin = await h.as('admin@jhzx.demo');
    const token = await admin.post('/api/auth/tokens', { name: 'timetable sync', expiresInDays: 30 });
    expectStatus(token, 201);
    expect(await heardDuring(() => admin.delete(`/api/auth/tokens/${token.body.token.id}`))).toEqual([
      `user:${h.ids.users.admin}`,
    ]);
  });

  it('a membership added, changed or removed names its person, once per transaction', async () => {
    const li = h.ids.users.li!;
    const db = h.deps.database.db;
    const changed = await heardDuring(() =>
      db.transaction(async (tx) => {
        await tx.execute(sql`UPDATE memberships SET key_teacher = true WHERE user_id = ${li}`);
        await tx.execute(sql`UPDATE memberships SET key_teacher = false WHERE user_id = ${li}`);
      }),
    );
    expect(changed).toEqual([`user:${li}`]);
    expect(await heardDuring(() => db.execute(sql`DELETE FROM memberships WHERE user_id = ${li} AND false`))).toEqual(
      [],
    );
  });

  it('a change rolled back is never told', async () => {
    const db = h.deps.database.db;
    const told = await heardDuring(() =>
      db
        .transaction(async (tx) => {
          await tx.execute(sql`UPDATE users SET name = '改名' WHERE id = ${h.ids.users.zhang!}`);
          throw new Error('rolled back');
        })
        .catch(() => {}),
    );
    expect(told).toEqual([]);
  });

  it("a school's new name reaches everyone's memberships (all forgotten); its public page names the school", async () => {
    const db = h.deps.database.db;
    const nanhu = h.ids.orgs.nanhu!;
    expect(await heardDuring(() => db.execute(sql`UPDATE orgs SET name = name || '' WHERE id = ${nanhu}`))).toEqual([]);
    expect(
      await heardDuring(() => db.execute(sql`UPDATE orgs SET name = '南湖村完全小学' WHERE id = ${nanhu}`)),
    ).toEqual(['all']);
    const admin = await h.as('admin@jhzx.demo');
    const edit = await heardDuring(() =>
      admin.patch(`/api/orgs/${h.ids.orgs.jhzx}/public-page`, {
        sections: { timetable: { intro: { zh: '周一至周五上课，7:30 前到校。', en: '' }, items: [] } },
      }),
    );
    expect(edit).toContain(`school:${h.ids.orgs.jhzx}`);
    expect(new Set(edit)).toEqual(new Set([`school:${h.ids.orgs.jhzx}`]));
  });
});

describe('what a process forgets when told', () => {
  const actor = (id: string): Actor => ({
    user: { id, name: id, email: `${id}@x.demo`, locale: 'zh' },
    credentialId: `c-${id}`,
    via: 'cookie',
    memberships: [],
  });

  it('a person: only their entries; all: everyone and every page; a school: its pages', async () => {
    const actors = new ActorCache();
    const pages = new PublicPageCache();
    const page = (schoolId: string) => ({
      schoolId,
      html: '',
      etag: 'W/"x"',
      headers: { notModified: {}, html: {}, gzip: {} },
    });
    actors.set('cookie:a', actor('a'));
    actors.set('cookie:b', actor('b'));
    pages.set('/s/A', page('A'));
    pages.set('/s/B', page('B'));
    forget('user:a', { actors, pages });
    expect([actors.get('cookie:a'), actors.get('cookie:b')?.user.id]).toEqual([undefined, 'b']);
    forget('school:A', { actors, pages });
    expect([pages.get('/s/A'), pages.get('/s/B')?.schoolId]).toEqual([undefined, 'B']);
    forget('all', { actors, pages });
    expect([actors.get('cookie:b'), pages.get('/s/B')]).toEqual([undefined, undefined]);
  });

  it('a lookup that began before it was told is answered but not kept', async () => {
    const actors = new ActorCache();
    let finish: (a: Actor) => void = () => {};
    const pending = actors.getOrLoad('cookie:a', () => new Promise<Actor>((ok) => (finish = ok)));
    forget('user:a', { actors, pages: new PublicPageCache() });
    finish(actor('a'));
    expect((await pending)?.user.id).toBe('a');
    expect(actors.get('cookie:a')).toBeUndefined();
  });
});
