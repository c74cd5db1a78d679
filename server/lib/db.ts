import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from '../db/schema';

export type Schema = typeof schema;
/** The one database type every query function takes: PGlite or postgres.js underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle has the same query surface. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything that runs queries: the database or an open transaction. */
export type Queryable = Db | Tx;
export type DbKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  kind: DbKind;
  /** For PostgreSQL: where it is (migrations open their own connection to it). */
  url?: string;
  /**
   * Calls `onMessage` with each NOTIFY payload on `channel`, and `onListen` each time listening (re)starts — after a
   * lost connection, notifications sent meanwhile are gone. Resolves once listening, with a function that stops it.
   */
  listen?(channel: string, onMessage: (payload: string) => void, onListen?: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export const drizzleOptions = { schema, casing: 'snake_case' } as const;

/**
 * Planner settings of every connection, on PostgreSQL and PGlite alike. A school's data is small enough to live in
 * memory, on SSDs where it does not: PostgreSQL's default random_page_cost (4, for spinning disks) made the planner
 * read all 100,000 resources to find the tenth that contain 课件 (45–60 ms) rather than use the text index (13 ms);
 * 1.1 is what PostgreSQL's documentation suggests for such storage (BENCHMARKS.md, issue 14).
 */
export const plannerSettings = { random_page_cost: '1.1' } as const;

/**
 * Where a DATABASE_URL points postgres.js. `?host=/var/run/postgresql` (as libpq writes it) names the folder of the
 * server's Unix socket: on one machine, cheaper than loopback TCP for every statement.
 */
export function postgresTarget(url: string): { url: string; host?: string } {
  const u = new URL(url);
  const socketDir = u.searchParams.get('host');
  if (!socketDir?.startsWith('/')) return { url };
  u.searchParams.delete('host');
  return { url: u.toString(), host: socketDir };
}

/** postgres.js: a PostgreSQL server, or Hyperdrive on Workers. */
export function openPostgres(url: string, opts: { max?: number; statementTimeoutMs?: number } = {}): Database {
  const target = postgresTarget(url);
  const client = postgres(target.url, {
    ...(target.host ? { host: target.host } : {}),
    max: opts.max ?? 10,
    onnotice: () => {},
    // Workers (Hyperdrive) must not keep idle sockets across requests.
    idle_timeout: 20,
    // Nothing hangs while the server restarts or a statement runs away: a connection that cannot be made in
    // 5 s, or a statement past 10 s, fails (and answers 503 database_unavailable). Migrations open their own
    // client without the statement limit (runMigrations).
    connect_timeout: 5,
    // Reconnect quickly once the server is back: postgres.js's default backoff grows to 20 s after a few failed
    // attempts (shared by the pool), which would keep answering 503 long after a restart. Seconds.
    backoff: (attempt: number) => Math.min(0.05 * 2 ** attempt, 1),
    connection: { TimeZone: 'UTC', statement_timeout: opts.statementTimeoutMs ?? 10_000, ...plannerSettings },
  });
  const db = drizzle(client, drizzleOptions) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    url,
    // postgres.js listens on a connection of its own, made again (and listening again) when it is lost.
    async listen(channel, onMessage, onListen) {
      const { unlisten } = await client.listen(channel, onMessage, onListen);
      return unlisten;
    },
    close: () => client.end({ timeout: 5 }),
  };
}

/** Rows of a raw `db.execute(sql)`: postgres.js answers an array, PGlite `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/**
 * A statement built once per database and prepared on each of its connections: for the hottest queries, whose SQL
 * would otherwise be built again (and parsed and planned again by PostgreSQL) on every request.
 */
export function preparedPer<D extends object, Q>(build: (db: D) => Q): (db: D) => Q {
  const built = new WeakMap<D, Q>();
  return (db) => {
    let query = built.get(db);
    if (!query) {
      query = build(db);
      built.set(db, query);
    }
    return query;
  };
}
