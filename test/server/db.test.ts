// The database features later modules rely on, proven on PGlite and on the PostgreSQL server alike.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openPostgres, postgresTarget, rowsOf } from '../../server/lib/db';
import { sqlState } from '../../server/lib/errors';
import { toLocal } from '../../shared/time';
import { postgresServerUrl, postgresUnavailable } from '../support/db';
import { useHarness } from '../support/harness';

const h = useHarness();
const q = async <T>(query: ReturnType<typeof sql>) => rowsOf<T>(await h.deps.database.db.execute(query));

describe('database: days are Beijing’s', () => {
  it('a membership made without its start day starts today as Beijing counts it, whatever the session’s zone', async () => {
    // Beijing's date differs from UTC−12's or UTC+14's at every hour: a default on the session's date fails one.
    for (const zone of ['Etc/GMT+12', 'Etc/GMT-14']) {
      const since = await h.deps.database.db.transaction(async (tx) => {
        await tx.execute(sql.raw(`SET LOCAL TIME ZONE '${zone}'`));
        const [row] = rowsOf<{ since: string }>(
          await tx.execute(sql`INSERT INTO memberships (user_id, org_id, role)
            SELECT u.id, o.id, 'teacher' FROM users u, orgs o WHERE u.email = 'li@jhxx.demo' AND o.code = 'JHZX'
            RETURNING to_char(since, 'YYYY-MM-DD') AS since`),
        );
        await tx.execute(sql`DELETE FROM memberships m USING users u, orgs o
          WHERE m.user_id = u.id AND m.org_id = o.id AND u.email = 'li@jhxx.demo' AND o.code = 'JHZX'`);
        return row?.since;
      });
      expect(since, zone).toBe(toLocal(new Date()).date);
    }
  });
});

describe('database: extensions on both engines', () => {
  it('has btree_gist and pg_trgm installed by the migrations', async () => {
    const rows = await q<{ extname: string }>(sql`SELECT extname FROM pg_extension ORDER BY extname`);
    expect(rows.map((r) => r.extname)).toEqual(expect.arrayContaining(['btree_gist', 'pg_trgm']));
  });

  it('btree_gist: an exclusion constraint on (id =, tstzrange &&) refuses overlaps with 23P01 and allows back-to-back', async () => {
    const db = h.deps.database.db;
    await db.execute(
      sql`CREATE TEMP TABLE slots (room uuid NOT NULL, during tstzrange NOT NULL, EXCLUDE USING gist (room WITH =, during WITH &&))`,
    );
    const room = h.ids.orgs.jhzx!;
    await db.execute(
      sql`INSERT INTO slots VALUES (${room}, tstzrange('2026-12-03 14:00+08', '2026-12-03 15:00+08', '[)'))`,
    );
    await db.execute(
      sql`INSERT INTO slots VALUES (${room}, tstzrange('2026-12-03 15:00+08', '2026-12-03 16:00+08', '[)'))`,
    );
    const clash = await db
      .execute(sql`INSERT INTO slots VALUES (${room}, tstzrange('2026-12-03 14:30+08', '2026-12-03 15:30+08', '[)'))`)
      .catch((e) => e);
    expect(sqlState(clash)).toBe('23P01');
    await db.execute(sql`DROP TABLE slots`);
  });

  it('pg_trgm makes trigrams of Chinese text, so a trigram index can serve substring search', async () => {
    const [row] = await q<{ n: number; sim: number; other: number }>(sql`
      SELECT array_length(show_trgm('初步认识'), 1) AS n, similarity('分数的初步认识', '初步认识') AS sim, similarity('分数的初步认识', '古诗三首') AS other`);
    // Each run of characters yields trigrams (with padding), and shared text scores above unrelated text.
    expect(Number(row!.n)).toBeGreaterThanOrEqual(4);
    expect(Number(row!.sim)).toBeGreaterThan(Number(row!.other));
  });
});

describe('database: queued work leaves the server free to answer', () => {
  it('a timer due now runs while hundreds of statements are queued, and the statements finish in the order they came', async () => {
    const db = h.deps.database.db;
    const finished: number[] = [];
    const queued = Array.from({ length: 300 }, (_, i) =>
      db.execute(sql`SELECT ${i}::int AS i, md5(repeat('x', 20000))`).then(() => finished.push(i)),
    );
    // On the embedded database every statement runs on the event loop: a new connection, a request's bytes or a
    // timer must not wait for the whole queue (issue 14: the first of 64 clients waited seconds to be accepted).
    const doneWhenTimerRan = await new Promise<number>((ok) => setTimeout(() => ok(finished.length), 0));
    await Promise.all(queued);
    expect(doneWhenTimerRan).toBeLessThan(300);
    if (h.deps.database.kind === 'pglite') expect(finished).toEqual([...Array(300).keys()]);
  });
});

describe('database: PostgreSQL over its Unix socket', () => {
  it('DATABASE_URL with ?host=<folder> (as libpq writes it) connects through the socket there, not TCP', async () => {
    expect(postgresTarget('postgres://u:p@localhost/db?host=/var/run/postgresql&sslmode=disable')).toEqual({
      url: 'postgres://u:p@localhost/db?sslmode=disable',
      host: '/var/run/postgresql',
    });
    expect(postgresTarget('postgres://u@db.example:5433/x?host=elsewhere')).toEqual({
      url: 'postgres://u@db.example:5433/x?host=elsewhere',
    });
    const unavailable = await postgresUnavailable();
    if (unavailable) {
      if (process.env.CI) throw new Error(`CI must connect to PostgreSQL over its socket: ${unavailable}`);
      console.warn(`Skipping the Unix socket connection: ${unavailable}`);
      return;
    }
    const tcp = openPostgres(postgresServerUrl(), { max: 1 });
    const [dirs] = rowsOf<{ d: string }>(
      await tcp.db.execute(sql`SELECT current_setting('unix_socket_directories') AS d`),
    );
    await tcp.close();
    const folder = dirs!.d.split(',')[0]!.trim();
    const url = new URL(postgresServerUrl());
    url.searchParams.set('host', folder);
    const viaSocket = openPostgres(url.toString(), { max: 1 });
    try {
      const [row] = rowsOf<{ addr: string | null; one: number }>(
        await viaSocket.db.execute(sql`SELECT inet_server_addr()::text AS addr, 1 AS one`),
      );
      // A connection over a Unix socket has no server address.
      expect(row).toEqual({ addr: null, one: 1 });
    } finally {
      await viaSocket.close();
    }
  });
});
