// S3-compatible object storage on the Node door: an upload first lands in a local temporary file (its length and
// type are only known once it has been read; a refused one never reaches the bucket); promoting it streams the file
// to the bucket. The Workers door, which has no disk, streams into the bucket instead (s3-streaming-storage.ts).

import { S3Bucket, type S3Options } from './s3-bucket';
import { LocalStorage, newFileKey, type Storage } from './storage';

export class S3Storage implements Storage {
  private readonly bucket: S3Bucket;
  private readonly temp: LocalStorage;

  /** `tempDir`: where uploads wait before they are promoted. */
  constructor(opts: S3Options & { tempDir: string }) {
    this.bucket = new S3Bucket(opts);
    this.temp = new LocalStorage(opts.tempDir);
  }

  createTemp() {
    return this.temp.createTemp();
  }

  async promote(tempKey: string) {
    const key = newFileKey();
    await this.bucket.put(key, await this.temp.read(tempKey), await this.temp.size(tempKey));
    await this.temp.remove(tempKey);
    return key;
  }

  async remove(key: string) {
    return key.startsWith('tmp/') ? this.temp.remove(key) : this.bucket.remove(key);
  }

  async size(key: string) {
    return key.startsWith('tmp/') ? this.temp.size(key) : this.bucket.size(key);
  }

  async read(key: string, range?: { start: number; end: number }) {
    return this.bucket.read(key, range);
  }

  clearTemp() {
    return this.temp.clearTemp();
  }
}
