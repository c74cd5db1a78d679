// Library files in S3-compatible object storage, against a real S3 server (gofakes3) on loopback.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { S3Storage } from '../../server/modules/resources/s3-storage';
import { PART_BYTES, S3StreamingStorage } from '../../server/modules/resources/s3-streaming-storage';
import { Client, expectStatus, useHarness } from '../support/harness';
import { patternedPdf, s3Unavailable, sha256Hex, startS3 } from '../support/s3';

const unavailable = s3Unavailable();
const h = useHarness();

describe.skipIf(!!unavailable)('library files in S3-compatible storage', () => {
  let s3: Awaited<ReturnType<typeof startS3>>;
  let storage: S3Storage;
  beforeAll(async () => {
    s3 = await startS3();
    storage = new S3Storage({
      endpoint: s3.endpoint,
      bucket: 'tongzhou-test',
      region: 'us-east-1',
      accessKeyId: 'test',
      secretAccessKey: 'test-secret',
      tempDir: mkdtempSync(join(tmpdir(), 'tz-s3tmp-')),
    });
  });
  afterAll(() => s3?.stop());

  it('stores, measures, reads a range of and removes an object', async () => {
    const { key: temp, stream } = await storage.createTemp();
    await new Promise<void>((ok) => stream.end(Buffer.from('%PDF-1.4 hello object storage'), () => ok()));
    const key = await storage.promote(temp);
    expect(key).toMatch(/^files\/\d{4}-\d{2}\//);
    expect(await storage.size(key)).toBe(29);
    const part = await new Response(await storage.read(key, { start: 9, end: 13 })).text();
    expect(part).toBe('hello');
    await storage.remove(key);
    await expect(storage.size(key)).rejects.toThrow(/404/);
  });

  it('an upload through the API lands in the bucket and downloads with ranges', async () => {
    const app = createApp({ ...h.deps, storage, actorCache: undefined });
    const login = await new Client(app).post('/api/auth/login', { email: 'li@jhxx.demo', password: 'tongzhou-demo' });
    const li = new Client(app, { cookie: login.headers.get('set-cookie')!.split(';')[0]! });
    const form = new FormData();
    form.set(
      'meta',
      JSON.stringify({
        title: '对象存储里的教案',
        subject: 'math',
        grade: 3,
        kind: 'lesson_plan',
        visibility: 'school',
      }),
    );
    form.set(
      'file',
      new Blob([new TextEncoder().encode('%PDF-1.4\n% stored in S3\n%%EOF\n') as Uint8Array<ArrayBuffer>]),
      '对象存储.pdf',
    );
    const up = await li.raw('POST', '/api/resources', form);
    expectStatus(up, 201);
    const whole = await li.get(`/api/resources/${up.body.resource.id}/download`);
    expectStatus(whole, 200);
    expect(whole.text).toContain('stored in S3');
    const part = await li.get(`/api/resources/${up.body.resource.id}/download`, { range: 'bytes=0-3' });
    expectStatus(part, 206);
    expect(part.text).toBe('%PDF');
  });

  describe('streamed into the bucket as it arrives (the Workers door, which has no disk)', () => {
    let streaming: S3StreamingStorage;
    beforeAll(() => {
      streaming = new S3StreamingStorage({
        endpoint: s3.endpoint,
        bucket: 'tongzhou-test',
        region: 'us-east-1',
        accessKeyId: 'test',
        secretAccessKey: 'test-secret',
      });
    });
    /** Writes `bytes` in 64 KB chunks, as a request body arrives. */
    const write = (stream: NodeJS.WritableStream, bytes: Uint8Array) =>
      pipeline(Readable.from(chunksOf(bytes, 64 * 1024)), stream as NodeJS.WritableStream & Writable);
    function* chunksOf(bytes: Uint8Array, n: number) {
      for (let i = 0; i < bytes.length; i += n) yield Buffer.from(bytes.subarray(i, i + n));
    }

    it('a file of three parts (multipart) and a small one (one PUT) arrive whole at their final keys', async () => {
      for (const size of [2 * PART_BYTES + 12_345, 1000]) {
        const bytes = patternedPdf(size);
        const { key: temp, stream } = await streaming.createTemp();
        await write(stream, bytes);
        expect(await streaming.size(temp)).toBe(size);
        const key = await streaming.promote(temp);
        expect(key).toMatch(/^files\/\d{4}-\d{2}\//);
        await expect(streaming.size(temp)).rejects.toThrow(/404/);
        // Compared by hash: a 16 MB toEqual walks every index and exhausts the heap.
        const back = new Uint8Array(await new Response(await streaming.read(key)).arrayBuffer());
        expect([back.length, sha256Hex(back)]).toEqual([size, sha256Hex(bytes)]);
        if (size > PART_BYTES) {
          // Across the seam of the first two parts.
          const range = { start: PART_BYTES - 2, end: PART_BYTES + 1 };
          const part = new Uint8Array(await new Response(await streaming.read(key, range)).arrayBuffer());
          expect(part).toEqual(bytes.subarray(range.start, range.end + 1));
        }
        await streaming.remove(key);
      }
    });

    it('an upload stopped after its first part (refused, cut off) leaves nothing in the bucket', async () => {
      const { key: temp, stream } = await streaming.createTemp();
      const writable = stream as Writable;
      const bytes = patternedPdf(PART_BYTES + 100);
      await new Promise<void>((ok, fail) => writable.write(Buffer.from(bytes), (err) => (err ? fail(err) : ok())));
      const failed = new Promise<Error>((ok) => writable.once('error', ok));
      await new Promise<void>((ok) => {
        writable.once('close', () => ok());
        writable.destroy(new Error('the file is larger than allowed'));
      });
      expect((await failed).message).toBe('the file is larger than allowed');
      await expect(streaming.size(temp)).rejects.toThrow(/404/);
    });
  });
});
