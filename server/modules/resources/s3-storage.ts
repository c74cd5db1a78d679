// S3-compatible object storage (MinIO, Aliyun OSS, Cloudflare R2, …) through aws4fetch, a small signing
// client that runs on Node and Workers alike. An upload first lands in a local temporary file (its length and
// type are only known once it has been read); promoting it streams the file to the bucket.

import { Readable } from 'node:stream';
import { AwsClient } from 'aws4fetch';
import { LocalStorage, newFileKey, type Storage } from './storage';

export interface S3Options {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Where uploads wait before they are promoted. */
  tempDir: string;
}

export class S3Storage implements Storage {
  private readonly aws: AwsClient;
  private readonly temp: LocalStorage;

  constructor(private readonly opts: S3Options) {
    this.aws = new AwsClient({
      accessKeyId: opts.accessKeyId,
      secretAccessKey: opts.secretAccessKey,
      service: 's3',
      region: opts.region,
    });
    this.temp = new LocalStorage(opts.tempDir);
  }

  /** Path-style URLs work on every S3-compatible server. Keys are ours: uuids under files/. */
  private url(key: string): string {
    if (!/^files\/[0-9]{4}-[0-9]{2}\/[0-9a-f-]{36}(\.(mp4|webm|ogg))?$/.test(key))
      throw new Error(`not a storage key: ${key}`);
    return `${this.opts.endpoint.replace(/\/$/, '')}/${encodeURIComponent(this.opts.bucket)}/${key}`;
  }

  private async call(key: string, init: RequestInit & { headers?: Record<string, string> }, ok: number[] = [200]) {
    const res = await this.aws.fetch(this.url(key), init);
    if (!ok.includes(res.status)) {
      const text = await res.text().catch(() => '');
      throw new Error(`object storage answered ${res.status} to ${init.method ?? 'GET'} ${key}: ${text.slice(0, 200)}`);
    }
    return res;
  }

  createTemp() {
    return this.temp.createTemp();
  }

  async promote(tempKey: string) {
    const key = newFileKey();
    const size = await this.temp.size(tempKey);
    await this.call(key, {
      method: 'PUT',
      body: await this.temp.read(tempKey),
      // Streamed, so the payload is not hashed into the signature (TLS protects it on the way).
      headers: { 'Content-Length': String(size), 'X-Amz-Content-Sha256': 'UNSIGNED-PAYLOAD' },
      duplex: 'half',
    } as RequestInit & { headers: Record<string, string> });
    await this.temp.remove(tempKey);
    return key;
  }

  async remove(key: string) {
    if (key.startsWith('tmp/')) return this.temp.remove(key);
    await this.call(key, { method: 'DELETE' }, [200, 204, 404]);
  }

  async size(key: string) {
    if (key.startsWith('tmp/')) return this.temp.size(key);
    const res = await this.call(key, { method: 'HEAD' });
    return Number(res.headers.get('content-length') ?? 0);
  }

  async read(key: string, range?: { start: number; end: number }) {
    const res = await this.call(
      key,
      { method: 'GET', headers: range ? { Range: `bytes=${range.start}-${range.end}` } : {} },
      [200, 206],
    );
    return (res.body ?? Readable.toWeb(Readable.from([]))) as ReadableStream<Uint8Array>;
  }

  clearTemp() {
    return this.temp.clearTemp();
  }
}
