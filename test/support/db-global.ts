// One migrated database per test run (vitest globalSetup), which every test file's database starts as a copy of:
// on PGlite a dump of its data directory (loading one takes ~0.5 s where initdb takes 3–6 s), on PostgreSQL a
// template database (CREATE DATABASE … TEMPLATE). Each file still has a database of its own.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { openPostgres } from '../../server/lib/db';
import { openPglite, runMigrations } from '../../server/lib/db-node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite: the migrated data directory as a tarball (dumpDataDir), to load with `loadDataDir`. */
    pgliteTemplate: string | null;
    /** PostgreSQL: the migrated database to create each file's database from. */
    postgresTemplate: string | null;
  }
}

export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const dir = mkdtempSync(join(tmpdir(), 'tz-template-'));
    const database = await openPglite();
    await runMigrations(database);
    const client = (database.db as unknown as { $client: PGlite }).$client;
    const file = join(dir, 'pglite.tar');
    writeFileSync(file, Buffer.from(await (await client.dumpDataDir('none')).arrayBuffer()));
    await database.close();
    project.provide('pgliteTemplate', file);
    project.provide('postgresTemplate', null);
    return () => rmSync(dir, { recursive: true, force: true });
  }
  const name = `tz_template_${process.pid}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = openPostgres(target.toString(), { max: 1 });
  try {
    await runMigrations(database);
  } finally {
    await database.close();
  }
  project.provide('pgliteTemplate', null);
  project.provide('postgresTemplate', name);
  return async () => {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  };
}
