/**
 * `npm run bench:stages -- [--runs N]`: where a full `npm run qa` spends its time. Runs it N times
 * (default 1) on the clean reference target in a fresh reports folder and prints, for the run with
 * the median total, every stage (target start, each Playwright project, k6, Lighthouse, adapters,
 * gate, masking, Allure) and the framework's own overhead as a share of the total, as a Markdown
 * table for the README. Writes `reports/bench-stages.json`. Figures, not assertions.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../fixtures/settings.ts';
import { writeFileAtomic } from '../gate/atomic-write.ts';
import { formatBudgetTable } from '../runner/timings.ts';
import { runQaOnce, type QaOutcome } from './bench/qa-process.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '1' } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1 || runs > 20) {
  console.error(`bench:stages: --runs: expected a whole number from 1 to 20; found ${JSON.stringify(values.runs)}`);
  process.exit(2);
}

const outcomes: QaOutcome[] = [];
for (let i = 1; i <= runs; i++) {
  const o = await runQaOnce(mkdtempSync(join(tmpdir(), 'meschain-stages-')));
  if (!o.budget) {
    console.error(`run ${i}: npm run qa wrote no timings.json (exit ${o.exitCode}):\n${o.tail}`);
    process.exit(1);
  }
  console.log(`run ${i}/${runs}: exit ${o.exitCode}, ${(o.durationMs / 1000).toFixed(1)} s (process start to exit)`);
  outcomes.push(o);
}
const sorted = [...outcomes].sort((a, b) => a.durationMs - b.durationMs);
const median = sorted[Math.floor(sorted.length / 2)]!;
mkdirSync(resolve(PROJECT_ROOT, 'reports'), { recursive: true });
writeFileAtomic(
  resolve(PROJECT_ROOT, 'reports', 'bench-stages.json'),
  `${JSON.stringify({ at: new Date().toISOString(), cores: cpus().length, runs, median: median.budget, all: outcomes.map((o) => o.budget) }, null, 2)}\n`,
);
console.log(
  `\n${cpus().length} cores; the median of ${runs} run(s), ${(median.durationMs / 1000).toFixed(1)} s from process start to exit (pipeline ${(median.budget!.totalMs / 1000).toFixed(1)} s):\n`,
);
console.log(formatBudgetTable(median.budget!));
