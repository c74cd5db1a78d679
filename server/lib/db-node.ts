// Node-only database doors: the embedded PGlite and running migrations from the migrations/ folder.
// Kept apart from db.ts so the Worker bundle never pulls in PGlite's WebAssembly or the file system.

import { closeSync, fsyncSync, mkdirSync, openSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { type Database, type Db, drizzleOptions, openPostgres, plannerSettings } from './db';

export const migrationsFolder = fileURLToPath(new URL('../../migrations', import.meta.url));

/** Every extension a migration creates must be listed here, or CREATE EXTENSION fails on PGlite. */
export const pgliteExtensions = { btree_gist, pg_trgm };

/**
 * PostgreSQL's own durability, made real inside PGlite. PGlite starts PostgreSQL with `fsync=off`, and its
 * Emscripten file system (NODEFS) implements neither fsync nor fdatasync: an acknowledged commit survived the
 * process dying but not a power cut. With `fsync=on` and `wal_sync_method=fsync`, every commit flushes the WAL
 * through fsync(), and checkpoints flush the data files; giving NODEFS an fsync that calls the real one makes
 * each of those reach the disk before PostgreSQL goes on (and so before the API answers).
 */
const DURABLE_PARAMS = ['-c', 'fsync=on', '-c', 'wal_sync_method=fsync'];

type NodeStream = { nfd?: number; node?: unknown };
type Nodefs = {
  stream_ops?: { fsync?: (stream: NodeStream) => number };
  realPath?: (node: unknown) => string;
};
type PgliteInternals = { mod?: { NODEFS?: Nodefs; FS?: { ErrnoError?: new (errno: number) => Error } } };

/** WASI's EIO: PostgreSQL sees a failed fsync as such (and PANICs, as it must), not as a JavaScript exception. */
const EIO = 29;

/** Gives PGlite's NODEFS a real fsync; false when this PGlite does not expose it (then writes are not durable). */
function syncThrough(client: PGlite): boolean {
  const mod = (client as unknown as PgliteInternals).mod;
  const nodefs = mod?.NODEFS;
  const ErrnoError = mod?.FS?.ErrnoError;
  if (!nodefs?.stream_ops || !nodefs.realPath || !ErrnoError) return false;
  const { realPath } = nodefs;
  nodefs.stream_ops.fsync = (stream) => {
    try {
      if (stream.nfd !== undefined) fsyncSync(stream.nfd);
      else {
        // A directory (PostgreSQL syncs the directory of a file it created): NODEFS holds no descriptor for it.
        const fd = openSync(realPath(stream.node), 'r');
        try {
          fsyncSync(fd);
        } finally {
          closeSync(fd);
        }
      }
    } catch {
      throw new ErrnoError(EIO);
    }
    return 0;
  };
  return true;
}

/**
 * Runs the database's work one piece at a time, in the order it came, in slices of the event loop of at most
 * `sliceMs` (plus the piece that crosses it): between slices the loop accepts connections (Node accepts one per
 * turn), reads requests and runs timers. PGlite runs every statement synchronously on the event loop, and a
 * statement's end used to start the next queued one within the same microtask drain, so under load the loop seldom
 * turned: 64 clients connecting at once were accepted one per turn of ~100 ms and the last waited seconds while
 * clients already connected went round (BENCHMARKS.md, issue 14).
 */
export function sliced(sliceMs = 4): <T>(work: () => Promise<T>) => Promise<T> {
  const waiting: (() => void)[] = [];
  let running = false;
  let scheduled = false;
  let sliceStarted = 0;
  const runNext = () => {
    const next = waiting.shift();
    running = next !== undefined;
    next?.();
  };
  const newSlice = () => {
    scheduled = false;
    sliceStarted = performance.now();
    runNext();
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(newSlice);
  };
  const finished = () => {
    if (waiting.length && performance.now() - sliceStarted < sliceMs) return runNext();
    running = false;
    if (waiting.length) schedule();
  };
  return async (work) => {
    await new Promise<void>((ok) => {
      waiting.push(ok);
      if (!running) schedule();
    });
    try {
      return await work();
    } finally {
      finished();
    }
  };
}

/**
 * Every statement and transaction begun outside a transaction takes its place in the slices; inside a transaction
 * statements run back to back, as the transaction holds the database anyway (PGlite serialises all work).
 */
function takeTurns(client: PGlite): void {
  const inTurn = sliced();
  const query = client.query.bind(client);
  const exec = client.exec.bind(client);
  const transaction = client.transaction.bind(client);
  client.query = ((...args: Parameters<typeof query>) => inTurn(() => query(...args))) as typeof client.query;
  client.exec = (...args) => inTurn(() => exec(...args));
  client.transaction = (...args) => inTurn(() => transaction(...args));
}

/**
 * PGlite in `dir`, or in memory when `dir` is undefined (tests). With `from` (a dumpDataDir tarball), a new database
 * starts as that copy instead of running initdb (the tests' migrated template).
 */
export async function openPglite(dir?: string, from?: Blob): Promise<Database & { durable: boolean }> {
  if (dir) mkdirSync(dir, { recursive: true });
  // PGlite's default 128 MB buffer pool counts fully towards the process's memory; 16 MB keeps an idle server
  // near 200 MB (BENCHMARKS.md) and is ample for one school group's data.
  const startParams = [
    ...PGlite.defaultStartParams,
    '-c',
    'shared_buffers=16MB',
    ...Object.entries(plannerSettings).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
    ...(dir ? DURABLE_PARAMS : []),
  ];
  const client = await PGlite.create({
    ...(dir ? { dataDir: dir } : {}),
    ...(from ? { loadDataDir: from } : {}),
    extensions: pgliteExtensions,
    startParams,
  });
  const durable = dir ? syncThrough(client) : false;
  takeTurns(client);
  // What initdb wrote (with syncing off) reaches the disk now, before anything relies on it.
  if (durable) await client.query('CHECKPOINT');
  const db = drizzle(client, drizzleOptions) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    durable,
    async listen(channel, onMessage, onListen) {
      const stop = await client.listen(channel, onMessage);
      onListen?.();
      return stop;
    },
    close: () => client.close(),
  };
}

/** PostgreSQL when a URL is given (durable by its own configuration), else the embedded PGlite under `dataDir`. */
export async function openDatabase(opts: {
  databaseUrl?: string;
  dataDir: string;
}): Promise<Database & { durable: boolean }> {
  return opts.databaseUrl ? { ...openPostgres(opts.databaseUrl), durable: true } : openPglite(`${opts.dataDir}/pglite`);
}

type PgliteDb = Parameters<typeof migratePglite>[0];
type PostgresDb = Parameters<typeof migratePostgres>[0];

/**
 * Applies migrations/. On PostgreSQL through a connection of their own without the serving pool's statement
 * timeout (rewriting a large table may take longer than a request may), holding an advisory lock: several processes
 * started together on one database (a district's app servers) migrate it one after another — the first applies what
 * is new, the others find nothing left to do.
 */
export async function runMigrations(database: Database): Promise<void> {
  const config = { migrationsFolder };
  // One Db type covers both drivers; each migrator wants its own driver's database type.
  if (database.kind === 'pglite') return migratePglite(database.db as unknown as PgliteDb, config);
  if (!database.url) return migratePostgres(database.db as unknown as PostgresDb, config);
  const own = openPostgres(database.url, { max: 1, statementTimeoutMs: 0 });
  try {
    // One connection (max: 1), so the lock is held by the session that migrates; it ends with the connection.
    await own.db.execute(sql`SELECT pg_advisory_lock(${MIGRATION_LOCK})`);
    await migratePostgres(own.db as unknown as PostgresDb, config);
    await own.db.execute(sql`SELECT pg_advisory_unlock(${MIGRATION_LOCK})`);
  } finally {
    await own.close();
  }
}

/** The advisory lock key of migrations (any constant no other code uses). */
const MIGRATION_LOCK = 71_173_019;
