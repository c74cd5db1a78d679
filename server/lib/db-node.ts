// Node-only database doors: the embedded PGlite and running migrations from the migrations/ folder.
// Kept apart from db.ts so the Worker bundle never pulls in PGlite's WebAssembly or the file system.

import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { type Database, type Db, drizzleOptions, openPostgres } from './db';

export const migrationsFolder = fileURLToPath(new URL('../../migrations', import.meta.url));

/** Every extension a migration creates must be listed here, or CREATE EXTENSION fails on PGlite. */
export const pgliteExtensions = { btree_gist, pg_trgm };

/** PGlite in `dir`, or in memory when `dir` is undefined (tests). */
export async function openPglite(dir?: string): Promise<Database> {
  if (dir) mkdirSync(dir, { recursive: true });
  // PGlite's default 128 MB buffer pool counts fully towards the process's memory; 16 MB keeps an idle server
  // near 200 MB (BENCHMARKS.md) and is ample for one school group's data.
  const startParams = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'];
  const client = await PGlite.create(
    dir ? { dataDir: dir, extensions: pgliteExtensions, startParams } : { extensions: pgliteExtensions, startParams },
  );
  const db = drizzle(client, drizzleOptions) as unknown as Db;
  return { db, kind: 'pglite', close: () => client.close() };
}

export async function openDatabase(opts: { databaseUrl?: string; dataDir: string }): Promise<Database> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl) : openPglite(`${opts.dataDir}/pglite`);
}

type PgliteDb = Parameters<typeof migratePglite>[0];
type PostgresDb = Parameters<typeof migratePostgres>[0];

export async function runMigrations(database: Database): Promise<void> {
  const config = { migrationsFolder };
  // One Db type covers both drivers; each migrator wants its own driver's database type.
  if (database.kind === 'pglite') await migratePglite(database.db as unknown as PgliteDb, config);
  else await migratePostgres(database.db as unknown as PostgresDb, config);
}
