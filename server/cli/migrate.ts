// npm run db:migrate — apply migrations/ to DATABASE_URL, or to the embedded database under DATA_DIR.
import { resolve } from 'node:path';
import { parseEnv } from '../config';
import { openDatabase, runMigrations } from '../lib/db-node';

const env = parseEnv(process.env);
const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: resolve(env.DATA_DIR) });
await runMigrations(database);
console.log(`Migrations applied (${database.kind}).`);
await database.close();
