// Receiving an upload without ever holding it in memory: busboy parses the multipart stream; the file part
// flows through a SHA-256 hash and a byte counter into a temporary file. Its first bytes decide its type
// (file-type), whatever the name says; a wrong type (415) or too many bytes (413) stop the upload at once
// and remove what was written.

import { createHash } from 'node:crypto';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import { fileTypeFromBuffer } from 'file-type';
import { problemDetails } from '../../../shared/problems';
import type { Deps } from '../../lib/context';
import { AppError } from '../../lib/errors';
import type { Storage } from './storage';

/** Types recognised by their bytes. Legacy Office files are OLE compound documents (x-cfb). */
const ALLOWED: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint',
  'application/x-cfb': 'Office',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/gif': 'GIF',
  'image/webp': 'WebP',
  'video/mp4': 'MP4',
  'video/webm': 'WebM',
  'audio/mpeg': 'MP3',
  'application/zip': 'ZIP',
};
/** The accepted kinds, by name, for the upload page. */
export const ACCEPTED_LABELS = ALLOWED;
const LEGACY_OFFICE: Record<string, string> = {
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
};
/** Enough bytes for file-type to recognise every allowed type. */
const SNIFF_BYTES = 4100;

export interface Received {
  meta: string | undefined;
  file: { tempKey: string; fileName: string; size: number; sha256: string; contentType: string };
}

/** The content type a file is served with: what its bytes are, refined by its name for legacy Office files. */
function servedType(mime: string, fileName: string): string {
  if (mime !== 'application/x-cfb') return mime;
  return LEGACY_OFFICE[fileName.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';
}

/** An upload's request: its headers, and its body as a web stream or, on Node, the connection's own stream. */
export interface UploadRequest {
  request: Request;
  nodeBody?: Readable;
}

/** The upload's request of a route's context, with the connection's own stream where the runtime has one. */
export function uploadRequestOf(c: { req: { raw: Request }; get(key: 'deps'): Deps }): UploadRequest {
  return { request: c.req.raw, nodeBody: c.get('deps').nodeBody?.(c) };
}

export async function receiveUpload(
  { request, nodeBody }: UploadRequest,
  storage: Storage,
  maxBytes: number,
  accept: (mime: string) => boolean = () => true,
): Promise<Received> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data/i.test(type))
    throw new AppError('unsupported_type', 'Send the file as multipart/form-data with a `meta` field and a `file`');
  const declared = Number(request.headers.get('content-length') ?? NaN);
  // A declared length far over the limit is refused before a byte is read (64 KB for the form's own parts).
  if (declared > maxBytes + 64 * 1024) throw tooLarge(maxBytes);
  const body =
    nodeBody ?? (request.body ? Readable.fromWeb(request.body as import('node:stream/web').ReadableStream) : undefined);
  if (!body) throw new AppError('validation_failed', 'The request has no body', fileProblem('file_missing'));

  const bb = parser(type, maxBytes);
  // Rejected when the file is refused: the answer need not wait for the request's stream to wind down.
  let refuse: (err: unknown) => void = () => {};
  const refused = new Promise<never>((_, fail) => {
    refuse = fail;
  });
  let meta: string | undefined;
  let filePromise: Promise<Received['file']> | undefined;
  bb.on('field', (name, value) => {
    if (name === 'meta') meta = value;
  });
  bb.on('file', (name, stream, info) => {
    // A body cut off mid-file makes this stream emit `error`, possibly while its temporary file is still being
    // opened; the pipelines report it, and this listener keeps such an early one from being unhandled (which
    // would stop the process).
    stream.on('error', () => {});
    if (name !== 'file' || filePromise) {
      stream.resume();
      return;
    }
    filePromise = storeFile(stream, info.filename, storage, maxBytes, accept);
    // A refused file (wrong type, too large) stops reading the request at once: nothing more is received, and the
    // answer does not wait for the request's stream to wind down (on Workers it never settles once cancelled).
    filePromise.catch((err) => {
      body.destroy(err);
      refuse(err);
    });
  });
  try {
    await Promise.race([pipeline(body, bb), refused]);
  } catch (err) {
    const fileError = await filePromise?.then(
      () => undefined,
      (e: unknown) => e,
    );
    const reason = fileError ?? err;
    throw reason instanceof AppError
      ? reason
      : new AppError('validation_failed', 'The upload was cut off or malformed', fileProblem('file_cut_off'));
  }
  if (!filePromise) throw new AppError('validation_failed', 'Attach the file as `file`', fileProblem('file_missing'));
  return { meta, file: await filePromise };
}

/** The details of an upload refused for its file part. */
const fileProblem = (code: 'file_missing' | 'file_empty' | 'file_cut_off') => problemDetails([{ field: 'file', code }]);

/** busboy for this request; a multipart type it cannot parse (no boundary) is bad input, not a crash. */
function parser(type: string, maxBytes: number) {
  try {
    // File names arrive as UTF-8 (browsers and fetch); busboy's default would read them as Latin-1.
    return busboy({
      headers: { 'content-type': type },
      defParamCharset: 'utf8',
      limits: { files: 1, fields: 10, fieldSize: 64 * 1024, fileSize: maxBytes },
    });
  } catch (err) {
    const why = err instanceof Error ? err.message : 'malformed multipart body';
    throw new AppError('validation_failed', `The multipart body cannot be read (is its boundary missing?): ${why}`, {
      ...fileProblem('file_cut_off'),
    });
  }
}

async function storeFile(
  stream: NodeJS.ReadableStream & { truncated?: boolean },
  rawName: string | undefined,
  storage: Storage,
  maxBytes: number,
  accept: (mime: string) => boolean,
): Promise<Received['file']> {
  const { key, stream: out } = await storage.createTemp();
  const hash = createHash('sha256');
  let size = 0;
  let head = Buffer.alloc(0);
  let mime: string | undefined;
  const check = new Transform({
    async transform(chunk: Buffer, _enc, done) {
      try {
        size += chunk.length;
        hash.update(chunk);
        if (mime === undefined) {
          head = Buffer.concat([head, chunk]);
          if (head.length >= SNIFF_BYTES) mime = await sniff(head, accept);
        }
        done(null, chunk);
      } catch (err) {
        done(err as Error);
      }
    },
    async flush(done) {
      try {
        if (mime === undefined) mime = await sniff(head, accept);
        done();
      } catch (err) {
        done(err as Error);
      }
    },
  });
  (stream as NodeJS.EventEmitter).on('limit', () => check.destroy(tooLarge(maxBytes)));
  try {
    await pipeline(stream, check, out);
    if (stream.truncated) throw tooLarge(maxBytes);
    if (size === 0) throw new AppError('validation_failed', 'The file is empty', fileProblem('file_empty'));
  } catch (err) {
    await storage.remove(key);
    throw err;
  }
  // flush() has judged the type of every file that got this far (or refused it).
  if (mime === undefined) throw new Error('a stored upload has no judged type');
  const fileName = safeName(rawName);
  return { tempKey: key, fileName, size, sha256: hash.digest('hex'), contentType: servedType(mime, fileName) };
}

async function sniff(head: Buffer, accept: (mime: string) => boolean): Promise<string> {
  const found = await fileTypeFromBuffer(head);
  if (!found || !ALLOWED[found.mime] || !accept(found.mime)) {
    throw new AppError(
      'unsupported_type',
      `This kind of file is not accepted${found ? ` (${found.mime})` : ''}: PDF, Office, images, MP4/WebM video, MP3 audio or ZIP courseware`,
      { detected: found?.mime ?? null },
    );
  }
  return found.mime;
}

const tooLarge = (max: number) =>
  new AppError('payload_too_large', `The file is larger than ${Math.round(max / 1024 / 1024)} MB`, { maxBytes: max });

/** The name as shown and offered on download: no path, no control characters, at most 200 characters. */
export function safeName(name: string | undefined): string {
  // Browsers escape " CR LF in multipart file names as %22 %0D %0A (WHATWG); those characters are dropped anyway.
  const base =
    (name ?? '')
      .replace(/%22|%0D|%0A/gi, '')
      .normalize('NFC')
      .split(/[\\/]/)
      .pop() ?? '';
  const clean = base
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '')
    .replace(/^\.+/, '')
    .trim();
  return [...clean].slice(-200).join('') || 'file';
}
