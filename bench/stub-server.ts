// Diagnostic for the /api/me figure: the real app (createApp from server/app.ts, every middleware) over a
// stub database that answers the session lookup from memory. GET /api/me signed in here costs what the
// framework and the app's middleware cost with no database work at all: the ceiling for any cache of the
// signed-in person. Bundled and run by bench/run.ts as its own process, like bare-server.ts.
import { serve } from '@hono/node-server';
import { createApp } from '../server/app';
import type { Database, Db } from '../server/lib/db';
import { createLogger } from '../server/lib/log';

// One row shaped like loadActor's query result (server/modules/auth/auth.queries.ts). last_used_at is
// recent, so loadActor never issues its "touch" update.
const actorRow = {
  credential_id: '00000000-0000-4000-8000-000000000001',
  kind: 'session',
  last_used_at: new Date().toISOString(),
  user_id: '00000000-0000-4000-8000-000000000002',
  name: '王明远',
  email: 'wang@jhzx.demo',
  locale: 'zh',
  memberships: [
    {
      id: '00000000-0000-4000-8000-000000000003',
      orgId: '00000000-0000-4000-8000-000000000004',
      orgName: '京华实验中学',
      orgKind: 'school',
      role: 'teacher',
      masterTeacher: true,
      classroomId: null,
      classroomName: null,
      groupId: '00000000-0000-4000-8000-000000000005',
      districtId: '00000000-0000-4000-8000-000000000006',
    },
  ],
};

const db = {
  execute: async () => [actorRow],
} as unknown as Db;
const database: Database = { db, kind: 'postgres', close: async () => {} };

const app = createApp({
  database,
  log: createLogger('silent'),
  config: { allowedOrigins: [], trustProxy: false, livekitUrl: null, version: '0.1.0' },
});

const port = Number(process.env.PORT ?? 0);
const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, (info) => {
  console.log(JSON.stringify({ ready: true, port: info.port }));
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
