/**
 * `npm run bench:stability -- --runs N [--stress K] [--keep]`: runs the full `npm run qa` N times
 * on the clean reference target — nothing switched on, nothing changed between runs — optionally
 * with K busy processes beside it (one endless loop each, like the other jobs of a loaded CI box),
 * and prints one line per run (exit code, red conditions, flaky tests, duration) and a closing
 * `stability: R red of N runs`. A red run on a clean store is a false red: the figure to keep at 0.
 *
 * The runs share one reports folder (in the OS temp dir unless --keep puts it under reports/),
 * as a user's runs do: gate history and regression baselines build up across them. Writes
 * `reports/bench-stability.json`. Exit code 0 when every run was green, 1 otherwise.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../fixtures/settings.ts';
import { writeFileAtomic } from '../gate/atomic-write.ts';
import { formatBudgetTable } from '../runner/timings.ts';
import { runQaOnce, type QaOutcome } from './bench/qa-process.ts';

function usage(message: string): never {
  console.error(
    `bench:stability: ${message}\nusage: npm run bench:stability -- --runs N [--stress K] [--keep]   (N 1-100, K 0-16)`,
  );
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      runs: { type: 'string', default: '10' },
      stress: { type: 'string', default: '0' },
      keep: { type: 'boolean', default: false },
    },
  }));
} catch (err) {
  usage((err as Error).message);
}
const runs = Number(values.runs);
const stress = Number(values.stress);
if (!Number.isInteger(runs) || runs < 1 || runs > 100)
  usage(`--runs: expected a whole number from 1 to 100; found ${JSON.stringify(values.runs)}`);
if (!Number.isInteger(stress) || stress < 0 || stress > 16)
  usage(`--stress: expected a whole number of busy processes from 0 to 16; found ${JSON.stringify(values.stress)}`);

const reportsDir = values.keep
  ? resolve(PROJECT_ROOT, 'reports', `stability-${Date.now()}`)
  : mkdtempSync(join(tmpdir(), 'meschain-stability-'));
mkdirSync(reportsDir, { recursive: true });

// K busy processes: each spins one core until the benchmark ends
const burners: ChildProcess[] = [];
const stopBurners = () => {
  for (const b of burners) b.kill('SIGKILL');
};
process.on('exit', stopBurners);
process.on('SIGINT', () => {
  stopBurners();
  process.exit(130);
});
for (let i = 0; i < stress; i++) burners.push(spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));

const sec = (ms: number) => `${(ms / 1000).toFixed(0)} s`;
console.log(
  `stability: ${runs} full run(s) of npm run qa on the clean reference target, ${stress} busy process(es) beside it, ${cpus().length} cores; reports in ${reportsDir}`,
);
const outcomes: QaOutcome[] = [];
for (let i = 1; i <= runs; i++) {
  const o = await runQaOnce(reportsDir);
  outcomes.push(o);
  const red = o.exitCode !== 0;
  console.log(
    `run ${String(i).padStart(2)}/${runs}: exit ${o.exitCode}  ${red ? 'RED ' : 'green'}  red conditions: ${o.red.join(', ') || 'none'}  ` +
      `flaky tests: ${o.flaky.length ? o.flaky.join('; ') : 'none'}  duration ${sec(o.durationMs)}`,
  );
  if (o.failed.length) console.log(`        failed tests: ${o.failed.join('; ')}`);
  if (red)
    console.log(
      o.tail
        .split('\n')
        .map((l) => `        | ${l}`)
        .join('\n'),
    );
}
stopBurners();

const reds = outcomes.filter((o) => o.exitCode !== 0).length;
const durations = outcomes.map((o) => o.durationMs).sort((a, b) => a - b);
const median = durations[Math.floor(durations.length / 2)] ?? 0;
const summary = {
  at: new Date().toISOString(),
  runs,
  stress,
  cores: cpus().length,
  red: reds,
  medianDurationMs: Math.round(median),
  minDurationMs: Math.round(durations[0] ?? 0),
  maxDurationMs: Math.round(durations.at(-1) ?? 0),
  outcomes: outcomes.map((o) => ({
    exitCode: o.exitCode,
    durationMs: Math.round(o.durationMs),
    red: o.red,
    flaky: o.flaky,
    failed: o.failed,
  })),
};
mkdirSync(resolve(PROJECT_ROOT, 'reports'), { recursive: true });
writeFileAtomic(
  resolve(PROJECT_ROOT, 'reports', `bench-stability${stress ? `-stress${stress}` : ''}.json`),
  `${JSON.stringify(summary, null, 2)}\n`,
);
console.log(`durations: median ${sec(median)}, min ${sec(durations[0] ?? 0)}, max ${sec(durations.at(-1) ?? 0)}`);
// where the median run spent its time (the same table as `npm run bench:stages`)
const medianRun = [...outcomes].sort((a, b) => a.durationMs - b.durationMs)[Math.floor(outcomes.length / 2)];
if (medianRun?.budget) console.log(`\ntime budget of the median run:\n${formatBudgetTable(medianRun.budget)}\n`);
console.log(`stability: ${reds} red of ${runs} runs${stress ? ` (with ${stress} busy processes)` : ''}`);
process.exit(reds ? 1 : 0);
