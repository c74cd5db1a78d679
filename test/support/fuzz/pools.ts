// The record ids a fuzzed request may name: read from the database now and then (the demo data of both groups,
// and whatever the run has created since), and the secrets that only answers carry (invitation links, calendar
// feed addresses, list cursors), taken from them as they pass.
import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../../server/lib/db';
import { isPlainObject } from './hostile';
import { type PoolName, Ref } from './schema';

/** The newest rows of a table that grows during the run, so that fresh records get picked too. */
const NEWEST = 300;

const QUERIES: [PoolName, string][] = [
  ['orgs', 'SELECT id FROM orgs ORDER BY id'],
  ['schools', "SELECT id FROM orgs WHERE kind = 'school' ORDER BY id"],
  ['classrooms', 'SELECT id FROM classrooms ORDER BY id'],
  ['users', `SELECT id FROM users ORDER BY created_at DESC, id LIMIT ${NEWEST}`],
  ['facilities', 'SELECT id FROM facilities ORDER BY created_at, id'],
  ['photos', 'SELECT id FROM facility_photos ORDER BY id'],
  ['closures', `SELECT id FROM closures ORDER BY created_at DESC, id LIMIT ${NEWEST}`],
  ['bookings', `SELECT id FROM bookings ORDER BY created_at DESC, id LIMIT ${NEWEST}`],
  ['notifications', `SELECT id FROM notifications ORDER BY created_at DESC, id LIMIT ${NEWEST}`],
  ['feeds', 'SELECT id FROM calendar_feeds ORDER BY id'],
  ['tokens', "SELECT id FROM credentials WHERE kind = 'api_token' ORDER BY created_at DESC, id LIMIT 100"],
  ['lessons', `SELECT id FROM lessons ORDER BY created_at DESC, id LIMIT ${NEWEST}`],
  ['resources', `SELECT id FROM resources ORDER BY created_at DESC, id LIMIT ${NEWEST}`],
  ['collections', 'SELECT id FROM collections ORDER BY id'],
  ['invitations', `SELECT id FROM invitations ORDER BY created_at DESC, id LIMIT ${NEWEST}`],
];

/**
 * The records near a caller: its organisations and the schools under them, and what those schools hold. Half of a
 * caller's picks come from here, so that its valid requests mostly name records it may act on (the other half,
 * from everything, name records of the other group as often as not).
 */
const NEAR = (user: string): [PoolName, string][] => {
  const orgs = `SELECT o.id FROM orgs o JOIN memberships m ON m.user_id = '${user}'
    AND (o.id = m.org_id OR o.group_id = m.org_id OR o.district_id = m.org_id)`;
  return [
    ['orgs', `${orgs} ORDER BY o.id`],
    ['schools', `${orgs} WHERE o.kind = 'school' ORDER BY o.id`],
    ['classrooms', `SELECT id FROM classrooms WHERE school_id IN (${orgs}) ORDER BY id`],
    ['facilities', `SELECT id FROM facilities WHERE school_id IN (${orgs}) ORDER BY created_at, id`],
    [
      'bookings',
      `SELECT b.id FROM bookings b JOIN facilities f ON f.id = b.facility_id WHERE f.school_id IN (${orgs})
        OR b.booker_id = '${user}' ORDER BY b.created_at DESC, b.id LIMIT ${NEWEST}`,
    ],
    [
      'lessons',
      `SELECT id FROM lessons WHERE school_id IN (${orgs}) OR teacher_id = '${user}'
        ORDER BY created_at DESC, id LIMIT ${NEWEST}`,
    ],
    ['resources', `SELECT id FROM resources WHERE school_id IN (${orgs}) ORDER BY created_at DESC, id LIMIT ${NEWEST}`],
  ];
};

export class Pools {
  private readonly lists = new Map<PoolName, string[]>();
  /** By user id: the records near that caller (see NEAR). */
  private readonly near = new Map<string, Map<PoolName, string[]>>();
  private readonly secrets = {
    invitationLinks: new Set<string>(),
    calendarFiles: new Set<string>(),
    cursors: new Set<string>(),
  };

  constructor(
    private readonly db: Db,
    /** Accounts the fuzzing callers sign in as: their memberships are not changed or removed under them. */
    private readonly callers: string[],
    /** The demo's facilities, which the run never retires (retiring cannot be undone). */
    private readonly keepFacilities: string[],
    /** The callers' user ids. */
    private readonly users: string[],
  ) {}

  private async ids(query: string): Promise<string[]> {
    return rowsOf<{ id: string }>(await this.db.execute(sql.raw(query))).map((r) => r.id);
  }

  async refresh(): Promise<void> {
    for (const [pool, query] of QUERIES) this.lists.set(pool, await this.ids(query));
    const keep = new Set(this.keepFacilities);
    this.lists.set(
      'spareFacilities',
      (this.lists.get('facilities') ?? []).filter((id) => !keep.has(id)),
    );
    const emails = this.callers.map((e) => `'${e.replace(/'/g, "''")}'`).join(',');
    this.lists.set(
      'memberships',
      await this.ids(
        `SELECT m.id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email NOT IN (${emails}) ORDER BY m.id`,
      ),
    );
    const rooms = (this.lists.get('classrooms') ?? []).map((id) => `classroom:${id}`);
    this.lists.set('identities', [...rooms, ...(this.lists.get('users') ?? []).slice(0, 20).map((id) => `user:${id}`)]);
    for (const [name, set] of Object.entries(this.secrets)) this.lists.set(name as PoolName, [...set]);
    for (const user of this.users) {
      const lists = new Map<PoolName, string[]>();
      for (const [pool, query] of NEAR(user)) lists.set(pool, await this.ids(query));
      this.near.set(user, lists);
    }
  }

  /** Keeps the secrets a successful answer hands out: invitation links, calendar feed addresses, next cursors. */
  harvest(body: unknown): void {
    const visit = (v: unknown, key: string, depth: number) => {
      if (depth > 4) return;
      if (typeof v === 'string') {
        const invite = v.match(/\/invite\/([A-Za-z0-9_-]{10,100})$/);
        if (invite) this.keep(this.secrets.invitationLinks, invite[1]!);
        const feed = v.match(/\/api\/calendar\/([A-Za-z0-9_-]+\.ics)$/);
        if (feed) this.keep(this.secrets.calendarFiles, feed[1]!);
        if (key === 'nextCursor') this.keep(this.secrets.cursors, v);
      } else if (Array.isArray(v)) for (const x of v.slice(0, 5)) visit(x, key, depth + 1);
      else if (isPlainObject(v)) for (const [k, x] of Object.entries(v)) visit(x, k, depth + 1);
    };
    visit(body, '', 0);
  }

  private keep(set: Set<string>, value: string) {
    if (set.size < 200) set.add(value);
  }

  /**
   * The value a Ref stands for, for this caller (even picks from the records near it); an empty pool gives an id
   * (or secret) that names nothing.
   */
  resolve(ref: Ref, caller: { userId?: string; password: string }): string | undefined {
    if (ref.pool === 'password') return caller.password;
    const near = caller.userId ? this.near.get(caller.userId)?.get(ref.pool) : undefined;
    if (near?.length && ref.pick % 2 === 0) return near[(ref.pick >> 1) % near.length];
    const list = this.lists.get(ref.pool) ?? [];
    if (list.length) return list[ref.pick % list.length];
    if (ref.pool === 'cursors') return undefined;
    if (ref.pool === 'invitationLinks') return `never-issued-${ref.pick}`.padEnd(43, 'x');
    if (ref.pool === 'calendarFiles') return `${'A'.repeat(43)}.ics`;
    return `00000000-0000-4000-8000-${String(ref.pick % 1e12).padStart(12, '0')}`;
  }
}

/** The draft (or any value) with each Ref replaced by what it stands for; a Ref to nothing drops its key. */
export function resolveRefs(v: unknown, resolve: (ref: Ref) => string | undefined): unknown {
  if (v instanceof Ref) return resolve(v);
  if (Array.isArray(v)) return v.map((x) => resolveRefs(x, resolve));
  if (!isPlainObject(v)) return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    const value = resolveRefs(x, resolve);
    if (value !== undefined)
      Object.defineProperty(out, k, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}
