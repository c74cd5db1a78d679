// From an operation to the bytes of a request: a valid draft (parameters and body from the schemas), one mutation
// applied, the Refs resolved, then the path, query string, headers and body exactly as they go on the wire.
import fc from 'fast-check';
import { type CsvDraft, type Draft, isPlainObject, type MultipartDraft, type Mutation } from './hostile';
import { validArb } from './schema';
import type { Operation } from './spec';

/** A request as sent: what a failure prints, and what reproduces it. */
export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

const PDF = '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n';
// A 1×1 PNG; random bytes after its end keep each upload's hash new (a second identical upload is a 409).
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const EXE = Buffer.from('4d5a90000300000004000000ffff0000b800000000000000400000000000000000000000', 'hex');

const fileArb = (kind: 'document' | 'image') =>
  fc
    .record({
      stem: fc.constantFrom('课件', 'lesson-plan', '分数的初步认识', 'photo', '体育馆'),
      pdf: kind === 'document' ? fc.boolean() : fc.constant(false),
      noise: fc.uint8Array({ minLength: 16, maxLength: 64 }),
    })
    .map(({ stem, pdf, noise }) => ({
      name: `${stem}.${pdf ? 'pdf' : 'png'}`,
      bytes: Buffer.concat([pdf ? Buffer.from(PDF) : PNG, noise, pdf ? Buffer.from('\n%%EOF\n') : Buffer.alloc(0)]),
    }));

const webhookArb = fc.record({
  event: fc.constantFrom('room_started', 'room_finished', 'participant_joined', 'participant_left', 'egress_ended'),
  id: fc.uuid(),
  createdAt: fc.integer({ min: 0, max: 2 ** 31 }),
  room: fc.record({ name: fc.constantFrom('lesson-demo', 'x') }),
  participant: fc.record({ identity: fc.constantFrom('user:x', 'classroom:y'), sid: fc.string() }),
});

/** A valid draft of the operation's request. */
export function draftArb(op: Operation): fc.Arbitrary<Draft> {
  const body = op.body;
  let bodyArb: fc.Arbitrary<unknown> = fc.constant(undefined);
  if (body.kind === 'json') bodyArb = validArb(op, body.schema);
  else if (body.kind === 'csv')
    bodyArb = fc.array(validArb(op, body.row), { minLength: 1, maxLength: 3 }).map((rows): CsvDraft => ({ rows }));
  else if (body.kind === 'multipart')
    bodyArb = fc
      .record({ meta: body.meta ? validArb(op, body.meta) : fc.constant(undefined), file: fileArb(body.file) })
      .map(({ meta, file }): MultipartDraft => (meta === undefined ? { file } : { meta, file }));
  else if (body.kind === 'webhook') bodyArb = webhookArb;
  return fc.record({
    path: validArb(op, op.path) as fc.Arbitrary<Record<string, unknown>>,
    query: validArb(op, op.query) as fc.Arbitrary<Record<string, unknown>>,
    body: bodyArb,
  });
}

/** Percent-encoding that also writes unpaired surrogates (as the 3 bytes a lax encoder would emit). */
export function percent(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const pair = c >= 0xd800 && c <= 0xdbff && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    if (pair) {
      out += encodeURIComponent(s.slice(i, i + 2));
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      out += [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    } else out += encodeURIComponent(s[i] as string);
  }
  return out;
}

const scalar = (v: unknown): string =>
  typeof v === 'string' ? v : typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);

function queryString(query: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined) continue;
    if (v === null) parts.push(percent(k));
    else if (Array.isArray(v)) for (const x of v.length ? v : ['']) parts.push(`${percent(k)}=${percent(scalar(x))}`);
    else parts.push(`${percent(k)}=${percent(scalar(v))}`);
  }
  return parts.join('&');
}

const CSV_HEADER = ['name', 'email', 'role', 'school_code'];
const cell = (v: unknown) => {
  const s = v === undefined ? '' : scalar(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

function csvBody(draft: CsvDraft, m: Mutation): string | Uint8Array {
  const how = m.kind === 'csv' ? m.how : null;
  if (how === 'binary') return Uint8Array.from([0xff, 0xfe, 0x00, 0x41, 0xc3, 0x28, 0x0a, 0x80]);
  const sep = how === 'semicolons' ? ';' : ',';
  // A mutation may have put anything in place of the rows, or of a row: it becomes a cell.
  const rows = (Array.isArray(draft.rows) ? draft.rows : [draft.rows]).map((r) => {
    const row = isPlainObject(r) ? r : { name: r };
    return [row.name, row.email, row.role, row.schoolCode].map(cell).join(sep);
  });
  const lines = [
    ...(how === 'noHeader' ? [] : [CSV_HEADER.join(sep)]),
    ...(how === 'headerOnly' ? [] : how === 'manyRows' ? Array.from({ length: 3000 }, () => rows[0] ?? '') : rows),
    ...(how === 'openQuote' ? ['"never closed,a@b.c,teacher,JHZX'] : []),
  ];
  return `${how === 'bom' ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}

const BOUNDARY = 'fuzz-boundary-7MA4YWxkTrZu0gW';

function multipartBody(draft: MultipartDraft, m: Mutation): { bytes: Uint8Array; type: string } {
  const how = m.kind === 'multipart' ? m.how : null;
  const nl = how === 'lfOnly' ? '\n' : '\r\n';
  const parts: Buffer[] = [];
  const part = (headers: string[], content: Uint8Array | string) =>
    parts.push(Buffer.from(`--${BOUNDARY}${nl}${headers.join(nl)}${nl}${nl}`), Buffer.from(content), Buffer.from(nl));
  if (draft.meta !== undefined && how !== 'noMeta')
    part(
      ['Content-Disposition: form-data; name="meta"'],
      how === 'metaNotJson' ? '{"title": "never closed' : JSON.stringify(draft.meta),
    );
  const name = how === 'oddFileName' ? `../../${'名'.repeat(300)}\u0000.pdf";x="` : draft.file.name;
  const bytes = how === 'emptyFile' ? new Uint8Array() : how === 'exeFile' ? EXE : draft.file.bytes;
  const filePart = () =>
    part(
      [`Content-Disposition: form-data; name="file"; filename="${name}"`, 'Content-Type: application/octet-stream'],
      bytes,
    );
  if (how !== 'noFile') filePart();
  if (how === 'twoFiles') filePart();
  let body = Buffer.concat([...parts, Buffer.from(`--${BOUNDARY}--${nl}`)]);
  // Cut off in the middle of the file, before its closing boundary.
  if (how === 'cut') body = body.subarray(0, body.length - BOUNDARY.length - 12);
  const type =
    how === 'noBoundary'
      ? 'multipart/form-data'
      : `multipart/form-data; boundary=${how === 'wrongBoundary' ? 'not-the-boundary' : BOUNDARY}`;
  return { bytes: body, type };
}

/** The request on the wire for a resolved draft (Refs replaced) and the mutation that was applied to it. */
export function encode(op: Operation, draft: Draft, m: Mutation): FuzzRequest {
  const own = op.template.replace(/\{(\w+)\}/g, (_, k: string) =>
    draft.path[k] === undefined ? '' : percent(scalar(draft.path[k])),
  );
  const path = m.kind === 'rawPath' ? m.template.replace('{path}', own) : own;
  const query = [queryString(draft.query), m.kind === 'rawQuery' ? m.text : ''].filter(Boolean).join('&');
  const headers: Record<string, string> = {};
  let body: string | Uint8Array | undefined;
  const kind = op.body.kind;
  if (kind === 'json' && draft.body !== undefined) {
    body = JSON.stringify(draft.body);
    headers['content-type'] = 'application/json';
  } else if (kind === 'csv') {
    body = csvBody(draft.body as CsvDraft, m);
    headers['content-type'] = 'text/csv';
  } else if (kind === 'multipart') {
    const { bytes, type } = multipartBody(draft.body as MultipartDraft, m);
    body = bytes;
    headers['content-type'] = type;
  } else if (kind === 'webhook') {
    body = JSON.stringify(draft.body);
    headers['content-type'] = 'application/webhook+json';
    headers.authorization = 'eyJhbGciOiJIUzI1NiJ9.eyJzaGEyNTYiOiJ4In0.forged';
  }
  if (m.kind === 'noBody') body = undefined;
  if (m.kind === 'rawBody') {
    body = m.text;
    headers['content-type'] ??= 'application/json';
  }
  if (m.kind === 'contentType') {
    if (m.type === null) delete headers['content-type'];
    else headers['content-type'] = m.type;
  }
  if (m.kind === 'header') headers[m.name] = m.value;
  return {
    method: op.method,
    path: query ? `${path}?${query}` : path,
    headers,
    body: op.method === 'GET' ? undefined : body,
  };
}
