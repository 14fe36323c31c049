/**
 * `npm run bench:mutants -- [--sample N] [--seed S] [--projects list] [--file list] [--keep]`:
 * measures how much the Playwright suites detect beyond the faults they were written for.
 * Stryker's instrumenter plants every mutant of the reference target's server code
 * (scripts/mutants/instrument.ts) in one build; each Playwright worker's own target loads that
 * build, and each mutant of a deterministic sample is switched on by itself, faced with the tests
 * that reach its code, until the first failure (Stryker's bail). Prints each mutant's fate, the mutation score per suite and overall, and
 * every survivor as `file:line  original → mutant  (suites run)`: the oracles' to-do list.
 * Writes reports/bench-mutants.json. Exit 0 when it ran, 2 on bad options or a red baseline.
 *
 * k6, the scaling check and Lighthouse are not run on mutants (they judge speed, on targets of
 * their own processes); every Playwright suite is: core, api, security, oracle, ui, pwa, a11y.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../fixtures/settings.ts';
import { writeFileAtomic } from '../gate/atomic-write.ts';
import { mutatedFiles } from './mutants/instrument.ts';
import { PLAYWRIGHT_PROJECTS, playwrightProjects } from '../runner/suites.ts';
import type { Suite } from '../gate/model.ts';
import { MutantsAborted, runMutants } from './mutants/run-mutants.ts';
import { overallScore, progressLine, scoreTable, suiteScores, survivorLine } from './mutants/score.ts';

// every Playwright project a suite runs in (runner/suites.ts)
const PROJECTS = playwrightProjects(Object.keys(PLAYWRIGHT_PROJECTS) as Suite[]);
const USAGE = `usage: npm run bench:mutants -- [--sample N] [--seed S] [--projects api,ui-desktop,…] [--file reference-target/…ts,…]
                              [--grep <Playwright --grep>] [--mutants <id,…>] [--json <file>] [--keep]
  --sample N    mutants drawn from every mutant not listed as equivalent (default 100)
  --seed S      the draw (default 1): the same seed on the same code gives the same mutants
  --projects    Playwright projects to run (default ${PROJECTS.join(',')})
  --file        only mutants of these files (default: reference-target/extension, pages, opencart)
  --grep        only tests matching, e.g. @oracle
  --mutants     these mutant ids (as printed by a run with the same --file) instead of a sample
  --json        where to write the results (default reports/bench-mutants.json)
  --keep        keep the sandbox and the work folder`;

function usage(message: string): never {
  console.error(`bench:mutants: ${message}\n${USAGE}`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      sample: { type: 'string', default: '100' },
      seed: { type: 'string', default: '1' },
      projects: { type: 'string', default: PROJECTS.join(',') },
      file: { type: 'string' },
      keep: { type: 'boolean', default: false },
      grep: { type: 'string' },
      mutants: { type: 'string' },
      json: { type: 'string', default: 'reports/bench-mutants.json' },
      help: { type: 'boolean', default: false },
    },
  }));
} catch (err) {
  usage((err as Error).message);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const sample = Number(values.sample);
const seed = Number(values.seed);
if (!Number.isInteger(sample) || sample < 1 || sample > 10_000)
  usage(`--sample: expected a whole number of mutants from 1 to 10000; found ${JSON.stringify(values.sample)}`);
if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 31)
  usage(`--seed: expected a whole number from 0 to 2147483648; found ${JSON.stringify(values.seed)}`);
const projects = values.projects
  .split(',')
  .map((p) => p.trim())
  .filter(Boolean);
const badProject = projects.find((p) => !PROJECTS.includes(p));
if (!projects.length || badProject)
  usage(
    `--projects: expected Playwright projects among ${PROJECTS.join(', ')}; found ${JSON.stringify(badProject ?? values.projects)}`,
  );
let files: string[] | undefined;
if (values.file) {
  const known = mutatedFiles();
  files = values.file
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  const bad = files.find((f) => !known.includes(f));
  if (bad)
    usage(
      `--file: expected files of the mutated code (reference-target/extension, pages or opencart, e.g. ${known[0]}); found ${JSON.stringify(bad)}`,
    );
}

let mutantIds: string[] | undefined;
if (values.mutants !== undefined) {
  mutantIds = values.mutants
    .split(',')
    .map((m) => m.trim())
    .filter(Boolean);
  const bad = mutantIds.find((m) => !/^\d+$/.test(m));
  if (!mutantIds.length || bad !== undefined)
    usage(
      `--mutants: expected mutant ids (whole numbers, as a run prints them) separated by commas; found ${JSON.stringify(bad ?? values.mutants)}`,
    );
}
if (values.grep !== undefined) {
  try {
    new RegExp(values.grep);
  } catch (err) {
    usage(`--grep: expected a regular expression; found ${JSON.stringify(values.grep)} (${(err as Error).message})`);
  }
}

const workDir = mkdtempSync(join(tmpdir(), 'meschain-mutants-work-'));
const started = performance.now();
const say = (line: string) => console.log(`[mutants] ${line}`);
let run;
try {
  run = await runMutants({
    sample,
    seed,
    projects,
    files,
    mutantIds,
    grep: values.grep,
    workDir,
    keepSandbox: values.keep,
    say,
    onResult: (r, i, n) => console.log(progressLine(r, i, n)),
  });
} catch (err) {
  rmSync(workDir, { recursive: true, force: true });
  if (err instanceof MutantsAborted) {
    console.error(`bench:mutants: ${err.message}`);
    process.exit(2);
  }
  throw err;
}
if (!values.keep) rmSync(workDir, { recursive: true, force: true });
const minutes = (performance.now() - started) / 60_000;
const survivors = run.results.filter((r) => r.status === 'survived' || r.status === 'no-coverage');
const errors = run.results.filter((r) => r.status === 'error');
const drawn = mutantIds ? `${run.results.length} chosen` : `a sample of ${run.results.length}, seed ${seed},`;
console.log(
  `\nmutation score (${drawn} of ${run.totalMutants} mutants; per suite: the mutants its tests reach and judged — a run stops at its first failure):\n${scoreTable(run.results)}`,
);
if (survivors.length)
  console.log(`\nsurviving mutants (${survivors.length}):\n${survivors.map((r) => `  ${survivorLine(r)}`).join('\n')}`);
if (errors.length)
  console.log(
    `\nnot evaluated (${errors.length}), left out of the score:\n${errors.map((r) => `  ${r.file}:${r.line}  ${r.error}`).join('\n')}`,
  );
const o = overallScore(run.results);
console.log(
  `\nmutants: ${o.percent} % detected (${o.detected} of ${o.valid}), ${survivors.length} survived, ${run.equivalentListed} listed as equivalent; ${minutes.toFixed(1)} min on this machine`,
);
const jsonFile = resolve(PROJECT_ROOT, values.json);
mkdirSync(dirname(jsonFile), { recursive: true });
writeFileAtomic(
  jsonFile,
  `${JSON.stringify(
    {
      at: new Date().toISOString(),
      sample,
      seed,
      projects,
      files: files ?? 'all',
      totalMutants: run.totalMutants,
      equivalentListed: run.equivalentListed,
      minutes: Math.round(minutes * 10) / 10,
      coverageRun: run.coverageRun,
      score: o,
      suites: Object.fromEntries(suiteScores(run.results)),
      mutants: run.results,
    },
    null,
    2,
  )}\n`,
);
if (values.keep) say(`kept: sandbox ${run.sandbox}, work folder ${workDir}`);
