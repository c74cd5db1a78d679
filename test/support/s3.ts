// A real S3-protocol server on loopback for the object-storage tests: gofakes3 (a Go S3 implementation),
// built by `.ci/run` into .cache/bin. Locally the tests skip with a message when it is missing; with CI set
// they fail instead.
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from './ports';

export const GOFAKES3 = process.env.GOFAKES3_PATH ?? resolve('.cache/bin/gofakes3');

export function s3Unavailable(): string | null {
  if (existsSync(GOFAKES3)) return null;
  const reason = `gofakes3 not found at ${GOFAKES3}: build it with "GOBIN=$PWD/.cache/bin go install github.com/johannesboyne/gofakes3/cmd/gofakes3@v1.2.0"`;
  if (process.env.CI) throw new Error(`${reason}. CI must run the object-storage tests.`);
  console.warn(`Skipping object-storage tests: ${reason}`);
  return reason;
}

/** Starts gofakes3 with buckets created on first use; resolves once it answers. */
export async function startS3(): Promise<{ endpoint: string; stop(): void }> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'tz-s3-'));
  const child: ChildProcess = spawn(
    GOFAKES3,
    ['-backend', 'fs', '-fs.path', dir, '-fs.create', '-autobucket', '-host', `127.0.0.1:${port}`],
    { stdio: 'ignore' },
  );
  const endpoint = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(endpoint, { signal: AbortSignal.timeout(500) });
      return { endpoint, stop: () => child.kill('SIGTERM') };
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  child.kill('SIGKILL');
  throw new Error('gofakes3 did not start');
}

/** `size` bytes of a PDF-looking file, different at every position so a misplaced part shows. */
export function patternedPdf(size: number): Uint8Array<ArrayBuffer> {
  const b = new Uint8Array(size);
  for (let i = 0; i < size; i++) b[i] = (i * 31 + (i >> 13)) & 0xff;
  b.set(new TextEncoder().encode('%PDF-1.4\n'));
  return b;
}

/** Large byte arrays are compared by hash: toEqual on megabytes walks every index and exhausts the heap. */
export const sha256Hex = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
