// The generated-request fuzzer over openapi.json, shared by test/server/fuzz.test.ts (a fixed seed, 10,000
// requests) and bench/fuzz.bench.ts (a random seed, a longer run). Seven callers (callers.ts) send requests built
// from each operation's schemas, valid first and then with one thing wrong (hostile.ts). Every answer is checked
// against the contract (report.ts): below 500 (but a 503 the operation documents), and every error in the error
// shape with a snake_case code of the contract and that code's status.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { DEMO_PASSWORD } from '../../../server/db/seed';
import type { Harness, OpenApiDoc } from '../harness';
import { CALLERS, type Caller, openCallers, renew } from './callers';
import { applyToDraft, type Draft, type Mutation, mutationArb } from './hostile';
import { Pools, resolveRefs } from './pools';
import { describeMutation, emptyReport, type FuzzReport, problemsWith } from './report';
import { draftArb, encode } from './request';
import { type Operation, operationsOf } from './spec';

/** One generated request: who sends it, to which operation, its valid draft and the one thing wrong with it. */
export interface Case {
  caller: number;
  /** The operation's name (`POST /api/bookings`): fast-check prints it rather than its schemas. */
  op: string;
  draft: Draft;
  mutation: Mutation;
}

export interface FuzzOptions {
  seed: number;
  /** How many requests at most. */
  requests: number;
  /** Requests generated per fast-check run and sent at once (16). */
  batch?: number;
  /** Stop after this long (bench). */
  timeLimitMs?: number;
  /** Called after each run with the requests sent and the bad answers seen so far. */
  progress?: (sent: number, failures: number) => void;
  /** When to take the first heap reading (2,000 requests). */
  heapAfter?: number;
  /** fast-check's path of one run: only that run's batch is sent again (a failure's `path`). */
  path?: string;
}

/**
 * A full garbage collection before a heap reading, so that it counts what is kept rather than what is not yet
 * collected: V8's own `gc`, reached without --expose-gc the way Jest's leak detection reaches it.
 */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((ok) => {
    timer = setTimeout(() => ok('timeout'), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/** The options a run takes from the environment, over the caller's defaults: FUZZ_SEED, FUZZ_REQUESTS, FUZZ_BATCH. */
export function optionsFromEnv(defaults: { seed: number; requests: number }): FuzzOptions {
  const env = process.env;
  return {
    seed: env.FUZZ_SEED ? Number(env.FUZZ_SEED) : defaults.seed,
    requests: env.FUZZ_REQUESTS ? Number(env.FUZZ_REQUESTS) : defaults.requests,
    ...(env.FUZZ_BATCH ? { batch: Number(env.FUZZ_BATCH) } : {}),
  };
}

/** The operations of the app's openapi.json. */
export async function operationsOfApp(h: Harness): Promise<Operation[]> {
  const doc = (await h.anon.raw('GET', '/api/openapi.json')).body as OpenApiDoc;
  return operationsOf(doc);
}

/**
 * Operations drawn a third as often as the others: each of their requests may hash a password on purpose
 * (scrypt, ~0.1 s of CPU), and at the same share they would cost the run more time than all the rest.
 */
const HASHING = new Set(['POST /api/auth/login', 'POST /api/me/password', 'POST /api/invitations/{token}/accept']);

/** The arbitrary of one case: a caller, an operation, a valid draft and a mutation of it. */
export function caseArb(ops: Map<string, Operation>): fc.Arbitrary<Case> {
  const drafts = new Map([...ops].map(([name, op]) => [name, draftArb(op)]));
  const opArb = fc.oneof(
    ...[...ops.keys()].map((name) => ({ weight: HASHING.has(name) ? 1 : 3, arbitrary: fc.constant(name) })),
  );
  return fc
    .record({ caller: fc.nat(CALLERS.length - 1), op: opArb })
    .chain(({ caller, op }) =>
      (drafts.get(op) as fc.Arbitrary<Draft>).chain((draft) =>
        mutationArb(ops.get(op) as Operation, draft).map((mutation): Case => ({ caller, op, draft, mutation })),
      ),
    );
}

/** Runs the fuzzer against the harness's app and reports what it saw; it never throws for a bad answer. */
export async function fuzz(h: Harness, opts: FuzzOptions): Promise<FuzzReport> {
  const batch = opts.batch ?? 16;
  const heapAfter = opts.heapAfter ?? 2000;
  const ops = new Map((await operationsOfApp(h)).map((op) => [op.name, op]));
  const passwords = new Map<string, string>();
  const callers = await openCallers(h);
  const pools = new Pools(
    h.deps.database.db,
    CALLERS.flatMap((c) => (c.email ? [c.email] : [])),
    Object.values(h.ids.facilities),
    callers.flatMap((c) => (c.userId ? [c.userId] : [])),
  );
  await pools.refresh();
  const report = emptyReport(opts.seed, batch, ops.size);
  const mb = (n: number) => Math.round(n / 1024 / 102.4) / 10;
  const count = <K>(map: Map<K, number>, key: K) => map.set(key, (map.get(key) ?? 0) + 1);
  let run = 0;

  const send = async (c: Case, index: number, at: number) => {
    const caller = callers[c.caller] as Caller;
    const op = ops.get(c.op) as Operation;
    const client = caller.client;
    const password = passwords.get(caller.email ?? '') ?? DEMO_PASSWORD;
    const draft = resolveRefs(applyToDraft(c.draft, c.mutation), (ref) =>
      pools.resolve(ref, { userId: caller.userId, password }),
    ) as Draft;
    const request = encode(op, draft, c.mutation);
    const started = performance.now();
    const reply = await withTimeout(client.raw(request.method, request.path, request.body, request.headers), 30_000);
    const ms = performance.now() - started;
    const spent = report.timeByOperation.get(c.op) ?? { ms: 0, n: 0, max: 0 };
    report.timeByOperation.set(c.op, { ms: spent.ms + ms, n: spent.n + 1, max: Math.max(spent.max, ms) });
    const record = (problems: string[], status: number, answer: string) =>
      report.failures.push({
        problems,
        role: caller.role,
        email: caller.email,
        operation: c.op,
        mutation: describeMutation(c.mutation),
        request: { ...request, headers: { ...request.headers } },
        status,
        answer,
        run: at,
        index,
      });
    if (reply === 'timeout') {
      record([`no answer within 30 s`], 0, '');
      return;
    }
    count(report.statuses, reply.status);
    const code = (reply.body as { error?: { code?: unknown } } | null)?.error?.code;
    if (reply.status >= 400)
      count(report.codes, `${reply.status} ${typeof code === 'string' ? code : '(not an API error)'}`);
    if (c.mutation.kind === 'none') {
      const answers = report.validAnswers.get(c.op) ?? new Map<string, number>();
      const message = (reply.body as { error?: { message?: unknown } } | null)?.error?.message;
      count(answers, reply.status < 300 ? String(reply.status) : `${reply.status} ${String(code)}: ${String(message)}`);
      report.validAnswers.set(c.op, answers);
    }
    const problems = problemsWith(op, request.path, reply, ms);
    if (problems.length) record(problems, reply.status, reply.text.slice(0, 2000));
    if (reply.status < 300) {
      count(report.succeeded, c.op);
      pools.harvest(reply.body);
      const sent = draft.body as { newPassword?: unknown } | undefined;
      if (c.op === 'POST /api/me/password' && caller.email && typeof sent?.newPassword === 'string')
        passwords.set(caller.email, sent.newPassword);
    }
    if (reply.status === 401 && code === 'unauthenticated' && caller.kind !== 'anonymous')
      await renew(h, caller, client);
  };

  const started = performance.now();
  const cpu = process.cpuUsage();
  const property = fc.asyncProperty(fc.array(caseArb(ops), { minLength: batch, maxLength: batch }), async (cases) => {
    const at = opts.path ? Number(opts.path) : run++;
    const room = opts.requests - report.sent;
    if (room <= 0) return;
    const chosen = cases.slice(0, room);
    await Promise.all(chosen.map((c, i) => send(c, i, at)));
    const before = report.sent;
    report.sent += chosen.length;
    if (before < heapAfter && report.sent >= heapAfter) {
      collectGarbage();
      const m = process.memoryUsage();
      report.memory.heapAt = mb(m.heapUsed);
      report.memory.rssAt = mb(m.rss);
    }
    if (Math.floor(report.sent / 400) > Math.floor(before / 400)) await pools.refresh();
    opts.progress?.(report.sent, report.failures.length);
  });
  await fc.assert(property, {
    seed: opts.seed,
    numRuns: opts.path ? 1 : Math.ceil(opts.requests / batch),
    endOnFailure: true,
    ...(opts.path ? { path: opts.path } : {}),
    ...(opts.timeLimitMs ? { interruptAfterTimeLimit: opts.timeLimitMs, markInterruptAsFailure: false } : {}),
  });
  report.ms = performance.now() - started;
  report.neverSucceeded = [...ops.keys()].filter((name) => !report.succeeded.has(name));
  const used = process.cpuUsage(cpu);
  report.cpuMs = (used.user + used.system) / 1000;
  collectGarbage();
  const m = process.memoryUsage();
  report.memory.heapEnd = mb(m.heapUsed);
  report.memory.rssEnd = mb(m.rss);
  return report;
}
