// Where uploaded files live: a folder under DATA_DIR. Keys are generated here (never taken from a file
// name), and every path is resolved and checked to stay inside the folder. Files are written to tmp/ first
// and promoted once their database row exists; tmp/ is emptied at start-up. A file and its name are synced to the
// disk before the upload is answered.
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';

export interface Storage {
  /** A new temporary key and a write stream for it. */
  createTemp(): Promise<{ key: string; stream: NodeJS.WritableStream }>;
  /** Moves a temporary object to its final key; returns that key. */
  promote(tempKey: string): Promise<string>;
  remove(key: string): Promise<void>;
  size(key: string): Promise<number>;
  /** Bytes [start, end] inclusive, or the whole object. */
  read(key: string, range?: { start: number; end: number }): Promise<ReadableStream<Uint8Array>>;
}

/** A new final key: files/<year-month>/<uuid>. */
export const newFileKey = () => `files/${new Date().toISOString().slice(0, 7)}/${randomUUID()}`;

const KEY = /^(tmp|files)\/[0-9]{4}-[0-9]{2}\/[0-9a-f-]{36}(\.(mp4|webm|ogg))?$|^tmp\/[0-9a-f-]{36}$/;

async function syncDirectory(path: string) {
  const dir = await open(path, 'r');
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
}

export class LocalStorage implements Storage {
  readonly root: string;
  constructor(dir: string) {
    this.root = resolve(dir);
  }

  /** The absolute path of a key, refusing anything that is not one of ours or would leave the folder. */
  path(key: string): string {
    if (!KEY.test(key)) throw new Error(`not a storage key: ${key}`);
    const p = resolve(this.root, key);
    if (!p.startsWith(this.root + sep)) throw new Error(`outside storage: ${key}`);
    return p;
  }

  async createTemp() {
    const key = `tmp/${randomUUID()}`;
    await mkdir(dirname(this.path(key)), { recursive: true });
    // 1 MB buffers: fewer, larger writes for big uploads (videos). `flush`: the file is synced to the disk before
    // the stream finishes, so an upload answered 201 survives a power cut (as the database's commits do).
    return {
      key,
      stream: createWriteStream(this.path(key), { flags: 'wx', highWaterMark: 1 << 20, flush: true }),
    };
  }

  async promote(tempKey: string) {
    const key = newFileKey();
    await mkdir(dirname(this.path(key)), { recursive: true });
    await rename(this.path(tempKey), this.path(key));
    // The new name, and the month's folder if it was just made, are on the disk too.
    await syncDirectory(dirname(this.path(key)));
    await syncDirectory(dirname(dirname(this.path(key))));
    return key;
  }

  async remove(key: string) {
    await rm(this.path(key), { force: true });
  }

  async size(key: string) {
    return (await stat(this.path(key))).size;
  }

  async read(key: string, range?: { start: number; end: number }) {
    return Readable.toWeb(
      createReadStream(this.path(key), range ? { start: range.start, end: range.end } : {}),
    ) as ReadableStream<Uint8Array>;
  }

  /** Leftovers of uploads interrupted by a crash. */
  async clearTemp() {
    await rm(resolve(this.root, 'tmp'), { recursive: true, force: true });
  }
}
