// What a fuzz run saw, and how it reads: the contract's checks of each answer, the failures (each with the exact
// request, so that a developer can send it again), the status histogram and the memory readings.
import { errorStatus } from '../../../shared/errors';
import { errorBody } from '../../../shared/schemas/common';
import type { Reply } from '../harness';
import type { Mutation } from './hostile';
import type { FuzzRequest } from './request';
import type { Operation } from './spec';

export interface Failure {
  problems: string[];
  role: string;
  email?: string;
  operation: string;
  mutation: string;
  request: FuzzRequest;
  status: number;
  answer: string;
  /** fast-check's run (its `path`) and the case's place in that run's batch. */
  run: number;
  index: number;
}

export interface FuzzReport {
  seed: number;
  /** Requests per fast-check run. */
  batch: number;
  sent: number;
  ms: number;
  /** CPU time of this process (the app, its database when embedded, and the fuzzer), in ms. */
  cpuMs: number;
  failures: Failure[];
  statuses: Map<number, number>;
  /** `400 validation_failed` → count. */
  codes: Map<string, number>;
  /** Operations that answered 2xx at least once, with how often. */
  succeeded: Map<string, number>;
  operations: number;
  /** Operations that never answered 2xx. */
  neverSucceeded: string[];
  /** How each operation answered its valid (unmutated) requests: `400 validation_failed: …message` → count. */
  validAnswers: Map<string, Map<string, number>>;
  /** Milliseconds spent answering each operation, how many requests it had, and its slowest answer. */
  timeByOperation: Map<string, { ms: number; n: number; max: number }>;
  /** process.memoryUsage() in MB after `heapAfter` requests and at the end, each after a full collection. */
  memory: { heapAt: number; heapEnd: number; rssAt: number; rssEnd: number };
}

/** A report with nothing in it yet. */
export function emptyReport(seed: number, batch: number, operations: number): FuzzReport {
  return {
    seed,
    batch,
    sent: 0,
    ms: 0,
    cpuMs: 0,
    failures: [],
    statuses: new Map(),
    codes: new Map(),
    succeeded: new Map(),
    operations,
    neverSucceeded: [],
    validAnswers: new Map(),
    timeByOperation: new Map(),
    memory: { heapAt: 0, heapEnd: 0, rssAt: 0, rssEnd: 0 },
  };
}

const SNAKE_CASE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;
const HANG_MS = 10_000;

/** Under /api once the URL is resolved: `/api/me/%2e%2e/%2e%2e` is the web app's `/`, where errors may be pages. */
const isApiPath = (path: string) => /^\/api(\/|$)/.test(new URL(path, 'http://localhost').pathname);

/** What is wrong with an answer to a request for `path`, by the contract; nothing for a good one. */
export function problemsWith(op: Operation, path: string, reply: Reply, ms: number): string[] {
  const out: string[] = [];
  const { status } = reply;
  if (status >= 500 && !(status === 503 && op.documented.has(503))) out.push(`answered ${status}`);
  if ((status >= 400 || (status >= 300 && status !== 304)) && isApiPath(path)) {
    const type = reply.headers.get('content-type') ?? '';
    if (!type.startsWith('application/json')) out.push(`an error answer of type "${type}", not JSON`);
    const parsed = errorBody.safeParse(reply.body);
    if (!parsed.success) out.push('an error answer not in the shape {"error": {"code", "message", "details"?}}');
    else {
      const { code } = parsed.data.error;
      if (!SNAKE_CASE.test(code)) out.push(`error code "${code}" is not snake_case`);
      if (!Object.hasOwn(errorStatus, code)) out.push(`error code "${code}" is not one of shared/errors.ts`);
      else if (errorStatus[code as keyof typeof errorStatus] !== status)
        out.push(`error code "${code}" means ${errorStatus[code as keyof typeof errorStatus]}, answered ${status}`);
    }
  } else if (status < 300 && /^application\/json/.test(reply.headers.get('content-type') ?? '')) {
    if (typeof reply.body === 'string') out.push('a success answer said JSON and is not');
  }
  if (ms > HANG_MS) out.push(`took ${Math.round(ms)} ms`);
  return out;
}

export function describeMutation(m: Mutation): string {
  switch (m.kind) {
    case 'set':
      return `${m.spot.in} ${m.spot.keys.join('.')} set to ${m.why}`;
    case 'drop':
      return `${m.spot.in} ${m.spot.keys.join('.')} left out`;
    case 'extra':
      return `extra ${m.spot.in} field ${JSON.stringify(m.key)}`;
    case 'rawBody':
    case 'rawQuery':
      return `${m.kind}: ${m.why}`;
    case 'contentType':
      return `content-type ${m.type ?? '(none)'}`;
    case 'rawPath':
      return `path spelled ${m.template}`;
    case 'method':
      return `method ${m.method}`;
    case 'header':
      return `header ${m.name}: ${m.value.slice(0, 60)}`;
    case 'multipart':
    case 'csv':
      return `${m.kind}: ${m.how}`;
    default:
      return m.kind === 'none' ? 'valid' : m.kind;
  }
}

const shown = (body: FuzzRequest['body']) => {
  if (body === undefined) return '(none)';
  if (typeof body !== 'string') return `base64:${Buffer.from(body).toString('base64')}`;
  return body.length > 3000 ? `${JSON.stringify(body.slice(0, 3000))} … (${body.length} chars)` : JSON.stringify(body);
};

/** A failure as a developer needs it: the request exactly as sent, who sent it, the answer, and the seed. */
export function formatFailure(f: Failure, r: Pick<FuzzReport, 'seed' | 'batch'>): string {
  const headers = Object.entries(f.request.headers).map(
    ([k, v]) => `    ${k}: ${v.length > 300 ? `${v.slice(0, 300)}…` : v}`,
  );
  return [
    `✗ ${f.problems.join('; ')}`,
    `  ${f.request.method} ${f.request.path.length > 600 ? `${f.request.path.slice(0, 600)}…` : f.request.path}`,
    `  as ${f.role}${f.email ? ` (${f.email})` : ''}; operation ${f.operation}; ${f.mutation}`,
    ...(headers.length ? ['  headers:', ...headers] : []),
    `  body: ${shown(f.request.body)}`,
    `  answer: ${f.status} ${f.answer.slice(0, 1000)}`,
    `  seed ${r.seed}, path "${f.run}", request ${f.index} of its batch of ${r.batch}: ` +
      `FUZZ_SEED=${r.seed} FUZZ_PATH=${f.run} npm run bench:fuzz sends that batch again (on a fresh database)`,
  ].join('\n');
}

/** One failure of each kind (its operation and what was wrong), most frequent first, with how many there were. */
export function distinctFailures(failures: Failure[]): { failure: Failure; count: number }[] {
  const kinds = new Map<string, { failure: Failure; count: number }>();
  for (const f of failures) {
    const key = `${f.operation} ${f.problems.map((p) => p.replace(/\d+ ms/, '')).join()}`;
    const kind = kinds.get(key);
    if (kind) kind.count++;
    else kinds.set(key, { failure: f, count: 1 });
  }
  return [...kinds.values()].sort((a, b) => b.count - a.count);
}

/** What the run found wrong, one failure of each kind, for a test's message or the bench's output. */
export function formatFailures(r: FuzzReport, most = 20): string {
  const kinds = distinctFailures(r.failures);
  const shownKinds = kinds.slice(0, most).map(({ failure, count }) => `${count}× ${formatFailure(failure, r)}`);
  const more = kinds.length > most ? [`… and ${kinds.length - most} more kinds`] : [];
  return [`${r.failures.length} bad answers, ${kinds.length} kinds:`, ...shownKinds, ...more].join('\n\n');
}

/** A short summary: requests per second, the status histogram, the most frequent error codes. */
export function formatSummary(r: FuzzReport): string {
  const statuses = [...r.statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}: ${n}`);
  const codes = [...r.codes].sort((a, b) => b[1] - a[1]).slice(0, 12);
  const slowest = [...r.timeByOperation]
    .sort((a, b) => b[1].ms - a[1].ms)
    .slice(0, 6)
    .map(([op, t]) => `${op} ${Math.round(t.ms)} ms / ${t.n}`);
  const never = r.neverSucceeded.length > 15 ? `${r.neverSucceeded.length} operations` : r.neverSucceeded.join(', ');
  const [slowOp, slow] = [...r.timeByOperation].sort((a, b) => b[1].max - a[1].max)[0] ?? ['none', { max: 0 }];
  return [
    `seed ${r.seed}: ${r.sent} requests in ${(r.ms / 1000).toFixed(1)} s (${Math.round(r.sent / (r.ms / 1000))}/s), ` +
      `CPU ${(r.cpuMs / 1000).toFixed(1)} s`,
    `statuses: ${statuses.join(', ')}`,
    `errors: ${codes.map(([c, n]) => `${c} ×${n}`).join(', ')}`,
    `operations answering 2xx at least once: ${r.succeeded.size} of ${r.operations} (never: ${never || 'none'})`,
    `slowest operations (total, with ${r.batch} requests in flight): ${slowest.join(', ')}; ` +
      `slowest answer ${Math.round(slow.max)} ms (${slowOp})`,
    `heap ${r.memory.heapAt} MB → ${r.memory.heapEnd} MB, RSS ${r.memory.rssAt} MB → ${r.memory.rssEnd} MB`,
    `failures: ${r.failures.length}`,
  ].join('\n');
}
