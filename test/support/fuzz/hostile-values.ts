// The hostile values and requests the mutations of hostile.ts draw from: other types, text a database or a parser
// may choke on, dates no calendar has, ids that are no UUIDs, forged cursors, wrong media types, malformed JSON,
// odd headers and query strings.
import fc from 'fast-check';

export const big = (n: number, unit = 'x') => unit.repeat(n);
/** Arrays nested `depth` deep. */
const nested = (depth: number): unknown => {
  let v: unknown = [];
  for (let i = 0; i < depth; i++) v = [v];
  return v;
};
const b64 = (s: string) => Buffer.from(s).toString('base64url');

/** Anything may be sent in place of anything: other types, and strings a database or a parser may choke on. */
export const anyValue = fc.constantFrom<unknown>(
  null,
  true,
  0,
  -1,
  1.5,
  1e308,
  -1e308,
  2 ** 53 + 2,
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udc00y',
  '\u202e\u0645\u0631\u062d\u0628\u0627',
  '😀👩‍👩‍👧‍👦',
  "'; DROP TABLE users; --",
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '%00',
  '\r\n\r\nX-Injected: 1',
  'NaN',
  'Infinity',
  '1e3',
  '0x10',
  [],
  {},
  [null],
  { $gt: '' },
  nested(200),
  big(1000, '字'),
  big(100_000),
);
export const oddTimes = [
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59+08:00',
  '1999-12-31T23:59:59Z',
  '2100-01-01T00:00:00Z',
  '2099-12-31T23:59:59-12:00',
  '2000-01-01T00:00:00+14:00',
  '2026-02-30T08:00:00+08:00',
  '2026-13-01T08:00:00+08:00',
  '2026-06-01T24:00:00+08:00',
  '2026-06-01T08:00:00+25:00',
  '2026-06-01T08:00:00',
  '2026-06-01T08:00:00.123456789+08:00',
  '+275760-09-13T00:00:00Z',
  '2026-06-01',
  '1717200000000',
];
export const oddDays = ['0000-01-01', '9999-12-31', '1999-12-31', '2100-01-01', '2026-02-30', '2026-00-10', '20260601'];
export const badIds = [
  'not-a-uuid',
  '0',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '{00000000-0000-4000-8000-000000000000}',
  '00000000-0000-4000-8000-00000000000g',
  '00000000000040008000000000000000',
  big(5000, 'a'),
];
export const forgedCursors = [
  '-1',
  '1.5',
  '1e308',
  '99999999999999999999',
  '9007199254740991',
  'NaN',
  '',
  '|',
  'a|b|c',
  '0000-01-01T00:00:00.000Z|00000000-0000-0000-0000-000000000000',
  '9999-12-31T23:59:59.999Z|x',
  "2026-06-01T00:00:00.000Z|'; DROP TABLE bookings; --",
  '\u0000',
]
  .map(b64)
  .concat(['%%%', big(300, 'A'), '!!!!', 'eyJvIjotMX0']);

export const EXTRA_KEYS = [
  'id',
  'status',
  'role',
  'schoolId',
  'userId',
  'approved',
  'isAdmin',
  '__proto__',
  'constructor',
  '',
];
export const CONTENT_TYPES = [
  null,
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'multipart/form-data; boundary=zzz',
  'application/json; charset=utf-16',
  'application/xml',
  'text/csv',
  'application/json, text/html',
];
export const MALFORMED_JSON: string[] = [
  '',
  '{',
  '{"a":}',
  '[]',
  'null',
  '"text"',
  '12',
  '\uFEFF{}',
  '{"a":1}{"b":2}',
  '{"a": 1e999999}',
  '{"__proto__": {"admin": true}}',
  '{"constructor": {"prototype": {"admin": true}}}',
  '['.repeat(100_000),
  '{"a":"\\ud800"}',
  '{"a":"\\u0000"}',
  `{"a":"${big(2 * 1024 * 1024)}"}`,
];
export const INVALID_UTF8 = Uint8Array.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x22, 0x7d]);
export const HEADERS: [string, string][] = [
  ['range', 'bytes=abc'],
  ['range', 'bytes=999999999999-'],
  ['range', 'bytes=5-1'],
  ['range', `bytes=${Array.from({ length: 200 }, (_, i) => `${i}-${i}`).join(',')}`],
  ['origin', 'https://evil.example'],
  ['sec-fetch-site', 'cross-site'],
  ['x-forwarded-for', 'not-an-address'],
  ['x-forwarded-for', '::ffff:1.2.3.4, 10.0.0.1, garbage'],
  ['x-forwarded-for', big(2000, '9')],
  ['x-request-id', big(300, 'r')],
  ['x-request-id', 'a b\tc'],
  ['accept-language', big(500, 'z')],
  ['authorization', 'Bearer '],
  ['authorization', `Bearer ${big(10_000, 'A')}`],
  ['authorization', 'Basic YWRtaW46YWRtaW4='],
  ['cookie', 'tz_session=forged; tz_session=again'],
  ['cookie', 'tz_session=%ZZ%E0%A4'],
  ['cookie', `tz_session=${big(8000, 'c')}`],
  ['authorization', 'Bearer %ZZ'],
  ['if-modified-since', 'yesterday'],
  ['if-range', 'W/"nonsense"'],
  ['x-forwarded-proto', 'javascript'],
  ['x-forwarded-host', 'evil.example'],
  ['if-none-match', '*'],
  ['content-length', '999999999'],
];
export const RAW_QUERIES: [string, string][] = [
  ['%ZZ=1', 'percent sign not followed by hex'],
  ['q=%E0%A4%A', 'truncated UTF-8 in a percent escape'],
  ['q=%ED%A0%80', 'a lone surrogate, CESU-encoded'],
  ['q=%C0%80', 'an overlong NUL'],
  ['limit=1&limit=2&limit=3', 'a repeated parameter'],
  ['cursor[]=a&cursor[]=b', 'array syntax'],
  ['scope[$ne]=mine', 'object syntax'],
  ['=&&=&', 'empty names'],
  [`q=${big(20_000)}`, 'a very long query string'],
  ['a=1&'.repeat(5000), 'five thousand parameters'],
];
export const RAW_PATHS = [
  '{path}/',
  '{path}//',
  '{path}/..',
  '{path}/%2e%2e/%2e%2e',
  '{path}%00',
  '{path};jsessionid=x',
  '{path}/%ff',
];
