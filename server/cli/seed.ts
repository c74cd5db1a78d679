// npm run seed — load the demo data (CONTRACT.md) into an empty database.
import { resolve } from 'node:path';
import { parseEnv } from '../config';
import { DEMO_PASSWORD, isEmpty, seedDemo } from '../db/seed';
import { openDatabase, runMigrations } from '../lib/db-node';
import { LocalStorage } from '../modules/resources/storage';

const env = parseEnv(process.env);
const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: resolve(env.DATA_DIR) });
await runMigrations(database);
if (!(await isEmpty(database.db))) {
  console.log('The database already holds organisations; demo data not loaded again.');
} else {
  await seedDemo(database.db, new LocalStorage(resolve(env.DATA_DIR, 'files')));
  console.log(`Demo data loaded (${database.kind}). Every demo account's password is ${DEMO_PASSWORD}.`);
}
await database.close();
