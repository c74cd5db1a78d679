// The generated-request fuzzer of test/server/fuzz.test.ts (test/support/fuzz/), longer and with a new seed each
// time (printed: FUZZ_SEED repeats a run, FUZZ_PATH one batch of it). On PGlite, or on PostgreSQL with
// DATABASE_URL. Run: npm run bench:fuzz — FUZZ_REQUESTS (100,000) and FUZZ_MINUTES (no limit) bound the run;
// FUZZ_EXPLAIN=1 also says why the valid requests of the operations that never succeeded were refused.
import { formatFailures, formatSummary } from '../test/support/fuzz/report';
import { fuzz, optionsFromEnv } from '../test/support/fuzz/run';
import { openHarness } from '../test/support/harness';

const options = {
  ...optionsFromEnv({ seed: Math.floor(Math.random() * 2 ** 31), requests: 100_000 }),
  // One batch of the seed again, as a failure names it.
  ...(process.env.FUZZ_PATH ? { path: process.env.FUZZ_PATH } : {}),
};
const minutes = Number(process.env.FUZZ_MINUTES ?? 0);
const what = options.path
  ? `the batch at path ${options.path}`
  : `up to ${options.requests} requests${minutes ? ` or ${minutes} min` : ''}`;
console.log(
  `fuzz: seed ${options.seed}, ${what}, on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'} ` +
    `(FUZZ_SEED=${options.seed} sends them again)`,
);

const h = await openHarness();
try {
  let printed = 0;
  const report = await fuzz(h, {
    ...options,
    ...(minutes ? { timeLimitMs: minutes * 60_000 } : {}),
    progress: (sent, failures) => {
      if (sent - printed < 5000) return;
      printed = sent;
      const heap = Math.round(process.memoryUsage().heapUsed / 1024 / 1024);
      console.log(`  ${sent} requests, ${failures} bad answers so far, heap ${heap} MB`);
    },
  });
  const health = await h.anon.get('/api/health');
  console.log(formatSummary(report));
  console.log(`health afterwards: ${health.status} ${health.text}`);
  if (process.env.FUZZ_EXPLAIN) {
    // Why valid requests of the operations that never succeeded were refused: where the generator needs help.
    for (const op of report.neverSucceeded) {
      const answers = [...(report.validAnswers.get(op) ?? [])].sort((a, b) => b[1] - a[1]).slice(0, 6);
      console.log(`${op}:\n${answers.map(([a, n]) => `    ${n}× ${a.slice(0, 160)}`).join('\n')}`);
    }
  }
  if (report.failures.length) console.log(`\n${formatFailures(report, 50)}`);
  process.exitCode = report.failures.length || health.status !== 200 ? 1 : 0;
} finally {
  await h.dispose();
}
