// A throw-away PostgreSQL database for one benchmark: created (migrated, demo data loaded) and dropped (kept with
// BENCH_KEEP=1).
import postgres from 'postgres';
import { seedDemo } from '../server/db/seed';
import { openPostgres, plannerSettings, postgresTarget } from '../server/lib/db';
import { runMigrations } from '../server/lib/db-node';
import type { Storage } from '../server/modules/resources/storage';

export const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** With `storage`, the demo's resources and their files are loaded too (into that storage). */
export async function benchDatabase(name: string, max: number, storage?: Storage) {
  const at = (u: string) => {
    const t = postgresTarget(u);
    return [t.url, t.host ? { host: t.host } : {}] as const;
  };
  const [adminUrl, adminHost] = at(ADMIN_URL);
  const admin = postgres(adminUrl, { ...adminHost, max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const database = openPostgres(url.toString(), { max });
  // The raw-SQL baselines plan with the app's own connection settings, so a ratio measures the app, not a setting.
  const [rawUrl, rawHost] = at(url.toString());
  const sql = postgres(rawUrl, { ...rawHost, max, onnotice: () => {}, connection: { ...plannerSettings } });
  await runMigrations(database);
  const ids = await seedDemo(database.db, storage);
  return {
    url: url.toString(),
    database,
    sql,
    ids,
    async drop() {
      await sql.end();
      await database.close();
      // BENCH_KEEP=1 keeps the database to look into afterwards (EXPLAIN the statements a bench measured).
      if (process.env.BENCH_KEEP) console.log(`kept the bench database ${url.toString()}`);
      else await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
