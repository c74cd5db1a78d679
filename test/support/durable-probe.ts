// Run by test/server/durability.test.ts under strace: the embedded database in a data directory, the demo data,
// then bookings through the API, then an upload. Prints when the bookings began and ended (epoch ms) and how many
// were answered 201, and when the upload began and ended and its status, so the test can find the syncs in between.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../server/app';
import { DEMO_PASSWORD, seedDemo } from '../../server/db/seed';
import { openPglite, runMigrations } from '../../server/lib/db-node';
import { createLogger } from '../../server/lib/log';
import { LocalStorage } from '../../server/modules/resources/storage';

const BOOKINGS = 20;
const dir = mkdtempSync(join(tmpdir(), 'tz-durable-'));
const database = await openPglite(dir);
await runMigrations(database);
const ids = await seedDemo(database.db);
const app = createApp({
  database,
  storage: new LocalStorage(join(dir, 'files')),
  log: createLogger('silent'),
  config: { allowedOrigins: [], trustProxy: true, livekitUrl: null, version: 'probe' },
});
const headers = { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.60' };
const login = await app.request('http://localhost/api/auth/login', {
  method: 'POST',
  headers,
  body: JSON.stringify({ email: 'li@jhxx.demo', password: DEMO_PASSWORD }),
});
const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
const day = new Date(Date.now() + 21 * 86400_000);
while (day.getUTCDay() !== 3) day.setUTCDate(day.getUTCDate() + 1);
const date = day.toISOString().slice(0, 10);
const began = Date.now();
let acked = 0;
for (let i = 0; i < BOOKINGS; i++) {
  const start = 8 * 60 + i * 30;
  const at = (m: number) =>
    `${date}T${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00+08:00`;
  const res = await app.request('http://localhost/api/bookings', {
    method: 'POST',
    headers: { ...headers, cookie },
    body: JSON.stringify({
      facilityId: ids.facilities.chemLab,
      startsAt: at(start),
      endsAt: at(start + 30),
      purpose: '耐久',
    }),
  });
  if (res.status === 201) acked++;
}
const ended = Date.now();
const form = new FormData();
form.set(
  'meta',
  JSON.stringify({ title: '耐久 课件', subject: 'math', grade: 3, kind: 'courseware', visibility: 'school' }),
);
form.set('file', new Blob([Buffer.from('%PDF-1.4\n'), Buffer.alloc(64 * 1024, 0x20)]), 'durable.pdf');
const uploadBegan = Date.now();
const upload = await app.request('http://localhost/api/resources', {
  method: 'POST',
  headers: { 'x-forwarded-for': '203.0.113.60', cookie },
  body: form,
});
const uploadEnded = Date.now();
await database.close();
rmSync(dir, { recursive: true, force: true });
console.log(
  JSON.stringify({
    began,
    ended,
    acked,
    durable: database.durable,
    upload: { began: uploadBegan, ended: uploadEnded, status: upload.status },
  }),
);
