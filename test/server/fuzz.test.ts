// Issue 10: requests generated from openapi.json, as seven callers (the group leader, a school admin, a teacher, an
// assistant, 西岭's admin, a bearer token and nobody), each valid and then with one thing wrong. Nothing may answer
// 500 (but a 503 the operation documents: this app has no LiveKit), every error is in the contract's shape, and
// afterwards the server is healthy and its heap is what it was. A fixed seed, so that CI sends the same requests
// each time; bench/fuzz.bench.ts (npm run bench:fuzz) sends others. FUZZ_SEED and FUZZ_REQUESTS change them here.
import { describe, expect, it } from 'vitest';
import { formatFailures, formatSummary } from '../support/fuzz/report';
import { fuzz, optionsFromEnv } from '../support/fuzz/run';
import { expectStatus, useHarness } from '../support/harness';

const h = useHarness();
const options = optionsFromEnv({ seed: 20_260_710, requests: 10_000 });

describe('fuzz: generated requests from openapi.json', () => {
  it(`${options.requests} requests as seven callers: no 500, every error in the contract's shape`, async () => {
    const report = await fuzz(h, options);
    console.log(formatSummary(report));
    expect(report.failures.length, formatFailures(report)).toBe(0);
    expect(report.sent).toBe(options.requests);

    // The valid requests reached the handlers: most operations answered 2xx at least once.
    expect(report.succeeded.size, formatSummary(report)).toBeGreaterThanOrEqual(70);

    const health = await h.anon.get('/api/health');
    expectStatus(health, 200);
    expect(health.body.ok).toBe(true);
    // After a full collection the heap holds what it held after the first 2,000 requests, give or take.
    const { heapAt, heapEnd } = report.memory;
    expect(heapEnd - heapAt, `heap ${heapAt} MB → ${heapEnd} MB`).toBeLessThan(50);
  }, 300_000);
});
