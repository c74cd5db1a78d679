// A fresh database for one test file: in-memory PGlite by default, or a new database on the PostgreSQL
// server named by DATABASE_URL (created here, dropped at the end), with every migration applied.
import { readFileSync } from 'node:fs';
import postgres from 'postgres';
import { inject } from 'vitest';
import { type Database, openPostgres } from '../../server/lib/db';
import { openPglite, runMigrations } from '../../server/lib/db-node';

export const usingPostgres = !!process.env.DATABASE_URL;

/** The run's migrated template (test/support/db-global.ts); none outside a Vitest run (benches). */
function template<K extends 'pgliteTemplate' | 'postgresTemplate'>(key: K): string | null {
  try {
    return inject(key) ?? null;
  } catch {
    return null;
  }
}

let tarball: Blob | null | undefined;
/** The PGlite template's tarball, read once per test file's process. */
export function pgliteTemplate(): Blob | undefined {
  if (tarball === undefined) {
    const file = template('pgliteTemplate');
    tarball = file ? new Blob([readFileSync(file)]) : null;
  }
  return tarball ?? undefined;
}

export async function openTestDatabase(): Promise<Database & { url?: string; dispose(): Promise<void> }> {
  if (!usingPostgres) {
    const database = await openPglite(undefined, pgliteTemplate());
    await runMigrations(database);
    return { ...database, dispose: () => database.close() };
  }
  return openPostgresTestDatabase(process.env.DATABASE_URL!);
}

/** The PostgreSQL server the run uses, else the one .ci/run has running on this machine. */
export const postgresServerUrl = () => process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

/** Why no PostgreSQL server answers at `url`, or null. */
export async function postgresUnavailable(url = postgresServerUrl()): Promise<string | null> {
  const probe = postgres(url, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await probe`SELECT 1`;
    return null;
  } catch (err) {
    return `no PostgreSQL server answers at ${url} (${(err as Error).message})`;
  } finally {
    await probe.end({ timeout: 1 });
  }
}

/**
 * A new database on the PostgreSQL server at `baseUrl` (from the run's migrated template when there is one; empty
 * with `migrate: false`), dropped by `dispose`. Tests of several app processes need one even on a run that uses PGlite.
 */
export async function openPostgresTestDatabase(
  baseUrl: string,
  opts: { migrate?: boolean } = {},
): Promise<Database & { url: string; dispose(): Promise<void> }> {
  const base = new URL(baseUrl);
  const name = `tz_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(base.toString(), { max: 1, onnotice: () => {} });
  const from = opts.migrate === false ? null : template('postgresTemplate');
  await admin.unsafe(`CREATE DATABASE ${name}${from ? ` TEMPLATE ${from}` : ''}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const database = openPostgres(url.toString(), { max: 20 });
  try {
    if (opts.migrate !== false) await runMigrations(database);
  } catch (err) {
    await database.close();
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    throw err;
  }
  return {
    ...database,
    url: url.toString(),
    async dispose() {
      await database.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
