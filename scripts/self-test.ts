/**
 * `npm test`: the project's own tests, in order — type-check, lint, format, then every
 * self-test (node:test): unit tests, the reference target against its contract, fault
 * switches, and the canaries that run the real QA pipeline. Stops at the first failing step.
 */
import { spawnSync } from 'node:child_process';
import { globSync } from 'node:fs';

const steps: { name: string; cmd: string; args: string[] }[] = [
  { name: 'type-check', cmd: 'tsc', args: ['--noEmit', '-p', 'tsconfig.json'] },
  { name: 'lint', cmd: 'eslint', args: ['--max-warnings', '0', '.'] },
  // one layout for every file (Prettier, pinned; .prettierrc.json): `npm run format` writes it
  { name: 'format', cmd: 'prettier', args: ['--check', '--log-level', 'warn', '.'] },
  {
    name: 'self-tests',
    cmd: process.execPath,
    args: ['--test', '--test-concurrency=1', '--test-reporter=spec', ...globSync('self-tests/**/*.test.ts').sort()],
  },
];

const only = process.argv.slice(2);
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
