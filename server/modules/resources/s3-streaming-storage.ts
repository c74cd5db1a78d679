// Object storage with no disk, for the Workers door: an upload streams into the bucket as it arrives — a multipart
// upload under tmp/, one part of 8 MB held in memory at a time (a file under one part goes up in one PUT) — so a
// Worker takes files far larger than its memory. Promoting copies the object to its final key inside the bucket and
// removes the temporary one; a refused or cut-off upload aborts its multipart upload, leaving nothing.
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { S3Bucket, type S3Options } from './s3-bucket';
import { newFileKey, type Storage } from './storage';

/** Bytes per part (S3 wants at least 5 MB for every part but the last). */
export const PART_BYTES = 8 * 1024 * 1024;

/** A write stream into `key`: parts go up as they fill; the end completes the upload, an error aborts it. */
class MultipartWriter extends Writable {
  private chunks: Uint8Array[] = [];
  private held = 0;
  private uploadId: string | undefined;
  private readonly etags: string[] = [];

  constructor(
    private readonly bucket: S3Bucket,
    private readonly key: string,
  ) {
    super();
  }

  /** What is held, as one part. */
  private take(): Uint8Array {
    const part = new Uint8Array(this.held);
    let at = 0;
    for (const c of this.chunks) {
      part.set(c, at);
      at += c.length;
    }
    this.chunks = [];
    this.held = 0;
    return part;
  }

  private async sendPart(): Promise<void> {
    this.uploadId ??= await this.bucket.startMultipart(this.key);
    this.etags.push(await this.bucket.putPart(this.key, this.uploadId, this.etags.length + 1, this.take()));
  }

  override _write(chunk: Uint8Array, _encoding: BufferEncoding, done: (err?: Error | null) => void): void {
    this.chunks.push(chunk);
    this.held += chunk.length;
    if (this.held < PART_BYTES) done();
    else this.sendPart().then(() => done(), done);
  }

  override _final(done: (err?: Error | null) => void): void {
    const finish = async () => {
      if (!this.uploadId) {
        const bytes = this.take();
        await this.bucket.put(this.key, bytes as Uint8Array<ArrayBuffer>, bytes.length);
        return;
      }
      if (this.held > 0) await this.sendPart();
      await this.bucket.completeMultipart(this.key, this.uploadId, this.etags);
    };
    finish().then(() => done(), done);
  }

  override _destroy(err: Error | null, done: (err?: Error | null) => void): void {
    this.chunks = [];
    if (!err || !this.uploadId) done(err);
    else
      this.bucket.abortMultipart(this.key, this.uploadId).then(
        () => done(err),
        () => done(err),
      );
  }
}

export class S3StreamingStorage implements Storage {
  private readonly bucket: S3Bucket;

  constructor(opts: S3Options) {
    this.bucket = new S3Bucket(opts);
  }

  async createTemp() {
    const key = `tmp/${randomUUID()}`;
    return { key, stream: new MultipartWriter(this.bucket, key) };
  }

  async promote(tempKey: string) {
    const key = newFileKey();
    await this.bucket.copy(tempKey, key);
    await this.bucket.remove(tempKey);
    return key;
  }

  remove(key: string) {
    return this.bucket.remove(key);
  }

  size(key: string) {
    return this.bucket.size(key);
  }

  read(key: string, range?: { start: number; end: number }) {
    return this.bucket.read(key, range);
  }
}
