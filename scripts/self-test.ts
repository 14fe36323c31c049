/**
 * `npm test`: the project's own tests, in order — type-check, lint, format, then every
 * self-test (node:test): unit tests, the reference target against its contract, fault
 * switches, and the canaries that run the real QA pipeline. Stops at the first failing step.
 * `npm run test:unit` (`--unit`): the same without the self-tests that need Chromium, k6 or a
 * real store — on a machine with Node alone, no root.
 */
import { spawnSync } from 'node:child_process';
import { globSync } from 'node:fs';

/**
 * Self-tests that run the real tools (Chromium, k6, Lighthouse, a real OpenCart): `npm test` runs
 * them; `npm run test:unit` (`--unit`, set up with Node and the npm packages only) leaves them out.
 */
const NEEDS_TOOLS = [
  'self-tests/canaries/**/*.test.ts',
  'self-tests/real-store/**/*.test.ts',
  'self-tests/mutants/bench-mutants.test.ts',
  'self-tests/perf/run-k6.test.ts',
];

const args = process.argv.slice(2);
const unit = args.includes('--unit');
const only = args.filter((a) => a !== '--unit');
const withTools = new Set(NEEDS_TOOLS.flatMap((g) => globSync(g)));
const stale = NEEDS_TOOLS.filter((g) => globSync(g).length === 0);
if (stale.length) {
  console.error(`scripts/self-test.ts: NEEDS_TOOLS names files that do not exist: ${stale.join(', ')}. Fix the list.`);
  process.exit(2);
}
const selfTests = globSync('self-tests/**/*.test.ts')
  .filter((f) => !unit || !withTools.has(f))
  .sort();

const steps: { name: string; cmd: string; args: string[] }[] = [
  { name: 'type-check', cmd: 'tsc', args: ['--noEmit', '-p', 'tsconfig.json'] },
  { name: 'lint', cmd: 'eslint', args: ['--max-warnings', '0', '.'] },
  // one layout for every file (Prettier, pinned; .prettierrc.json): `npm run format` writes it
  { name: 'format', cmd: 'prettier', args: ['--check', '--log-level', 'warn', '.'] },
  {
    name: 'self-tests',
    cmd: process.execPath,
    args: ['--test', '--test-concurrency=1', '--test-reporter=spec', ...selfTests],
  },
];

if (unit)
  console.log(
    `[test] unit only: ${selfTests.length} self-test files; left out, as they run the real tools: ${NEEDS_TOOLS.join(', ')}`,
  );
for (const step of steps) {
  if (only.length && !only.includes(step.name)) continue;
  const started = performance.now();
  console.log(`\n▶ ${step.name}`);
  const r = spawnSync(step.cmd, step.args, { stdio: 'inherit' });
  const secs = ((performance.now() - started) / 1000).toFixed(1);
  if (r.status !== 0) {
    console.error(
      `\n✖ ${step.name} failed after ${secs} s (exit ${r.status ?? r.signal}). Fix the errors above and re-run \`npm test\`.`,
    );
    process.exit(1);
  }
  console.log(`✔ ${step.name} (${secs} s)`);
}
