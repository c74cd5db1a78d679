// One S3-compatible bucket (MinIO, Aliyun OSS, Cloudflare R2, …) through aws4fetch, a small signing client that runs
// on Node and Workers alike: objects by key, and the multipart uploads and server-side copies that let a Worker —
// which has no disk — stream an upload into the bucket (s3-streaming-storage.ts).
import { AwsClient } from 'aws4fetch';

export interface S3Options {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

/** Keys are ours: uuids under files/<month>/ (a video may keep its extension), or under tmp/ while uploading. */
const KEY = /^files\/[0-9]{4}-[0-9]{2}\/[0-9a-f-]{36}(\.(mp4|webm|ogg))?$|^tmp\/[0-9a-f-]{36}$/;

type Init = RequestInit & { headers?: Record<string, string> };

export class S3Bucket {
  private readonly aws: AwsClient;

  constructor(private readonly opts: S3Options) {
    this.aws = new AwsClient({
      accessKeyId: opts.accessKeyId,
      secretAccessKey: opts.secretAccessKey,
      service: 's3',
      region: opts.region,
    });
  }

  /** Path-style URLs work on every S3-compatible server. */
  private url(key: string, query = ''): string {
    if (!KEY.test(key)) throw new Error(`not a storage key: ${key}`);
    return `${this.opts.endpoint.replace(/\/$/, '')}/${encodeURIComponent(this.opts.bucket)}/${key}${query}`;
  }

  /** One request about `key`; any status but those in `ok` is an error naming it. */
  async call(key: string, init: Init, ok: number[] = [200], query = ''): Promise<Response> {
    const res = await this.aws.fetch(this.url(key, query), init);
    if (!ok.includes(res.status)) {
      const text = await res.text().catch(() => '');
      throw new Error(`object storage answered ${res.status} to ${init.method ?? 'GET'} ${key}: ${text.slice(0, 200)}`);
    }
    return res;
  }

  /** Streams `body` (its length known) into `key`, unsigned: TLS protects it on the way. */
  async put(key: string, body: BodyInit, size: number): Promise<void> {
    await this.call(key, {
      method: 'PUT',
      body,
      headers: { 'Content-Length': String(size), 'X-Amz-Content-Sha256': 'UNSIGNED-PAYLOAD' },
      duplex: 'half',
    } as Init);
  }

  async remove(key: string): Promise<void> {
    await this.call(key, { method: 'DELETE' }, [200, 204, 404]);
  }

  async size(key: string): Promise<number> {
    const res = await this.call(key, { method: 'HEAD' });
    return Number(res.headers.get('content-length') ?? 0);
  }

  async read(key: string, range?: { start: number; end: number }): Promise<ReadableStream<Uint8Array>> {
    const res = await this.call(
      key,
      { method: 'GET', headers: range ? { Range: `bytes=${range.start}-${range.end}` } : {} },
      [200, 206],
    );
    return res.body ?? new Blob([]).stream();
  }

  /** Copies `from` to `to` inside the bucket (no bytes pass through here; up to 5 GB). */
  async copy(from: string, to: string): Promise<void> {
    this.url(from); // refuses a source that is not one of our keys, as every other request does
    await this.call(to, {
      method: 'PUT',
      headers: { 'x-amz-copy-source': `/${encodeURIComponent(this.opts.bucket)}/${from}` },
    });
  }

  /** Starts a multipart upload of `key`; resolves with its id. */
  async startMultipart(key: string): Promise<string> {
    const xml = await (await this.call(key, { method: 'POST' }, [200], '?uploads')).text();
    const id = xml.match(/<UploadId>([^<]+)<\/UploadId>/)?.[1];
    if (!id) throw new Error(`object storage started no multipart upload of ${key}: ${xml.slice(0, 200)}`);
    return id;
  }

  /** Uploads part `n` (from 1; every part but the last at least 5 MB); resolves with its ETag. */
  async putPart(key: string, uploadId: string, n: number, bytes: Uint8Array): Promise<string> {
    const res = await this.call(
      key,
      {
        method: 'PUT',
        body: bytes as Uint8Array<ArrayBuffer>,
        headers: { 'Content-Length': String(bytes.length), 'X-Amz-Content-Sha256': 'UNSIGNED-PAYLOAD' },
      },
      [200],
      `?partNumber=${n}&uploadId=${encodeURIComponent(uploadId)}`,
    );
    const etag = res.headers.get('etag');
    if (!etag) throw new Error(`object storage gave part ${n} of ${key} no ETag`);
    return etag;
  }

  async completeMultipart(key: string, uploadId: string, etags: string[]): Promise<void> {
    const parts = etags.map((etag, i) => `<Part><PartNumber>${i + 1}</PartNumber><ETag>${etag}</ETag></Part>`);
    const res = await this.call(
      key,
      { method: 'POST', body: `<CompleteMultipartUpload>${parts.join('')}</CompleteMultipartUpload>` },
      [200],
      `?uploadId=${encodeURIComponent(uploadId)}`,
    );
    // S3 may answer 200 and still report an error in the body.
    const xml = await res.text();
    if (/<Error>/.test(xml)) throw new Error(`object storage did not complete ${key}: ${xml.slice(0, 200)}`);
  }

  async abortMultipart(key: string, uploadId: string): Promise<void> {
    await this.call(key, { method: 'DELETE' }, [200, 204, 404], `?uploadId=${encodeURIComponent(uploadId)}`);
  }
}
