import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { killAllNow, signIn, startServer, stopAll } from './lib';

process.on('exit', killAllNow);
const { base } = await startServer('/work/main', undefined, {
  DATA_DIR: mkdtempSync(join(tmpdir(), 'tz-me-')),
  SCHEDULED_JOBS: '0',
  NODE_OPTIONS: process.env.NODE_OPTS ?? '',
});
const { cookie } = await signIn(base, 'li@jhxx.demo');
const r = await autocannon({
  url: `${base}${process.env.P ?? '/api/me'}`,
  connections: 50,
  duration: 8,
  headers: { cookie },
});
console.log('req/s', r.requests.average, 'non2xx', r.non2xx);
await stopAll();
