// Issue 10: an answer that says a write succeeded means it is on disk, on the embedded database too. The probe
// books through the API under `strace -f -y -ttt -e trace=fsync,fdatasync`; every booking answered 201 must have
// been followed by a sync of PostgreSQL's write-ahead log before the next one began. An uploaded file, and its
// final name, are synced before the upload is answered.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const strace = ['/usr/bin/strace', '/bin/strace'].find((p) => existsSync(p));
const reason = strace ? null : 'strace not found (apt-get install -y strace)';
if (reason && process.env.CI) throw new Error(`CI must run the durability test: ${reason}`);
if (reason) console.warn(`skipping the durability test: ${reason}`);

describe.skipIf(!!reason)('durability: the embedded database syncs every acknowledged write', () => {
  it('each booking answered 201 is followed by an fsync of the WAL, and an upload by syncs of its file and folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tz-strace-'));
    const log = join(dir, 'strace.log');
    try {
      const run = spawnSync(
        strace ?? 'strace',
        ['-f', '-y', '-ttt', '-e', 'trace=fsync,fdatasync', '-o', log, 'npx', 'tsx', 'test/support/durable-probe.ts'],
        { encoding: 'utf8', timeout: 120_000 },
      );
      expect(run.status, run.stderr).toBe(0);
      const result = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as {
        began: number;
        ended: number;
        acked: number;
        durable: boolean;
        upload: { began: number; ended: number; status: number };
      };
      expect(result.durable).toBe(true);
      expect(result.acked).toBe(20);
      const lines = readFileSync(log, 'utf8').split('\n');
      const syncsOf = (path: RegExp, from: number, to: number) =>
        lines
          .filter((line) => new RegExp(`\\b(fsync|fdatasync)\\(\\d+<[^>]*${path.source}>\\) = 0`).test(line))
          .map((line) => Number(line.split(/\s+/)[1]) * 1000)
          .filter((t) => t >= from && t <= to);
      expect(syncsOf(/pg_wal\/[0-9A-F]{24}/, result.began, result.ended).length).toBeGreaterThanOrEqual(result.acked);
      expect(result.upload.status).toBe(201);
      const { began, ended } = result.upload;
      expect(syncsOf(/\/files\/tmp\/[0-9a-f-]{36}/, began, ended), 'the uploaded file').not.toHaveLength(0);
      expect(syncsOf(/\/files\/files\/\d{4}-\d{2}/, began, ended), 'its folder, after the rename').not.toHaveLength(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 150_000);
});
